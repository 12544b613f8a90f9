import 'server-only';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { PrismaClient as PostgresPrismaClient } from '@/lib/generated/prisma-pg/client';
import { env, databaseProvider } from '@/lib/env';
import { serializedSqliteFactory } from '@/lib/db-serialized-adapter';
import { noteDatabase } from '@/lib/cache/render-scope';

function createSqliteClient(): PrismaClient {
  const factory = new PrismaBetterSqlite3({
    url: env().DATABASE_URL,
    // better-sqlite3 busy timeout: wait for a concurrent writer instead of failing with
    // SQLITE_BUSY (WAL allows one writer at a time).
    timeout: 5_000,
  });
  return new PrismaClient({
    // SQLITE_SYNCHRONOUS (docs/operations.md): NORMAL survives crashes of the process;
    // FULL also keeps the last commits through a power loss, at one fsync per commit.
    adapter: serializedSqliteFactory(factory, `PRAGMA synchronous = ${env().SQLITE_SYNCHRONOUS};`),
    // Never let a password hash leave the data layer by accident.
    omit: { user: { passwordHash: true } },
    log: env().NODE_ENV === 'development' ? ['warn', 'error'] : ['error'],
  });
}

type Client = PrismaClient;

function createPostgresClient(): Client {
  const e = env();
  const adapter = new PrismaPg({
    connectionString: e.DATABASE_URL,
    max: e.DATABASE_POOL_SIZE,
    // Fail fast instead of queueing forever when the pool is exhausted or the server is gone.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  const client = new PostgresPrismaClient({
    adapter,
    omit: { user: { passwordHash: true } },
    log: env().NODE_ENV === 'development' ? ['warn', 'error'] : ['error'],
  });
  // Both clients are generated from the same models (prisma/postgres/schema.prisma is generated
  // from prisma/schema.prisma), so their model APIs are identical; only the provider tag in the
  // generated types differs. tests/unit/db/client-types.test.ts checks the model types agree.
  return client as unknown as Client;
}

function createClient(): Client {
  return databaseProvider(env().DATABASE_URL) === 'postgresql'
    ? createPostgresClient()
    : createSqliteClient();
}

const globalForPrisma = globalThis as unknown as { meshDojoPrisma?: Client };

function client(): Client {
  // One client per process; cached on globalThis so dev hot reloads do not open new files.
  globalForPrisma.meshDojoPrisma ??= createClient();
  return globalForPrisma.meshDojoPrisma;
}

/**
 * The Prisma client singleton, SQLite or PostgreSQL by DATABASE_URL. Created on first use (not
 * at import) so tests can point DATABASE_URL at a temporary database first. Only data-access
 * modules in lib/ import it.
 */
export const db: Client = new Proxy({} as Client, {
  get(_target, property) {
    // A page render that reads the database is not served from the page cache (render-scope.ts).
    noteDatabase();
    const instance = client();
    const value = Reflect.get(instance, property, instance) as unknown;
    return typeof value === 'function'
      ? (value as (...args: unknown[]) => unknown).bind(instance)
      : value;
  },
});
