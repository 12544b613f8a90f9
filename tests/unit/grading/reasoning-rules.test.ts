// Rules added for #16's remaining failure shapes: terse notation is not keyword stuffing, rated
// concept lists are, reverse patterns that state a negation themselves, reversed crucial points
// across paraphrases, and off-topic answers. Paraphrases here are not in the calibration set.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readScenarioDir } from '@/lib/content/scenario-pack';
import type { Scenario } from '@/lib/content/scenario-schema';
import { findFalseClaims } from '@/lib/grading/facts';
import { gradeAttempt, statesNegation } from '@/lib/grading/grade-attempt';
import { cachedLemmaOffsets } from '@/lib/grading/lemmas';
import { compilePhrases, findOccurrences } from '@/lib/grading/match';
import { orderPointSteps, violatedOrderPoints } from '@/lib/grading/order-points';
import { gradeShortAnswer } from '@/lib/grading/short-answer';
import { enumerationSentences } from '@/lib/grading/stuffing';
import { analyzeText } from '@/lib/grading/text';

const { scenarios } = await readScenarioDir(
  path.resolve(import.meta.dirname, '../../../content/service-mesh/scenarios'),
);
const byId = new Map(scenarios.map((scenario) => [scenario.id, scenario]));
const get = (id: string): Scenario => {
  const scenario = byId.get(id);
  if (!scenario) throw new Error(`missing ${id}`);
  return scenario;
};
const correct = (scenario: Scenario): string | string[] | number => {
  const answer = scenario.answer;
  if (answer.type === 'choice') return answer.correct[0] ?? '';
  if (answer.type === 'order') return [...answer.correct];
  return answer.correct;
};
const grade = (id: string, justification: string, decision?: string | string[] | number) => {
  const scenario = get(id);
  return gradeAttempt({
    scenario,
    answer: { decision: decision ?? correct(scenario), justification },
  });
};

describe('terse notation is not keyword stuffing', () => {
  it.each([
    [
      'rollout-control-plane-upgrade',
      'Skew/notes → staging → canary revision → 1 quiet ns + restart → rollback triggers (5xx, p99) → waves → soak, remove old.',
    ],
    [
      'estimate-retry-amplification',
      '4 tries/hop → 4^3 = 64 → 250 × 64 = 16,000 rps. Fix: one retry layer, 20% budget.',
    ],
    [
      'diagnose-ambient-l7-rule-on-ztunnel',
      'No waypoint for the namespace → policy lands on ztunnel → ztunnel cannot read GET/paths → request denied. Fix = waypoint + targetRefs.',
    ],
  ])('%s: a terse, correct answer is not capped as stuffing', (id, text) => {
    const result = grade(id, text);
    expect(result.capApplied?.reason).not.toBe('keyword-stuffing');
    expect(result.score).toBeGreaterThanOrEqual(50);
  });
});

describe('rated concept lists are vocabulary, not reasoning', () => {
  it('finds sentences that list concepts and only rate them', () => {
    const analyzed = analyzeText(
      'Retry budgets, per-try timeouts and circuit breakers are all essential. We retry only at the edge because the leaf is overloaded.',
      cachedLemmaOffsets,
    );
    expect([...enumerationSentences(analyzed)]).toEqual([0]);
  });

  it.each([
    'Retry budgets, per-try timeouts, backoff and circuit breakers are the pillars of resilience, and every team should keep them in mind.',
    'Retry budgets, timeouts, breakers and outlier detection all matter here. Resilience must be considered holistically by the platform.',
    'Circuit breakers, retry budgets and per-try timeouts are key considerations that should be reviewed regularly.',
  ])('a right decision argued as “%s” stays at the stuffing cap', (text) => {
    const result = grade('diagnose-retry-storm-failing-leaf', text);
    expect(result.score).toBeLessThanOrEqual(30);
  });
});

