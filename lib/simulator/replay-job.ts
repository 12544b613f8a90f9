/**
 * A server-side replay job: (config, seed, script, steps) → the summaries a saved run or a
 * challenge check needs. Runs inside the worker_threads worker (replay-worker.ts) so a long
 * replay never blocks the request thread, with the event budget checked before and during.
 * No database, no React: plain data in, plain data out.
 */
import { SERVER_EVENT_BUDGET, checkBudget, estimateRunEvents } from '@/lib/sim/budget';
import type { SimConfig } from '@/lib/sim/config';
import { SimBudgetError } from '@/lib/sim/engine';
import type { Simulation, SimSummary } from '@/lib/sim/engine';
import { enqueueDue, startRun } from '@/lib/sim/replay';
import type { ScriptEntry } from '@/lib/sim/replay';

/** What to replay. */
export type ReplayJob = {
  config: SimConfig;
  seed: number;
  script: ScriptEntry[];
  steps: number;
  /** Event budget of the whole job (defaults to SERVER_EVENT_BUDGET). */
  maxEvents?: number;
  /** Also replay this script (e.g. a challenge's setup alone) for the same steps: the baseline. */
  baselineScript?: ScriptEntry[];
};

/** The replay's result: since-start and last-window summaries plus the final config. */
export type ReplayOutcome =
  | {
      ok: true;
      total: SimSummary;
      window: SimSummary;
      finalConfig: SimConfig;
      events: number;
      /** Intents still queued when the replay ended. */
      pendingIntents: number;
      /** Last-window summary of the baseline replay, when one was asked for. */
      baselineWindow: SimSummary | null;
    }
  | { ok: false; reason: 'budget'; message: string };

function replay(
  config: SimConfig,
  seed: number,
  script: ScriptEntry[],
  steps: number,
  budget: number,
): Simulation {
  const sim = startRun(config, seed, budget);
  enqueueDue(sim, script);
  for (let k = 0; k < steps; k++) {
    sim.step();
    enqueueDue(sim, script);
  }
  return sim;
}

/** Checks the budget up front, then replays with the same budget enforced while it runs. */
export function runReplayJob(job: ReplayJob): ReplayOutcome {
  const budget = job.maxEvents ?? SERVER_EVENT_BUDGET;
  const runs = job.baselineScript ? 2 : 1;
  const over = checkBudget(
    runs * estimateRunEvents(job.config, job.steps),
    budget,
    `replaying ${job.steps} step${job.steps === 1 ? '' : 's'} of this run`,
  );
  if (over) return { ok: false, reason: 'budget', message: over };
  try {
    const sim = replay(job.config, job.seed, job.script, job.steps, budget);
    // Drop the long series: callers store small summaries.
    const total = { ...sim.summarize('total'), series: [] };
    const window = { ...sim.summarize('window'), series: [] };
    let baselineWindow: SimSummary | null = null;
    if (job.baselineScript) {
      const base = replay(job.config, job.seed, job.baselineScript, job.steps, budget - sim.events);
      baselineWindow = { ...base.summarize('window'), series: [] };
    }
    return {
      ok: true,
      total,
      window,
      finalConfig: sim.config,
      events: sim.events,
      pendingIntents: sim.pendingIntents.length,
      baselineWindow,
    };
  } catch (e) {
    if (e instanceof SimBudgetError) return { ok: false, reason: 'budget', message: e.message };
    throw e;
  }
}
