import { describe, expect, it } from 'vitest';
import type { Scenario } from '@/lib/content/scenario-schema';
import { validateAttempt } from '@/lib/grading/answer-input';
import { setScenarioStances } from '@/lib/grading/concepts';
import { findDistractorClaims } from '@/lib/grading/distractors';
import { extractFeatures, gradeAttempt } from '@/lib/grading/grade-attempt';
import { cachedLemmaOffsets } from '@/lib/grading/lemmas';
import { findFalseClaims } from '@/lib/grading/facts';
import { MISCONCEPTIONS, misconceptionsFor } from '@/lib/grading/misconceptions';
import { analyzeText } from '@/lib/grading/text';
import { correctDecision, expertTexts, loadAuthoredScenarios } from './helpers';

// Topic-level mesh misconceptions (misconceptions.ts) and wrong options' fixes (distractors.ts):
// each reversed statement below is written in words of its own (not a calibration item's), beside
// a correct statement about the same point that must not be flagged.
const { scenarios, problems, scenario } = await loadAuthoredScenarios();

const grade = (target: Scenario, justification: string) =>
  gradeAttempt({ scenario: target, answer: { decision: correctDecision(target), justification } });

type Case = { scenarioId: string; misconception: string; reversed: string; correct: string };

const CASES: readonly Case[] = [
  {
    scenarioId: 'choose-small-team-mtls-fast',
    misconception: 'mtls-is-authorization',
    reversed: 'With mTLS on, workload identity gives us access control for records-svc as well.',
    correct:
      'mTLS proves identity, but it does not decide who may call records-svc; an AuthorizationPolicy comes next.',
  },
  {
    scenarioId: 'justify-no-oncall-no-owner',
    misconception: 'managed-needs-no-owner',
    reversed: 'With the managed add-on the cloud provider handles the on-call for the mesh.',
    correct:
      'A managed add-on runs the control plane, but we would still own policies, upgrades and incidents.',
  },
  {
    scenarioId: 'diagnose-deny-overrides-allow',
    misconception: 'allow-overrides-deny',
    reversed: 'A narrower ALLOW for refund-worker takes precedence over the guardrail.',
    correct: 'No ALLOW, however narrow, can win against a DENY that matches the request.',
  },
  {
    scenarioId: 'rollout-permissive-to-strict',
    misconception: 'strict-upgrades-plaintext',
    reversed: 'Plaintext clients are upgraded to mTLS automatically once STRICT is on.',
    correct: 'STRICT rejects plaintext clients with connection resets, so we find them first.',
  },
  {
    scenarioId: 'estimate-sidecar-fleet-cpu',
    misconception: 'memory-scales-with-traffic',
    reversed: 'Memory grows with request rate just like CPU does.',
    correct: 'Memory follows config size and the number of proxies, not the request rate.',
  },
  {
    scenarioId: 'estimate-p99-added-per-hop',
    misconception: 'one-proxy-per-call',
    reversed: 'Each request goes through a single proxy per hop, about 0.3 ms.',
    correct: "Each call crosses two proxies, the caller's and the server's.",
  },
  {
    scenarioId: 'rollout-control-plane-upgrade',
    misconception: 'revision-upgrades-in-place',
    reversed: 'Installing the revision upgrades istiod in place, so rollback is a helm rollback.',
    correct: 'The new revision runs beside the old istiod, so nothing moves until we relabel.',
  },
  {
    scenarioId: 'diagnose-control-plane-churn-stale-endpoints',
    misconception: 'traffic-loads-control-plane',
    reversed: 'The evening request volume overloads istiod.',
    correct: 'Pod churn keeps istiod busy; request volume never passes through it.',
  },
  {
    scenarioId: 'diagnose-breaker-503-uo-flash-sale',
    misconception: 'overflow-in-server-proxy',
    reversed: 'The server-side proxy of inventory-svc rejects the extra requests.',
    correct: "The caller's sidecar rejects the request locally; it never reaches inventory-svc.",
  },
  {
    scenarioId: 'diagnose-strict-breaks-batch-job',
    misconception: 'weaken-whole-namespace',
    reversed: 'Tonight we switch the payments namespace back to PERMISSIVE.',
    correct:
      'Tonight we add a port-level PERMISSIVE exception for that one workload rather than weakening the namespace.',
  },
  {
    scenarioId: 'rollout-sidecar-to-ambient',
    misconception: 'l7-on-ztunnel-fails-open',
    reversed: 'ztunnel lets the L7-restricted requests through until the waypoint exists.',
    correct: 'ztunnel cannot read HTTP, so an L7 rule left there denies everything.',
  },
  {
    scenarioId: 'choose-cilium-ebpf-platform',
    misconception: 'cilium-l7-in-kernel',
    reversed: 'The eBPF programs in the kernel enforce the HTTP rules themselves.',
    correct: 'Cilium hands the two HTTP rules to its per-node Envoy, which we test in staging.',
  },
  {
    scenarioId: 'estimate-retry-amplification',
    misconception: 'retries-help-overload',
    reversed: 'For a merely slow ledger-svc, retries help the overloaded service catch up.',
    correct:
      'Retries help rare independent faults; against an overloaded ledger-svc they add load.',
  },
  {
    scenarioId: 'diagnose-missing-timeouts-slow-leaf',
    misconception: 'stalled-calls-burn-cpu',
    reversed: 'The stuck calls burn CPU on the shared nodes, so /cart slows down too.',
    correct: 'The stuck calls hold all 200 Tomcat threads, so /cart queues behind them too.',
  },
  {
    scenarioId: 'choose-none-serverless-shop',
    misconception: 'signing-is-encryption',
    reversed: 'Every call is SigV4-signed, and the signature encrypts the payload in transit.',
    correct: 'SigV4 signs each call; the managed endpoints use TLS for encryption in transit.',
  },
];