describe('reverse patterns that state a negation', () => {
  it('recognises negation inside a pattern', () => {
    expect(statesNegation('postgres|database ~ can not|cannot ~ tls|encrypt*')).toBe(true);
    expect(statesNegation('no ~ restart* ~ needed')).toBe(true);
    expect(statesNegation('keep ~ exception* ~ permanent*')).toBe(false);
    expect(statesNegation('knowledge ~ nothing')).toBe(true);
    expect(statesNegation('notify ~ owners')).toBe(false);
  });

  it('a claim that Postgres cannot do TLS reverses the direct-TLS point', () => {
    const result = grade(
      'justify-monolith-pci-scope',
      'No mesh: one monolith, three outbound links and no east-west traffic. Postgres cannot do TLS by itself, so we wrap each connection in a stunnel sidecar and turn on Redis TLS for the auditor.',
    );
    expect(result.criteria.find((c) => c.id === 'direct-tls')?.reversed).toBeDefined();
    expect(result.score).toBeLessThanOrEqual(45);
  });
});

describe('negation scope refinements', () => {
  const negatedWords = (text: string) =>
    analyzeText(text, cachedLemmaOffsets)
      .tokens.filter((token) => token.negationDepth % 2 === 1)
      .map((token) => token.norm);

  it('"no more X" negates X, "no more than N" does not', () => {
    expect(negatedWords('No more per-team retry settings.')).toContain('retry');
    expect(negatedWords('Use no more than 2 retries per call.')).not.toContain('retries');
  });

  it('a purpose phrase after a negated object is not negated', () => {
    expect(negatedWords('We do not need a control plane for three services.')).toEqual([
      'need',
      'a',
      'control',
      'plane',
    ]);
    expect(negatedWords('There is no need for a pilot.')).toContain('pilot');
    expect(negatedWords('There is no reason for a pilot.')).toContain('pilot');
  });
});

