import 'server-only';
import pg from 'pg';
import { db } from '@/lib/db';
import { databaseProvider, env } from '@/lib/env';

// PostgreSQL LISTEN/NOTIFY as a wake-up for the per-process event pollers, so an event written
// through one instance reaches subscribers on every other instance at once instead of at their
// next poll tick. Only a hint: the payload is empty, the rows stay in the database (the source of
// truth), and the pollers keep polling — a lost notification (restart, PgBouncer transaction
// pooling) only costs one poll interval. On SQLite everything here is a no-op.

const isPostgres = () => databaseProvider(env().DATABASE_URL) === 'postgresql';

/** Tells every instance that `channel` has new rows. Never throws. */
export async function notifyChannel(channel: string): Promise<void> {
  if (!isPostgres()) return;
  try {
    await db.$executeRawUnsafe('SELECT pg_notify($1, $2)', channel, '');
  } catch (error) {
    console.error(`pg_notify(${channel}) failed:`, error);
  }
}

type Holder = { meshDojoListeners?: Map<string, { stop: () => void }> };
const holder = globalThis as unknown as Holder;

/**
 * Calls `onNotify` whenever any instance notifies `channel`, on one dedicated connection per
 * process and channel, reconnecting with backoff. Idempotent per channel. No-op on SQLite.
 */
export function listenChannel(channel: string, onNotify: () => void): void {
  if (!isPostgres()) return;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`bad channel name ${channel}`);
  holder.meshDojoListeners ??= new Map();
  if (holder.meshDojoListeners.has(channel)) return;
  let stopped = false;
  let client: pg.Client | null = null;
  let delay = 500;
  const connect = async () => {
    if (stopped) return;
    const next = new pg.Client({ connectionString: env().DATABASE_URL });
    client = next;
    const retry = () => {
      next.removeAllListeners();
      next.end().catch(() => {});
      if (client === next) client = null;
      if (!stopped) setTimeout(connect, delay).unref();
      delay = Math.min(delay * 2, 10_000);
    };
    next.on('error', retry);
    next.on('notification', (message) => {
      if (message.channel === channel) onNotify();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
      delay = 500;
      // Rows may have landed while we were not listening.
      onNotify();
    } catch {
      retry();
    }
  };
  holder.meshDojoListeners.set(channel, {
    stop: () => {
      stopped = true;
      client?.end().catch(() => {});
    },
  });
  void connect();
}
