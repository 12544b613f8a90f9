import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';

/*
 * Admission control for the production front door (scripts/server.ts).
 *
 * Node runs every page render on one thread. Without a limit, 50 simultaneous requests are
 * 50 interleaved renders: each one waits for all the others, so every request takes about as
 * long as the whole burst, the heap holds 50 half-built pages (more garbage collection), and
 * the slowest ones finish seconds late. With a small number of renders in flight and the rest
 * waiting in arrival order, each render runs nearly alone: the same throughput, but latency
 * becomes "your place in the queue" and the tail shrinks (docs/performance.md has the numbers).
 *
 * The queue is bounded: beyond `maxQueue` waiting requests the answer is an immediate 503 with
 * Retry-After, never an unbounded backlog. Requests that are cheap or long-lived bypass the
 * limit (static files, health probes, server-sent event streams). The limit is about CPU, not
 * I/O: a request still running after `slotMs` (a page streaming a slow part, a server action
 * waiting for the optional model judge) is waiting on something else, so it gives its slot to
 * the next request instead of holding everyone up; it finishes normally.
 */

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export type RequestLimiterOptions = {
  /** Requests handled at once; 0 disables the limit. */
  concurrency: number;
  /** Requests allowed to wait; one more is answered 503. */
  maxQueue: number;
  /** A request running longer than this gives up its slot (it keeps running). */
  slotMs: number;
  /** Requests that bypass the limit (counted neither as active nor as queued). */
  exempt?: (req: IncomingMessage) => boolean;
};

export type RequestLimiter = {
  handle: Handler;
  stats: () => { active: number; queued: number; rejected: number };
};

const limiterEnvSchema = z.object({
  REQUEST_CONCURRENCY: z.coerce
    .number()
    .int('REQUEST_CONCURRENCY must be a whole number')
    .min(0, 'REQUEST_CONCURRENCY must be between 0 and 1000')
    .max(1000, 'REQUEST_CONCURRENCY must be between 0 and 1000')
    .default(4),
  REQUEST_QUEUE_MAX: z.coerce
    .number()
    .int('REQUEST_QUEUE_MAX must be a whole number')
    .min(0, 'REQUEST_QUEUE_MAX must be between 0 and 100000')
    .max(100_000, 'REQUEST_QUEUE_MAX must be between 0 and 100000')
    .default(1000),
  REQUEST_SLOT_MS: z.coerce
    .number()
    .int('REQUEST_SLOT_MS must be a whole number')
    .min(1, 'REQUEST_SLOT_MS must be between 1 and 60000')
    .max(60_000, 'REQUEST_SLOT_MS must be between 1 and 60000')
    .default(250),
});

/**
 * The limiter settings from the environment: REQUEST_CONCURRENCY (default 4; 0 = no limit),
 * REQUEST_QUEUE_MAX (default 1000) and REQUEST_SLOT_MS (default 250). Throws one message
 * naming every bad variable.
 */
export function limiterSettings(source: Record<string, string | undefined>): {
  concurrency: number;
  maxQueue: number;
  slotMs: number;
} {
  const raw = Object.fromEntries(
    ['REQUEST_CONCURRENCY', 'REQUEST_QUEUE_MAX', 'REQUEST_SLOT_MS']
      .filter((name) => source[name] !== undefined && source[name] !== '')
      .map((name) => [name, source[name]]),
  );
  const parsed = limiterEnvSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `Invalid environment configuration:\n${parsed.error.issues
        .map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
        .join('\n')}`,
    );
  }
  return {
    concurrency: parsed.data.REQUEST_CONCURRENCY,
    maxQueue: parsed.data.REQUEST_QUEUE_MAX,
    slotMs: parsed.data.REQUEST_SLOT_MS,
  };
}

/**
 * Requests that skip the queue: build assets (cheap, and a page waits for them), the health
 * and readiness probes (they must answer while the app is busy) and server-sent event streams
 * (they stay open for the whole interview and would hold a slot forever).
 */
export function isExemptFromLimit(req: IncomingMessage): boolean {
  const url = req.url ?? '/';
  if (url.startsWith('/_next/static/')) return true;
  const path = url.split('?')[0] ?? '/';
  if (path === '/api/health' || path === '/api/ready') return true;
  return (req.headers.accept ?? '').includes('text/event-stream');
}

function clientGone(req: IncomingMessage): boolean {
  return req.socket.destroyed || req.socket.readableEnded;
}

/** Wraps a request handler so at most `concurrency` requests run at once, in arrival order. */
export function createRequestLimiter(
  handler: Handler,
  { concurrency, maxQueue, slotMs, exempt = () => false }: RequestLimiterOptions,
): RequestLimiter {
  let active = 0;
  let rejected = 0;
  const queue: Array<[IncomingMessage, ServerResponse]> = [];

  function drain() {
    while (active < concurrency && queue.length > 0) {
      const [req, res] = queue.shift()!;
      start(req, res);
    }
  }

  function start(req: IncomingMessage, res: ServerResponse) {
    // The client left while it waited: nothing to render for.
    if (clientGone(req)) return;
    active += 1;
    let released = false;
    const socket = req.socket;
    const release = () => {
      if (released) return;
      released = true;
      clearTimeout(timer);
      active -= 1;
      res.off('finish', release);
      res.off('close', release);
      socket.off('end', release);
      drain();
    };
    const timer = setTimeout(release, slotMs);
    timer.unref();
    res.on('finish', release);
    res.on('close', release);
    // Behind Next, a client that hung up mid-render was seen to leave the response neither
    // finished nor closed (the socket half-open), which leaked the slot: its end frees it too.
    socket.on('end', release);
    handler(req, res);
  }

  function handle(req: IncomingMessage, res: ServerResponse) {
    if (concurrency === 0 || exempt(req)) {
      handler(req, res);
      return;
    }
    if (active < concurrency) {
      start(req, res);
      return;
    }
    if (queue.length >= maxQueue) {
      rejected += 1;
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '1' });
      res.end('The server is busy. Try again in a moment.\n');
      return;
    }
    queue.push([req, res]);
  }

  return { handle, stats: () => ({ active, queued: queue.length, rejected }) };
}
