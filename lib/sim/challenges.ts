/**
 * Simulator challenges: a preset, a situation (setup intents queued before the first step) and
 * a goal the engine checks on the learner's own run. Content lives in
 * content/simulator/challenges/<id>.json; this module holds the schema, the judge and the
 * "has this user passed" rule. Pure: no files, no database.
 */
import { z } from 'zod';
import type { SimSummary } from './engine';
import type { SimConfig } from './config';
import { intentListSchema } from './intents';
import type { Intent } from './intents';
import type { ScriptEntry } from './replay';

/** Numbers a condition can test. `successRate` = 1 − errorRate; `deniedRate` = denied / count. */
export const CHALLENGE_METRICS = [
  'p50Ms',
  'p99Ms',
  'errorRate',
  'successRate',
  'deniedRate',
  'throughputRps',
  'attemptsPerRequest',
  'utilization',
  'canaryShare',
  'cpuVcpu',
  'memoryMiB',
  'encryptedShare',
  'authorizedShare',
] as const;
/** A challenge metric. */
export type ChallengeMetric = (typeof CHALLENGE_METRICS)[number];

const label = z.string().min(5).max(160);
const scope = z.string().min(1).max(40); // 'endToEnd' or a service name
const metric = z.enum(CHALLENGE_METRICS);
const op = z.enum(['lte', 'gte']);

/** One condition of a challenge's goal. */
export const conditionSchema = z.discriminatedUnion('kind', [
  // A number from the last step's window (the current window, as a dashboard would show it).
  z.object({ kind: z.literal('metric'), label, scope, metric, op, value: z.number() }),
  // The same number relative to the situation without the learner's changes (same seed, steps).
  z.object({
    kind: z.literal('baseline'),
    label,
    scope,
    metric,
    op,
    factor: z.number().positive(),
  }),
  // The final config: mTLS mode of a service, or the data-plane mode.
  z.object({
    kind: z.literal('mtls'),
    label,
    service: scope,
    mode: z.enum(['disable', 'permissive', 'strict']),
  }),
  z.object({
    kind: z.literal('data-plane'),
    label,
    modes: z.array(z.enum(['none', 'sidecar', 'ambient', 'ebpf'])).min(1),
  }),
  // Intent types the learner may not use (e.g. "without adding replicas").
  z.object({
    kind: z.literal('no-intent'),
    label,
    types: z.array(z.string().min(3).max(40)).min(1),
  }),
]);
/** A goal condition. */
export type ChallengeCondition = z.infer<typeof conditionSchema>;

/** A challenge as authored (content/simulator/challenges/<id>.json). */
export const challengeSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(5).max(80),
  /** The situation and the goal, in words. */
  summary: z.string().min(20).max(600),
  presetId: z.string().regex(/^[a-z0-9-]+$/),
  /** Intents queued before the first step: the situation the learner must fix. */
  setup: intentListSchema.default([]),
  /** Steps the run must have taken at least. */
  minSteps: z.number().int().min(2).max(30).default(3),
  conditions: z.array(conditionSchema).min(1).max(8),
  hints: z.array(z.string().min(10).max(400)).min(1).max(5),
  lessonIds: z.array(z.string()).default([]),
});
/** A validated challenge. */
export type Challenge = z.infer<typeof challengeSchema>;

/** The verdict on one condition. */
export type ConditionVerdict = { label: string; passed: boolean; detail: string };
/** The verdict on a run. */
export type ChallengeVerdict = { passed: boolean; conditions: ConditionVerdict[] };

/** What the judge needs from a replayed run. */
export type JudgedRun = {
  window: SimSummary;
  finalConfig: SimConfig;
  /** The learner's own intents (the setup removed). */
  learnerScript: ScriptEntry[];
  /** Intents still queued at the end of the run. */
  pendingIntents: number;
  steps: number;
  /** The situation replayed without the learner's intents; needed by `baseline` conditions. */
  baselineWindow: SimSummary | null;
};

