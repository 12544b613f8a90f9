import { beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '@/lib/content/scenario-schema';
import { WRONG_DECISION_CAP, gradeAttempt } from '@/lib/grading/grade-attempt';
import { ANSWER_SET } from '../../fixtures/grading-answers';
import { fixture, loadFixtureScenarios } from './helpers';

let scenarios: Map<string, Scenario>;
beforeAll(async () => {
  scenarios = await loadFixtureScenarios();
});

describe('gradeAttempt on the hand-written answer set', () => {
  for (const [scenarioId, cases] of Object.entries(ANSWER_SET)) {
    describe(scenarioId, () => {
      for (const answerCase of cases) {
        it(`${answerCase.label}: hits exactly ${answerCase.hits.join(', ') || 'nothing'}`, () => {
          const scenario = fixture(scenarios, scenarioId);
          const result = gradeAttempt({
            scenario,
            answer: {
              decision: answerCase.decision,
              justification: answerCase.justification,
              prediction: answerCase.prediction,
            },
          });
          const hit = result.criteria.filter((c) => c.status === 'hit').map((c) => c.id);
          const missed = result.criteria.filter((c) => c.status === 'missed').map((c) => c.id);
          expect(hit.sort()).toEqual([...answerCase.hits].sort());
          expect(missed.sort()).toEqual(
            scenario.rubric
              .map((c) => c.id)
              .filter((id) => !answerCase.hits.includes(id))
              .sort(),
          );
          expect(result.wrongTurns.map((w) => w.id).sort()).toEqual(
            [...(answerCase.wrongTurns ?? [])].sort(),
          );
          expect(result.penalties.some((p) => p.kind === 'contradiction')).toBe(false);
          expect(result.capApplied?.reason).not.toBe('keyword-stuffing');
          expect(Number.isInteger(result.score)).toBe(true);
          if (answerCase.label === 'good') {
            expect(result.decision.correct).toBe(true);
            // Calibrated scale (grader:eval): good answers land in the 65–95 band; the fixture
            // cases are short and cite few facts of their (short) contexts.
            expect(result.score).toBeGreaterThanOrEqual(65);
          }
          if (answerCase.label === 'wrong') {
            expect(result.decision.correct).toBe(false);
            expect(result.score).toBeLessThanOrEqual(WRONG_DECISION_CAP);
          }
        });
      }

      it('orders scores good > mediocre > wrong', () => {
        const scenario = fixture(scenarios, scenarioId);
        const score = (label: string) => {
          const answerCase = cases.find((c) => c.label === label);
          if (!answerCase) throw new Error(label);
          return gradeAttempt({
            scenario,
            answer: {
              decision: answerCase.decision,
              justification: answerCase.justification,
              prediction: answerCase.prediction,
            },
          }).score;
        };
        expect(score('good')).toBeGreaterThan(score('mediocre'));
        expect(score('mediocre')).toBeGreaterThan(score('wrong'));
      });
    });
  }
});

describe('feedback content', () => {
  it('names each missed concept with its lesson and the scenario-authored feedback', () => {
    const scenario = fixture(scenarios, 'fixture-justify-twelve-services');
    const result = gradeAttempt({
      scenario,
      answer: { decision: 'not-yet', justification: 'Not yet, the team is a small team.' },
    });
    const fleet = result.criteria.find((c) => c.id === 'fleet-size');
    expect(fleet).toMatchObject({ status: 'missed', lessonId: 'when-is-a-mesh-justified' });
    expect(fleet?.feedback).toBe(
      scenario.rubric.find((c) => c.id === 'fleet-size')?.missedFeedback,
    );
    expect(result.criteria.find((c) => c.id === 'team-capacity')).toMatchObject({
      status: 'hit',
      matched: 'small team',
    });
    expect(result.summary).toContain(
      'missed: Twelve services is a small fleet, Cheaper alternatives cover today',
    );
  });

  it('applies and reports the wrong-decision cap even when the justification is strong', () => {
    const scenario = fixture(scenarios, 'fixture-justify-twelve-services');
    const good = ANSWER_SET['fixture-justify-twelve-services']?.[0];
    const result = gradeAttempt({
      scenario,
      answer: { decision: 'no', justification: good?.justification ?? '' },
    });
    expect(result.breakdown.uncapped).toBeGreaterThan(WRONG_DECISION_CAP);
    expect(result.score).toBe(WRONG_DECISION_CAP);
    expect(result.capApplied?.reason).toBe('wrong-decision');
    expect(result.decision.feedback).toContain('Not yet');
  });

  it('reports the prediction separately without scoring it', () => {
    const scenario = fixture(scenarios, 'fixture-diagnose-retry-storm');
    const justification = ANSWER_SET['fixture-diagnose-retry-storm']?.[0]?.justification ?? '';
    const right = gradeAttempt({
      scenario,
      answer: { decision: 'retry-storm', justification, prediction: 'x9' },
    });
    const wrong = gradeAttempt({
      scenario,
      answer: { decision: 'retry-storm', justification, prediction: 'x3' },
    });
    const none = gradeAttempt({ scenario, answer: { decision: 'retry-storm', justification } });
    expect(right.prediction).toMatchObject({ answered: true, correct: true, expected: 'about 9×' });
    expect(wrong.prediction).toMatchObject({ answered: true, correct: false });
    expect(none.prediction).toMatchObject({ answered: false, correct: false });
    expect(wrong.score).toBe(right.score);
    expect(
      gradeAttempt({
        scenario: fixture(scenarios, 'fixture-estimate-sidecar-cpu'),
        answer: { decision: 20, justification },
      }).prediction,
    ).toBeUndefined();
  });

  it('credits named trade-offs only next to a named concept', () => {
    const scenario = fixture(scenarios, 'fixture-choose-hybrid-estate');
    const base = 'Consul, because most services run on VMs.';
    const withTradeOff = gradeAttempt({
      scenario,
      answer: {
        decision: 'consul',
        justification: `${base} The trade-off is that the Consul servers are one more control plane to run.`,
      },
    });
    const withLooseMarker = gradeAttempt({
      scenario,
      answer: {
        decision: 'consul',
        justification: `${base} However, it is a big decision for the company.`,
      },
    });
    expect(withTradeOff.tradeOffsNamed).toBe(1);
    expect(withLooseMarker.tradeOffsNamed).toBe(0);
  });

  it('gives partial decision credit for a nearly right order and a close estimate', () => {
    const rollout = fixture(scenarios, 'fixture-rollout-first-adoption');
    const justification =
      'We start small in one low-risk namespace to limit the blast radius, then expand namespace by namespace.';
    const swapped = gradeAttempt({
      scenario: rollout,
      answer: {
        decision: ['observe', 'slo-baseline', 'mtls-permissive', 'strict', 'authz'],
        justification,
      },
    });
    const exact = gradeAttempt({
      scenario: rollout,
      answer: {
        decision: ['slo-baseline', 'observe', 'mtls-permissive', 'strict', 'authz'],
        justification,
      },
    });
    expect(exact.decision.correct).toBe(true);
    expect(swapped.decision).toMatchObject({ correct: false, credit: 0.8 });
    expect(swapped.capApplied).toBeUndefined();
    expect(swapped.decision.feedback).toContain('9 of 10 step pairs');

    const estimate = fixture(scenarios, 'fixture-estimate-sidecar-cpu');
    const close = gradeAttempt({
      scenario: estimate,
      answer: {
        decision: 27,
        justification:
          'About 27 vCPU at peak: each request crosses two sidecars, so CPU scales with rps.',
      },
    });
    const inside = gradeAttempt({
      scenario: estimate,
      answer: { decision: 23.9, justification: 'About 24 vCPU at peak.' },
    });
    expect(inside.decision).toMatchObject({ correct: true, credit: 1 });
    expect(close.decision).toMatchObject({ correct: false, credit: 0.5 });
    expect(close.capApplied).toBeUndefined();
  });

  it('is deterministic', () => {
    const scenario = fixture(scenarios, 'fixture-rollout-first-adoption');
    const answer = ANSWER_SET['fixture-rollout-first-adoption']?.[0];
    const first = gradeAttempt({
      scenario,
      answer: { decision: answer?.decision, justification: answer?.justification },
    });
    const second = gradeAttempt({
      scenario,
      answer: { decision: answer?.decision, justification: answer?.justification },
    });
    expect(second).toEqual(first);
  });
});
