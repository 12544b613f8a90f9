// Serves the production build for Playwright on 127.0.0.1 with a fresh SQLite file.
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const port = process.env.E2E_PORT ?? '3100';
const dbFile = path.join(ROOT, 'data', process.env.E2E_DB ?? 'e2e.db');
for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });

const env = {
  ...process.env,
  DATABASE_URL: `file:${dbFile}`,
  NODE_ENV: 'production',
  HOST: '127.0.0.1',
  PORT: port,
  // The whole suite signs up many accounts from 127.0.0.1; the limit itself has its own tests.
  SIGNUP_LIMIT_PER_HOUR: process.env.SIGNUP_LIMIT_PER_HOUR ?? '500',
};
const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
for (const args of [
  ['scripts/migrate.ts', 'deploy'],
  ['--conditions=react-server', 'scripts/seed.ts'],
]) {
  const result = spawnSync(tsx, args, { cwd: ROOT, env, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
// The production front door (scripts/server.ts): client address, CSP and security headers.
const server = spawn(tsx, ['scripts/server.ts'], { cwd: ROOT, env, stdio: 'inherit' });
const stop = () => server.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', (code) => process.exit(code ?? 0));