/** Reads one metric of a summary; null when the scope does not exist. */
export function metricValue(s: SimSummary, scopeName: string, m: ChallengeMetric): number | null {
  if (m === 'cpuVcpu' && scopeName === 'endToEnd') return s.dataPlane.cpuVcpu;
  if (m === 'memoryMiB' && scopeName === 'endToEnd') return s.dataPlane.memoryMiB;
  if (m === 'encryptedShare') return s.security.encryptedShare;
  if (m === 'authorizedShare') return s.security.authorizedShare;
  const svc = scopeName === 'endToEnd' ? null : s.services[scopeName];
  const st = scopeName === 'endToEnd' ? s.endToEnd : svc;
  if (!st) return null;
  switch (m) {
    case 'successRate':
      return 1 - st.errorRate;
    case 'deniedRate':
      return st.count ? (st.errorsByCause.denied ?? 0) / st.count : 0;
    case 'attemptsPerRequest':
    case 'utilization':
    case 'canaryShare':
    case 'cpuVcpu':
    case 'memoryMiB':
      return svc ? svc[m] : null;
    default:
      return st[m];
  }
}

const PERCENT: ReadonlySet<ChallengeMetric> = new Set([
  'errorRate',
  'successRate',
  'deniedRate',
  'utilization',
  'canaryShare',
  'encryptedShare',
  'authorizedShare',
]);

/** Formats a metric value for a verdict line. */
export function formatMetric(m: ChallengeMetric, v: number): string {
  if (PERCENT.has(m)) return `${(v * 100).toFixed(v >= 0.995 && v < 1 ? 2 : 1)}%`;
  if (m === 'p50Ms' || m === 'p99Ms') return `${v.toFixed(1)} ms`;
  if (m === 'cpuVcpu') return `${v.toFixed(3)} vCPU`;
  if (m === 'memoryMiB') return `${v.toFixed(0)} MiB`;
  if (m === 'attemptsPerRequest') return `${v.toFixed(2)}×`;
  return `${v.toFixed(1)} req/s`;
}

/** How a metric is named in a verdict. */
export const METRIC_LABELS: Record<ChallengeMetric, string> = {
  p50Ms: 'p50 latency',
  p99Ms: 'p99 latency',
  errorRate: 'Error rate',
  successRate: 'Success rate',
  deniedRate: 'Denied share',
  throughputRps: 'Throughput',
  attemptsPerRequest: 'Attempts per request',
  utilization: 'Busy share',
  canaryShare: 'Canary share',
  cpuVcpu: 'Proxy CPU',
  memoryMiB: 'Proxy memory',
  encryptedShare: 'Encrypted share of calls',
  authorizedShare: 'Explicitly authorized share of calls',
};

const where = (scopeName: string) => (scopeName === 'endToEnd' ? 'end to end' : `at ${scopeName}`);

function compare(o: 'lte' | 'gte', v: number, target: number): boolean {
  return o === 'lte' ? v <= target : v >= target;
}

/**
 * Judges a run against a challenge. Conditions are read from the last step's window, after a
 * settled step: the run must have at least `minSteps` steps, and every intent (one is taken
 * per step) must have reached the proxies before that window began.
 */
