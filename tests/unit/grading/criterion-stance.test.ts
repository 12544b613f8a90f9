import { afterEach, describe, expect, it } from 'vitest';
import { centralFalseClaims } from '@/lib/grading/central-claims';
import { setScenarioStances } from '@/lib/grading/concepts';
import { criterionStances, findStanceReversals } from '@/lib/grading/criterion-stance';
import { findFalseClaims } from '@/lib/grading/facts';
import { findModelReversals } from '@/lib/grading/model-reversal';
import { gradeAttempt } from '@/lib/grading/grade-attempt';
import { cachedLemmaOffsets } from '@/lib/grading/lemmas';
import { analyzeText } from '@/lib/grading/text';
import type { GradableScenario } from '@/lib/grading/types';
import { loadAuthoredScenarios } from './helpers';

// Stance-bearing criteria read from the concept text on general axes, and false mesh claims about
// what a crucial criterion states. Neither mechanism has per-scenario words; the tests also run
// with the per-scenario reverse wordings (stances.ts) switched off.
const { scenarios, scenario } = await loadAuthoredScenarios();
const analyze = (text: string) => analyzeText(text, cachedLemmaOffsets);
const reversedIds = (id: string, text: string) =>
  findStanceReversals(analyze(text), scenario(id)).map((reversal) => reversal.criterionId);

/** A one-criterion scenario written here, so the mechanism is shown not to depend on content. */
function synthetic(concept: string, phrases: string[]): GradableScenario {
  return {
    id: 'synthetic',
    kind: 'diagnose',
    answer: { type: 'choice', options: [{ id: 'a', label: 'A' }], correct: ['a'] },
    why: 'Because.',
    rubric: [
      {
        id: 'point',
        concept,
        weight: 3,
        phrases,
        lessonId: 'lesson',
        missedFeedback: 'Say it.',
      },
    ],
    wrongTurns: [],
  };
}

afterEach(() => setScenarioStances(true));

describe('criterionStances', () => {
  it('takes a side only from effect-stating words of the concept', () => {
    const sides = (concept: string) =>
      criterionStances(synthetic(concept, ['widget'])).flatMap((stance) => [
        ...stance.sides.keys(),
      ]);
    expect(sides('Source identity checks move to the waypoint')).toEqual(['change']);
    expect(sides('Fault injection disables its retries')).toEqual(['enabled']);
    expect(sides('Managed endpoints already use TLS')).toEqual(['encryption']);
    // A noun, a time clause or a denial states no stance.
    expect(sides('Alerts before the change')).toEqual([]);
    expect(sides('SLOs and a baseline before anything changes')).toEqual([]);
    expect(sides('No per-pod sidecar keeps resource cost low')).toEqual([]);
  });
});

describe('findStanceReversals', () => {
  it('catches the other side of a direction axis on the same topic', () => {
    const rubric = synthetic('Widget checks move to the gateway', ['widget check']);
    const found = (text: string) =>
      findStanceReversals(analyze(text), rubric).map((reversal) => reversal.axis);
    expect(found('Keep the widget checks on the node proxy.')).toEqual(['change']);
    expect(found('The widget checks stay where they are.')).toEqual(['change']);
    // The same side, or a "keep" at the concept's destination, agrees.
    expect(found('Move the widget checks to the gateway.')).toEqual([]);
    expect(found('Keep the widget checks on the gateway.')).toEqual([]);
    // A clause about something else is not about this criterion.
    expect(found('Keep the database as it is.')).toEqual([]);
  });

  it('reads "once" as a count only after a verb, and skips counterfactuals', () => {
    const rubric = synthetic('The widget tax is paid on every call', ['widget tax']);
    const found = (text: string) =>
      findStanceReversals(analyze(text), rubric).map((reversal) => reversal.axis);
    expect(found('The widget tax is paid once at the edge.')).toEqual(['scope']);
    expect(found('Once the widget tax is measured, budget for it.')).toEqual([]);
    const retries = synthetic('Fault injection disables the widget retries', ['widget retries']);
    const flips = (text: string) => findStanceReversals(analyze(text), retries).length;
    expect(flips('The widget retries were active.')).toBe(1);
    expect(flips('Had the widget retries been active, 6% would fail.')).toBe(0);
    expect(flips('If the widget retries were active, 6% would fail.')).toBe(0);
  });

  it('reads the reversed crucial points of authored scenarios', () => {
    const ambient = 'diagnose-ambient-l7-rule-on-ztunnel';
    expect(reversedIds(ambient, 'Keep the source principal check on ztunnel.')).toContain(
      'identity-at-waypoint',
    );
    expect(reversedIds(ambient, 'Keep the source principal check on the waypoint.')).toEqual([]);
    const fault = 'diagnose-fault-injection-disables-retries';
    expect(reversedIds(fault, 'The fault is on the route. Retries were active.')).toContain(
      'fault-disables-retries',
    );
    expect(reversedIds(fault, 'Fault injection on the route disabled the retries.')).toEqual([]);
    const bid = 'justify-latency-budget-bid-path';
    expect(reversedIds(bid, 'Proxy latency is flat with load at 180k rps.')).toContain(
      'tail-under-load',
    );
    expect(reversedIds(bid, 'Proxy latency is not flat with load at 180k rps.')).toEqual([]);
    const lambda = 'choose-none-serverless-shop';
    expect(reversedIds(lambda, "The managed endpoints aren't encrypted inside AWS.")).toContain(
      'tls-managed',
    );
    expect(reversedIds(lambda, 'The managed endpoints are already encrypted with TLS.')).toEqual(
      [],
    );
    const fan = 'estimate-fan-out-tail';
    expect(reversedIds(fan, 'The proxy overhead is added once at the gateway.')).toContain(
      'mesh-overhead',
    );
  });

  it('does not flag any expert text of any scenario', () => {
    for (const entry of scenarios) {
      const texts = [
        entry.modelAnswer.senior,
        entry.modelAnswer.junior,
        entry.why,
        ...entry.rubric.map((criterion) => criterion.missedFeedback),
      ];
      for (const text of texts)
        if (text) expect(findStanceReversals(analyze(text), entry), entry.id).toEqual([]);
    }
  });
});

