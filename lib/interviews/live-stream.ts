import 'server-only';
import { ConnectionLimiter } from '@/lib/realtime/connection-limiter';
import { sseComment, sseFrame, sseRetry } from '@/lib/realtime/sse';
import { parseRow, readEvents } from './event-log';
import type { LoggedEvent, SessionMode } from './events';
import { interviewFeed } from './live-feed';
import { eventForRole, type Role } from './views';

// One participant's Server-Sent Events stream: the log after their Last-Event-ID, then live rows
// from the process poller, filtered for their role. Ordering and resume use the per-session
// `seq`; a gap (a row committed out of order on another instance, a missed poll) is filled from
// the log, so nothing is lost or sent twice.

/** Concurrent streams per user (one per tab; browsers allow ~6 HTTP/1.1 connections per origin). */
export const STREAMS_PER_USER = 4;
/** Concurrent streams per process. */
export const STREAMS_PER_PROCESS = 5000;
/** Heartbeat comment interval, well inside nginx's 60 s read timeout; each also re-syncs from the log. */
export const HEARTBEAT_MS = 15_000;
/** A stream closes after this long; the browser reconnects with Last-Event-ID (bounded work per request). */
export const MAX_STREAM_MS = 30 * 60_000;

const holder = globalThis as unknown as { meshDojoStreamLimiter?: ConnectionLimiter };
/** The process's stream limiter. */
export function streamLimiter(): ConnectionLimiter {
  holder.meshDojoStreamLimiter ??= new ConnectionLimiter(STREAMS_PER_USER, STREAMS_PER_PROCESS);
  return holder.meshDojoStreamLimiter;
}

/** The stream body. `release` runs once when it ends for any reason (abort, cancel, error, budget). */
export function openSessionStream({
  sessionId,
  mode,
  role,
  afterSeq,
  signal,
  release,
  heartbeatMs = HEARTBEAT_MS,
  maxStreamMs = MAX_STREAM_MS,
}: {
  sessionId: string;
  mode: SessionMode;
  role: Role;
  afterSeq: number;
  signal: AbortSignal;
  release: () => void;
  heartbeatMs?: number;
  maxStreamMs?: number;
}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let lastSeq = afterSeq;
  let closed = false;
  let chain: Promise<void> = Promise.resolve();
  let unsubscribe = () => {};
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let lifetime: ReturnType<typeof setTimeout> | undefined;
  let controllerRef: ReadableStreamDefaultController<Uint8Array> | null = null;

  const cleanup = () => {
    if (closed) return;
    closed = true;
    unsubscribe();
    if (heartbeat) clearInterval(heartbeat);
    if (lifetime) clearTimeout(lifetime);
    signal.removeEventListener('abort', cleanup);
    release();
    try {
      controllerRef?.close();
    } catch {
      // already closed by the client
    }
  };

  const send = (text: string) => {
    if (closed || !controllerRef) return;
    try {
      controllerRef.enqueue(encoder.encode(text));
    } catch {
      cleanup();
    }
  };

  const deliver = (event: LoggedEvent) => {
    if (event.seq <= lastSeq) return;
    lastSeq = event.seq;
    const visible = eventForRole(event, mode, role);
    if (visible) send(sseFrame({ id: event.seq, event: 'interview', data: visible }));
  };

  const catchUp = async () => {
    for (;;) {
      if (closed) return;
      const events = await readEvents(sessionId, lastSeq, 500);
      for (const event of events) deliver(event);
      if (events.length < 500) return;
    }
  };

  // Work runs one task at a time, in arrival order, so frames never interleave or reorder.
  const enqueue = (task: () => Promise<void> | void) => {
    chain = chain.then(task).catch((error: unknown) => {
      console.error('interview stream:', error);
      cleanup();
    });
  };

  return new ReadableStream<Uint8Array>({
    start(controller) {
      controllerRef = controller;
      if (signal.aborted) {
        cleanup();
        return;
      }
      signal.addEventListener('abort', cleanup);
      send(sseRetry(2000));
      unsubscribe = interviewFeed().subscribe(sessionId, (row) =>
        enqueue(async () => {
          if (closed || row.seq <= lastSeq) return;
          if (row.seq > lastSeq + 1) return catchUp();
          const event = parseRow(row);
          if (event) deliver(event);
          else lastSeq = row.seq;
        }),
      );
      enqueue(catchUp);
      heartbeat = setInterval(() => {
        send(sseComment('ping'));
        enqueue(catchUp);
      }, heartbeatMs);
      lifetime = setTimeout(cleanup, maxStreamMs);
    },
    cancel() {
      cleanup();
    },
  });
}
