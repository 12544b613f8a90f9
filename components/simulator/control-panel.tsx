'use client';

import { useId, useState } from 'react';
import type { Decision, Intent } from '@/lib/sim/intents';
import { AUTO_SPEEDS } from './use-simulation';
import { fmtSimTime } from './format';
import { describeIntent } from './intent-text';

const STATUS_LABEL: Record<Decision['status'], string> = {
  scheduled: 'propagating',
  applied: 'applied',
  rejected: 'rejected',
};

/** The control loop: intent queue, Step / Auto / Reset, seed, last decision and the decision log. */
export function ControlPanel({
  pending,
  decisions,
  steps,
  nowMs,
  auto,
  speed,
  seed,
  busy,
  onStep,
  onAuto,
  onSpeed,
  onReset,
}: {
  pending: Intent[];
  decisions: Decision[];
  steps: number;
  nowMs: number;
  auto: boolean;
  speed: number;
  seed: number;
  busy: boolean;
  onStep: () => void;
  onAuto: (on: boolean) => void;
  onSpeed: (speed: number) => void;
  onReset: (seed?: number) => void;
}) {
  const id = useId();
  const [seedText, setSeedText] = useState(String(seed));
  const last = decisions.at(-1) ?? null;
  const seedValid = /^\d{1,10}$/.test(seedText) && Number(seedText) <= 4294967295;
  return (
    <section aria-labelledby={`${id}-h`} className="card space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`${id}-h`} className="text-xl">
          Control loop
        </h2>
        <p className="text-sm text-muted" data-testid="sim-clock">
          Step {steps} · simulated time {fmtSimTime(nowMs)}
        </p>
      </div>

      <div className="flex flex-wrap items-end gap-3">
        <button type="button" className="btn btn-primary" onClick={onStep} disabled={auto || busy}>
          Step
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          aria-pressed={auto}
          onClick={() => onAuto(!auto)}
        >
          {auto ? 'Pause' : 'Auto'}
        </button>
        <div>
          <label className="label" htmlFor={`${id}-speed`}>
            Speed
          </label>
          <select
            id={`${id}-speed`}
            className="input"
            value={speed}
            onChange={(e) => onSpeed(Number(e.target.value))}
          >
            {AUTO_SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s} step{s === 1 ? '' : 's'}/s
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="btn btn-ghost" onClick={() => onReset()}>
          Reset
        </button>
        <form
          className="flex items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (seedValid) onReset(Number(seedText));
          }}
        >
          <div>
            <label className="label" htmlFor={`${id}-seed`}>
              Seed
            </label>
            <input
              id={`${id}-seed`}
              className="input w-32"
              inputMode="numeric"
              value={seedText}
              aria-invalid={!seedValid}
              onChange={(e) => setSeedText(e.target.value)}
            />
          </div>
          <button type="submit" className="btn btn-ghost" disabled={!seedValid}>
            Restart with seed
          </button>
        </form>
      </div>

      <div>
        <h3 className="text-base font-semibold">Intent queue</h3>
        {pending.length === 0 ? (
          <p className="text-muted" data-testid="sim-queue-empty">
            Waiting for next intent
          </p>
        ) : (
          <ol className="list-decimal space-y-1 pl-5" data-testid="sim-queue">
            {pending.map((intent, i) => (
              <li key={i}>{describeIntent(intent)}</li>
            ))}
          </ol>
        )}
      </div>

      <div
        className="rounded-md border border-border bg-surface-2 p-3"
        data-testid="sim-last-decision"
      >
        <p className="font-semibold">
          Last decision:{' '}
          {last ? `${describeIntent(last.intent)} — ${STATUS_LABEL[last.status]}` : 'none yet'}
        </p>
        {last && (
          <div className="mt-1 space-y-1 text-sm">
            <p>{last.what}</p>
            <p>
              <span className="font-semibold">Predicted: </span>
              {last.predicted}
            </p>
            <p className="text-muted">
              <span className="font-semibold">Why: </span>
              {last.why}
            </p>
          </div>
        )}
      </div>
      <p className="sr-only" aria-live="polite" aria-atomic="true">
        {last ? `Decision ${last.index}: ${last.what} ${last.predicted}` : ''}
      </p>

      {decisions.length > 0 && (
        <details>
          <summary className="cursor-pointer">Decision log ({decisions.length})</summary>
          <ol className="mt-2 space-y-2 text-sm" data-testid="sim-decision-log">
            {decisions.map((d) => (
              <li key={d.index} className="border-b border-border pb-2">
                <p>
                  <span className="badge">{STATUS_LABEL[d.status]}</span> #{d.index} at{' '}
                  {fmtSimTime(d.atMs)}
                  {d.applyAtMs !== null &&
                    ` (reaches proxies at +${Math.round(d.applyAtMs - d.atMs)} ms)`}
                  : {d.what}
                </p>
                <p>{d.predicted}</p>
                <p className="text-muted">{d.why}</p>
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
