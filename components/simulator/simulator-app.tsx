'use client';

import { useMemo, useState } from 'react';
import type { SimConfig } from '@/lib/sim/config';
import type { Preset } from '@/lib/sim/presets';
import { ChallengeCheck } from './challenge-check';
import type { CheckChallengeAction } from './challenge-check';
import { ControlPanel } from './control-panel';
import { SaveRunForm } from './save-run-form';
import type { SaveRunAction } from './save-run-form';
import { fmtMs, fmtNum, fmtPct } from './format';
import { IntentMenu } from './intent-menu';
import { type Scope, ScopeToggle, scopeText } from './scope-toggle';
import { ServiceDetails, ServiceTable } from './service-table';
import type { SharedRun } from './share-url';
import { SimCharts } from './sim-charts';
import { TopologyView } from './topology-view';
import { useReducedMotion } from './use-reduced-motion';
import { useSimulation } from './use-simulation';

/** Data-plane variants offered by compare mode. */
const VARIANTS: { id: string; label: string; dataPlane: Partial<SimConfig['dataPlane']> }[] = [
  { id: 'none', label: 'No mesh', dataPlane: { mode: 'none', l7: false } },
  {
    id: 'istio',
    label: 'Istio sidecar (1.24)',
    dataPlane: { mode: 'sidecar', profile: 'istio-1.24' },
  },
  {
    id: 'istio-legacy',
    label: 'Istio sidecar (1.10–1.16 numbers)',
    dataPlane: { mode: 'sidecar', profile: 'istio-legacy' },
  },
  { id: 'linkerd', label: 'Linkerd sidecar', dataPlane: { mode: 'sidecar', profile: 'linkerd' } },
  { id: 'ambient', label: 'Ambient L4 (ztunnel)', dataPlane: { mode: 'ambient', l7: false } },
  { id: 'ambient-l7', label: 'Ambient + waypoint', dataPlane: { mode: 'ambient', l7: true } },
  { id: 'ebpf', label: 'Cilium eBPF', dataPlane: { mode: 'ebpf', l7: false } },
];

