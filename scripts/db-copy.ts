/**
 * `npm run db:copy -- --from file:./data/mesh-dojo.db --to postgresql://user@host/db`
 *
 * Moves every row of every table from the embedded SQLite file to a PostgreSQL database that
 * has been migrated (`DATABASE_URL=postgresql://… npm run db:migrate`) and is still empty, in
 * one PostgreSQL transaction, then verifies the row count and a checksum of every table read
 * back from PostgreSQL before committing. Any mismatch rolls everything back.
 *
 * Generic over the schema: tables, columns, types, foreign-key order and autoincrement
 * sequences come from the two databases' catalogues, so new models need no change here.
 * Read the SQLite file in one read transaction (a consistent snapshot); stop the app (or put
 * it in maintenance) first so no write lands after the snapshot.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { z } from 'zod';

const argsSchema = z.object({
  from: z
    .string({ error: '--from is required (a SQLite "file:" URL)' })
    .startsWith('file:', '--from must be a SQLite "file:" URL'),
  to: z
    .string({ error: '--to is required (a "postgresql://" URL)' })
    .regex(/^postgres(ql)?:\/\/\S+$/, '--to must be a "postgresql://" URL'),
  batch: z.coerce.number().int().min(1).max(5_000).default(500),
});

type ColumnKind = 'timestamp' | 'boolean' | 'integer' | 'float' | 'text';

interface Column {
  name: string;
  kind: ColumnKind;
  /** A nextval() default: the sequence must move past the copied ids. */
  serial: boolean;
}

interface Table {
  name: string;
  columns: Column[];
}

export interface TableReport {
  table: string;
  rows: number;
  checksum: string;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function kindOf(pgType: string): ColumnKind {
  if (pgType.startsWith('timestamp')) return 'timestamp';
  if (pgType === 'boolean') return 'boolean';
  if (['integer', 'bigint', 'smallint'].includes(pgType)) return 'integer';
  if (['double precision', 'real', 'numeric'].includes(pgType)) return 'float';
  return 'text';
}

/** One canonical text per value, equal for the SQLite source and the PostgreSQL copy. */
function canonical(kind: ColumnKind, value: unknown, from: 'sqlite' | 'pg'): string | null {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'timestamp': {
      if (from === 'pg') return new Date(`${String(value).replace(' ', 'T')}Z`).toISOString();
      // Prisma's SQLite adapter stores ISO text; older rows may hold epoch milliseconds.
      return new Date(typeof value === 'number' ? value : String(value)).toISOString();
    }
    case 'boolean':
      return from === 'pg'
        ? String(value === 't' || value === 'true')
        : String(value === 1 || value === 1n || value === true || value === 'true');
    case 'integer':
      return BigInt(value as string | number | bigint).toString();
    case 'float':
      return String(Number(value));
    default:
      return String(value);
  }
}

/** What PostgreSQL gets for a SQLite value (text for timestamps: UTC wall time, no offset). */
function toPg(kind: ColumnKind, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (kind === 'timestamp') return canonical('timestamp', value, 'sqlite')!.replace('Z', '');
  if (kind === 'boolean') return canonical('boolean', value, 'sqlite') === 'true';
  if (kind === 'integer') return BigInt(value as number | bigint).toString();
  return value;
}

function checksum(table: Table, rows: (string | null)[][]): string {
  const lines = rows.map((row) => JSON.stringify(row)).sort();
  const hash = createHash('sha256');
  hash.update(table.columns.map((c) => c.name).join(',') + '\n');
  for (const line of lines) hash.update(line + '\n');
  return hash.digest('hex');
}

