import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copySqliteToPostgres } from '@/scripts/db-copy';
import { setupTestDatabase, testProvider } from './helpers/test-db';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
const ROWS = 3;

interface ColumnInfo {
  name: string;
  type: string;
  notnull: number;
  pk: number;
}

/**
 * Fills every table of a migrated SQLite file with ROWS synthetic rows, whatever the schema:
 * values follow each column's declared type, foreign keys point at parent rows, nullable
 * columns get one NULL. New models are covered without touching this test.
 */
function fillEveryTable(file: string): string[] {
  const sqlite = new Database(file);
  const tables = (
    sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'",
      )
      .all() as { name: string }[]
  ).map((t) => t.name);
  const fks = new Map(
    tables.map((t) => [
      t,
      sqlite.prepare(`PRAGMA foreign_key_list("${t}")`).all() as {
        table: string;
        from: string;
        to: string;
      }[],
    ]),
  );
  const order: string[] = [];
  const visit = (t: string) => {
    if (order.includes(t)) return;
    for (const fk of fks.get(t) ?? []) if (fk.table !== t) visit(fk.table);
    order.push(t);
  };
  tables.sort().forEach(visit);
  for (const table of order) {
    const columns = sqlite.prepare(`PRAGMA table_info("${table}")`).all() as ColumnInfo[];
    for (let i = 0; i < ROWS; i += 1) {
      const names: string[] = [];
      const values: unknown[] = [];
      for (const c of columns) {
        const type = c.type.toUpperCase();
        if (c.pk && type === 'INTEGER') continue; // autoincrement id
        const fk = fks.get(table)?.find((f) => f.from === c.name);
        let value: unknown;
        if (fk) {
          const parent = sqlite
            .prepare(`SELECT "${fk.to}" AS v FROM "${fk.table}" ORDER BY rowid LIMIT 1 OFFSET ?`)
            .get(i % ROWS) as { v: unknown };
          value = parent.v;
        } else if (!c.notnull && !c.pk && i === ROWS - 1) value = null;
        else if (type === 'DATETIME')
          value = new Date(Date.UTC(2026, 0, 1 + i, 8, 30, 15, 123 + i))
            .toISOString()
            .replace('Z', '+00:00');
        else if (type === 'INTEGER' || type === 'BIGINT') value = i + 1;
        else if (type === 'REAL' || type === 'DECIMAL') value = i + 0.1;
        else if (type === 'BOOLEAN') value = i % 2;
        else value = `${table}.${c.name} #${i} ✓ "quoted"; -- not sql`;
        names.push(`"${c.name}"`);
        values.push(value);
      }
      sqlite
        .prepare(
          `INSERT INTO "${table}" (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
        )
        .run(...values);
    }
  }
  sqlite.close();
  return order;
}

describe.runIf(testProvider === 'postgresql')(
  'db:copy from SQLite to PostgreSQL',
  { timeout: 120_000 },
  () => {
    let pgUrl: string;
    let cleanup: () => Promise<void>;
    let dir: string;
    let sqliteUrl: string;
    let tables: string[];

    beforeAll(async () => {
      ({ url: pgUrl, cleanup } = await setupTestDatabase());
      dir = await mkdtemp(path.join(tmpdir(), 'mesh-dojo-copy-'));
      sqliteUrl = `file:${path.join(dir, 'source.db')}`;
      await run(tsx, [path.join(ROOT, 'scripts/migrate.ts'), 'deploy'], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: sqliteUrl },
      });
      tables = fillEveryTable(sqliteUrl.slice('file:'.length));
    });
    afterAll(async () => {
      await cleanup();
      await rm(dir, { recursive: true, force: true });
    });

    it('copies every row of every table and verifies counts and checksums', async () => {
      const reports = await copySqliteToPostgres(sqliteUrl, pgUrl);
      expect(reports.map((r) => r.table).sort()).toEqual([...tables].sort());
      for (const r of reports) expect(r.rows, r.table).toBe(ROWS);
      // The app reads the copy through Prisma with the same values (dates to the millisecond).
      const { db } = await import('@/lib/db');
      const users = await db.user.findMany({ orderBy: { createdAt: 'asc' } });
      expect(users).toHaveLength(ROWS);
      expect(users[0]?.createdAt.toISOString()).toBe('2026-01-01T08:30:15.123Z');
      expect(users[2]?.passwordHash).toBeUndefined(); // omitted by the client, as always
    });

    it('refuses a non-empty target and changes nothing', async () => {
      await expect(copySqliteToPostgres(sqliteUrl, pgUrl)).rejects.toThrow(/not empty/);
      const { db } = await import('@/lib/db');
      expect(await db.user.count()).toBe(ROWS);
    });

    it('the CLI rejects bad arguments with a message and exit code 1', async () => {
      const failed = await run(
        tsx,
        [path.join(ROOT, 'scripts/db-copy.ts'), '--from', 'x.db', '--to', pgUrl],
        {
          cwd: ROOT,
        },
      ).then(
        () => null,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failed?.code).toBe(1);
      expect(failed?.stderr).toContain('--from must be a SQLite "file:" URL');
    });
  },
);
