import { z } from 'zod';

/*
 * The message bus between the worker processes of one instance (`WEB_CONCURRENCY` > 1,
 * scripts/server.ts). On SQLite it plays the part PostgreSQL NOTIFY plays between instances
 * (lib/realtime/pg-notify.ts): cache invalidations and live-interview wake-ups reach every
 * worker. The primary relays each published message to every live worker (the sender too),
 * waits until each has handled it, then tells the sender, so a write path that awaits
 * `publish` answers only once every worker has dropped its stale copy: the browser's next
 * request sees the write whichever worker serves it.
 *
 * Only a hint, like NOTIFY: the database stays the source of truth. A publish whose relay
 * does not answer in time resolves anyway (the caches' TTL is the backstop).
 */

/** Environment variable the primary sets on every worker it forks (the worker's number). */
export const WORKER_ID_ENV = 'MESH_DOJO_WORKER_ID';

/** How long a publish waits for every worker to confirm before it resolves anyway. */
export const PUBLISH_TIMEOUT_MS = 1_000;

const channelSchema = z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/);
const payloadSchema = z.string().max(8_000);

const publishSchema = z.object({
  t: z.literal('md:pub'),
  id: z.number().int().nonnegative(),
  channel: channelSchema,
  payload: payloadSchema,
});
const deliverSchema = z.object({
  t: z.literal('md:msg'),
  ref: z.string().max(64),
  channel: channelSchema,
  payload: payloadSchema,
});
const ackSchema = z.object({ t: z.literal('md:ack'), ref: z.string().max(64) });
const doneSchema = z.object({ t: z.literal('md:done'), id: z.number().int().nonnegative() });

type Deliver = z.infer<typeof deliverSchema>;

/** The part of a process (or a cluster worker) the bus talks through. */
export type MessagePort = {
  send: (message: unknown) => void;
  onMessage: (listener: (message: unknown) => void) => void;
};

export type WorkerBus = {
  /** Delivers `payload` on `channel` to every worker (this one included); resolves once all
   * have handled it or after PUBLISH_TIMEOUT_MS. Never rejects. */
  publish: (channel: string, payload: string) => Promise<void>;
  /** Calls `listener` for every message on `channel`. One listener per channel: later calls
   * for the same channel are ignored (as `listenChannel` is idempotent per channel). */
  subscribe: (channel: string, listener: (payload: string) => void) => void;
};

/** The worker side of the bus, over `port` (the worker's `process`). */
export function createWorkerBus(
  port: MessagePort,
  { timeoutMs = PUBLISH_TIMEOUT_MS }: { timeoutMs?: number } = {},
): WorkerBus {
  const listeners = new Map<string, (payload: string) => void>();
  const pending = new Map<number, () => void>();
  let nextId = 0;

  port.onMessage((message) => {
    const done = doneSchema.safeParse(message);
    if (done.success) {
      pending.get(done.data.id)?.();
      return;
    }
    const deliver = deliverSchema.safeParse(message);
    if (!deliver.success) return;
    try {
      listeners.get(deliver.data.channel)?.(deliver.data.payload);
    } catch (error) {
      console.error(`cluster bus listener on ${deliver.data.channel} failed:`, error);
    } finally {
      port.send({ t: 'md:ack', ref: deliver.data.ref });
    }
  });

  return {
    publish(channel, payload) {
      if (!channelSchema.safeParse(channel).success) {
        return Promise.reject(new Error(`bad channel name ${channel}`));
      }
      const id = nextId++;
      return new Promise<void>((resolve) => {
        const finish = () => {
          clearTimeout(timer);
          pending.delete(id);
          resolve();
        };
        const timer = setTimeout(finish, timeoutMs);
        timer.unref?.();
        pending.set(id, finish);
        try {
          port.send({ t: 'md:pub', id, channel, payload });
        } catch {
          finish();
        }
      });
    },
    subscribe(channel, listener) {
      if (!channelSchema.safeParse(channel).success) throw new Error(`bad channel name ${channel}`);
      if (!listeners.has(channel)) listeners.set(channel, listener);
    },
  };
}

/** One live worker as the primary sees it. */
export type RelayWorker = MessagePort & { id: number };

/**
 * The primary side: relays every worker's publish to all workers and confirms it to the
 * sender once each has acknowledged (a worker that exits meanwhile no longer counts).
 * Call `add` for each forked worker and `remove` when it exits.
 */
export function createRelay({ timeoutMs = PUBLISH_TIMEOUT_MS }: { timeoutMs?: number } = {}) {
  const workers = new Map<number, RelayWorker>();
  /** Outstanding deliveries: ref → the workers yet to acknowledge and how to confirm. */
  const outstanding = new Map<string, { waiting: Set<number>; confirm: () => void }>();
  let sequence = 0;

  const settle = (ref: string) => {
    const entry = outstanding.get(ref);
    if (entry && entry.waiting.size === 0) entry.confirm();
  };

  function relay(from: RelayWorker, message: unknown) {
    const ack = ackSchema.safeParse(message);
    if (ack.success) {
      outstanding.get(ack.data.ref)?.waiting.delete(from.id);
      settle(ack.data.ref);
      return;
    }
    const publish = publishSchema.safeParse(message);
    if (!publish.success) return;
    const ref = `${from.id}:${sequence++}`;
    const delivery: Deliver = {
      t: 'md:msg',
      ref,
      channel: publish.data.channel,
      payload: publish.data.payload,
    };
    const targets = [...workers.values()];
    const timer = setTimeout(() => confirm(), timeoutMs);
    timer.unref?.();
    const confirm = () => {
      if (!outstanding.has(ref)) return;
      clearTimeout(timer);
      outstanding.delete(ref);
      if (workers.has(from.id)) safeSend(from, { t: 'md:done', id: publish.data.id });
    };
    outstanding.set(ref, { waiting: new Set(targets.map((w) => w.id)), confirm });
    for (const worker of targets) {
      if (!safeSend(worker, delivery)) outstanding.get(ref)?.waiting.delete(worker.id);
    }
    settle(ref);
  }

  return {
    add(worker: RelayWorker) {
      workers.set(worker.id, worker);
      worker.onMessage((message) => relay(worker, message));
    },
    remove(id: number) {
      workers.delete(id);
      for (const [ref, entry] of outstanding) {
        entry.waiting.delete(id);
        settle(ref);
      }
    },
    /** Deliveries not yet confirmed (tests). */
    get outstanding() {
      return outstanding.size;
    },
  };
}

function safeSend(port: MessagePort, message: unknown): boolean {
  try {
    port.send(message);
    return true;
  } catch {
    return false;
  }
}

const holder = globalThis as unknown as { meshDojoWorkerBus?: WorkerBus | null };

/**
 * This process's bus when it is one of several workers of an instance, else null. On
 * globalThis: the copies of this module Next bundles into pages, actions and route handlers
 * must share one set of listeners on the one IPC channel.
 */
export function workerBus(): WorkerBus | null {
  if (holder.meshDojoWorkerBus !== undefined) return holder.meshDojoWorkerBus;
  const send = process.send?.bind(process);
  if (!process.env[WORKER_ID_ENV] || !send) {
    holder.meshDojoWorkerBus = null;
    return null;
  }
  holder.meshDojoWorkerBus = createWorkerBus({
    // The callback swallows a send on a closed channel (the primary is gone: shutting down).
    send: (message) => send(message as never, undefined, undefined, () => {}),
    onMessage: (listener) => process.on('message', listener),
  });
  return holder.meshDojoWorkerBus;
}
