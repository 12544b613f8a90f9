import Link from '@/components/ui/app-link';
import { encodeRun } from './share-url';
import type { ScriptEntry } from './sim-host';
import type { SimConfig } from '@/lib/sim/config';
import { fmtMs, fmtPct } from './format';

/** A saved run as the list needs it. */
export type SavedRunItem = {
  id: string;
  name: string;
  presetId: string | null;
  createdAt: Date;
  config: SimConfig;
  seed: number;
  script: ScriptEntry[];
  summary: { steps: number; p99Ms: number; errorRate: number };
};

/** The signed-in user's saved runs with open and delete controls (server component). */
export function SavedRuns({
  runs,
  deleteAction,
}: {
  runs: SavedRunItem[];
  deleteAction: (formData: FormData) => Promise<void>;
}) {
  return (
    <section aria-labelledby="saved-runs-h" className="card space-y-3">
      <h2 id="saved-runs-h" className="text-xl">
        Your saved runs
      </h2>
      {runs.length === 0 ? (
        <p className="text-muted">No saved runs yet. Use “Save run” below the charts.</p>
      ) : (
        <ul className="space-y-2">
          {runs.map((run) => {
            const href = `/simulator?${encodeRun({ config: run.config, seed: run.seed, script: run.script, steps: run.summary.steps, presetId: run.presetId }).toString()}`;
            return (
              <li
                key={run.id}
                className="flex flex-wrap items-center justify-between gap-2 border-b border-border pb-2"
              >
                <div>
                  <Link href={href} className="font-semibold underline">
                    {run.name}
                  </Link>
                  <p className="text-sm text-muted">
                    {run.presetId ?? 'free play'} · step {run.summary.steps} · p99{' '}
                    {fmtMs(run.summary.p99Ms)} · errors {fmtPct(run.summary.errorRate, 2)} · saved{' '}
                    {run.createdAt.toISOString().slice(0, 10)}
                  </p>
                </div>
                <form action={deleteAction}>
                  <input type="hidden" name="runId" value={run.id} />
                  <button type="submit" className="btn btn-ghost" aria-label={`Delete ${run.name}`}>
                    Delete
                  </button>
                </form>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
