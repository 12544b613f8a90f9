import { describe, expect, it } from 'vitest';
import type { Scenario } from '@/lib/content/scenario-schema';
import { validateAttempt } from '@/lib/grading/answer-input';
import {
  equationsIn,
  evaluate,
  findArithmeticErrors,
  findSettingErrors,
  settingValues,
} from '@/lib/grading/arithmetic';
import { claimView } from '@/lib/grading/claim-view';
import { findDistractorClaims } from '@/lib/grading/distractors';
import { findFalseClaims } from '@/lib/grading/facts';
import { findFixRefusals } from '@/lib/grading/fix-refusals';
import { extractFeatures, gradeAttempt } from '@/lib/grading/grade-attempt';
import { cachedLemmaOffsets } from '@/lib/grading/lemmas';
import { analyzeText } from '@/lib/grading/text';
import { correctDecision, expertTexts, loadAuthoredScenarios } from './helpers';

// The claim checks added for the blind holdout's reversed points (#16): each is general (grammar,
// the scenario's own options, wrong turns and equations, the fact base), and each is tested with
// sentences written for this file — a reversed claim and a correct statement about the same point.
const { scenarios, problems, scenario } = await loadAuthoredScenarios();

const analyzed = (text: string) => analyzeText(text, cachedLemmaOffsets);

function features(target: Scenario, justification: string, decision = correctDecision(target)) {
  const attempt = validateAttempt(target, { decision, justification });
  if (!attempt.ok) throw new Error(attempt.message);
  return extractFeatures(target, attempt.attempt);
}

const grade = (target: Scenario, justification: string, decision = correctDecision(target)) =>
  gradeAttempt({ scenario: target, answer: { decision, justification } });

describe('claim view (asides, clefts, correlatives)', () => {
  it('loads the authored scenarios', () => {
    expect(problems).toEqual([]);
  });

  it('drops short asides, unfolds clefts and states correlatives as a dependency', () => {
    expect(claimView('The path rules (reads only, no writes) are checked by the kernel.')).toBe(
      'The path rules are checked by the kernel.',
    );
    expect(claimView('What slows the cluster down is the nightly batch.')).toBe(
      'the nightly batch slows the cluster down.',
    );
    expect(claimView('The more pods we run, the more memory the proxies use.')).toBe(
      'pods we run drives more memory the proxies use.',
    );
    expect(claimView('Plain sentence with nothing to rewrite.')).toBeNull();
  });

  it('a cleft or a correlative states a misconception the plain reader misses', () => {
    const target = scenario('diagnose-control-plane-churn-stale-endpoints');
    for (const text of [
      'What overloads istiod at night is the request rate of the shop.',
      'The more requests per second flow through the mesh, the more work istiod has to do.',
    ])
      expect(features(target, text).misconceptions.map((entry) => entry.id)).toContain(
        'traffic-loads-control-plane',
      );
    expect(
      features(
        target,
        'What overloads istiod is the churn: pods start and stop on every spot reclaim, and each change is a push.',
      ).misconceptions,
    ).toEqual([]);
  });

  it('an aside no longer splits the claim it interrupts', () => {
    const target = scenario('choose-cilium-ebpf-platform');
    const reversed =
      'Both HTTP rules (only GET on the invoices path, no DELETE for batch) are enforced in the kernel by eBPF.';
    expect(features(target, reversed).misconceptions.map((entry) => entry.id)).toContain(
      'cilium-l7-in-kernel',
    );
    const correct =
      'Both HTTP rules (only GET on the invoices path, no DELETE for batch) go through the per-node Envoy, so we validate them.';
    expect(features(target, correct).misconceptions).toEqual([]);
  });
});

describe('proxy-lowers-latency misconception', () => {
  const target = scenario('justify-latency-budget-bid-path');

  it('flags sidecars credited with lowering latency', () => {
    for (const text of [
      'Connection pooling in the sidecars would lower the p99 of every bid call.',
      'Modern proxies add no measurable latency, so the bid path can take them.',
    ])
      expect(features(target, text).misconceptions.map((entry) => entry.id)).toContain(
        'proxy-lowers-latency',
      );
  });

  it('does not flag their absence or their cost', () => {
    for (const text of [
      'Taking the sidecars off the bid path lowers its p99 by the two proxy hops per call.',
      'Each sidecar adds latency on every hop, so the bid path stays out of the mesh.',
      'Without sidecars the bid path keeps its 12 ms budget.',
    ])
      expect(features(target, text).misconceptions).toEqual([]);
  });
});

describe('fact base: parity with the leader', () => {
  const claims = (text: string) =>
    findFalseClaims(analyzed(text)).map((claim) => `${claim.mesh}:${claim.capabilityId}`);

  it('flags a mesh with partial support said to match the leader', () => {
    expect(
      claims('Linkerd would handle the traffic mirroring and fault injection just as well.'),
    ).toEqual(['linkerd:traffic-mirroring', 'linkerd:fault-injection', 'linkerd:advanced-l7']);
    expect(claims('Cilium covers header routing equally well.')).toEqual(['cilium:advanced-l7']);
  });

  it('does not flag "as well" meaning "also", a leader, or a denial', () => {
    expect(claims('Linkerd supports header-based routing as well.')).toEqual([]);
    expect(claims('Kuma does traffic mirroring just as well as Istio.')).toEqual([]);
    expect(claims('Linkerd cannot do traffic mirroring just as well.')).toEqual([]);
  });
});

