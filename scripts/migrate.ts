/**
 * Prisma migrations without the native schema engine (no binary download here), for SQLite
 * and PostgreSQL. DATABASE_URL selects the provider: `file:…` → prisma/schema.prisma and
 * prisma/migrations; `postgresql://…` → prisma/postgres/schema.prisma (generated from the
 * first) and prisma/postgres/migrations.
 *
 *   tsx scripts/migrate.ts deploy        apply pending migrations (creates the SQLite file)
 *   tsx scripts/migrate.ts new <name>    create a migration from the schema diff for SQLite and, with a
 *                                        throwaway PostgreSQL server (scripts/pg-server.mjs), for PostgreSQL
 *   tsx scripts/migrate.ts status        list applied / pending migrations and drift
 *   tsx scripts/migrate.ts check         fail (exit 1) if this provider's migrations differ from its schema
 *
 * Runs Prisma's own schema engine compiled to WebAssembly (@prisma/schema-engine-wasm, the
 * same engine inside prisma 7.10.0) through the better-sqlite3 or pg driver adapter, and keeps
 * the CLI's standard layout (migration.sql files, migration_lock.toml, `_prisma_migrations` with
 * checksums), so `prisma migrate deploy` works unchanged on machines that can fetch the engine.
 * See docs/migrations.md.
 */
import { readFile, readdir, mkdir, writeFile, stat } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import pg from 'pg';
import { parse as parsePgUrl } from 'pg-connection-string';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';

const ROOT = path.resolve(import.meta.dirname, '..');
const LOCKFILE = 'migration_lock.toml';
const FILTERS = { externalTables: [], externalEnums: [] };
const DEFAULT_URL = 'file:./data/mesh-dojo.db';
/** Our own release-step lock (not the engine's key 72707369, which it may take itself). */
const RELEASE_LOCK_KEY = 72707370;

type Provider = 'sqlite' | 'postgresql';

interface Target {
  provider: Provider;
  url: string;
  schemaPath: string;
  migrationsDir: string;
}

function target(url = process.env.DATABASE_URL ?? DEFAULT_URL): Target {
  const resolved = providerTarget(url);
  // Tests point `check` at a deliberately wrong schema or folder.
  return {
    ...resolved,
    schemaPath: process.env.MIGRATE_SCHEMA ?? resolved.schemaPath,
    migrationsDir: process.env.MIGRATE_DIR ?? resolved.migrationsDir,
  };
}

function providerTarget(url: string): Target {
  if (url.startsWith('file:')) {
    return {
      provider: 'sqlite',
      url,
      schemaPath: path.join(ROOT, 'prisma', 'schema.prisma'),
      migrationsDir: path.join(ROOT, 'prisma', 'migrations'),
    };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    return {
      provider: 'postgresql',
      url,
      schemaPath: path.join(ROOT, 'prisma', 'postgres', 'schema.prisma'),
      migrationsDir: path.join(ROOT, 'prisma', 'postgres', 'migrations'),
    };
  }
  throw new Error(
    `DATABASE_URL must start with "file:" (SQLite) or "postgresql://" (PostgreSQL), got "${url.slice(0, 40)}"`,
  );
}

function sqlitePath(url: string): string {
  return path.resolve(process.cwd(), url.slice('file:'.length));
}