describe('mesh misconceptions', () => {
  it('loads the authored scenarios', () => {
    expect(problems).toEqual([]);
  });

  it('every misconception applies to at least one authored scenario', () => {
    const applied = new Set(
      scenarios.flatMap((target) => misconceptionsFor(target).map((entry) => entry.id)),
    );
    expect(MISCONCEPTIONS.map((entry) => entry.id).filter((id) => !applied.has(id))).toEqual([]);
  });

  for (const entry of CASES) {
    it(`${entry.scenarioId}: “${entry.reversed}” is ${entry.misconception}`, () => {
      const target = scenario(entry.scenarioId);
      const attempt = validateAttempt(target, {
        decision: correctDecision(target),
        justification: `${target.modelAnswer.senior} ${entry.reversed}`,
      });
      if (!attempt.ok) throw new Error('invalid attempt');
      const found = extractFeatures(target, attempt.attempt).misconceptions;
      expect(found.map((claim) => claim.id)).toContain(entry.misconception);
      const model = grade(target, target.modelAnswer.senior).score;
      const reversed = grade(target, `${target.modelAnswer.senior} ${entry.reversed}`);
      expect(reversed.score).toBeLessThanOrEqual(Math.min(40, model - 25));
      expect(reversed.capApplied?.reason).toBe('reversed-point');
    });

    it(`${entry.scenarioId}: “${entry.correct}” is not flagged`, () => {
      const target = scenario(entry.scenarioId);
      const attempt = validateAttempt(target, {
        decision: correctDecision(target),
        justification: `${target.modelAnswer.senior} ${entry.correct}`,
      });
      if (!attempt.ok) throw new Error('invalid attempt');
      expect(extractFeatures(target, attempt.attempt).misconceptions).toEqual([]);
      const model = grade(target, target.modelAnswer.senior).score;
      expect(
        grade(target, `${target.modelAnswer.senior} ${entry.correct}`).score,
      ).toBeGreaterThanOrEqual(model - 5);
    });
  }

  it('a misconception about a minor point costs the minor-reversal deduction, not the cap', () => {
    const target = scenario('rollout-control-plane-upgrade');
    const text = `${target.modelAnswer.senior} After the relabel the sidecars pick up the new version immediately.`;
    // Without the per-scenario wordings of stances.ts, which reverse this point on their own.
    setScenarioStances(false);
    try {
      const model = grade(target, target.modelAnswer.senior).score;
      const result = grade(target, text);
      expect(
        result.penalties.some(
          (penalty) =>
            penalty.id.startsWith('reversed-minor') && penalty.reason.includes('no restart needed'),
        ),
      ).toBe(true);
      expect(result.capApplied?.reason).not.toBe('reversed-point');
      expect(result.score).toBeLessThan(model);
      expect(result.score).toBeGreaterThan(60);
    } finally {
      setScenarioStances(true);
    }
  });

  it('a concession qualifies the claim instead of asserting it', () => {
    const target = scenario('justify-no-oncall-no-owner');
    const attempt = validateAttempt(target, {
      decision: correctDecision(target),
      justification:
        'Not yet. The cloud provider handles the on-call for the control plane, but we still own every policy and every bad push, and nobody here is on call.',
    });
    if (!attempt.ok) throw new Error('invalid attempt');
    expect(extractFeatures(target, attempt.attempt).misconceptions).toEqual([]);
  });
});

