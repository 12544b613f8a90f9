'use client';

import type { SimSummary } from '@/lib/sim/engine';
import { fmtSimTime } from './format';

export type Scope = 'window' | 'total';

/** What the numbers cover, in words: the last control-loop step, or the whole run. */
export function scopeText(scope: Scope, window: Pick<SimSummary, 'fromMs' | 'nowMs'>): string {
  return scope === 'window'
    ? `last step (${fmtSimTime(window.fromMs)}–${fmtSimTime(window.nowMs)})`
    : 'since the start of the run';
}

/**
 * Current window (the default, as Kiali and Fortio show) or since start. `name` keeps two
 * toggles on one page (a lesson embed beside an interview) in separate radio groups.
 */
export function ScopeToggle({
  scope,
  onChange,
  window,
  name,
}: {
  scope: Scope;
  onChange: (scope: Scope) => void;
  window: Pick<SimSummary, 'fromMs' | 'nowMs'>;
  name: string;
}) {
  return (
    <fieldset className="flex flex-wrap items-center gap-3 text-sm">
      <legend className="sr-only">Which period the numbers cover</legend>
      {(
        [
          ['window', 'Current window'],
          ['total', 'Since start'],
        ] as const
      ).map(([value, text]) => (
        <label key={value} className="flex items-center gap-1">
          <input
            type="radio"
            name={name}
            value={value}
            checked={scope === value}
            onChange={() => onChange(value)}
          />
          {text}
        </label>
      ))}
      <span className="text-muted" data-testid="sim-scope">
        Numbers: {scopeText(scope, window)}
      </span>
    </fieldset>
  );
}
