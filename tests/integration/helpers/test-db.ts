import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../../..');

/**
 * Which database the integration suite runs on: SQLite by default; PostgreSQL when
 * TEST_PG_URL is an admin URL of a server that may create databases (`npm test` starts a
 * throwaway one, scripts/pg-server.mjs, and runs the suite once per provider).
 */
export const testProvider: 'sqlite' | 'postgresql' = process.env.TEST_PG_URL
  ? 'postgresql'
  : 'sqlite';

async function migrate(url: string): Promise<void> {
  await run(
    path.join(ROOT, 'node_modules/.bin/tsx'),
    [path.join(ROOT, 'scripts/migrate.ts'), 'deploy'],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: url } },
  );
}

async function setupPostgres(
  adminUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `mesh_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * A fresh database migrated by the real migration script (scripts/migrate.ts), in its own
 * process as in production: a temporary SQLite file, or a new PostgreSQL database when
 * TEST_PG_URL is set. Sets DATABASE_URL so `@/lib/db` opens it on first use: import modules
 * that use the database after calling this.
 */
export async function setupTestDatabase(): Promise<{ url: string; cleanup: () => Promise<void> }> {
  const adminUrl = process.env.TEST_PG_URL;
  if (adminUrl) {
    const { url, drop } = await setupPostgres(adminUrl);
    await migrate(url);
    process.env.DATABASE_URL = url;
    process.env.NEXTAUTH_SECRET ??= 'integration-test-secret-of-at-least-32-chars';
    return {
      url,
      cleanup: async () => {
        const { db } = await import('@/lib/db');
        await db.$disconnect();
        await drop();
      },
    };
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'mesh-dojo-test-'));
  const url = `file:${path.join(dir, 'test.db')}`;
  await migrate(url);
  process.env.DATABASE_URL = url;
  return {
    url,
    cleanup: async () => {
      const { db } = await import('@/lib/db');
      await db.$disconnect();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

let counter = 0;

/** Inserts a user directly (no password) and returns its id and email. */
export async function createTestUser(email?: string): Promise<{ id: string; email: string }> {
  const { db } = await import('@/lib/db');
  counter += 1;
  const address = email ?? `user${counter}-${Date.now()}@example.test`;
  const user = await db.user.create({
    data: { email: address, name: `Test user ${counter}` },
    select: { id: true, email: true },
  });
  return user;
}
