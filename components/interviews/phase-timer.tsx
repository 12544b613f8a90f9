'use client';

import { useEffect, useState } from 'react';
import { phaseClock } from '@/lib/interviews/timer';

/** The current phase's countdown from the server's `endsAt`, corrected by the clock offset. */
export function PhaseTimer({
  endsAt,
  durationMs,
  offsetMs,
  phaseTitle,
}: {
  endsAt: number | null;
  durationMs: number;
  offsetMs: number;
  phaseTitle: string;
}) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  if (endsAt === null) return <p className="text-muted">The timer starts with the first phase.</p>;
  const clock = phaseClock({ endsAt, durationMs, now: now + offsetMs });
  const tone =
    clock.status === 'overtime'
      ? 'text-danger'
      : clock.status === 'warning'
        ? 'text-warning'
        : 'text-fg';
  return (
    <div
      className="flex flex-wrap items-baseline gap-3"
      data-testid="phase-timer"
      data-remaining-ms={Math.round(clock.remainingMs)}
    >
      <span className="text-sm text-muted">{phaseTitle}</span>
      <span
        role="timer"
        aria-label={`Time left in this phase: ${clock.label}`}
        className={`font-mono text-2xl font-semibold tabular-nums ${tone}`}
      >
        {clock.label}
      </span>
      {/* Announced once per status change, not every second. */}
      <span aria-live="polite" className="text-sm">
        {clock.status === 'warning'
          ? 'Nearly out of time for this phase: start wrapping up.'
          : clock.status === 'overtime'
            ? 'Over time: the timer guides, finish your point.'
            : ''}
      </span>
    </div>
  );
}