export function judgeChallenge(ch: Challenge, run: JudgedRun): ChallengeVerdict {
  const out: ConditionVerdict[] = [];
  // Settled: every intent was taken, and the last one reached the proxies before the judged
  // window began (so the window shows its effect, not the propagation).
  const from = run.window.fromMs;
  const lastApply = Math.max(-Infinity, ...run.window.decisions.map((d) => d.applyAtMs ?? d.atMs));
  const enough = run.steps >= ch.minSteps;
  const settled = enough && run.pendingIntents === 0 && lastApply <= from;
  out.push({
    label: `Run at least ${ch.minSteps} steps, with a full step after your last change`,
    passed: settled,
    detail: settled
      ? `${run.steps} steps; every change was in place before the last step began.`
      : !enough
        ? `Only ${run.steps} step${run.steps === 1 ? '' : 's'} so far; take at least ${ch.minSteps}.`
        : run.pendingIntents > 0
          ? `${run.pendingIntents} change${run.pendingIntents === 1 ? ' is' : 's are'} still queued (one is taken per step); keep stepping.`
          : 'Your last change reached the proxies during the step being judged; press Step once more so the numbers show its effect.',
  });
  for (const c of ch.conditions) {
    if (c.kind === 'metric' || c.kind === 'baseline') {
      const v = metricValue(run.window, c.scope, c.metric);
      let target = c.kind === 'metric' ? c.value : NaN;
      let base = '';
      if (c.kind === 'baseline') {
        const b = run.baselineWindow ? metricValue(run.baselineWindow, c.scope, c.metric) : null;
        if (b !== null) {
          target = b * c.factor;
          base = ` (${c.factor}× the ${formatMetric(c.metric, b)} without your changes)`;
        }
      }
      if (v === null || !Number.isFinite(target)) {
        out.push({ label: c.label, passed: false, detail: `No data ${where(c.scope)} yet.` });
        continue;
      }
      const passed = compare(c.op, v, target);
      const want = `${c.op === 'lte' ? 'at most' : 'at least'} ${formatMetric(c.metric, target)}${base}`;
      out.push({
        label: c.label,
        passed,
        detail: `${METRIC_LABELS[c.metric]} ${where(c.scope)} is ${formatMetric(c.metric, v)} in the last window; the goal is ${want}.`,
      });
    } else if (c.kind === 'mtls') {
      const mode = run.finalConfig.services.find((s) => s.name === c.service)?.policy.mtls;
      out.push({
        label: c.label,
        passed: mode === c.mode,
        detail: `${c.service} is in ${(mode ?? 'unknown').toUpperCase()} mode; the goal needs ${c.mode.toUpperCase()}.`,
      });
    } else if (c.kind === 'data-plane') {
      const mode = run.finalConfig.dataPlane.mode;
      out.push({
        label: c.label,
        passed: c.modes.includes(mode),
        detail: `The data plane is "${mode}"; allowed: ${c.modes.join(', ')}.`,
      });
    } else {
      const used = run.learnerScript.filter((e) => c.types.includes(e.intent.type));
      out.push({
        label: c.label,
        passed: used.length === 0,
        detail: used.length
          ? `You used ${[...new Set(used.map((e) => e.intent.type))].join(', ')}, which this challenge rules out.`
          : 'None of the ruled-out changes were used.',
      });
    }
  }
  return { passed: out.every((c) => c.passed), conditions: out };
}

/** Whether any condition needs the baseline replay. */
export function needsBaseline(ch: Challenge): boolean {
  return ch.conditions.some((c) => c.kind === 'baseline');
}

/** The challenge's setup as script entries (all queued at step 0). */
export function setupScript(ch: Challenge): ScriptEntry[] {
  return ch.setup.map((intent: Intent) => ({ at: 0, intent }));
}

/**
 * Splits a submitted script into setup and learner intents. The script must start with the
 * challenge's setup, unchanged (so the situation cannot be edited away); null otherwise.
 */
export function learnerPart(ch: Challenge, script: readonly ScriptEntry[]): ScriptEntry[] | null {
  const setup = setupScript(ch);
  if (script.length < setup.length) return null;
  for (let i = 0; i < setup.length; i++)
    if (JSON.stringify(script[i]) !== JSON.stringify(setup[i])) return null;
  return script.slice(setup.length);
}

/** A stored result as the pass rule sees it. */
export type ChallengeResultLike = { challengeId: string; passed: boolean };

/** Whether the results include a pass of `challengeId` (what track items and badges use). */
export function hasPassedChallenge(
  results: readonly ChallengeResultLike[],
  challengeId: string,
): boolean {
  return results.some((r) => r.challengeId === challengeId && r.passed);
}