// The model answer with one crucial point reversed, in wordings written for these tests (none is
// in the calibration set): each must cap well below the model answer.
const REVERSED: Array<[string, string]> = [
  [
    'choose-cilium-ebpf-platform',
    'Since eBPF handles L7 in the kernel too, the two HTTP rules behave like the L4 ones and need no extra testing.',
  ],
  [
    'choose-cilium-ebpf-platform',
    "Cilium's mutual authentication does a TLS handshake on every connection, exactly like Istio's sidecars.",
  ],
  [
    'choose-hybrid-vms-multi-datacenter',
    'The VMs will need their own firewall rules, because intentions only apply to Kubernetes pods.',
  ],
  [
    'choose-hybrid-vms-multi-datacenter',
    'Before enabling the mesh we should move the 180 VM services into OpenShift, since a mesh is really a Kubernetes thing.',
  ],
  [
    'choose-kong-multi-zone-universal',
    "For the two VM-only zones we will need a separate product, as Kuma's universal mode is limited to Kubernetes clusters.",
  ],
  [
    'choose-kong-multi-zone-universal',
    'A single global control plane in Amsterdam can talk to every proxy directly, so zone control planes are unnecessary.',
  ],
  [
    'diagnose-canary-v2-errors',
    'Because the overall rate only went to 1.4%, v2 is barely worse than v1, so continuing the rollout is reasonable.',
  ],
  [
    'diagnose-canary-v2-errors',
    'Keep the 10% split and look again tomorrow; one bad hour could be chance.',
  ],
  [
    'diagnose-missing-timeouts-slow-leaf',
    'The sidecar already cuts slow calls off after its default timeout, so checkout threads were never the bottleneck.',
  ],
  [
    'diagnose-missing-timeouts-slow-leaf',
    'Checkout should keep waiting for recommendations, since showing a page without them would confuse users.',
  ],
  [
    'diagnose-outlier-detection-never-ejects',
    'Raising maxEjectionPercent to 30 will let one of the three pods be ejected.',
  ],
  [
    'diagnose-outlier-detection-never-ejects',
    'With three replicas a single ejection is only a third, comfortably under the 10% cap, so the limit is not the reason.',
  ],
  [
    'diagnose-retry-storm-failing-leaf',
    'Each hop adds its two retries on top, so the leaf sees about seven times the traffic, which scaling inventory can absorb.',
  ],
  [
    'diagnose-retry-storm-failing-leaf',
    'More retries at the edge would smooth this over, so bump attempts from 2 to 4 there.',
  ],
  [
    'estimate-p99-added-per-hop',
    'Only the client sidecar sits in the path for each call, so it is 0.3 ms per call, not per pair.',
  ],
  [
    'estimate-p99-added-per-hop',
    'The published 0.3 ms transfers directly to our pods, so there is no point load testing.',
  ],
  [
    'rollout-authorization-policies',
    'Turning on STRICT already limits callers to the right services, so the allow-lists are just a formality.',
  ],
  [
    'rollout-authorization-policies',
    'Enforce the policies in all namespaces on the same day so nobody is left in a half-secured state.',
  ],
  [
    'rollout-sidecar-to-ambient',
    "Principal-based rules keep working unchanged after the switch, because the waypoint forwards the caller's identity.",
  ],
  [
    'rollout-sidecar-to-ambient',
    'Uninstall the sidecars from a namespace first, then deploy its waypoint once ztunnel carries the traffic.',
  ],
  [
    'justify-regulated-fintech-200-services',
    'Because mTLS authenticates every workload, least privilege between services is already satisfied for 3.2.',
  ],
  [
    'justify-regulated-fintech-200-services',
    'We can roll it out to all 200 services in one release, since the platform team has on-call.',
  ],
  [
    'diagnose-breaker-503-uo-flash-sale',
    'The UO flag means inventory-svc is overflowing, so it needs more replicas before the next sale.',
  ],
  [
    'diagnose-breaker-503-uo-flash-sale',
    'The 50-request limit is shared across all checkout pods, so it must be raised to cover the whole fleet.',
  ],
  [
    'diagnose-breaker-503-uo-flash-sale',
    'Circuit breaking only hurts a healthy service like this, so we drop it from the DestinationRule.',
  ],
  [
    'rollout-first-mesh-adoption',
    'Actually, skip the pilot: enable injection across all namespaces in a single step so everyone gets telemetry together.',
  ],
  [
    'rollout-first-mesh-adoption',
    'We would rather turn the mesh on cluster-wide in one change window than drag it out namespace by namespace.',
  ],
  [
    'rollout-first-mesh-adoption',
    'Inject every namespace simultaneously on day one; a pilot only slows us down.',
  ],
  [
    'rollout-permissive-to-strict',
    'Then simply flip the whole mesh to STRICT in one go instead of namespace by namespace.',
  ],
  [
    'rollout-permissive-to-strict',
    'The exceptions can stay in place indefinitely afterwards; removing them is not worth the risk.',
  ],
  [
    'rollout-authorization-policies',
    'Since mTLS already decides which workloads may talk to each other, the policies are mostly documentation.',
  ],
  [
    'rollout-authorization-policies',
    'Skip audit mode and enforce every policy immediately so gaps show up fast.',
  ],
  [
    'rollout-control-plane-upgrade',
    'No pod restarts are required: the sidecars move to the new version by themselves once the new istiod is up.',
  ],
  [
    'rollout-control-plane-upgrade',
    'Delete the old revision right after the first namespace moves to keep things tidy.',
  ],
  [
    'rollout-sidecar-to-ambient',
    'Remove the sidecars first and only add waypoints later once ambient is running.',
  ],
  [
    'choose-small-team-mtls-fast',
    'Because every connection is mutually authenticated, mTLS alone gives us least privilege, so authorization policies can be skipped.',
  ],
  [
    'choose-small-team-mtls-fast',
    'With mTLS on, access control is already handled and no further policy work is required.',
  ],
  [
    'choose-kubernetes-deep-l7',
    'Linkerd offers the richest fault injection and mirroring of any mesh, it just has a smaller community.',
  ],
  [
    'justify-regulated-fintech-200-services',
    'mTLS on its own already satisfies clause 3.2, so least privilege comes for free.',
  ],
  [
    'justify-no-oncall-no-owner',
    'A managed mesh removes the need for an owner since the cloud provider operates it for us.',
  ],
  [
    'justify-three-service-startup',
    'But encryption between services can only be done with a mesh, so we will need one for the questionnaire.',
  ],
  [
    'justify-monolith-pci-scope',
    'Postgres has no native TLS support, so we have to front it with a proxy.',
  ],
  [
    'justify-latency-budget-bid-path',
    'At high request rates the proxies become more efficient, so the tail overhead will shrink below the vendor figure.',
  ],
  [
    'diagnose-breaker-503-uo-flash-sale',
    'Then delete the connectionPool limits entirely; the breaker is what causes the 503s.',
  ],
  [
    'diagnose-breaker-503-uo-flash-sale',
    'The UO flag tells us inventory itself is overloaded and rejecting requests.',
  ],
  [
    'diagnose-deny-overrides-allow',
    'An ALLOW that matches the path more precisely overrides the DENY, so adding one will fix it.',
  ],
  [
    'diagnose-fault-injection-disables-retries',
    'The retries did run during the test; they simply could not beat a 50% abort rate.',
  ],
  [
    'diagnose-ambient-l7-rule-on-ztunnel',
    'Leave the principal checks on ztunnel, because ztunnel still sees the original caller identity after the waypoint.',
  ],
  [
    'diagnose-ambient-l7-rule-on-ztunnel',
    'The policy is simply ignored by ztunnel, so traffic passes through unchecked.',
  ],
  [
    'diagnose-missing-timeouts-slow-leaf',
    "Istio's default 15 second route timeout should have cut these requests off.",
  ],
  [
    'diagnose-retry-storm-failing-leaf',
    'The fix is to raise the retry attempts on every hop so transient errors are absorbed.',
  ],
  [
    'diagnose-control-plane-churn-stale-endpoints',
    'Outlier detection will completely fix this, so istiod can stay as it is.',
  ],
  [
    'diagnose-strict-breaks-batch-job',
    'The quickest fix is to put the entire namespace back into PERMISSIVE mode.',
  ],
  [
    'diagnose-canary-v2-errors',
    'The 1.4% is probably just noise, so keep v2 at 10% and wait another day.',
  ],
  [
    'diagnose-outlier-detection-never-ejects',
    'One host out of three is 33%, which is within the 10% limit, so ejection should have happened.',
  ],
  [
    'estimate-fan-out-tail',
    'The mesh adds well under a millisecond per call, so it makes no difference to the page p99.',
  ],
  [
    'estimate-sidecar-fleet-cpu',
    'Sidecar memory grows with request rate, so quieter pods need very little.',
  ],
  [
    'estimate-ambient-vs-sidecar-cpu',
    'Waypoints cost nothing extra because they replace the ztunnel hop.',
  ],
  [
    'estimate-retry-amplification',
    'Only the final hop actually hits ledger-svc, so the retries do not compound.',
  ],
  [
    'choose-none-serverless-shop',
    'The AWS endpoints are not encrypted by default, so we must add our own TLS in each function.',
  ],
  [
    'choose-kong-multi-zone-universal',
    'Kong Mesh only runs on Kubernetes, so the VMs would need to be containerised first.',
  ],
];