async function targetTables(client: pg.ClientBase): Promise<Table[]> {
  const { rows } = await client.query<{
    table_name: string;
    column_name: string;
    data_type: string;
    column_default: string | null;
  }>(
    `SELECT table_name, column_name, data_type, column_default FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'
     ORDER BY table_name, ordinal_position`,
  );
  const tables = new Map<string, Table>();
  for (const r of rows) {
    const table = tables.get(r.table_name) ?? { name: r.table_name, columns: [] };
    table.columns.push({
      name: r.column_name,
      kind: kindOf(r.data_type),
      serial: r.column_default?.startsWith('nextval(') ?? false,
    });
    tables.set(r.table_name, table);
  }
  // Parents before children, from the foreign keys.
  const { rows: fks } = await client.query<{ child: string; parent: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
     FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE c.contype = 'f' AND n.nspname = current_schema()`,
  );
  const unquote = (s: string) => s.replace(/^"|"$/g, '');
  const parents = new Map<string, Set<string>>();
  for (const { child, parent } of fks) {
    if (unquote(child) === unquote(parent)) continue;
    const set = parents.get(unquote(child)) ?? new Set<string>();
    set.add(unquote(parent));
    parents.set(unquote(child), set);
  }
  const ordered: Table[] = [];
  const done = new Set<string>();
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (done.has(name)) return;
    if (visiting.has(name)) throw new Error(`foreign keys form a cycle through ${name}`);
    visiting.add(name);
    for (const parent of parents.get(name) ?? []) visit(parent);
    visiting.delete(name);
    done.add(name);
    const table = tables.get(name);
    if (table) ordered.push(table);
  };
  for (const name of [...tables.keys()].sort()) visit(name);
  return ordered;
}

/** Copies and verifies; returns one report per table. Throws (and rolls back) on any problem. */
export async function copySqliteToPostgres(
  fromUrl: string,
  toUrl: string,
  batch = 500,
): Promise<TableReport[]> {
  const file = path.resolve(process.cwd(), fromUrl.slice('file:'.length));
  if (!existsSync(file)) throw new Error(`No SQLite database at ${file}`);
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  const client = new pg.Client({ connectionString: toUrl });
  await client.connect();
  try {
    const tables = await targetTables(client);
    if (tables.length === 0) {
      throw new Error('The target has no tables: run `npm run db:migrate` against it first.');
    }
    const sourceTables = new Set(
      (
        sqlite
          .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
          )
          .all() as { name: string }[]
      ).map((r) => r.name),
    );
    for (const t of tables) {
      if (!sourceTables.has(t.name)) {
        throw new Error(
          `Table ${t.name} is missing in the SQLite file: migrate it first (npm run db:migrate).`,
        );
      }
    }
    for (const name of sourceTables) {
      if (name !== '_prisma_migrations' && !tables.some((t) => t.name === name)) {
        throw new Error(
          `Table ${name} exists in SQLite but not in PostgreSQL: migrate the target first.`,
        );
      }
    }
    // One snapshot of the source.
    const snapshot = sqlite.transaction(() =>
      tables.map((t) => ({
        table: t,
        rows: sqlite
          .prepare(`SELECT ${t.columns.map((c) => quote(c.name)).join(', ')} FROM ${quote(t.name)}`)
          .raw()
          .all() as unknown[][],
      })),
    )();

    await client.query('BEGIN');
    for (const t of tables) {
      const { rows } = await client.query<{ n: string }>(
        `SELECT COUNT(*)::text AS n FROM ${quote(t.name)}`,
      );
      if (rows[0]?.n !== '0') {
        throw new Error(
          `The target is not empty (${t.name} has ${rows[0]?.n} rows); nothing was copied.`,
        );
      }
    }
    const reports: TableReport[] = [];
    for (const { table, rows } of snapshot) {
      const cols = table.columns;
      const per = Math.max(1, Math.min(batch, Math.floor(30_000 / cols.length)));
      for (let start = 0; start < rows.length; start += per) {
        const chunk = rows.slice(start, start + per);
        const values: unknown[] = [];
        const tuples = chunk.map((row) => {
          const placeholders = cols.map((c, i) => {
            values.push(toPg(c.kind, row[i]));
            return `$${values.length}`;
          });
          return `(${placeholders.join(', ')})`;
        });
        await client.query(
          `INSERT INTO ${quote(table.name)} (${cols.map((c) => quote(c.name)).join(', ')}) VALUES ${tuples.join(', ')}`,
          values,
        );
      }
      for (const c of cols.filter((col) => col.serial)) {
        await client.query(
          `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT MAX(${quote(c.name)}) FROM ${quote(table.name)}), 0) + 1, false)`,
          [quote(table.name), c.name],
        );
      }
      // Verify against what PostgreSQL now holds, read back as text.
      const { rows: back } = await client.query<Record<string, string | null>>({
        text: `SELECT ${cols.map((c) => `${quote(c.name)}::text AS ${quote(c.name)}`).join(', ')} FROM ${quote(table.name)}`,
      });
      const sourceSum = checksum(
        table,
        rows.map((row) => cols.map((c, i) => canonical(c.kind, row[i], 'sqlite'))),
      );
      const targetSum = checksum(
        table,
        back.map((row) => cols.map((c) => canonical(c.kind, row[c.name], 'pg'))),
      );
      if (back.length !== rows.length || sourceSum !== targetSum) {
        throw new Error(
          `Verification failed for ${table.name}: ${rows.length} rows / ${sourceSum.slice(0, 12)} in SQLite, ` +
            `${back.length} rows / ${targetSum.slice(0, 12)} in PostgreSQL. Rolled back.`,
        );
      }
      reports.push({ table: table.name, rows: rows.length, checksum: sourceSum });
    }
    await client.query('COMMIT');
    return reports;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    sqlite.close();
    await client.end();
  }
}

async function main(): Promise<void> {
  let raw: Record<string, unknown>;
  try {
    raw = parseArgs({
      options: { from: { type: 'string' }, to: { type: 'string' }, batch: { type: 'string' } },
    }).values;
  } catch (error) {
    throw new Error(
      `${(error as Error).message}\nUsage: npm run db:copy -- --from file:… --to postgresql://…`,
    );
  }
  const parsed = argsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `${parsed.error.issues.map((i) => i.message).join('\n')}\nUsage: npm run db:copy -- --from file:./data/mesh-dojo.db --to postgresql://user@host:5432/db`,
    );
  }
  const reports = await copySqliteToPostgres(parsed.data.from, parsed.data.to, parsed.data.batch);
  const width = Math.max(...reports.map((r) => r.table.length));
  for (const r of reports) {
    console.log(
      `${r.table.padEnd(width)}  ${String(r.rows).padStart(8)} rows  sha256 ${r.checksum.slice(0, 16)}`,
    );
  }
  console.log(
    `Copied and verified ${reports.length} tables, ${reports.reduce((n, r) => n + r.rows, 0)} rows.`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
