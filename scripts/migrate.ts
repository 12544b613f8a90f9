/**
 * Prisma migrations without the native schema engine (no binary download here).
 *
 *   tsx scripts/migrate.ts deploy        apply pending migrations (creates the database file)
 *   tsx scripts/migrate.ts new <name>    create prisma/migrations/<timestamp>_<name> from the schema diff, then apply it
 *   tsx scripts/migrate.ts status        list applied / pending migrations and drift
 *
 * Runs Prisma's own schema engine compiled to WebAssembly (@prisma/schema-engine-wasm, the
 * same engine inside prisma 7.10.0) through the better-sqlite3 driver adapter, and keeps the
 * CLI's standard layout (migration.sql files, migration_lock.toml, `_prisma_migrations` with
 * checksums), so `prisma migrate deploy` works unchanged on machines that can fetch the engine.
 * See docs/migrations.md.
 */
import { readFile, readdir, mkdir, writeFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';

const ROOT = path.resolve(import.meta.dirname, '..');
const SCHEMA_PATH = path.join(ROOT, 'prisma', 'schema.prisma');
const MIGRATIONS_DIR = path.join(ROOT, 'prisma', 'migrations');
const LOCKFILE = 'migration_lock.toml';
const FILTERS = { externalTables: [], externalEnums: [] };
const DEFAULT_URL = 'file:./data/mesh-dojo.db';

function databaseUrl(): string {
  return process.env.DATABASE_URL ?? DEFAULT_URL;
}

function sqlitePath(url: string): string {
  if (!url.startsWith('file:')) {
    throw new Error(`DATABASE_URL must be a SQLite "file:" URL for this script, got "${url}"`);
  }
  return path.resolve(process.cwd(), url.slice('file:'.length));
}

async function loadWasmEngine(): Promise<typeof bg.SchemaEngine> {
  // The package root imports the .wasm as an ES module, which Node 20 refuses; wire the
  // wasm-bindgen glue to a manually instantiated module instead.
  const require = createRequire(import.meta.url);
  const wasmPath = path.join(
    path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')),
    'schema_engine_bg.wasm',
  );
  const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
    './schema_engine_bg.js': bg as unknown as WebAssembly.ModuleImports,
  });
  const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start: () => void };
  bg.__wbg_set_wasm(exports);
  exports.__wbindgen_start();
  return bg.SchemaEngine;
}

/**
 * better-sqlite3 rejects multi-statement SQL in `prepare`, but the engine replays whole
 * migration files on the shadow database through parameterless `executeRaw`. Route those
 * to `executeScript` (which uses `exec`).
 */
function withScriptAwareShadow(
  factory: PrismaBetterSqlite3,
  opened: SqlDriverAdapter[],
): SqlMigrationAwareDriverAdapterFactory {
  const connect = async (): Promise<SqlDriverAdapter> => {
    const adapter = await factory.connect();
    opened.push(adapter);
    return adapter;
  };
  const connectToShadowDb = async (): Promise<SqlDriverAdapter> => {
    const adapter = await factory.connectToShadowDb();
    opened.push(adapter);
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.executeRaw = async (query) => {
      if (query.args.length === 0) {
        await adapter.executeScript(query.sql);
        return 0;
      }
      return executeRaw(query);
    };
    return adapter;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect,
    connectToShadowDb,
  };
}

async function readMigrationList(): Promise<MigrationList> {
  await mkdir(MIGRATIONS_DIR, { recursive: true });
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true });
  const dirs = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b));
  const migrationDirectories = await Promise.all(
    dirs.map(async (dir) => {
      const sqlPath = path.join(MIGRATIONS_DIR, dir, 'migration.sql');
      const content = await readFile(sqlPath, 'utf8').then(
        (value) => ({ tag: 'ok' as const, value }),
        () => ({ tag: 'error' as const, value: `missing ${sqlPath}` }),
      );
      return { path: dir, migrationFile: { path: 'migration.sql', content } };
    }),
  );
  const lockContent = await readFile(path.join(MIGRATIONS_DIR, LOCKFILE), 'utf8').catch(() => null);
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: LOCKFILE, content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories,
  } as MigrationList;
}

async function withEngine<T>(
  run: (engine: SchemaEngine, schema: string) => Promise<T>,
): Promise<T> {
  const url = databaseUrl();
  const file = sqlitePath(url);
  await mkdir(path.dirname(file), { recursive: true });
  const SchemaEngineCtor = await loadWasmEngine();
  const schemaText = await readFile(SCHEMA_PATH, 'utf8');
  const factory = new PrismaBetterSqlite3({ url: `file:${file}` });
  // The adapter holds the SQLite file locked until its connection is disposed, and
  // engine.free() does not dispose it: track every connection and close it ourselves.
  const opened: SqlDriverAdapter[] = [];
  const adapterFactory = bindMigrationAwareSqlAdapterFactory(
    withScriptAwareShadow(factory, opened),
  );
  const logs: string[] = [];
  const engine = (await SchemaEngineCtor.new(
    { datamodels: [[SCHEMA_PATH, schemaText]] },
    (log: string) => logs.push(log),
    adapterFactory,
  )) as SchemaEngine;
  try {
    return await run(engine, schemaText);
  } catch (error) {
    if (process.env.MIGRATE_DEBUG) console.error(logs.join('\n'));
    throw error;
  } finally {
    engine.free();
    await Promise.all(opened.map((adapter) => adapter.dispose()));
  }
}