describe('a reversed crucial point caps the score, across paraphrases', () => {
  it.each(REVERSED)('%s: “%s”', (id, reversal) => {
    const scenario = get(id);
    const model = grade(id, scenario.modelAnswer.senior);
    const reversed = grade(id, `${scenario.modelAnswer.senior} ${reversal}`);
    expect(reversed.score).toBeLessThanOrEqual(55);
    expect(reversed.score).toBeLessThanOrEqual(model.score - 25);
  });

  it.each([
    [
      'rollout-first-mesh-adoption',
      'Never inject every namespace at once; one or two low-risk namespaces first.',
    ],
    [
      'diagnose-breaker-503-uo-flash-sale',
      'Do not remove the breaker: keep it and raise the limit with headroom.',
    ],
    [
      'choose-small-team-mtls-fast',
      'mTLS is not authorization, so an authorization policy comes next.',
    ],
    [
      'rollout-control-plane-upgrade',
      'Pods must be restarted to pick up the new proxy version; nothing moves by itself.',
    ],
  ])('%s: rejecting the wrong idea (“%s”) is not a reversal', (id, text) => {
    const scenario = get(id);
    const result = grade(id, `${scenario.modelAnswer.senior} ${text}`);
    expect(result.criteria.filter((criterion) => criterion.reversed)).toEqual([]);
    expect(result.score).toBeGreaterThanOrEqual(65);
  });
});