/** The interactive simulator: topology, control loop, charts, tables, compare and share. */
export function SimulatorApp({
  run,
  preset,
  embedded = false,
  saveAction,
  challenge,
}: {
  run: SharedRun;
  preset: Pick<Preset, 'id' | 'title' | 'description' | 'observe'> | null;
  embedded?: boolean;
  /** Present when the user is signed in. */
  saveAction?: SaveRunAction;
  /** On a challenge page: checks the run against the challenge's goal. */
  challenge?: { id: string; onCheck: CheckChallengeAction; signedIn: boolean };
}) {
  const sim = useSimulation(run);
  const reducedMotion = useReducedMotion();
  const [selected, setSelected] = useState<string | null>(null);
  const [variant, setVariant] = useState('');
  const [shareUrl, setShareUrl] = useState<string | null>(null);
  const [scope, setScope] = useState<Scope>('window');
  const view = sim.view;
  const compareLabel = VARIANTS.find((v) => v.id === variant)?.label ?? '';

  const compareConfig = useMemo(() => {
    const v = VARIANTS.find((x) => x.id === variant);
    return v ? { ...run.config, dataPlane: { ...run.config.dataPlane, ...v.dataPlane } } : null;
  }, [variant, run.config]);

  if (!view) {
    return (
      <p className="card" role="status">
        {sim.error ? `The simulator failed to start: ${sim.error}` : 'Starting the simulator…'}
      </p>
    );
  }
  // Headline numbers, tables and compare read the current window (the last step) by default,
  // as Kiali and Fortio do; "since start" is the cumulative view. Charts always use the series.
  const s = scope === 'window' ? view.window : view.summary;
  const c = scope === 'window' ? view.compareWindow : view.compare;
  const scopeLabel = scopeText(scope, view.window);

  return (
    <div className="space-y-6" data-testid="simulator">
      {preset && !embedded && (
        <section aria-labelledby="sim-preset-h" className="card space-y-2">
          <h2 id="sim-preset-h" className="text-xl">
            {preset.title}
          </h2>
          <p>{preset.description}</p>
          <h3 className="font-semibold">What to observe</h3>
          <ul className="list-disc space-y-1 pl-5">
            {preset.observe.map((o) => (
              <li key={o}>{o}</li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="sim-topology-h" className="card space-y-2">
        <h2 id="sim-topology-h" className="text-xl">
          Topology
        </h2>
        <ScopeToggle scope={scope} onChange={setScope} window={view.window} name="sim-scope" />
        <TopologyView
          config={view.config}
          summary={s}
          selected={selected}
          onSelect={setSelected}
          // Request dots move only while time runs (Auto): SVG animation repaints on the main
          // thread at 60 fps, ~100 ms of paint per second on a paused page before this.
          reducedMotion={reducedMotion || !sim.auto}
        />
        <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4" data-testid="sim-headline">
          <div>
            <dt className="text-muted">p99 end to end</dt>
            <dd className="text-lg font-semibold" data-testid="sim-p99">
              {fmtMs(s.endToEnd.p99Ms)}
            </dd>
          </div>
          <div>
            <dt className="text-muted">Error rate</dt>
            <dd className="text-lg font-semibold" data-testid="sim-error-rate">
              {fmtPct(s.endToEnd.errorRate, 2)}
            </dd>
          </div>
          <div>
            <dt className="text-muted">Encrypted calls</dt>
            <dd className="text-lg font-semibold" data-testid="sim-encrypted">
              {fmtPct(s.security.encryptedShare)}
            </dd>
          </div>
          <div>
            <dt className="text-muted">Proxy cost</dt>
            <dd className="text-lg font-semibold">
              {s.dataPlane.cpuVcpu.toFixed(2)} vCPU · {fmtNum(s.dataPlane.memoryMiB)} MiB
            </dd>
          </div>
        </dl>
      </section>

      {sim.error && (
        <p className="card text-danger" role="alert" data-testid="sim-error">
          {sim.error}
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <ControlPanel
          pending={view.pending}
          decisions={s.decisions}
          steps={view.steps}
          nowMs={s.nowMs}
          auto={sim.auto}
          speed={sim.speed}
          seed={sim.seed}
          busy={sim.busy}
          onStep={sim.step}
          onAuto={sim.setAuto}
          onSpeed={sim.setSpeed}
          onReset={sim.reset}
        />
        <IntentMenu config={view.config} onAdd={sim.enqueue} />
      </div>

      {challenge && (
        <ChallengeCheck
          challengeId={challenge.id}
          onCheck={challenge.onCheck}
          signedIn={challenge.signedIn}
          build={() => ({ script: sim.script, steps: view.steps })}
        />
      )}

      <section aria-labelledby="sim-charts-h" className="space-y-3">
        <h2 id="sim-charts-h" className="text-xl">
          Over simulated time
        </h2>
        <SimCharts
          series={view.summary.series}
          compare={view.compare?.series ?? null}
          compareLabel={compareLabel}
          decisions={view.summary.decisions}
        />
      </section>

      <section aria-labelledby="sim-services-h" className="card space-y-3">
        <h2 id="sim-services-h" className="text-xl">
          Services
        </h2>
        <ServiceTable
          summary={s}
          scopeText={scopeLabel}
          onSelect={setSelected}
          selected={selected}
        />
        {selected && <ServiceDetails name={selected} config={view.config} summary={s} />}
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="sim-compare-h" className="card space-y-3">
          <h2 id="sim-compare-h" className="text-lg">
            Compare
          </h2>
          <p className="text-sm text-muted">
            Run the same traffic, seed and intents on another data plane, side by side.
          </p>
          <div>
            <label className="label" htmlFor="sim-compare">
              Compare with
            </label>
            <select
              id="sim-compare"
              className="input"
              value={variant}
              onChange={(e) => {
                setVariant(e.target.value);
                const v = VARIANTS.find((x) => x.id === e.target.value);
                sim.setCompare(
                  v
                    ? { ...run.config, dataPlane: { ...run.config.dataPlane, ...v.dataPlane } }
                    : null,
                );
              }}
            >
              <option value="">No comparison</option>
              {VARIANTS.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.label}
                </option>
              ))}
            </select>
          </div>
          {c && compareConfig && (
            <table className="w-full text-left text-sm">
              <caption className="sr-only">This run compared with {compareLabel}</caption>
              <thead>
                <tr>
                  <th scope="col">Metric</th>
                  <th scope="col">This run ({view.config.dataPlane.mode})</th>
                  <th scope="col">{compareLabel}</th>
                </tr>
              </thead>
              <tbody>
                {(
                  [
                    ['p50', fmtMs(s.endToEnd.p50Ms), fmtMs(c.endToEnd.p50Ms)],
                    ['p99', fmtMs(s.endToEnd.p99Ms), fmtMs(c.endToEnd.p99Ms)],
                    [
                      'Error rate',
                      fmtPct(s.endToEnd.errorRate, 2),
                      fmtPct(c.endToEnd.errorRate, 2),
                    ],
                    ['Proxy vCPU', s.dataPlane.cpuVcpu.toFixed(3), c.dataPlane.cpuVcpu.toFixed(3)],
                    ['Proxy MiB', fmtNum(s.dataPlane.memoryMiB), fmtNum(c.dataPlane.memoryMiB)],
                    [
                      'Encrypted',
                      fmtPct(s.security.encryptedShare),
                      fmtPct(c.security.encryptedShare),
                    ],
                  ] as const
                ).map(([k, a, b]) => (
                  <tr key={k} className="border-b border-border">
                    <th scope="row">{k}</th>
                    <td>{a}</td>
                    <td>{b}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2 className="pt-2 text-lg">Share</h2>
          <p className="text-sm text-muted">
            The link replays this exact run: config, seed, intents and steps.
          </p>
          <button
            type="button"
            className="btn btn-secondary"
            onClick={async () => {
              // Loaded on first use: encoding needs the config schema (zod), which the page
              // does not load otherwise.
              const { encodeRun } = await import('./share-url');
              const params = encodeRun({
                config: sim.initialConfig,
                seed: sim.seed,
                script: sim.script,
                steps: view.steps,
                presetId: run.presetId,
              });
              const url = `${window.location.origin}/simulator?${params.toString()}`;
              setShareUrl(url);
              void navigator.clipboard?.writeText(url).catch(() => undefined);
            }}
          >
            Copy share link
          </button>
          {shareUrl && (
            <p className="break-all text-sm">
              <a href={shareUrl} data-testid="sim-share-link">
                Share link for step {view.steps}
              </a>
            </p>
          )}
          {saveAction && (
            <SaveRunForm
              onSave={saveAction}
              build={() => ({
                presetId: run.presetId,
                config: sim.initialConfig,
                seed: sim.seed,
                script: sim.script,
                steps: view.steps,
              })}
            />
          )}
        </section>
      </div>
    </div>
  );
}