/** WAL gives crash safety and concurrent readers; the mode persists in the file. */
function enableWal(): void {
  const db = new Database(sqlitePath(databaseUrl()));
  db.pragma('journal_mode = WAL');
  db.close();
}

async function deploy(): Promise<void> {
  const migrationsList = await readMigrationList();
  if (migrationsList.migrationDirectories.length === 0) {
    throw new Error(
      'No migrations in prisma/migrations. Create one with: npm run db:migrate:new -- <name>',
    );
  }
  const { appliedMigrationNames } = await withEngine((engine) =>
    engine.applyMigrations({ migrationsList, filters: FILTERS }),
  );
  enableWal();
  console.log(
    appliedMigrationNames.length
      ? `Applied ${appliedMigrationNames.length} migration(s): ${appliedMigrationNames.join(', ')}`
      : 'Database is up to date; no pending migrations.',
  );
}

async function createNew(rawName: string | undefined): Promise<void> {
  const name = (rawName ?? '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!name)
    throw new Error('Usage: npm run db:migrate:new -- <name>   (letters, digits, underscores)');
  const created = await withEngine(async (engine, schemaText) => {
    let migrationsList = await readMigrationList();
    // The CLI's order: apply pending → devDiagnostic → evaluateDataLoss → createMigration.
    // devDiagnostic must run first on this engine instance or the SQLite shadow database
    // is not wired up; on a brand-new file it needs `_prisma_migrations`, which apply creates.
    await engine.applyMigrations({ migrationsList, filters: FILTERS });
    const diagnostic = await engine.devDiagnostic({ migrationsList, filters: FILTERS });
    if (diagnostic.action.tag === 'reset') {
      throw new Error(
        `The development database has drifted: ${diagnostic.action.reason}\nDelete it and rerun.`,
      );
    }
    const schema = { files: [{ path: SCHEMA_PATH, content: schemaText }] };
    const dataLoss = await engine.evaluateDataLoss({ migrationsList, schema, filters: FILTERS });
    for (const warning of dataLoss.warnings) console.warn(`warning: ${warning.message}`);
    if (dataLoss.unexecutableSteps.length > 0) {
      throw new Error(dataLoss.unexecutableSteps.map((s) => s.message).join('\n'));
    }
    const result = await engine.createMigration({
      draft: false,
      migrationName: name,
      migrationsList,
      schema,
      filters: FILTERS,
    });
    if (result.migrationScript === null) return null;
    const dir = path.join(MIGRATIONS_DIR, result.generatedMigrationName);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'migration.sql'), result.migrationScript);
    const lockPath = path.join(MIGRATIONS_DIR, LOCKFILE);
    if (!(await stat(lockPath).catch(() => null))) {
      await writeFile(
        lockPath,
        '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "sqlite"\n',
      );
    }
    migrationsList = await readMigrationList();
    await engine.applyMigrations({ migrationsList, filters: FILTERS });
    return result.generatedMigrationName;
  });
  enableWal();
  console.log(
    created
      ? `Created and applied prisma/migrations/${created}`
      : 'Schema unchanged; no migration created.',
  );
}

async function status(): Promise<void> {
  const migrationsList = await readMigrationList();
  const file = sqlitePath(databaseUrl());
  const exists = await stat(file).catch(() => null);
  if (!exists) {
    console.log(
      `No database at ${file}. ${migrationsList.migrationDirectories.length} migration(s) pending.`,
    );
    return;
  }
  const result = await withEngine((engine) =>
    engine.diagnoseMigrationHistory({
      migrationsList,
      optInToShadowDatabase: false,
      filters: FILTERS,
    }),
  );
  console.log(`Database: ${file}`);
  console.log(`Migrations in prisma/migrations: ${migrationsList.migrationDirectories.length}`);
  if (!result.history) console.log('Status: up to date.');
  else if (result.history.diagnostic === 'databaseIsBehind')
    console.log(`Status: pending: ${result.history.unappliedMigrationNames.join(', ')}`);
  else console.log(`Status: ${result.history.diagnostic}: ${JSON.stringify(result.history)}`);
  if (result.failedMigrationNames.length)
    console.log(`Failed: ${result.failedMigrationNames.join(', ')}`);
  if (result.editedMigrationNames.length)
    console.log(`Edited after apply: ${result.editedMigrationNames.join(', ')}`);
}

async function main(): Promise<void> {
  const [command, arg] = process.argv.slice(2);
  if (command === 'deploy') await deploy();
  else if (command === 'new') await createNew(arg);
  else if (command === 'status') await status();
  else throw new Error('Usage: tsx scripts/migrate.ts deploy | new <name> | status');
}

main().then(
  // The wasm engine leaves a 60 s timer pending after createMigration: exit explicitly.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
