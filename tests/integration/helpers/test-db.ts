import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../../..');

/**
 * A fresh SQLite file migrated by the real migration script (scripts/migrate.ts), in its
 * own process as in production. Sets DATABASE_URL so `@/lib/db` opens it on first use:
 * import modules that use the database after calling this.
 */
export async function setupTestDatabase(): Promise<{ url: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'mesh-dojo-test-'));
  const url = `file:${path.join(dir, 'test.db')}`;
  await run(
    path.join(ROOT, 'node_modules/.bin/tsx'),
    [path.join(ROOT, 'scripts/migrate.ts'), 'deploy'],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url },
    },
  );
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
