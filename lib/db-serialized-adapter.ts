import type {
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  Transaction,
} from '@prisma/driver-adapter-utils';

/*
 * Prisma's better-sqlite3 adapter runs every query on one shared connection. Its mutex
 * orders transactions among themselves, but a plain query issued while an interactive
 * transaction is open runs *inside* that transaction on the shared connection: it sees
 * uncommitted rows, and a rollback silently undoes it. This wrapper makes plain queries
 * wait for any open transaction (and transactions wait for each other), so every
 * statement belongs to exactly the unit of work that issued it.
 */

/** A FIFO async lock: `acquire()` resolves to a release function. */
function createLock(): () => Promise<() => void> {
  let tail: Promise<void> = Promise.resolve();
  return () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const acquired = tail.then(() => release);
    tail = tail.then(() => held);
    return acquired;
  };
}

function releasingOnEnd(tx: Transaction, release: () => void): Transaction {
  let released = false;
  const releaseOnce = () => {
    if (!released) {
      released = true;
      release();
    }
  };
  return new Proxy(tx, {
    get(target, property) {
      if (property === 'commit' || property === 'rollback') {
        return async () => {
          try {
            await target[property]();
          } finally {
            releaseOnce();
          }
        };
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function'
        ? (value as (...args: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}

function serialize(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const acquire = createLock();
  const exclusive =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const release = await acquire();
      try {
        return await run(...args);
      } finally {
        release();
      }
    };
  const wrapped: Partial<SqlDriverAdapter> = {
    queryRaw: exclusive((query) => adapter.queryRaw(query)),
    executeRaw: exclusive((query) => adapter.executeRaw(query)),
    executeScript: exclusive((script) => adapter.executeScript(script)),
    async startTransaction(isolationLevel) {
      const release = await acquire();
      try {
        return releasingOnEnd(await adapter.startTransaction(isolationLevel), release);
      } catch (error) {
        release();
        throw error;
      }
    },
  };
  return new Proxy(adapter, {
    get(target, property) {
      if (property in wrapped) return wrapped[property as keyof SqlDriverAdapter];
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function'
        ? (value as (...args: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}

/*
 * Transactions start with BEGIN IMMEDIATE, not the adapter's plain (deferred) BEGIN. Within one
 * process the lock above already runs them one at a time, but several processes may share the
 * file (the front door's workers, WEB_CONCURRENCY > 1, or a CLI script beside the server). A
 * deferred transaction that reads first and writes later cannot wait for another process's
 * write: SQLite refuses the upgrade at once with SQLITE_BUSY (its snapshot is stale), and the
 * busy timeout never applies. IMMEDIATE takes the write lock at BEGIN, where the busy timeout
 * does wait. The adapter (pinned 7.10.0) issues `prepare("BEGIN")` on its better-sqlite3 handle;
 * tests/integration/sqlite-processes.test.ts fails if that changes.
 */
function beginImmediate(adapter: SqlDriverAdapter): void {
  const client = (adapter as unknown as { client?: { prepare?: (sql: string) => unknown } }).client;
  if (typeof client?.prepare !== 'function') {
    throw new Error('Unexpected SQLite adapter: no better-sqlite3 handle to begin IMMEDIATE on.');
  }
  const prepare = client.prepare.bind(client);
  client.prepare = (sql: string) => prepare(sql === 'BEGIN' ? 'BEGIN IMMEDIATE' : sql);
}

/**
 * Wraps a SQLite adapter factory so each connection serializes plain queries with
 * transactions and begins them IMMEDIATE. `setupScript` (PRAGMAs) runs once on every new
 * connection.
 */
export function serializedSqliteFactory(
  factory: SqlDriverAdapterFactory,
  setupScript?: string,
): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      if (setupScript) await adapter.executeScript(setupScript);
      beginImmediate(adapter);
      return serialize(adapter);
    },
  };
}
