// Runs `prisma generate` for both providers without the native schema engine download (no
// internet here): generate never executes the engine, the variable only stops the download
// attempt. The PostgreSQL schema is regenerated from prisma/schema.prisma first.
import { spawnSync } from 'node:child_process';
import { writePostgresSchema, SQLITE_SCHEMA, POSTGRES_SCHEMA } from './pg-schema.mjs';

writePostgresSchema();
for (const schema of [SQLITE_SCHEMA, POSTGRES_SCHEMA]) {
  const result = spawnSync('npx', ['prisma', 'generate', '--schema', schema], {
    stdio: 'inherit',
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? '/bin/false',
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1',
    },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
