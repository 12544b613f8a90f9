'use client';

import { useState } from 'react';
import { fmtMs, fmtNum, fmtPct } from '@/components/simulator/format';
import { IntentMenu } from '@/components/simulator/intent-menu';
import { describeIntent } from '@/components/simulator/intent-text';
import { type Scope, ScopeToggle, scopeText } from '@/components/simulator/scope-toggle';
import { ServiceTable } from '@/components/simulator/service-table';
import { TopologyView } from '@/components/simulator/topology-view';
import { useReducedMotion } from '@/components/simulator/use-reduced-motion';
import type { Proposal } from '@/lib/interviews/reducer';
import type { SimConfig } from '@/lib/sim/config';
import type { Intent } from '@/lib/sim/intents';
import type { ScriptEntry } from '@/lib/sim/replay';
import { useSharedRun } from './use-shared-run';

type Fault = { id: string; label: string; expect: string };
type Send = (
  command: Record<string, unknown> & { type: string },
) => Promise<{ ok: true } | { ok: false; message: string }>;

/** The session's shared, seeded simulator: the same run for everyone, driven by the event log. */
export function SharedSimulator({
  title,
  config,
  seed,
  script,
  steps,
  lastLabel,
  proposals,
  mode,
  faults = [],
  send,
}: {
  title: string;
  config: SimConfig;
  seed: number;
  script: ScriptEntry[];
  steps: number;
  lastLabel: string | null;
  proposals: Proposal[];
  /** interviewer: inject and accept; candidate: propose; solo: apply; view: read only (replay, report). */
  mode: 'interviewer' | 'candidate' | 'solo' | 'view';
  faults?: Fault[];
  send?: Send;
}) {
  const { view, error } = useSharedRun({ config, seed, script, steps });
  const [selected, setSelected] = useState<string | null>(null);
  const [scope, setScope] = useState<Scope>('window');
  const reducedMotion = useReducedMotion();
  const [message, setMessage] = useState<string | null>(null);
  const run = async (command: Record<string, unknown> & { type: string }, done: string) => {
    if (!send) return;
    const result = await send(command);
    setMessage(result.ok ? done : result.message);
  };
  const last = view?.summary.series.at(-1);
  const decision = view?.summary.decisions.at(-1);
  return (
    <section
      aria-labelledby="shared-sim-h"
      className="card space-y-4"
      data-testid="shared-simulator"
    >
      <h2 id="shared-sim-h" className="text-xl">
        Shared simulator: {title}
      </h2>
      <p className="text-sm text-muted">
        Seed {seed}, {steps} control-loop step{steps === 1 ? '' : 's'}. Everyone in the session sees
        this same run.
      </p>
      <p data-testid="sim-last-change" aria-live="polite">
        Last change: <strong>{lastLabel ?? 'none yet'}</strong>
      </p>
      {error && (
        <p className="form-error" role="alert">
          The simulator failed: {error}
        </p>
      )}
      {!view ? (
        <p role="status">Running the simulator…</p>
      ) : (
        <>
          {last && (
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="sim-window">
              <div>
                <dt className="text-sm text-muted">p99 (last window)</dt>
                <dd className="text-lg font-semibold">{fmtMs(last.p99Ms)}</dd>
              </div>
              <div>
                <dt className="text-sm text-muted">Error rate</dt>
                <dd className="text-lg font-semibold" data-testid="sim-error-rate">
                  {fmtPct(last.errorRate)}
                </dd>
              </div>
              <div>
                <dt className="text-sm text-muted">Throughput</dt>
                <dd className="text-lg font-semibold">{fmtNum(last.throughputRps)} rps</dd>
              </div>
              <div>
                <dt className="text-sm text-muted">Retries</dt>
                <dd className="text-lg font-semibold">{fmtNum(last.retriesPerS)} /s</dd>
              </div>
            </dl>
          )}
          {decision && (
            <p className="text-sm">
              <span className="font-semibold">Last decision:</span> {decision.what}{' '}
              {decision.predicted}
            </p>
          )}
          <ScopeToggle
            scope={scope}
            onChange={setScope}
            window={view.window}
            name="shared-sim-scope"
          />
          <TopologyView
            config={view.config}
            summary={scope === 'window' ? view.window : view.summary}
            selected={selected}
            onSelect={setSelected}
            reducedMotion={reducedMotion}
          />
          <ServiceTable
            summary={scope === 'window' ? view.window : view.summary}
            scopeText={scopeText(scope, view.window)}
            onSelect={setSelected}
            selected={selected}
          />
        </>
      )}
      {mode === 'interviewer' && send && (
        <div className="space-y-3">
          <h3 className="font-semibold">Inject a fault</h3>
          <ul className="flex flex-wrap gap-2">
            {faults.map((fault) => (
              <li key={fault.id}>
                <button
                  type="button"
                  className="btn btn-secondary"
                  title={fault.expect}
                  onClick={() =>
                    run({ type: 'inject-fault', faultId: fault.id }, `Injected: ${fault.label}`)
                  }
                >
                  {fault.label}
                </button>
              </li>
            ))}
            <li>
              <button
                type="button"
                className="btn btn-ghost"
                onClick={() => run({ type: 'sim-advance', steps: 3 }, 'Advanced 3 steps')}
              >
                Run 3 more steps
              </button>
            </li>
          </ul>
          <details>
            <summary className="cursor-pointer">Apply any intent</summary>
            {view && (
              <IntentMenu
                config={view.config}
                onAdd={(intent: Intent) =>
                  void run(
                    { type: 'apply-intent', intent, advance: 3 },
                    `Applied: ${describeIntent(intent)}`,
                  )
                }
              />
            )}
          </details>
        </div>
      )}
      {mode === 'solo' && send && view && (
        <details>
          <summary className="cursor-pointer">Try an intent</summary>
          <IntentMenu
            config={view.config}
            onAdd={(intent: Intent) =>
              void run(
                { type: 'apply-intent', intent, advance: 3 },
                `Applied: ${describeIntent(intent)}`,
              )
            }
          />
        </details>
      )}
      {mode === 'candidate' && send && view && (
        <details>
          <summary className="cursor-pointer">Propose a change to the interviewer</summary>
          <IntentMenu
            config={view.config}
            onAdd={(intent: Intent) =>
              void run(
                { type: 'propose-intent', intent, label: describeIntent(intent) },
                'Proposal sent to the interviewer',
              )
            }
          />
        </details>
      )}
      {proposals.length > 0 && (
        <div>
          <h3 className="font-semibold">Proposals</h3>
          <ul className="space-y-2" data-testid="proposals">
            {proposals.map((p) => (
              <li key={p.proposalId} className="flex flex-wrap items-center gap-2">
                <span>{p.label}</span>
                <span className="badge">{p.status}</span>
                {mode === 'interviewer' && p.status === 'open' && send && (
                  <>
                    <button
                      type="button"
                      className="btn btn-primary"
                      onClick={() =>
                        run(
                          { type: 'resolve-proposal', proposalId: p.proposalId, accepted: true },
                          'Proposal accepted',
                        )
                      }
                    >
                      Accept
                    </button>
                    <button
                      type="button"
                      className="btn btn-ghost"
                      onClick={() =>
                        run(
                          { type: 'resolve-proposal', proposalId: p.proposalId, accepted: false },
                          'Proposal declined',
                        )
                      }
                    >
                      Decline
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {message && (
        <p role="status" className="text-sm">
          {message}
        </p>
      )}
    </section>
  );
}
