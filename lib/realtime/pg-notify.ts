import 'server-only';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { db } from '@/lib/db';
import { databaseProvider, env } from '@/lib/env';
import { workerBus } from '@/lib/ops/cluster-bus';

// PostgreSQL LISTEN/NOTIFY as a hint between instances: it wakes the per-process event pollers
// (an event written through one instance reaches subscribers on every other instance at once
// instead of at their next poll tick) and carries cache invalidations (lib/cache). Only a hint:
// the rows stay in the database (the source of truth), the pollers keep polling and caches keep
// their TTL, so a lost notification (restart, PgBouncer transaction pooling) only costs one poll
// interval or one TTL. On SQLite the same messages travel between the worker processes of one
// instance (WEB_CONCURRENCY > 1) over the primary's IPC relay (lib/ops/cluster-bus.ts); with a
// single process on SQLite everything here is a no-op.

const isPostgres = () => databaseProvider(env().DATABASE_URL) === 'postgresql';

/** Tells every instance (this one included) that `channel` has news. Never throws. */
export async function notifyChannel(channel: string, payload = ''): Promise<void> {
  if (!isPostgres()) {
    await workerBus()
      ?.publish(channel, payload)
      .catch((error: unknown) => console.error(`notify(${channel}) failed:`, error));
    return;
  }
  try {
    await db.$executeRawUnsafe('SELECT pg_notify($1, $2)', channel, payload);
  } catch (error) {
    console.error(`pg_notify(${channel}) failed:`, error);
  }
}

type Holder = {
  meshDojoListeners?: Map<string, { stop: () => void; ready: Promise<void> }>;
};
const holder = globalThis as unknown as Holder;

/**
 * Calls `onNotify(payload)` whenever any instance notifies `channel`, on one dedicated connection
 * per process and channel, reconnecting with backoff; `onNotify(null)` each time LISTEN is (re)
 * established, since notifications sent while not listening are lost. Idempotent per channel.
 * On SQLite: over the worker bus when this process is one of several workers, else a no-op.
 */
export function listenChannel(channel: string, onNotify: (payload: string | null) => void): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`bad channel name ${channel}`);
  if (!isPostgres()) {
    // Workers of one instance on SQLite: the relay loses nothing while this process lives, so
    // there is no reconnect to report.
    workerBus()?.subscribe(channel, onNotify);
    return;
  }
  holder.meshDojoListeners ??= new Map();
  if (holder.meshDojoListeners.has(channel)) return;
  let stopped = false;
  let client: pg.Client | null = null;
  let markReady = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
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
      markReady();
    } catch {
      retry();
    }
  };
  holder.meshDojoListeners.set(channel, {
    ready,
    stop: () => {
      stopped = true;
      client?.end().catch(() => {});
    },
  });
  void connect();
}

/**
 * Resolves once this process LISTENs on `channel` (after its first connect), at once on SQLite
 * or when nothing listens on it here. For tests and readiness checks that must not race the
 * connect-time wake.
 */
export function whenListening(channel: string): Promise<void> {
  return holder.meshDojoListeners?.get(channel)?.ready ?? Promise.resolve();
}

const instanceHolder = globalThis as unknown as { meshDojoInstanceId?: string };

/** This process's id in payloads, so a listener can skip its own announcements. */
function instanceId(): string {
  instanceHolder.meshDojoInstanceId ??= randomUUID();
  return instanceHolder.meshDojoInstanceId;
}

/** Tells every other instance `message` on `channel` (payload `<instance> <message>`). Never throws. */
export function notifyOtherInstances(channel: string, message: string): Promise<void> {
  return notifyChannel(channel, `${instanceId()} ${message}`);
}

/**
 * Calls `onMessage` for each `notifyOtherInstances` message another instance sends on `channel`
 * (this process's own are skipped: it has already acted on them), and `onReconnect` each time
 * LISTEN is (re)established, when messages may have been missed. On SQLite: between the workers
 * of one instance, else a no-op.
 */
export function listenToOtherInstances(
  channel: string,
  { onMessage, onReconnect }: { onMessage: (message: string) => void; onReconnect: () => void },
): void {
  listenChannel(channel, (payload) => {
    if (payload === null) return onReconnect();
    const space = payload.indexOf(' ');
    if (space > 0 && payload.slice(0, space) !== instanceId()) onMessage(payload.slice(space + 1));
  });
}
