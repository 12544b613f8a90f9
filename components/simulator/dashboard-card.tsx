import Link from '@/components/ui/app-link';
import { listSimulatorPresets } from '@/lib/content/simulator-presets';
import { listSimulatorRuns } from '@/lib/simulator/runs';
import { encodeRun } from './share-url';

type SavedRun = Awaited<ReturnType<typeof listSimulatorRuns>>[number];

// Building a share link LZ-compresses the run's config: do it once per saved run object. The
// run list is cached per user until their next write (lib/cache/user-data.ts), so the same
// objects come back on every request until then; a new list brings new objects.
const shareLinks = new WeakMap<SavedRun, string>();
function shareLink(run: SavedRun): string {
  let href = shareLinks.get(run);
  if (href === undefined) {
    href = `/simulator?${encodeRun({ config: run.config, seed: run.seed, script: run.script, steps: run.summary.steps, presetId: run.presetId }).toString()}`;
    shareLinks.set(run, href);
  }
  return href;
}

/** Dashboard widget: the learner's latest saved simulator runs and a preset to try. */
export async function SimulatorDashboardCard({ userId }: { userId: string }) {
  const [runs, presets] = await Promise.all([
    listSimulatorRuns({ userId }),
    listSimulatorPresets(),
  ]);
  const latest = runs.slice(0, 3);
  // Suggest a preset the learner has not saved a run of yet.
  const tried = new Set(runs.map((r) => r.presetId));
  const next = presets.find((p) => !tried.has(p.id)) ?? presets[0];
  return (
    <section
      aria-labelledby="simulator-card-heading"
      className="card space-y-3"
      data-testid="simulator-dashboard-card"
    >
      <h2 id="simulator-card-heading" className="text-lg">
        <Link href="/simulator">Simulator</Link>
      </h2>
      {latest.length === 0 ? (
        <p className="text-sm text-muted">No saved runs yet.</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {latest.map((run) => (
            <li key={run.id}>
              <Link href={shareLink(run)}>{run.name}</Link>
            </li>
          ))}
        </ul>
      )}
      {next && (
        <p className="text-sm">
          Try: <Link href={`/simulator?preset=${next.id}`}>{next.title}</Link>
        </p>
      )}
    </section>
  );
}
