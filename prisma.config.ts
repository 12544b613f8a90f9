import { defineConfig } from 'prisma/config';

// The CLI is only used for `prisma generate` here (migrations run through the wasm
// schema engine in scripts/migrate.ts). `env()` would throw when DATABASE_URL is unset
// and break `postinstall`, so fall back to the embedded default.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'file:./data/mesh-dojo.db' },
});