/** Correct statements on the same topics, phrased to tempt the patterns (none may be flagged). */
const CORRECT_PARAPHRASES: ReadonlyArray<readonly [string, string]> = [
  [
    'choose-small-team-mtls-fast',
    'mTLS gives every pod an identity and encrypts traffic; least privilege still needs a Server and AuthorizationPolicy.',
  ],
  [
    'choose-small-team-mtls-fast',
    'Identity is what authorization policies match on, so mTLS comes first and access control second.',
  ],
  [
    'justify-regulated-fintech-200-services',
    'STRICT mTLS covers 3.1; for 3.2 the identities let us write allow rules that restrict who can call whom.',
  ],
  [
    'justify-no-oncall-no-owner',
    'The provider runs the control plane; our team still has to own policies and incidents.',
  ],
  [
    'justify-no-oncall-no-owner',
    'Even with a managed add-on the provider owns only the control plane, not our incidents.',
  ],
  [
    'diagnose-deny-overrides-allow',
    'Istio evaluates DENY first, so no more specific ALLOW can win; narrow the DENY instead.',
  ],
  [
    'rollout-permissive-to-strict',
    'PERMISSIVE accepts both plaintext and mTLS, so nothing breaks while we find plaintext callers.',
  ],
  [
    'rollout-control-plane-upgrade',
    'Sidecars only pick up the new proxy when their pods restart, so we do a rolling restart per namespace.',
  ],
  [
    'rollout-control-plane-upgrade',
    'The new revision runs next to the old one; relabel one namespace and restart its pods.',
  ],
  [
    'estimate-sidecar-fleet-cpu',
    'CPU scales with request rate; memory does not scale with traffic, it follows config size.',
  ],
  [
    'estimate-p99-added-per-hop',
    'Each call crosses one sidecar on the client and one on the server, about 0.3 ms for the pair.',
  ],
  [
    'diagnose-control-plane-churn-stale-endpoints',
    'Traffic is flat at the peak; it is the pod churn that drives istiod to 100% CPU.',
  ],
  [
    'diagnose-breaker-503-uo-flash-sale',
    "The checkout pod's own sidecar rejects the request with UO; inventory's inbound proxy never sees it.",
  ],
  [
    'diagnose-fault-injection-disables-retries',
    "The abort is injected by the caller's sidecar, so payments-svc's inbound proxy never sees those requests.",
  ],
  [
    'rollout-sidecar-to-ambient',
    'Without a waypoint, ztunnel cannot enforce the L7 rule and denies everything, so waypoints go first.',
  ],
  [
    'diagnose-strict-breaks-batch-job',
    'Do not put the namespace back to PERMISSIVE; use a port-level exception for the job.',
  ],
  [
    'estimate-retry-amplification',
    'Retries help with rare independent faults, not with an overloaded ledger.',
  ],
  [
    'diagnose-missing-timeouts-slow-leaf',
    'The waiting calls use almost no CPU; they hold threads, and 200 of 200 are busy.',
  ],
  [
    'choose-none-serverless-shop',
    'SigV4 signs the request for identity; TLS on the endpoints encrypts it.',
  ],
];