describe('off-topic answers score near zero', () => {
  it('a copy of the question and case scores at most the no-argument cap', () => {
    const scenario = get('justify-three-service-startup');
    const copy = `${scenario.question ?? ''} ${(scenario.context ?? '').slice(0, 400)}`;
    const result = grade('justify-three-service-startup', copy);
    expect(result.capApplied?.reason).toBe('no-argument');
    expect(result.score).toBeLessThanOrEqual(5);
  });

  it.each([
    'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris.',
    'My favourite weekend activity is hiking in the mountains with friends, then cooking a big dinner together and watching an old film before going to bed early on Sunday evening.',
    'I honestly have no idea what the right answer is here, sorry, I did not have time to read the lesson this week and will come back to it later when I can.',
  ])('unrelated text with the right option (“%s”) scores near zero', (text) => {
    const result = grade('choose-small-team-mtls-fast', text);
    expect(result.score).toBeLessThanOrEqual(5);
  });
});

describe('self-check short answers use the same negation rules', () => {
  const accept = ['complexity', 'control plane', 'operational'];
  it.each([
    'There is no operational risk and no complexity at all.',
    'It adds zero complexity.',
    'Complexity is not a concern.',
    'There’s no extra complexity whatsoever.',
    'Complexity isn’t an issue with a mesh.',
    'The operational burden is negligible.',
    'No downside, the control plane runs itself.',
  ])('“%s” is not Correct', (answer) => {
    expect(gradeShortAnswer(answer, accept).isCorrect).toBe(false);
  });

  it.each([
    'It brings operational complexity: a control plane to run.',
    'More moving parts: a control plane to operate and upgrade.',
    'Zero trust needs a control plane, which is operational work.',
  ])('“%s” is Correct', (answer) => {
    expect(gradeShortAnswer(answer, accept).isCorrect).toBe(true);
  });
});

describe('absolute claims that deny a trade-off', () => {
  it.each([
    [
      'justify-regulated-fintech-200-services',
      'The sidecars cost nothing on 1,400 pods, so the budget is untouched.',
    ],
    ['diagnose-control-plane-churn-stale-endpoints', 'Scaling istiod fully solves this for good.'],
    ['estimate-fan-out-tail', 'Per-call proxy latency can never affect a page like this.'],
  ])('%s: “%s” caps the model answer', (id, claim) => {
    const scenario = get(id);
    const model = grade(id, scenario.modelAnswer.senior);
    const result = grade(id, `${scenario.modelAnswer.senior} ${claim}`);
    expect(result.score).toBeLessThanOrEqual(50);
    expect(result.score).toBeLessThan(model.score);
  });

  it('a claim quoted to reject it is not the learner’s', () => {
    const scenario = get('justify-latency-budget-bid-path');
    const result = grade(
      'justify-latency-budget-bid-path',
      `${scenario.modelAnswer.senior} The vendor blog says the overhead costs nothing, which we will check.`,
    );
    expect(result.capApplied?.reason).not.toBe('overclaim');
  });
});

