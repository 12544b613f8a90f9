'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { estimateClockOffset, type ClockSample } from '@/lib/interviews/timer';
import type { LoggedEvent } from '@/lib/interviews/events';
import { applyEvent, reduceEvents, type SessionState } from '@/lib/interviews/reducer';

// The browser side of a session: the server's events (first the page's snapshot, then the SSE
// stream, resumed after the last seq on reconnect) folded by the same reducer as the server,
// the clock offset to the server, and a command sender with idempotency keys.

export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting';

function newKey(): string {
  return crypto.randomUUID();
}

/** Estimates the server clock offset from a few round trips to /api/interviews/time. */
async function measureOffset(): Promise<number> {
  const samples: ClockSample[] = [];
  for (let i = 0; i < 4; i++) {
    const sentAt = Date.now();
    try {
      const response = await fetch('/api/interviews/time', { cache: 'no-store' });
      const { now } = (await response.json()) as { now: number };
      samples.push({ sentAt, serverNow: now, receivedAt: Date.now() });
    } catch {
      // offline for a moment: keep the samples we have
    }
  }
  return estimateClockOffset(samples);
}

export function useSessionLog({
  sessionId,
  initialEvents,
  serverNow,
}: {
  sessionId: string;
  initialEvents: LoggedEvent[];
  serverNow: number;
}) {
  const [events, setEvents] = useState<LoggedEvent[]>(initialEvents);
  const [state, setState] = useState<SessionState>(() => reduceEvents(initialEvents));
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  // Until measured, assume the page's render time was "now" on the server.
  const [offsetMs, setOffsetMs] = useState(() => serverNow - Date.now());
  // Updated only by the stream handler (the one writer), so it never lags the rendered state.
  const stateRef = useRef(state);

  useEffect(() => {
    let cancelled = false;
    void measureOffset().then((offset) => {
      if (!cancelled) setOffsetMs(offset);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    // EventSource resends the last `id:` it saw as Last-Event-ID when it reconnects by itself;
    // `after` covers the first connection (the events the page already rendered).
    const source = new EventSource(
      `/api/interviews/${encodeURIComponent(sessionId)}/events?after=${stateRef.current.lastSeq}`,
    );
    source.onopen = () => setStatus('live');
    source.onerror = () => setStatus('reconnecting');
    source.addEventListener('interview', (message) => {
      const event = JSON.parse((message as MessageEvent<string>).data) as LoggedEvent;
      if (event.seq <= stateRef.current.lastSeq) return;
      const next = applyEvent(stateRef.current, event);
      stateRef.current = next;
      setState(next);
      setEvents((previous) => [...previous, event]);
    });
    return () => source.close();
  }, [sessionId]);

  const send = useCallback(
    async (
      command: Record<string, unknown> & { type: string },
      idempotencyKey: string = newKey(),
    ): Promise<{ ok: true } | { ok: false; message: string }> => {
      // Retries reuse the key, so a command is applied at most once however often it is sent.
      for (let attempt = 0; attempt < 3; attempt++) {
        try {
          const response = await fetch(
            `/api/interviews/${encodeURIComponent(sessionId)}/commands`,
            {
              method: 'POST',
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({ ...command, idempotencyKey }),
            },
          );
          if (response.ok) return { ok: true };
          const body = (await response.json().catch(() => ({}))) as { error?: string };
          if (response.status < 500)
            return { ok: false, message: body.error ?? 'The request was refused.' };
        } catch {
          // network error: retry with the same key
        }
        await new Promise((resolve) => setTimeout(resolve, 300 * (attempt + 1)));
      }
      return {
        ok: false,
        message: 'Could not reach the server. Check your connection and try again.',
      };
    },
    [sessionId],
  );

  return { events, state, status, offsetMs, send };
}