describe('correct statements about misconception topics', () => {
  for (const [scenarioId, text] of CORRECT_PARAPHRASES)
    it(`${scenarioId}: “${text.slice(0, 60)}…” is not flagged`, () => {
      const target = scenario(scenarioId);
      const attempt = validateAttempt(target, {
        decision: correctDecision(target),
        justification: text,
      });
      if (!attempt.ok) throw new Error('invalid attempt');
      const features = extractFeatures(target, attempt.attempt);
      expect(features.misconceptions).toEqual([]);
      expect(features.distractorClaims).toEqual([]);
    });
});

describe('wrong options asserted beside the right decision', () => {
  it('the fix of a wrong option reverses the point it turns on', () => {
    const target = scenario('diagnose-breaker-503-uo-flash-sale');
    const text =
      "UO means the caller's proxy overflowed its pool: 900 rps × 0.06 s ≈ 54 in flight against a limit of 50, while inventory-svc is healthy. The cleanest fix is to remove the connectionPool settings entirely.";
    const claims = findDistractorClaims(analyzeText(text, cachedLemmaOffsets), target);
    expect(claims.map((claim) => claim.optionId)).toContain('remove-breaker');
    const result = grade(target, text);
    expect(result.capApplied?.reason).toBe('reversed-point');
  });

  it("the right diagnosis with a wrong option's fix is reversed without per-scenario wordings", () => {
    const target = scenario('diagnose-retry-storm-failing-leaf');
    const text =
      'Retry storm: the gateway is flat at 400 rps while inventory-svc gets 9,600 rps, and each of the three hops retries twice, so (1+2)^3 = 27 attempts per request. Once the migration is over, scale inventory-svc out and raise its HPA limit to 40 pods.';
    expect(
      findDistractorClaims(analyzeText(text, cachedLemmaOffsets), target).map(
        (claim) => claim.optionId,
      ),
    ).toContain('under-provisioned');
    setScenarioStances(false);
    try {
      const general = grade(target, text);
      expect(general.capApplied?.reason).toBe('reversed-point');
      expect(
        general.criteria.some((criterion) => criterion.feedback.includes('a wrong option claims')),
      ).toBe(true);
    } finally {
      setScenarioStances(true);
    }
  });

  it('a wrong option argued against, or next to the right fix, is not flagged', () => {
    const target = scenario('diagnose-breaker-503-uo-flash-sale');
    for (const text of [
      "UO means the caller's proxy overflowed its pool. Deleting the connectionPool settings would expose inventory-svc, so raise the limits with headroom.",
      "UO means the caller's proxy overflowed its pool. Don't remove the connectionPool settings; size them from rps × latency with headroom and keep the breaker.",
      'Size the limits from rps × latency with headroom and keep the breaker; removing the connectionPool settings instead is the classic mistake.',
    ])
      expect(findDistractorClaims(analyzeText(text, cachedLemmaOffsets), target)).toEqual([]);
  });

  it('no model answer, explanation or feedback text of any scenario asserts a misconception or a wrong option', () => {
    const flagged: string[] = [];
    for (const target of scenarios) {
      const texts = expertTexts(target);
      for (const text of texts) {
        const attempt = validateAttempt(target, {
          decision: correctDecision(target),
          justification: text,
        });
        if (!attempt.ok) continue;
        const features = extractFeatures(target, attempt.attempt);
        for (const claim of features.misconceptions) flagged.push(`${target.id}: ${claim.text}`);
        for (const claim of features.distractorClaims) flagged.push(`${target.id}: ${claim.text}`);
      }
    }
    expect(flagged).toEqual([]);
  });
});

describe('fact base: a mesh confined to one datacenter', () => {
  const claims = (text: string) =>
    findFalseClaims(analyzeText(text, cachedLemmaOffsets)).map(
      (claim) => `${claim.mesh}:${claim.capabilityId}`,
    );
  it('flags Consul scoped to a single datacenter', () => {
    expect(claims("Consul's mesh is scoped to a single datacenter.")).toEqual([
      'consul:single-datacenter',
    ]);
    expect(claims("Consul's mesh only works within one datacenter.")).toEqual([
      'consul:single-datacenter',
    ]);
  });
  it('does not flag a deployment that happens to be in one datacenter, or a denial', () => {
    expect(claims('Consul already runs in one datacenter today, Frankfurt.')).toEqual([]);
    expect(claims('Consul is not limited to a single datacenter.')).toEqual([]);
  });
});
