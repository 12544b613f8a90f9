import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase, testProvider } from './helpers/test-db';

// Several processes on one SQLite file (the front door's workers with WEB_CONCURRENCY > 1, or
// a CLI script beside the server): read-then-write transactions from both must all commit, in
// turn, with no SQLITE_BUSY and no lost update (lib/db-serialized-adapter.ts begins them
// IMMEDIATE so the busy timeout applies).
const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const ROUNDS = 40;

describe.skipIf(testProvider !== 'sqlite')('SQLite shared by several processes', () => {
  let database: Awaited<ReturnType<typeof setupTestDatabase>>;
  beforeAll(async () => {
    database = await setupTestDatabase();
  });
  afterAll(async () => {
    await database.cleanup();
  });

  it('runs interleaved read-then-write transactions from two processes without BUSY or lost updates', async () => {
    const writer = () =>
      run(
        path.join(ROOT, 'node_modules/.bin/tsx'),
        ['--conditions=react-server', 'tests/integration/helpers/sqlite-writer.ts'],
        {
          cwd: ROOT,
          env: { ...process.env, DATABASE_URL: database.url, ROUNDS: String(ROUNDS) },
          timeout: 60_000,
        },
      ).then(
        ({ stdout }) =>
          JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
            done: number;
            errors: string[];
          },
      );
    const results = await Promise.all([writer(), writer()]);
    for (const result of results) {
      expect(result.errors).toEqual([]);
      expect(result.done).toBe(ROUNDS);
    }
    const { db } = await import('@/lib/db');
    const row = await db.rateLimit.findUnique({ where: { key: 'sqlite-processes' } });
    expect(row?.count).toBe(2 * ROUNDS);
  }, 90_000);
});
