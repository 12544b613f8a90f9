import type { Metadata } from 'next';
import { getSimulatorPreset, listSimulatorPresets } from '@/lib/content/simulator-presets';
import { decodeRun } from '@/components/simulator/share-url';
import type { SharedRun } from '@/components/simulator/share-url';
import { SimulatorLazy } from '@/components/simulator/simulator-lazy';
import { SavedRuns } from '@/components/simulator/saved-runs';
import { getCurrentUser } from '@/lib/auth/session';
import { listSimulatorRuns } from '@/lib/simulator/runs';
import { deleteSimulatorRunAction, saveSimulatorRunAction } from './actions';

export const metadata: Metadata = {
  title: 'Simulator',
  description:
    'A seeded discrete-event service-mesh simulator: step a control loop and watch latency, errors, security and cost.',
};

type SearchParams = Record<string, string | string[] | undefined>;

export default async function SimulatorPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const params = await searchParams;
  const [presets, user] = await Promise.all([listSimulatorPresets(), getCurrentUser()]);
  const savedRuns = user ? await listSimulatorRuns({ userId: user.id }) : null;
  const presetParam = typeof params.preset === 'string' ? params.preset : null;
  const shared = decodeRun(params);
  let problem: string | null = shared && 'error' in shared ? shared.error : null;

  let run: SharedRun;
  let preset = presetParam ? await getSimulatorPreset(presetParam) : null;
  if (presetParam && !preset)
    problem ??= `There is no preset called “${presetParam}”; showing free play.`;
  if (shared && 'run' in shared) {
    run = shared.run;
  } else {
    const base = preset ?? (await getSimulatorPreset('baseline-no-mesh'));
    if (!base) throw new Error('The baseline-no-mesh preset is missing.');
    // Free play starts from the baseline topology with an empty intent queue.
    run = {
      config: base.config,
      seed: base.seed,
      script: preset ? preset.intents.map((intent) => ({ at: 0, intent })) : [],
      steps: 0,
      presetId: preset?.id ?? null,
    };
  }
  if (!preset && run.presetId) preset = await getSimulatorPreset(run.presetId);

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl sm:text-4xl">Mesh simulator</h1>
        <p className="max-w-3xl text-muted">
          A seeded discrete-event model of callers, services and proxies. Each Step takes the next
          intent from the queue, pushes it through the control plane and runs ten simulated seconds,
          so you can see what the change does and read why.
        </p>
      </header>
      <form method="get" action="/simulator" className="flex flex-wrap items-end gap-3">
        <div>
          <label className="label" htmlFor="preset-picker">
            Preset
          </label>
          <select
            id="preset-picker"
            name="preset"
            className="input"
            defaultValue={preset?.id ?? ''}
          >
            <option value="">Free play (no intents)</option>
            {presets.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn btn-secondary">
          Load
        </button>
      </form>
      {problem && (
        <p className="card text-danger" role="alert" data-testid="sim-problem">
          {problem}
        </p>
      )}
      <SimulatorLazy
        key={`${run.presetId ?? 'free'}-${run.seed}-${run.steps}`}
        run={run}
        preset={
          preset
            ? {
                id: preset.id,
                title: preset.title,
                description: preset.description,
                observe: preset.observe,
              }
            : null
        }
        saveAction={user ? saveSimulatorRunAction : undefined}
      />
      {savedRuns && <SavedRuns runs={savedRuns} deleteAction={deleteSimulatorRunAction} />}
    </div>
  );
}
