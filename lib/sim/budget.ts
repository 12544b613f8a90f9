/**
 * Work budgets. Every run the app or the CLI starts has an event budget: estimated up front
 * from the config (so an oversized request is refused before any work) and enforced while the
 * engine runs (`SimOptions.maxEvents`, so retries or timeouts that multiply the work stop it).
 * Pure: used by the CLI, the browser host, saved runs and challenge checks.
 */
import type { SimConfig } from './config';

/** Most calls one root request may fan out to (first tries, no retries). */
export const MAX_CALLS_PER_REQUEST = 1000;
/** Most time-series windows a batch run may produce. */
export const MAX_WINDOWS = 50_000_000;
/** Default event budget of a CLI run (≈ 1 min on one core); `--max-events` raises it. */
export const CLI_EVENT_BUDGET = 500_000_000;
/** Event budget of a run replayed on the server (saving a run, checking a challenge). */
export const SERVER_EVENT_BUDGET = 25_000_000;
/** Event budget of one control-loop step in the browser. */
export const STEP_EVENT_BUDGET = 20_000_000;

/**
 * Calls one request from each caller makes in total (first tries): a stage's targets are called
 * in parallel, every target then makes its own calls. Memoised per service, so it is linear in
 * the size of the graph even when the count itself is huge. Needs an acyclic graph.
 */
export function callsPerRequest(config: Pick<SimConfig, 'callers' | 'services'>): number {
  const byName = new Map(config.services.map((s) => [s.name, s]));
  const memo = new Map<string, number>();
  const below = (name: string, depth: number): number => {
    const hit = memo.get(name);
    if (hit !== undefined) return hit;
    if (depth > 64) return Infinity; // a cycle (rejected by the schema); never loop
    let n = 0;
    for (const stage of byName.get(name)?.calls ?? [])
      for (const t of stage) n += 1 + below(t, depth + 1);
    memo.set(name, n);
    return n;
  };
  let worst = 0;
  for (const c of config.callers) {
    let n = 0;
    for (const stage of c.calls) for (const t of stage) n += 1 + below(t, 1);
    if (n > worst) worst = n;
  }
  return worst;
}

/** Events one call costs at most without retries: hops through proxies, service, response. */
function eventsPerCall(config: SimConfig): number {
  const dp = config.dataPlane;
  let hops = 1;
  if (dp.mode === 'sidecar') hops = 2;
  else if (dp.mode === 'ambient') hops = dp.l7 ? 3 : 2;
  else if (dp.mode === 'ebpf') hops = dp.l7 ? 2 : 1;
  // + service done + response + a possible per-try and route timeout event.
  return hops + 4;
}

/** Estimated events of a run: `requests` root requests, or `durationMs` of open-ended traffic. */
export function estimateEvents(
  config: SimConfig,
  work: { requests: number } | { durationMs: number },
): number {
  const totalRps = config.callers.reduce((a, c) => a + c.rps, 0);
  const requests =
    'requests' in work ? work.requests : (totalRps * Math.max(0, work.durationMs)) / 1000;
  return requests * (1 + callsPerRequest(config) * eventsPerCall(config));
}

/** A budget check result: null when the run fits, else a message for the person who asked. */
export function checkBudget(estimated: number, budget: number, what: string): string | null {
  if (estimated <= budget) return null;
  const fmt = (n: number) =>
    n >= 1e6 ? `${(n / 1e6).toLocaleString('en-US', { maximumFractionDigits: 1 })} M` : `${n}`;
  return `${what} needs about ${fmt(Math.round(estimated))} simulated events, more than its budget of ${fmt(budget)}; lower the request rate, the number of requests or steps, or simplify the call graph`;
}

/** Estimated events of a run replayed for `steps` control-loop steps (plus the baseline). */
export function estimateRunEvents(config: SimConfig, steps: number): number {
  return estimateEvents(config, { durationMs: (steps + 1) * config.stepIntervalMs });
}