let engineCtor: typeof bg.SchemaEngine | undefined;
/** The last Rust panic message: the wasm glue reports panics through this global. */
let lastPanic = '';
(globalThis as unknown as { PRISMA_WASM_PANIC_REGISTRY: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
  set_message: (message: string) => {
    lastPanic = message;
  },
};

async function loadWasmEngine(): Promise<typeof bg.SchemaEngine> {
  // One instance per process: the glue keeps module-level state.
  if (engineCtor) return engineCtor;
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
  engineCtor = bg.SchemaEngine;
  return engineCtor;
}

/**
 * better-sqlite3 rejects multi-statement SQL in `prepare`, but the engine replays whole
 * migration files on the shadow database through parameterless `executeRaw`. Route those
 * to `executeScript` (which uses `exec`).
 */
function sqliteFactory(
  url: string,
  opened: SqlDriverAdapter[],
): SqlMigrationAwareDriverAdapterFactory {
  const factory = new PrismaBetterSqlite3({ url: `file:${sqlitePath(url)}` });
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

/** Discrete connection fields: with `connectionString` set, a `database` override is ignored. */
function pgConfig(url: string): pg.PoolConfig {
  const parsed = parsePgUrl(url);
  return {
    host: parsed.host ?? '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : 5432,
    user: parsed.user ?? undefined,
    password: parsed.password ?? undefined,
    database: parsed.database ?? undefined,
    ssl: parsed.ssl ? (parsed.ssl as pg.PoolConfig['ssl']) : undefined,
    // One connection: the engine's session-level advisory lock and its statements must share it.
    max: 1,
  };
}

/**
 * A pool the wasm engine can use through adapter-pg 7.10.0: the schema describer reads
 * PostgreSQL's internal `"char"` type (OID 18), which the adapter cannot map — report it as
 * text (OID 25).
 */
function enginePool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<pg.QueryResult>;
  (pool as unknown as { query: (...args: unknown[]) => Promise<pg.QueryResult> }).query = async (
    ...args: unknown[]
  ) => {
    const result = await query(...args);
    for (const field of result.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
    return result;
  };
  return pool;
}

/** adapter-pg splits scripts on every `;`: run the whole script as one simple-protocol query. */
function wholeScripts(adapter: SqlDriverAdapter, pool: pg.Pool): SqlDriverAdapter {
  adapter.executeScript = async (script: string) => {
    await pool.query(script);
  };
  return adapter;
}

function postgresFactory(
  url: string,
  opened: SqlDriverAdapter[],
): SqlMigrationAwareDriverAdapterFactory {
  const config = pgConfig(url);
  const connectTo = async (poolConfig: pg.PoolConfig): Promise<SqlDriverAdapter> => {
    const pool = enginePool(poolConfig);
    const adapter = wholeScripts(
      await new PrismaPg(pool, { disposeExternalPool: true }).connect(),
      pool,
    );
    opened.push(adapter);
    return adapter;
  };
  const connectToShadowDb = async (): Promise<SqlDriverAdapter> => {
    // adapter-pg drops the shadow database while its own pool is still connected to it;
    // create and drop it from a separate admin connection, after the shadow pool is closed.
    const admin = new pg.Client({ ...config });
    await admin.connect();
    const name = `prisma_migrate_shadow_db_${randomUUID().replace(/-/g, '')}`;
    await admin.query(`CREATE DATABASE "${name}"`);
    const adapter = await connectTo({ ...config, database: name });
    const dispose = adapter.dispose.bind(adapter);
    let disposed = false;
    adapter.dispose = async () => {
      if (disposed) return;
      disposed = true;
      await dispose();
      await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
      await admin.end();
    };
    return adapter;
  };
  return {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    connect: () => connectTo(config),
    connectToShadowDb,
  };
}

async function readMigrationList(t: Target): Promise<MigrationList> {
  await mkdir(t.migrationsDir, { recursive: true });
  const entries = await readdir(t.migrationsDir, { withFileTypes: true });
  const dirs = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b));
  const migrationDirectories = await Promise.all(
    dirs.map(async (dir) => {
      const sqlPath = path.join(t.migrationsDir, dir, 'migration.sql');
      const content = await readFile(sqlPath, 'utf8').then(
        (value) => ({ tag: 'ok' as const, value }),
        () => ({ tag: 'error' as const, value: `missing ${sqlPath}` }),
      );
      return { path: dir, migrationFile: { path: 'migration.sql', content } };
    }),
  );
  const lockContent = await readFile(path.join(t.migrationsDir, LOCKFILE), 'utf8').catch(
    () => null,
  );
  return {
    baseDir: t.migrationsDir,
    lockfile: { path: LOCKFILE, content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories,
  } as MigrationList;
}

async function withEngine<T>(
  t: Target,
  run: (engine: SchemaEngine, schema: string) => Promise<T>,
): Promise<T> {
  if (t.provider === 'sqlite') await mkdir(path.dirname(sqlitePath(t.url)), { recursive: true });
  const SchemaEngineCtor = await loadWasmEngine();
  const schemaText = await readFile(t.schemaPath, 'utf8');
  // Adapters keep connections (and the SQLite file lock) until disposed, and engine.free()
  // does not dispose them: track every connection and close it ourselves.
  const opened: SqlDriverAdapter[] = [];
  const adapterFactory = bindMigrationAwareSqlAdapterFactory(
    t.provider === 'sqlite' ? sqliteFactory(t.url, opened) : postgresFactory(t.url, opened),
  );
  const logs: string[] = [];
  const engine = (await SchemaEngineCtor.new(
    { datamodels: [[t.schemaPath, schemaText]] },
    (log: string) => logs.push(log),
    adapterFactory,
  )) as SchemaEngine;
  try {
    return await run(engine, schemaText);
  } catch (error) {
    if (process.env.MIGRATE_DEBUG) console.error(logs.join('\n'));
    if (lastPanic) throw new Error(`schema engine panic: ${lastPanic}`, { cause: error });
    throw error;
  } finally {
    engine.free();
    for (const adapter of opened.reverse()) await adapter.dispose();
  }
}

/**
 * Migrations are a release step: on PostgreSQL, two instances (or two release jobs) starting
 * at once take turns on a session-level advisory lock instead of racing. The second one then
 * finds nothing pending.
 */
async function withReleaseLock<T>(t: Target, run: () => Promise<T>): Promise<T> {
  if (t.provider !== 'postgresql') return run();
  const client = new pg.Client({ ...pgConfig(t.url) });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [RELEASE_LOCK_KEY]);
    return await run();
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [RELEASE_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}

/** WAL gives crash safety and concurrent readers; the mode persists in the file. */
function enableWal(t: Target): void {
  if (t.provider !== 'sqlite') return;
  const db = new Database(sqlitePath(t.url));
  db.pragma('journal_mode = WAL');
  db.close();
}

function describe(t: Target): string {
  if (t.provider === 'sqlite') return sqlitePath(t.url);
  const { host, port, database } = pgConfig(t.url);
  return `postgresql://${host}:${port}/${database}`;
}

async function deploy(t: Target): Promise<void> {
  const migrationsList = await readMigrationList(t);
  if (migrationsList.migrationDirectories.length === 0) {
    throw new Error(
      `No migrations in ${path.relative(ROOT, t.migrationsDir)}. Create one with: npm run db:migrate:new -- <name>`,
    );
  }
  const { appliedMigrationNames } = await withReleaseLock(t, () =>
    withEngine(t, (engine) => engine.applyMigrations({ migrationsList, filters: FILTERS })),
  );
  enableWal(t);
  console.log(
    appliedMigrationNames.length
      ? `Applied ${appliedMigrationNames.length} migration(s) to ${describe(t)}: ${appliedMigrationNames.join(', ')}`
      : `Database ${describe(t)} is up to date; no pending migrations.`,
  );
}

function migrationName(rawName: string | undefined): string {
  const name = (rawName ?? '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!name || name.length > 80)
    throw new Error(
      'Usage: npm run db:migrate:new -- <name>   (letters, digits, underscores; ≤ 80)',
    );
  return name;
}

async function createNew(t: Target, name: string): Promise<string | null> {
  const created = await withEngine(t, async (engine, schemaText) => {
    let migrationsList = await readMigrationList(t);
    // The CLI's order: apply pending → devDiagnostic → evaluateDataLoss → createMigration.
    // devDiagnostic must run first on this engine instance or the SQLite shadow database
    // is not wired up; on a brand-new file it needs `_prisma_migrations`, which apply creates.
    await engine.applyMigrations({ migrationsList, filters: FILTERS });
    const diagnostic = await engine.devDiagnostic({ migrationsList, filters: FILTERS });
    if (diagnostic.action.tag === 'reset') {
      throw new Error(
        `The development database ${describe(t)} has drifted: ${diagnostic.action.reason}\nDelete it and rerun.`,
      );
    }
    const schema = { files: [{ path: t.schemaPath, content: schemaText }] };
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
    const dir = path.join(t.migrationsDir, result.generatedMigrationName);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'migration.sql'), result.migrationScript);
    const lockPath = path.join(t.migrationsDir, LOCKFILE);
    if (!(await stat(lockPath).catch(() => null))) {
      await writeFile(
        lockPath,
        `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${t.provider}"\n`,
      );
    }
    migrationsList = await readMigrationList(t);
    await engine.applyMigrations({ migrationsList, filters: FILTERS });
    return result.generatedMigrationName;
  });
  enableWal(t);
  console.log(
    created
      ? `Created and applied ${path.relative(ROOT, t.migrationsDir)}/${created}`
      : `${t.provider}: schema unchanged; no migration created.`,
  );
  return created;
}

