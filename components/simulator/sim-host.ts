import type { SimConfig } from '@/lib/sim/config';
import type { Simulation, SimSummary } from '@/lib/sim/engine';
import type { Intent } from '@/lib/sim/intents';
import { enqueueDue, startRun } from '@/lib/sim/replay';
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
  summary: SimSummary;
  compare: SimSummary | null;
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

/** Owns one simulation (plus an optional comparison run on the same seed and intents). */
export class SimHost {
  private sim: Simulation | null = null;
  private twin: Simulation | null = null;
  private script: ScriptEntry[] = [];

  /** Handles one request and returns the new view. */
  handle(req: SimRequest): SimView {
    if (req.type === 'init') {
      // Both runs simulate one baseline interval before the first intent (see lib/sim/replay.ts).
      this.sim = startRun(req.config, req.seed);
      this.twin = req.compare ? startRun(req.compare, req.seed) : null;
      this.script = req.script.slice();
      this.enqueueDue();
      for (let s = 0; s < req.steps; s++) this.stepOnce();
    } else if (req.type === 'step') this.stepOnce();
    else if (req.type === 'enqueue') {
      const at = this.sim?.steps ?? 0;
      this.script.push({ at, intent: req.intent });
      this.sim?.enqueueIntent(req.intent);
      this.twin?.enqueueIntent(req.intent);
    }
    return this.view();
  }

  private enqueueDue(): void {
    if (this.sim) enqueueDue(this.sim, this.script);
    if (this.twin) enqueueDue(this.twin, this.script);
  }

  private stepOnce(): void {
    const sim = this.sim;
    if (!sim) return;
    sim.step();
    this.twin?.step();
    this.enqueueDue();
  }

  private view(): SimView {
    const sim = this.sim;
    if (!sim) throw new Error('simulation not initialised');
    return {
      summary: trim(sim.summarize()),
      compare: this.twin ? trim(this.twin.summarize()) : null,
      config: sim.config,
      pending: sim.pendingIntents.slice(),
      steps: sim.steps,
    };
  }
}
