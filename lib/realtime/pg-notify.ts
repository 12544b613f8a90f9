import 'server-only';
import pg from 'pg';
import { db } from '@/lib/db';
import { databaseProvider, env } from '@/lib/env';

// PostgreSQL LISTEN/NOTIFY as a hint between instances: it wakes the per-process event pollers
// (an event written through one instance reaches subscribers on every other instance at once
// instead of at their next poll tick) and carries cache invalidations (lib/cache). Only a hint:
// the rows stay in the database (the source of truth), the pollers keep polling and caches keep
// their TTL, so a lost notification (restart, PgBouncer transaction pooling) only costs one poll
// interval or one TTL. On SQLite everything here is a no-op.

const isPostgres = () => databaseProvider(env().DATABASE_URL) === 'postgresql';

/** Tells every instance (this one included) that `channel` has news. Never throws. */
export async function notifyChannel(channel: string, payload = ''): Promise<void> {
  if (!isPostgres()) return;
  try {
    await db.$executeRawUnsafe('SELECT pg_notify($1, $2)', channel, payload);
  } catch (error) {
    console.error(`pg_notify(${channel}) failed:`, error);
  }
}

type Holder = { meshDojoListeners?: Map<string, { stop: () => void }> };
const holder = globalThis as unknown as Holder;

/**
 * Calls `onNotify(payload)` whenever any instance notifies `channel`, on one dedicated connection
 * per process and channel, reconnecting with backoff; `onNotify(null)` each time LISTEN is (re)
 * established, since notifications sent while not listening are lost. Idempotent per channel.
 * No-op on SQLite.
 */
export function listenChannel(channel: string, onNotify: (payload: string | null) => void): void {
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
      if (message.channel === channel) onNotify(message.payload ?? '');
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
      delay = 500;
      // Rows may have landed (or writes happened) while we were not listening.
      onNotify(null);
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
