import type { SimConfig } from '@/lib/sim/config';
import type { Simulation, SimSummary } from '@/lib/sim/engine';
import type { Intent } from '@/lib/sim/intents';
import { STEP_EVENT_BUDGET, checkBudget, estimateEvents } from '@/lib/sim/budget';
import { appliesToComparison, comparisonScript, enqueueDue, startRun } from '@/lib/sim/replay';
import type { ScriptEntry } from '@/lib/sim/replay';

// The simulation host behind the Web Worker (and the in-page fallback when workers are not
// available). Messages are plain data, so the worker boundary is a structured clone.

export type { ScriptEntry } from '@/lib/sim/replay';

/** Requests to the host. */
export type SimRequest =
  | {
      type: 'init';
      config: SimConfig;
      seed: number;
      script: ScriptEntry[];
      steps: number;
      compare: SimConfig | null;
    }
  | { type: 'step' }
  | { type: 'enqueue'; intent: Intent };

/** What the UI renders after every request. */
export type SimView = {
  /** Since the start of the run (with the time series). */
  summary: SimSummary;
  /** The current window: the last step only. */
  window: SimSummary;
  compare: SimSummary | null;
  compareWindow: SimSummary | null;
  /** Config in force now (intents applied). */
  config: SimConfig;
  pending: Intent[];
  steps: number;
};

/** Windows kept in a view (charts show the last few minutes of simulated time). */
const MAX_SERIES = 180;

function trim(summary: SimSummary): SimSummary {
  return summary.series.length > MAX_SERIES
    ? { ...summary, series: summary.series.slice(-MAX_SERIES) }
    : summary;
}

/** Throws a clear error when one step of `config` is estimated over the step budget. */
function checkStep(config: SimConfig): void {
  const over = checkBudget(
    estimateEvents(config, { durationMs: config.stepIntervalMs }),
    STEP_EVENT_BUDGET,
    'one step at this load',
  );
  if (over) throw new Error(`${over}.`);
}

/** Starts a run (its baseline interval included) within the step budget. */
function budgetedStart(config: SimConfig, seed: number): Simulation {
  checkStep(config);
  return startRun(config, seed, STEP_EVENT_BUDGET);
}

/** Owns one simulation (plus an optional comparison run on the same seed and intents). */
export class SimHost {
  private sim: Simulation | null = null;
  private twin: Simulation | null = null;
  private script: ScriptEntry[] = [];
  private twinScript: ScriptEntry[] = [];

  /** Handles one request and returns the new view. */
  handle(req: SimRequest): SimView {
    if (req.type === 'init') {
      // Both runs simulate one baseline interval before the first intent (see lib/sim/replay.ts).
      this.sim = budgetedStart(req.config, req.seed);
      this.twin = req.compare ? budgetedStart(req.compare, req.seed) : null;
      this.script = req.script.slice();
      this.twinScript = comparisonScript(this.script);
      this.enqueueDue();
      for (let s = 0; s < req.steps; s++) this.stepOnce();
    } else if (req.type === 'step') this.stepOnce();
    else if (req.type === 'enqueue') {
      const at = this.sim?.steps ?? 0;
      this.script.push({ at, intent: req.intent });
      this.sim?.enqueueIntent(req.intent);
      if (appliesToComparison(req.intent)) {
        this.twinScript.push({ at, intent: req.intent });
        this.twin?.enqueueIntent(req.intent);
      }
    }
    return this.view();
  }

  private enqueueDue(): void {
    if (this.sim) enqueueDue(this.sim, this.script);
    if (this.twin) enqueueDue(this.twin, this.twinScript);
  }

  private stepOnce(): void {
    const sim = this.sim;
    if (!sim) return;
    // Every step has an event budget: refused up front when the estimate is over it, stopped
    // by the engine when retries or timeouts multiply the work past it.
    for (const s of this.twin ? [sim, this.twin] : [sim]) {
      checkStep(s.config);
      s.maxEvents = s.events + STEP_EVENT_BUDGET;
    }
    sim.step();
    this.twin?.step();
    this.enqueueDue();
  }

  private view(): SimView {
    const sim = this.sim;
    if (!sim) throw new Error('simulation not initialised');
    return {
      summary: trim(sim.summarize()),
      window: { ...sim.summarize('window'), series: [] },
      compare: this.twin ? trim(this.twin.summarize()) : null,
      compareWindow: this.twin ? { ...this.twin.summarize('window'), series: [] } : null,
      config: sim.config,
      pending: sim.pendingIntents.slice(),
      steps: sim.steps,
    };
  }
}
