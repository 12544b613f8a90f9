import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readScenarioDir } from '@/lib/content/scenario-pack';
import type { Scenario } from '@/lib/content/scenario-schema';
import { centralFalseClaims } from '@/lib/grading/central-claims';
import { setScenarioStances } from '@/lib/grading/concepts';
import { criterionStances, findStanceReversals } from '@/lib/grading/criterion-stance';
import { findFalseClaims } from '@/lib/grading/facts';
import { findModelReversals } from '@/lib/grading/model-reversal';
import { gradeAttempt } from '@/lib/grading/grade-attempt';
import { cachedLemmaOffsets } from '@/lib/grading/lemmas';
import { analyzeText } from '@/lib/grading/text';
import type { GradableScenario } from '@/lib/grading/types';

// Stance-bearing criteria read from the concept text on general axes, and false mesh claims about
// what a crucial criterion states. Neither mechanism has per-scenario words; the tests also run
// with the per-scenario reverse wordings (stances.ts) switched off.
const { scenarios } = await readScenarioDir(
  path.resolve(import.meta.dirname, '../../../content/service-mesh/scenarios'),
);
const byId = new Map(scenarios.map((scenario) => [scenario.id, scenario]));
function scenario(id: string): Scenario {
  const found = byId.get(id);
  if (!found) throw new Error(`no scenario ${id}`);
  return found;
}
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
    expect(findStanceReversals(analyze('Authorization can wait until STRICT.'), rubric)).toEqual(
      [],
    );
    const required = synthetic('Regulator wants mTLS plus authorization', ['authorization']);
    expect(
      findStanceReversals(analyze('Authorization can wait until STRICT.'), required).map(
        (reversal) => reversal.axis,
      ),
    ).toEqual(['dismissal']);
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