describe('correct own-words answers with the risky words', () => {
  // Hand-written controls: each says a crucial point the right way round with a word of the
  // other side nearby ("stays the same", "does not matter", "can wait", "once", "unencrypted").
  const controls: Array<[string, string]> = [
    [
      'diagnose-ambient-l7-rule-on-ztunnel',
      'No waypoint, so enforcement stays on ztunnel, which is L4 only: ports and identities, never HTTP methods. The rule is unenforceable and Istio denies everything. Deploy a waypoint, attach the policy to it, and keep source-principal checks at the waypoint because identity changes behind it.',
    ],
    [
      'diagnose-fault-injection-disables-retries',
      'The abort fires in the caller sidecar before any retry logic runs: a route with a fault has retries disabled. The log shows one attempt and the FI flag. Expected with retries: 0.5^4 ≈ 6%, not 50%. Test resilience by failing the upstream instead.',
    ],
    [
      'justify-latency-budget-bid-path',
      'Split it: back-office yes, bid path no. The vendor number is from low load; at peak the per-hop cost is not constant, p99 grows with utilisation. Four hops × two proxies each eats a large share of the 3.9 ms headroom. ztunnel or Cilium for encryption; load test before and after.',
    ],
    [
      'estimate-fan-out-tail',
      'About 18% of pages: 1 − 0.99^20 ≈ 0.182. The mesh does not change the formula, but each of the 20 calls pays the proxy tail once more, so the tail gets worse with fan-out. Hedge and time out per call.',
    ],
    [
      'estimate-sidecar-fleet-cpu',
      '28.8 vCPU: 320 × 0.45 × 0.20. CPU changes with rps; memory does not, it stays around 60 MB per proxy and depends on config size, about 19 GB, so scope the config with Sidecar resources. Keep headroom and measure in the pilot.',
    ],
    [
      'choose-none-serverless-shop',
      'No mesh. There is no pod for a sidecar in Lambda, IAM already handles identity and authorization, and the managed AWS endpoints are TLS by default, so nothing travels unencrypted. X-Ray gives tracing. Do not build Kubernetes just to host a mesh.',
    ],
    [
      'justify-monolith-pci-scope',
      'Not a mesh. The database connection is unencrypted today, which is the whole finding, and Postgres can encrypt it natively. Enable TLS on the existing connections and keep the monolith as it is.',
    ],
    [
      'diagnose-retry-storm-failing-leaf',
      'The gateway rps stayed the same while inventory exploded: retries at every hop compound, 3^3 = 27×. Scaling inventory does not matter if the amplification stays; keep retries at the edge only with a budget.',
    ],
    [
      'diagnose-breaker-503-uo-flash-sale',
      'UO means the caller proxy overflowed; inventory is healthy. 900 × 0.06 ≈ 54 in flight against 50. Keep the breaker and raise it; whether the new limit is 80 or 100 does not matter much as long as there is headroom and a load test confirms it.',
    ],
    [
      'diagnose-outlier-detection-never-ejects',
      'One bad host of three is 33%, and maxEjectionPercent of 10 means not even one host can be ejected, so the bad pod stays in rotation. The consecutive error setting does not matter here. Raise the percentage to 34 or more or add replicas, and retry on another host.',
    ],
    [
      'rollout-first-mesh-adoption',
      'Baseline and SLOs first, before anything is installed. Then one or two low-risk namespaces in PERMISSIVE; authorization can wait until telemetry confirms mTLS. Rehearse the bypass before production depends on it. Then STRICT and waves.',
    ],
    [
      'justify-three-service-startup',
      'Not yet. With three services the mesh costs more than it gives, and whether we would pick Istio or Linkerd does not matter now. Four engineers with no on-call cannot operate a control plane; use TLS and a shared library, revisit at 15 services.',
    ],
    [
      'estimate-p99-added-per-hop',
      'Each call crosses two proxies, about 0.3 ms p99 per call, times four sequential calls ≈ 1.2 ms. The exact per-proxy split does not matter for the estimate. It depends on version, load and payload, so compare with the SLO and measure.',
    ],
    [
      'diagnose-canary-v2-errors',
      'Break the errors down by version: v1 0.2%, v2 12%; 0.9 × 0.2 + 0.1 × 12 ≈ 1.4%, exactly the blended rise. Roll back by setting the v2 weight to zero; the v1 pods stay as they are. Add automated canary analysis so this rolls back on its own.',
    ],
    [
      'rollout-sidecar-to-ambient',
      'Inventory the L7 users, baseline, install ztunnel next to the sidecars, deploy waypoints and retarget L7 policies before the switch, then one namespace, verify, waves, cleanup. Principal rules change behind a waypoint, so update them; the rest stays the same.',
    ],
    [
      'rollout-control-plane-upgrade',
      'Read the release notes and check skew, rehearse in staging, install 1.24 as a separate revision beside 1.22, move one low-risk namespace and restart its pods so the proxies change over, watch the rollback triggers, then waves, and remove the old revision after a soak.',
    ],
    [
      'diagnose-strict-breaks-batch-job',
      'The CronJob has no sidecar, so it sends plaintext and STRICT rejects it: connection resets, not 403s, so authorization does not matter here. Mesh the job (with a way to end the proxy when the job completes) or give it a narrow, temporary exception.',
    ],
    [
      'estimate-ambient-vs-sidecar-cpu',
      '7.2 vCPU for two ztunnel passes on 120k rps, plus 3.0 vCPU of waypoint for the 12k L7 rps, about 10.2 vCPU against 24 for sidecars. Waypoints are Envoy, so the L7 share pays an Envoy-class cost; ztunnel is cheap per request.',
    ],
    [
      'justify-polyglot-resilience-sprawl',
      'Yes, targeted. Five retry libraries drift apart and the INC-311 storm came from that; one mesh policy replaces them, and telemetry becomes uniform. The platform team with on-call can own it. Security hardening can wait until the resilience part works.',
    ],
    [
      'choose-cilium-ebpf-platform',
      'Cilium: it is already the CNI and the team knows eBPF; the needs are mostly L3/L4, and no per-pod sidecar keeps the cost low. WireGuard encrypts node to node; mutual auth is opt-in. The few L7 rules run in the shared per-node Envoy, so validate them in staging first.',
    ],
  ];
  for (const [id, text] of controls)
    it(`${id}: “${text.slice(0, 50)}…” is not flagged`, () => {
      const entry = scenario(id);
      const analyzed = analyze(text);
      const crucial = findStanceReversals(analyzed, entry).filter(
        (reversal) =>
          (entry.rubric.find((criterion) => criterion.id === reversal.criterionId)?.weight ?? 0) >=
          2,
      );
      expect(crucial).toEqual([]);
      expect(centralFalseClaims(analyzed, entry, findFalseClaims(analyzed), 3)).toEqual([]);
    });
});

