import 'server-only';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';
import { serializedSqliteFactory } from '@/lib/db-serialized-adapter';

function createClient(): PrismaClient {
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

type Client = ReturnType<typeof createClient>;
const globalForPrisma = globalThis as unknown as { meshDojoPrisma?: Client };

function client(): Client {
  // One client per process; cached on globalThis so dev hot reloads do not open new files.
  globalForPrisma.meshDojoPrisma ??= createClient();
  return globalForPrisma.meshDojoPrisma;
}

/**
 * The Prisma client singleton. Created on first use (not at import) so tests can point
 * DATABASE_URL at a temporary file first. Only data-access modules in lib/ import it.
 */
export const db: Client = new Proxy({} as Client, {
  get(_target, property) {
    const instance = client();
    const value = Reflect.get(instance, property, instance) as unknown;
    return typeof value === 'function'
      ? (value as (...args: unknown[]) => unknown).bind(instance)
      : value;
  },
});
