/**
 * Runs as scripts: a run is (config, seed, intents each queued before a given step, steps).
 * The UI, saved runs and share links all replay through these helpers, so the same script
 * gives the same numbers everywhere.
 */
import type { SimConfig } from './config';
import { Simulation } from './engine';
import type { Intent } from './intents';

/** An intent and the control-loop step count at which it was queued. */
export type ScriptEntry = { at: number; intent: Intent };

/** A new open-ended run that has already simulated one baseline interval (no intent yet). */
export function startRun(config: SimConfig, seed: number, maxEvents = Infinity): Simulation {
  const sim = new Simulation(config, { seed, requests: Infinity, maxEvents });
  sim.runUntil(config.stepIntervalMs);
  return sim;
}

/** Queues the script entries due at the simulation's current step count. */
export function enqueueDue(sim: Simulation, script: readonly ScriptEntry[]): void {
  for (const e of script) if (e.at === sim.steps) sim.enqueueIntent(e.intent);
}

/** Starts a run and replays `steps` control-loop steps of `script`. */
export function replayRun(
  config: SimConfig,
  seed: number,
  script: readonly ScriptEntry[],
  steps: number,
): Simulation {
  const sim = startRun(config, seed);
  enqueueDue(sim, script);
  for (let k = 0; k < steps; k++) {
    sim.step();
    enqueueDue(sim, script);
  }
  return sim;
}

/**
 * Whether a comparison run takes this intent too. Compare mode runs the same traffic and intents
 * on another data plane, so an intent that switches the data plane applies to the main run only
 * (otherwise the compared column would silently become the queued data plane).
 */
export function appliesToComparison(intent: Intent): boolean {
  return intent.type !== 'set-data-plane';
}

/** The script a comparison run replays: the same entries minus data-plane switches. */
export function comparisonScript(script: readonly ScriptEntry[]): ScriptEntry[] {
  return script.filter((e) => appliesToComparison(e.intent));
}