/**
 * `new` keeps both providers in step: the SQLite migration from DATABASE_URL (or the default
 * file), then the PostgreSQL one against PG_MIGRATE_URL or, when unset, a throwaway server.
 */
async function createBoth(rawName: string | undefined): Promise<void> {
  const name = migrationName(rawName);
  // The PostgreSQL schema follows prisma/schema.prisma (and `npm run db:generate` refreshes both
  // clients afterwards).
  const { writePostgresSchema } = await import('./pg-schema.mjs');
  writePostgresSchema();
  const sqlite = target(
    process.env.DATABASE_URL?.startsWith('file:') ? process.env.DATABASE_URL : DEFAULT_URL,
  );
  await createNew(sqlite, name);
  const pgUrl = process.env.PG_MIGRATE_URL;
  if (pgUrl) {
    await createNew(target(pgUrl), name);
    return;
  }
  const { startPostgres } = (await import('./pg-server.mjs')) as {
    startPostgres: (o: { port: number; dir: string }) => { url: string; stop: () => void } | null;
  };
  const server = startPostgres({ port: 54339, dir: '/tmp/mesh-dojo-pg-migrate' });
  if (!server) {
    throw new Error(
      'PostgreSQL is not installed, so prisma/postgres/migrations was not updated.\n' +
        'Install it (Debian: apt-get install -y postgresql) or set PG_MIGRATE_URL, then rerun.',
    );
  }
  try {
    await createNew(target(server.url), name);
  } finally {
    server.stop();
  }
}