describe("a wrong turn's fix or a wrong option's content asserted", () => {
  it('flags the wrong turn of deleting a guardrail, not the argument against it', () => {
    const target = scenario('diagnose-deny-overrides-allow');
    expect(
      findDistractorClaims(
        analyzed('The fix is to delete the guardrail and rely on our new ALLOW.'),
        target,
      ).map((claim) => claim.optionId),
    ).toContain('wrong-turn:delete-deny');
    expect(
      findDistractorClaims(
        analyzed('Deleting the guardrail would strip protection from every other caller.'),
        target,
      ),
    ).toEqual([]);
  });

  it("flags a wrong option's content stated as the plan, not the same content put later", () => {
    const target = scenario('justify-polyglot-resilience-sprawl');
    expect(
      findDistractorClaims(
        analyzed('We lead with STRICT mTLS and authorization for everyone in week one.'),
        target,
      ).map((claim) => claim.optionId),
    ).toEqual(['yes-security-first']);
    expect(
      findDistractorClaims(
        analyzed('STRICT mTLS and authorization come later, after the telemetry is trusted.'),
        target,
      ),
    ).toEqual([]);
  });
});

describe('fix refusals', () => {
  it('flags the change the question asks for declined', () => {
    const canary = scenario('diagnose-canary-v2-errors');
    expect(
      findFixRefusals(analyzed('I would leave the weight of v2 where it is for now.'), canary),
    ).toHaveLength(1);
    const estimate = scenario('estimate-retry-amplification');
    expect(
      findFixRefusals(analyzed('I would not change the retry template at all.'), estimate),
    ).toHaveLength(1);
  });

  it('does not flag keeping what the fix does not touch, or a conditional', () => {
    const canary = scenario('diagnose-canary-v2-errors');
    for (const text of [
      'Set the weight of v2 to zero now and leave v1 as it is.',
      'If the error rate were noise we could leave the weight where it is.',
    ])
      expect(findFixRefusals(analyzed(text), canary)).toEqual([]);
    const breaker = scenario('diagnose-breaker-503-uo-flash-sale');
    expect(
      findFixRefusals(
        analyzed('Leave the circuit breaker as it is and raise its limits.'),
        breaker,
      ),
    ).toEqual([]);
  });

  it('caps the score of an otherwise strong answer', () => {
    const canary = scenario('diagnose-canary-v2-errors');
    const base =
      'v2 is the culprit: by version v1 errors at 0.2% and v2 at 12%, and 0.9 × 0.2 + 0.1 × 12 ≈ 1.4% is the whole rise. ';
    const refusing = grade(canary, `${base}I'd leave v2's weight where it is while we debug.`);
    const fixing = grade(canary, `${base}Send v2's weight to 0 now, then debug it.`);
    expect(refusing.score).toBeLessThanOrEqual(40);
    expect(fixing.score).toBeGreaterThan(refusing.score);
  });
});

describe('exclusions of what a point requires', () => {
  it('flags leaving the VMs out of the mesh', () => {
    const target = scenario('choose-hybrid-vms-multi-datacenter');
    expect(
      features(
        target,
        'We mesh OpenShift now and leave the VM workloads out until they migrate.',
      ).stanceReversals.map((reversal) => reversal.criterionId),
    ).toContain('hybrid-runtime');
    expect(
      features(target, 'We cannot leave the VM workloads out: most claim calls cross them.')
        .stanceReversals,
    ).toEqual([]);
  });

  it('does not flag an exclusion that is the point itself', () => {
    const target = scenario('justify-latency-budget-bid-path');
    expect(
      features(target, 'Mesh the back office and keep the bid path out of the sidecars.')
        .stanceReversals,
    ).toEqual([]);
  });
});

describe('arithmetic checked against the scenario', () => {
  it('reads and evaluates equations', () => {
    expect(evaluate('(1 + 3)^3')).toBe(64);
    expect(evaluate('250 × 64')).toBe(16000);
    expect(evaluate('(1 + r)^d')).toBeNull();
    expect(
      equationsIn('so 4 × 0.3 ≈ 1.2 ms, x-envoy-attempt-count=3').map((eq) => eq.text),
    ).toEqual(['4 × 0.3 ≈ 1.2']);
  });

  it("flags the reference's inputs through another formula, and a miscomputed result", () => {
    const storm = scenario('diagnose-retry-storm-failing-leaf');
    expect(
      findArithmeticErrors(
        'Attempts add along the chain: 1 + 2 + 2 + 2 = 7 per request.',
        storm,
      ).map((error) => error.kind),
    ).toEqual(['formula']);
    const estimate = scenario('estimate-retry-amplification');
    expect(
      findArithmeticErrors('Four tries per hop, 4^3 = 81 attempts.', estimate).map((e) => e.kind),
    ).toEqual(['miscomputed']);
  });

  it('does not flag right arithmetic, rounding or another notation of the result', () => {
    const storm = scenario('diagnose-retry-storm-failing-leaf');
    expect(findArithmeticErrors('Retries multiply: 3 × 3 × 3 = 27 tries.', storm)).toEqual([]);
    const fanOut = scenario('estimate-fan-out-tail');
    expect(findArithmeticErrors('0.99^20 ≈ 82% of pages, so 1 − 0.99^20 ≈ 18%.', fanOut)).toEqual(
      [],
    );
    const estimate = scenario('estimate-retry-amplification');
    expect(findArithmeticErrors('250 × 64 = 16k rps, roughly 4^3 ≈ 60x.', estimate)).toEqual([]);
  });
});

