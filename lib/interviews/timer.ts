// Phase timers. The server stores `endsAt` (ms since epoch); clients show the remaining time
// corrected by their estimated clock offset. A timer guides: past zero it counts overtime, it
// never stops the candidate. Pure: time is always an argument.

/** Share of the time box left when the warning starts, capped at two minutes. */
export const WARNING_SHARE = 0.2;
export const WARNING_MAX_MS = 120_000;

export type TimerStatus = 'running' | 'warning' | 'overtime';

/** Remaining time, status and a `m:ss` label (`+m:ss` in overtime). */
export function phaseClock({
  endsAt,
  durationMs,
  now,
}: {
  endsAt: number;
  durationMs: number;
  now: number;
}): { remainingMs: number; status: TimerStatus; label: string } {
  const remainingMs = endsAt - now;
  const warnAt = Math.min(WARNING_MAX_MS, durationMs * WARNING_SHARE);
  const status: TimerStatus =
    remainingMs <= 0 ? 'overtime' : remainingMs <= warnAt ? 'warning' : 'running';
  return { remainingMs, status, label: formatClock(remainingMs) };
}

/** `m:ss`, rounding up while time remains (so 0:00 shows only at the end) and `+m:ss` after. */
export function formatClock(remainingMs: number): string {
  const over = remainingMs <= 0;
  const totalSeconds = over ? Math.floor(-remainingMs / 1000) : Math.ceil(remainingMs / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${over && totalSeconds > 0 ? '+' : ''}${minutes}:${String(seconds).padStart(2, '0')}`;
}

/** One clock sample: client send and receive times around the server's reported time. */
export type ClockSample = { sentAt: number; serverNow: number; receivedAt: number };

/**
 * Server-minus-client clock offset in ms (NTP-style: the server's time is assumed to be read
 * half-way through the round trip), from the sample with the shortest round trip. Returns 0
 * without a usable sample.
 */
export function estimateClockOffset(samples: readonly ClockSample[]): number {
  let best: ClockSample | null = null;
  for (const sample of samples) {
    const rtt = sample.receivedAt - sample.sentAt;
    if (!Number.isFinite(rtt) || rtt < 0) continue;
    if (!best || rtt < best.receivedAt - best.sentAt) best = sample;
  }
  if (!best) return 0;
  return Math.round(best.serverNow - (best.sentAt + best.receivedAt) / 2);
}
