/**
 * Every challenge is checked by the engine: the situation alone fails with an explanation,
 * a known solution passes, and a plausible wrong answer fails on the right condition.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readChallengeDir } from '@/lib/content/simulator-challenge-pack';
import type { LoadedChallenge } from '@/lib/content/simulator-challenge-pack';
import { hasPassedChallenge, judgeChallenge, learnerPart, setupScript } from '@/lib/sim/challenges';
import type { Intent } from '@/lib/sim/intents';
import type { ScriptEntry } from '@/lib/sim/replay';
import { challengeJob, verdictOf } from '@/lib/simulator/challenge-run';
import { runReplayJob } from '@/lib/simulator/replay-job';

const root = path.join(process.cwd(), 'content', 'simulator');
let all: Map<string, LoadedChallenge>;
beforeAll(async () => {
  const { challenges, problems } = await readChallengeDir(
    path.join(root, 'challenges'),
    path.join(root, 'presets'),
  );
  expect(problems).toEqual([]);
  all = new Map(challenges.map((c) => [c.id, c]));
});

/** Queues `intents` at step 0 and judges the run after `steps` steps. */
function attempt(id: string, intents: Intent[], stepsOverride?: number) {
  const ch = all.get(id)!;
  // One intent is taken per step: the setup, then the learner's, then two to settle.
  const steps = stepsOverride ?? Math.max(ch.minSteps, ch.setup.length + intents.length + 2);
  const script: ScriptEntry[] = intents.map((intent) => ({ at: 0, intent }));
  const outcome = runReplayJob(challengeJob(ch, script, steps));
  if (!outcome.ok) throw new Error(outcome.message);
  return verdictOf(ch, outcome, script, steps);
}
const failed = (v: ReturnType<typeof attempt>) =>
  v.conditions.filter((c) => !c.passed).map((c) => c.label);

const retries = (service: string, attempts: number, extra: Partial<Intent> = {}): Intent =>
  ({ type: 'set-retries', service, attempts, retryOn: ['5xx'], ...extra }) as Intent;

// id → [solution, wrong answer, label of a condition the wrong answer fails]
const CASES: Record<string, [Intent[], Intent[], RegExp]> = {
  'stop-the-retry-storm': [
    [retries('payments-svc', 0), retries('profile-svc', 0)],
    [{ type: 'set-failure', service: 'inventory-svc', failureProb: 0 }],
    /Do not repair/,
  ],
  'tame-the-slow-tail': [
    [retries('profile-svc', 2, { perTryTimeoutMs: 40 })],
    [{ type: 'set-timeout', service: 'profile-svc', timeoutMs: 100 }],
    /99% of requests succeed/,
  ],
  'zero-trust-payments': [
    [
      { type: 'set-mtls', service: 'payments-svc', mode: 'strict' },
      { type: 'set-allow', service: 'payments-svc', from: ['frontend'] },
    ],
    [
      { type: 'set-mtls', service: 'payments-svc', mode: 'strict' },
      { type: 'set-allow', service: 'payments-svc', from: [] },
    ],
    /At most 10% of requests fail/,
  ],
  'halve-the-proxy-bill': [
    [{ type: 'set-data-plane', mode: 'ambient', l7: false }],
    [{ type: 'set-data-plane', mode: 'ebpf', l7: false }],
    /encrypted/,
  ],
  'ship-the-canary-safely': [
    [
      { type: 'set-canary-weight', service: 'payments-svc', weight: 10 },
      retries('payments-svc', 2),
    ],
    [{ type: 'set-canary-weight', service: 'payments-svc', weight: 10 }],
    /99% of requests succeed/,
  ],
  'shed-load-not-latency': [
    [
      {
        type: 'set-circuit-breaker',
        service: 'inventory-svc',
        limits: { maxConnections: 8, maxPendingRequests: 8, maxRequests: 16, maxRetries: 3 },
      },
    ],
    [{ type: 'set-replicas', service: 'inventory-svc', replicas: 2 }],
    /No extra replicas/,
  ],
  'block-the-reports-job': [
    [{ type: 'add-deny', service: 'payments-svc', from: 'reports-job' }],
    [{ type: 'set-allow', service: 'payments-svc', from: [] }],
    /frontend is not affected/,
  ],
  'encrypt-without-the-tax': [
    [{ type: 'set-data-plane', mode: 'ambient', l7: false }],
    [{ type: 'set-data-plane', mode: 'sidecar', profile: 'istio-legacy' }],
    /1\.15× the no-mesh p99/,
  ],
};