describe('dismissals', () => {
  it('reverses a required criterion its own phrase dismisses', () => {
    const rubric = synthetic('Memory follows proxy count and widget size, not rps', [
      'widget size',
      'rps',
    ]);
    const found = (text: string) =>
      findStanceReversals(analyze(text), rubric).map((reversal) => reversal.axis);
    expect(found("Widget size doesn't matter much.")).toEqual(['dismissal']);
    expect(found('The widget size problem goes away.')).toEqual(['dismissal']);
    // Dismissing what the concept itself rules out agrees with it.
    expect(found("The rps doesn't matter for memory.")).toEqual([]);
    expect(found('Widget size matters most.')).toEqual([]);
    expect(found("If widget size didn't matter, memory would be flat.")).toEqual([]);
  });

  it('lets a timing criterion be deferred', () => {
    const rubric = synthetic('Authorization after mTLS', ['authorization']);
    expect(findStanceReversals(analyze('Authorization can wait.'), rubric)).toEqual([]);
    const required = synthetic('Regulator wants mTLS plus authorization', ['authorization']);
    expect(
      findStanceReversals(analyze('Authorization can wait.'), required).map(
        (reversal) => reversal.axis,
      ),
    ).toEqual(['dismissal']);
    // Deferred to a named trigger: a plan, not a dismissal.
    expect(
      findStanceReversals(analyze('Authorization can wait until STRICT is on.'), required),
    ).toEqual([]);
  });
});