describe('a prescribed setting an order of magnitude off', () => {
  const target = scenario('diagnose-missing-timeouts-slow-leaf');

  it('reads prescribed time settings, not the incident or a denied setting', () => {
    expect(settingValues('Set the route timeout to about 400 ms.')).toEqual([400]);
    expect(settingValues('Give it a 1.5 s deadline.')).toEqual([1500]);
    expect(settingValues('With no route timeout, checkout waited 25 s for each call.')).toEqual([]);
    expect(settingValues('The stall lasted 25 s and the pool filled.')).toEqual([]);
  });

  it('flags a timeout sized to the stall, not one near the normal tail', () => {
    expect(
      findSettingErrors(
        'Add a route timeout long enough for the slow responses, around 40 s, so they complete.',
        target,
      ).map((error) => error.criterionId),
    ).toEqual(['choose-timeout']);
    for (const text of [
      'Set the route timeout at about 250 ms, just above the p99.9.',
      'Use a 1 s timeout on the recommendation call and render the page without it.',
    ])
      expect(findSettingErrors(text, target)).toEqual([]);
  });
});

describe('decision-level ceilings', () => {
  it('a near-miss order caps at the top of the mediocre band', () => {
    const target = scenario('rollout-permissive-to-strict');
    const spec = target.answer;
    if (spec.type !== 'order') throw new Error('not a rollout');
    const swapped = [...spec.correct];
    const [a, b] = [swapped[3], swapped[4]];
    if (a === undefined || b === undefined) throw new Error('short order');
    swapped[3] = b;
    swapped[4] = a;
    const result = grade(target, target.modelAnswer.senior, swapped);
    expect(result.score).toBeLessThanOrEqual(65);
    expect(grade(target, target.modelAnswer.senior).score).toBeGreaterThan(65);
  });

  it('a statement that leaves the decision open is a hedge, one taken back is not', () => {
    const target = scenario('choose-cilium-ebpf-platform');
    expect(
      grade(
        target,
        'Cilium reuses the CNI and Istio has richer L7. Both are defensible; pick whichever the team prefers.',
      ).hedged,
    ).toBe(true);
    expect(
      grade(
        target,
        'Both are defensible on paper, but Cilium wins here because it is already the CNI on all four clusters.',
      ).hedged,
    ).toBe(false);
  });

  it('an estimate that shows no arithmetic when asked to is capped', () => {
    const target = scenario('estimate-ambient-vs-sidecar-cpu');
    expect(
      grade(
        target,
        'Ambient is cheaper than sidecars because ztunnel is per node, about what I said.',
      ).score,
    ).toBeLessThanOrEqual(30);
    expect(grade(target, target.modelAnswer.senior).score).toBeGreaterThan(30);
  });
});

describe('fixed false reversals', () => {
  it('a restricted keep agrees with removing the rest', () => {
    const target = scenario('diagnose-retry-storm-failing-leaf');
    expect(
      features(target, "I'd keep retries in one place only, at the edge closest to the user.")
        .modelReversals,
    ).toEqual([]);
  });

  it('"fit worse" states no amount: dismissing a VM mesh is the point, not its reverse', () => {
    const target = scenario('choose-kubernetes-deep-l7');
    expect(
      features(
        target,
        "Everything is on GKE, so there's no reason to pay for a mesh built for VMs.",
      ).stanceReversals,
    ).toEqual([]);
  });
});

describe('no expert text trips a new check', () => {
  it('model answers, explanations and feedback raise no refusal, arithmetic error or parity claim', () => {
    const flagged: string[] = [];
    for (const target of scenarios) {
      const texts = expertTexts(target);
      for (const text of texts) {
        const found = features(target, text);
        for (const entry of found.fixRefusals) flagged.push(`${target.id} refusal: ${entry.text}`);
        for (const entry of found.arithmeticErrors)
          flagged.push(`${target.id} arithmetic: ${entry.text}`);
        for (const entry of found.falseClaims)
          if (entry.message.includes('only partly'))
            flagged.push(`${target.id} parity: ${entry.evidence}`);
        for (const entry of found.misconceptions)
          if (entry.id === 'proxy-lowers-latency')
            flagged.push(`${target.id} latency: ${entry.text}`);
      }
    }
    expect(flagged).toEqual([]);
  });
});