describe('simulator challenges', () => {
  it('there are at least 8, all valid, each with a test case here', () => {
    expect(all.size).toBeGreaterThanOrEqual(8);
    expect([...all.keys()].sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const [id, [solution, wrong, why]] of Object.entries(CASES)) {
    describe(id, () => {
      it('the situation alone fails, explaining which condition failed', () => {
        const v = attempt(id, []);
        expect(v.passed).toBe(false);
        const bad = v.conditions.filter((c) => !c.passed);
        expect(bad.length).toBeGreaterThan(0);
        for (const c of bad) expect(c.detail.length).toBeGreaterThan(10);
      });
      it('the known solution passes', () => {
        const v = attempt(id, solution);
        expect(v.conditions.filter((c) => !c.passed)).toEqual([]);
        expect(v.passed).toBe(true);
      });
      it('a plausible wrong answer fails on the right condition', () => {
        const v = attempt(id, wrong);
        expect(v.passed).toBe(false);
        expect(failed(v).some((l) => why.test(l))).toBe(true);
      });
    });
  }

  it('a change taken in the judged step does not count yet; too few steps fail', () => {
    const ch = all.get('tame-the-slow-tail')!;
    const script: ScriptEntry[] = [
      { at: 2, intent: retries('profile-svc', 2, { perTryTimeoutMs: 40 }) },
    ];
    const outcome = runReplayJob(challengeJob(ch, script, 3));
    if (!outcome.ok) throw new Error(outcome.message);
    const v = verdictOf(ch, outcome, script, 3);
    expect(v.passed).toBe(false);
    expect(v.conditions[0]!.detail).toMatch(/press Step once more/);
    const short = attempt('tame-the-slow-tail', [], 1);
    expect(short.conditions[0]!.detail).toMatch(/Only 1 step so far/);
  });

  it('the verdict names the number and the goal', () => {
    const v = attempt('stop-the-retry-storm', []);
    const c = v.conditions.find((x) => /attempts per request/.test(x.label))!;
    expect(c.passed).toBe(false);
    expect(c.detail).toMatch(
      /Attempts per request at inventory-svc is 2\d\.\d+× in the last window; the goal is at most 3\.15×/,
    );
  });

  it('a submitted script must start with the unchanged setup', () => {
    const ch = all.get('stop-the-retry-storm')!;
    const setup = setupScript(ch);
    const mine = { at: 1, intent: retries('payments-svc', 0) };
    expect(learnerPart(ch, [...setup, mine])).toEqual([mine]);
    expect(learnerPart(ch, [mine])).toBeNull();
    expect(
      learnerPart(ch, [{ at: 0, intent: { ...setup[0]!.intent, failureProb: 0 } as Intent }, mine]),
    ).toBeNull();
  });

  it('hasPassedChallenge looks for a pass of that challenge', () => {
    const results = [
      { challengeId: 'a', passed: false },
      { challengeId: 'b', passed: true },
    ];
    expect(hasPassedChallenge(results, 'a')).toBe(false);
    expect(hasPassedChallenge(results, 'b')).toBe(true);
    expect(hasPassedChallenge([], 'b')).toBe(false);
  });

  it('judgeChallenge is pure: the same run gives the same verdict', () => {
    const ch = all.get('block-the-reports-job')!;
    const outcome = runReplayJob(challengeJob(ch, [], 3));
    if (!outcome.ok) throw new Error(outcome.message);
    const run = {
      window: outcome.window,
      finalConfig: outcome.finalConfig,
      learnerScript: [],
      pendingIntents: 0,
      steps: 3,
      baselineWindow: null,
    };
    expect(judgeChallenge(ch, run)).toEqual(judgeChallenge(ch, run));
  });
});