describe('prerequisites after a negated step stay affirmed', () => {
  it('"no enforcement before audit mode" credits audit first', () => {
    const analyzed = analyzeText('No authz enforcement before audit mode.', cachedLemmaOffsets);
    const audit = analyzed.tokens.find((token) => token.norm === 'audit');
    const enforcement = analyzed.tokens.find((token) => token.norm === 'enforcement');
    expect(audit?.negationDepth).toBe(0);
    expect(enforcement?.negationDepth).toBe(1);
  });
});

describe('fact base reads more wordings of "Kubernetes only"', () => {
  it.each(['Kuma is limited to Kubernetes.', 'Consul only works on Kubernetes pods.'])(
    '“%s” is a false claim',
    (text) => {
      const claims = findFalseClaims(analyzeText(text, cachedLemmaOffsets));
      expect(claims.map((claim) => claim.capabilityId)).toContain('kubernetes-only');
    },
  );

  it('a true Kubernetes-only claim about Cilium is not flagged', () => {
    expect(
      findFalseClaims(analyzeText('Cilium only runs on Kubernetes.', cachedLemmaOffsets)),
    ).toEqual([]);
  });
});

describe('more negation forms: a bad idea called wrong, premature or a trap', () => {
  it.each([
    'Injecting every namespace at once is premature.',
    'Injecting every namespace at once would be a bad idea.',
    'Injecting every namespace at once is the classic mistake.',
    'Injecting every namespace at once is dangerous here.',
    'Injecting every namespace at once makes no sense.',
  ])('“%s” denies the big-bang rollout', (text) => {
    const analyzed = analyzeText(text, cachedLemmaOffsets);
    const found = findOccurrences(analyzed, compilePhrases(['every namespace at once']));
    expect(found.at(0)?.negated).toBe(true);
  });

  it('a rollout answer that rejects the big bang this way is not reversed', () => {
    const scenario = get('rollout-first-mesh-adoption');
    const result = grade(
      'rollout-first-mesh-adoption',
      `${scenario.modelAnswer.senior} Injecting every namespace at once would be a bad idea.`,
    );
    expect(result.criteria.filter((criterion) => criterion.reversed)).toEqual([]);
  });
});

describe('an answer argued only through negations is not off-topic', () => {
  it('negated mentions of the rubric keep it above the no-argument cap', () => {
    const result = grade(
      'diagnose-breaker-503-uo-flash-sale',
      'Never blame the backend, never remove the breaker, never add retries during a sale: nobody should guess, and nobody should panic either, full stop here.',
    );
    expect(result.criteria.some((criterion) => criterion.negatedMention)).toBe(true);
    expect(result.capApplied?.reason).not.toBe('no-argument');
    expect(result.score).toBeGreaterThan(20);
  });
});

describe('a rollout order that contradicts an ordering point earns no credit for naming it', () => {
  it('maps ordering points to their steps', () => {
    const steps = orderPointSteps(get('rollout-first-mesh-adoption'));
    expect(steps.get('baseline-first')).toBe('slo-baseline');
    expect(steps.get('bypass-before-traffic')).toBe('bypass-plan');
  });

  it('baseline named but ordered after the install is not credited', () => {
    const scenario = get('rollout-first-mesh-adoption');
    if (scenario.answer.type !== 'order') throw new Error('expected order');
    const correct = [...scenario.answer.correct];
    const late = [
      'observability',
      'slo-baseline',
      ...correct.filter((id) => id !== 'observability' && id !== 'slo-baseline'),
    ];
    const text = scenario.modelAnswer.senior;
    const right = grade('rollout-first-mesh-adoption', text, correct);
    const wrong = grade('rollout-first-mesh-adoption', text, late);
    expect(right.criteria.find((c) => c.id === 'baseline-first')?.status).toBe('hit');
    expect(wrong.criteria.find((c) => c.id === 'baseline-first')?.status).toBe('missed');
    expect(violatedOrderPoints(scenario, late).has('baseline-first')).toBe(true);
    expect(violatedOrderPoints(scenario, correct).size).toBe(0);
    expect(wrong.score).toBeLessThan(right.score - 10);
  });
});
