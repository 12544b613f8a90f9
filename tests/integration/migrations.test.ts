import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase, testProvider } from './helpers/test-db';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const migrate = (args: string[], env: Record<string, string>) =>
  run(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'scripts/migrate.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  });

let url: string;
let cleanup: () => Promise<void>;
let dir: string;
/** The database the migration commands run on: SQLite gets its own file, because the
 * test process's open client would hold the file while a migration wants it. */
let commandUrl: string;
beforeAll(async () => {
  ({ url, cleanup } = await setupTestDatabase());
  dir = await mkdtemp(path.join(tmpdir(), 'mesh-dojo-migrations-'));
  commandUrl = testProvider === 'postgresql' ? url : `file:${path.join(dir, 'commands.db')}`;
});
afterAll(async () => {
  await cleanup();
  await rm(dir, { recursive: true, force: true });
});

// Each case runs the migration script in its own process (a few seconds each on a busy machine).
describe(`migrations on ${testProvider}`, { timeout: 120_000 }, () => {
  it('runs on the provider DATABASE_URL selects', async () => {
    const { db } = await import('@/lib/db');
    const rows = await db.$queryRawUnsafe<{ v: string }[]>(
      testProvider === 'postgresql' ? 'SELECT version() AS v' : 'SELECT sqlite_version() AS v',
    );
    expect(rows[0]?.v).toMatch(testProvider === 'postgresql' ? /^PostgreSQL/ : /^3\./);
  });

  it("match this provider's schema (migrate.ts check)", async () => {
    const { stdout } = await migrate(['check'], { DATABASE_URL: commandUrl });
    expect(stdout).toContain(`${testProvider}: migrations match the schema.`);
  });

  it('check fails, naming the missing steps, when the schema has a model the migrations lack', async () => {
    const schemaPath =
      testProvider === 'postgresql' ? 'prisma/postgres/schema.prisma' : 'prisma/schema.prisma';
    const schema = await readFile(path.join(ROOT, schemaPath), 'utf8');
    const drifted = path.join(dir, 'schema.prisma');
    await writeFile(drifted, `${schema}\nmodel Drift {\n  id String @id\n}\n`);
    const failed = await migrate(['check'], {
      DATABASE_URL: commandUrl,
      MIGRATE_SCHEMA: drifted,
    }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toMatch(/does not describe[\s\S]*Drift/);
  });

  it('deploy is idempotent and two concurrent deploys apply each migration once', async () => {
    const fresh = testProvider === 'postgresql' ? url : `file:${path.join(dir, 'concurrent.db')}`;
    if (testProvider === 'sqlite') await migrate(['deploy'], { DATABASE_URL: fresh });
    const results = await Promise.all([
      migrate(['deploy'], { DATABASE_URL: fresh }),
      migrate(['deploy'], { DATABASE_URL: fresh }),
    ]);
    for (const r of results) expect(r.stdout).toMatch(/up to date/);
    let applied: number;
    if (testProvider === 'postgresql') {
      const { db } = await import('@/lib/db');
      const rows = await db.$queryRawUnsafe<{ n: number | bigint }[]>(
        'SELECT COUNT(*) AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL',
      );
      applied = Number(rows[0]?.n);
    } else {
      const sqlite = new Database(fresh.slice('file:'.length), { readonly: true });
      applied = (
        sqlite
          .prepare('SELECT COUNT(*) AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL')
          .get() as { n: number }
      ).n;
      sqlite.close();
    }
    const dirs = await import('node:fs/promises').then((fs) =>
      fs.readdir(
        path.join(
          ROOT,
          testProvider === 'postgresql' ? 'prisma/postgres/migrations' : 'prisma/migrations',
        ),
        { withFileTypes: true },
      ),
    );
    expect(applied).toBe(dirs.filter((d) => d.isDirectory()).length);
  });
});

/** Tables → sorted "column:nullable" lists, from each database's own catalogue. */
async function sqliteShape(file: string): Promise<Record<string, string[]>> {
  const sqlite = new Database(file, { readonly: true });
  const tables = sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'",
    )
    .all() as { name: string }[];
  const shape: Record<string, string[]> = {};
  for (const { name } of tables) {
    const cols = sqlite.prepare(`PRAGMA table_info("${name}")`).all() as {
      name: string;
      notnull: number;
      pk: number;
    }[];
    shape[name] = cols
      .map((c) => `${c.name}:${c.notnull || c.pk ? 'required' : 'optional'}`)
      .sort();
  }
  sqlite.close();
  return shape;
}

describe.runIf(testProvider === 'postgresql')('the two providers', { timeout: 120_000 }, () => {
  it('migrate to the same tables, columns and nullability', async () => {
    const file = path.join(dir, 'shape.db');
    await migrate(['deploy'], { DATABASE_URL: `file:${file}` });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{
      table_name: string;
      column_name: string;
      is_nullable: string;
    }>(
      "SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'",
    );
    await client.end();
    const pgShape: Record<string, string[]> = {};
    for (const r of rows) {
      (pgShape[r.table_name] ??= []).push(
        `${r.column_name}:${r.is_nullable === 'NO' ? 'required' : 'optional'}`,
      );
    }
    for (const cols of Object.values(pgShape)) cols.sort();
    expect(pgShape).toEqual(await sqliteShape(file));
  });
});