describe('model-answer numbers', () => {
  it('does not read a number the case itself states as a wrong number', () => {
    const bid = scenario('justify-latency-budget-bid-path');
    const reversals = (text: string) =>
      findModelReversals(analyze(text), bid).map((reversal) => reversal.signal);
    // 3.9 ms is the case's end-to-end p50; 5.5 ms is in neither the case nor the model answer.
    const clause = (headroom: string) =>
      `Per hop the call crosses a client and a server proxy, about 0.3 ms p99 on recent Istio at 1,000 rps, so four hops eat 1.2 ms of the ${headroom} ms headroom before any queueing.`;
    expect(reversals(clause('3.9'))).toEqual([]);
    expect(reversals(clause('5.5'))).toEqual(['number']);
  });
});

describe('centralFalseClaims', () => {
  const kong = scenario('choose-kong-multi-zone-universal');
  const central = (text: string) => {
    const analyzed = analyze(text);
    return centralFalseClaims(analyzed, kong, findFalseClaims(analyzed), 3).map(
      (claim) => claim.criterionId,
    );
  };

  it('links a false claim to the crucial criterion about its capability (or its inverse)', () => {
    expect(central("Kuma's data plane only runs on Kubernetes, so the VM zones stay out.")).toEqual(
      ['universal-mode'],
    );
    expect(central('Kuma runs on VMs in universal mode.')).toEqual([]);
  });

  it('ignores a false claim about a capability no crucial criterion states', () => {
    const analyzed = analyze('Linkerd uses Envoy as its proxy.');
    expect(findFalseClaims(analyzed)).not.toEqual([]);
    expect(centralFalseClaims(analyzed, kong, findFalseClaims(analyzed), 3)).toEqual([]);
  });
});

describe('gradeAttempt with the general mechanisms only', () => {
  it('caps a model answer with one crucial point reversed, without per-scenario wordings', () => {
    setScenarioStances(false);
    const fault = scenario('diagnose-fault-injection-disables-retries');
    const decision = fault.answer.type === 'choice' ? (fault.answer.correct[0] ?? '') : '';
    const answer = (retries: string) =>
      gradeAttempt({
        scenario: fault,
        answer: {
          decision,
          justification: `The fault and the retry policy sit on the same client route, so the abort happens in the caller's sidecar: the logs show the FI flag and one attempt. ${retries}, so the test measures the raw 50% instead of 0.5^4 ≈ 6%. Inject the failure in the upstream service instead.`,
        },
      });
    const right = answer('Fault injection on that route disables its retries');
    const reversed = answer('Retries on that route were active');
    expect(right.score).toBeGreaterThan(60);
    expect(reversed.score).toBeLessThanOrEqual(40);
    expect(reversed.capApplied?.reason).toBe('reversed-point');
  });

  it('caps a central false mesh claim like a reversed point', () => {
    setScenarioStances(false);
    const kong = scenario('choose-kong-multi-zone-universal');
    const decision = kong.answer.type === 'choice' ? (kong.answer.correct[0] ?? '') : '';
    const result = gradeAttempt({
      scenario: kong,
      answer: {
        decision,
        justification: `${kong.modelAnswer.senior} Note that Kuma's data plane only runs on Kubernetes, so the VM-only zones stay outside the mesh.`,
      },
    });
    expect(result.score).toBeLessThanOrEqual(40);
    expect(result.criteria.find((criterion) => criterion.id === 'universal-mode')?.reversed).toBe(
      "Kuma's data plane only runs on Kubernetes",
    );
  });
});