async function status(t: Target): Promise<void> {
  const migrationsList = await readMigrationList(t);
  if (t.provider === 'sqlite' && !(await stat(sqlitePath(t.url)).catch(() => null))) {
    console.log(
      `No database at ${describe(t)}. ${migrationsList.migrationDirectories.length} migration(s) pending.`,
    );
    return;
  }
  const result = await withEngine(t, (engine) =>
    engine.diagnoseMigrationHistory({
      migrationsList,
      optInToShadowDatabase: false,
      filters: FILTERS,
    }),
  );
  console.log(`Database: ${describe(t)}`);
  console.log(
    `Migrations in ${path.relative(ROOT, t.migrationsDir)}: ${migrationsList.migrationDirectories.length}`,
  );
  if (!result.history) console.log('Status: up to date.');
  else if (result.history.diagnostic === 'databaseIsBehind')
    console.log(`Status: pending: ${result.history.unappliedMigrationNames.join(', ')}`);
  else console.log(`Status: ${result.history.diagnostic}: ${JSON.stringify(result.history)}`);
  if (result.failedMigrationNames.length)
    console.log(`Failed: ${result.failedMigrationNames.join(', ')}`);
  if (result.editedMigrationNames.length)
    console.log(`Edited after apply: ${result.editedMigrationNames.join(', ')}`);
}

/**
 * Replays this provider's migrations on a shadow database and diffs the result against its
 * schema file. Both schema files describe the same models (one is generated from the other),
 * so "each provider's migrations equal its schema" means the two providers agree.
 */
async function check(t: Target): Promise<void> {
  const migrationsList = await readMigrationList(t);
  const result = await withEngine(t, async (engine, schemaText) => {
    // SQLite wires its shadow database up only after devDiagnostic (see createNew).
    if (t.provider === 'sqlite') {
      await engine.applyMigrations({ migrationsList, filters: FILTERS });
      await engine.devDiagnostic({ migrationsList, filters: FILTERS });
    }
    return engine.diff({
      from: { tag: 'migrations', ...migrationsList },
      to: { tag: 'schemaDatamodel', files: [{ path: t.schemaPath, content: schemaText }] },
      script: true,
      exitCode: true,
      filters: FILTERS,
    });
  });
  const script = (result as { stdout?: string | null }).stdout ?? '';
  if (result.exitCode !== 0) {
    throw new Error(
      `${path.relative(ROOT, t.migrationsDir)} does not describe ${path.relative(ROOT, t.schemaPath)}.\n` +
        `Run npm run db:migrate:new -- <name>. Missing steps:\n${script}`,
    );
  }
  console.log(`${t.provider}: migrations match the schema.`);
}

async function main(): Promise<void> {
  const [command, arg] = process.argv.slice(2);
  if (command === 'deploy') await deploy(target());
  else if (command === 'new') await createBoth(arg);
  else if (command === 'status') await status(target());
  else if (command === 'check') await check(target());
  else throw new Error('Usage: tsx scripts/migrate.ts deploy | new <name> | status | check');
}

main().then(
  // The wasm engine leaves a 60 s timer pending after createMigration: exit explicitly.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
