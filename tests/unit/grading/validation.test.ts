import { beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '@/lib/content/scenario-schema';
import { MAX_JUSTIFICATION_CHARS } from '@/lib/grading/answer-input';
import { GradingInputError, gradeAttempt, safeGradeAttempt } from '@/lib/grading/grade-attempt';
import { fixture, loadFixtureScenarios } from './helpers';

let scenarios: Map<string, Scenario>;
beforeAll(async () => {
  scenarios = await loadFixtureScenarios();
});

const invalid = (scenarioId: string, answer: unknown) => {
  const result = safeGradeAttempt({ scenario: fixture(scenarios, scenarioId), answer });
  if (result.ok) throw new Error('expected a validation failure');
  return result;
};

describe('input validation gives a clear message instead of crashing', () => {
  it.each([
    ['empty', ''],
    ['whitespace only', '   \n\t  '],
  ])('%s justification', (_name, justification) => {
    const result = invalid('fixture-justify-twelve-services', {
      decision: 'not-yet',
      justification,
    });
    expect(result.message).toBe('Write a justification: explain why you chose this decision.');
    expect(result.fieldErrors.justification).toEqual([result.message]);
  });

  it('rejects 10,000 characters with the limit in the message', () => {
    const result = invalid('fixture-justify-twelve-services', {
      decision: 'not-yet',
      justification: 'a mesh is overkill. '.repeat(500),
    });
    expect(result.message).toBe('Keep the justification under 5,000 characters.');
  });

  it('accepts exactly the limit', () => {
    const justification = 'x'.repeat(MAX_JUSTIFICATION_CHARS);
    expect(
      safeGradeAttempt({
        scenario: fixture(scenarios, 'fixture-justify-twelve-services'),
        answer: { decision: 'not-yet', justification },
      }).ok,
    ).toBe(true);
  });

  it.each([
    ['NUL', '\u0000'],
    ['bell', '\u0007'],
    ['escape', '\u001b[31m'],
    ['C1', '\u0085'],
  ])('rejects control character %s', (_name, control) => {
    const result = invalid('fixture-justify-twelve-services', {
      decision: 'not-yet',
      justification: `Not yet ${control} small team.`,
    });
    expect(result.fieldErrors.justification?.[0]).toContain('control characters');
  });

  it('allows newlines and tabs', () => {
    const answer = {
      decision: 'not-yet',
      justification: 'Not yet.\n\tA small team\r\ncannot run it.',
    };
    expect(
      safeGradeAttempt({ scenario: fixture(scenarios, 'fixture-justify-twelve-services'), answer })
        .ok,
    ).toBe(true);
  });

  it('rejects a decision outside the options, a non-permutation order and non-numbers', () => {
    expect(
      invalid('fixture-justify-twelve-services', { decision: 'maybe', justification: 'x' })
        .fieldErrors.decision,
    ).toEqual(['Choose one of the listed options.']);
    expect(
      invalid('fixture-rollout-first-adoption', {
        decision: ['observe', 'observe', 'strict', 'authz', 'slo-baseline'],
        justification: 'x',
      }).message,
    ).toBe('Order every step exactly once (5 steps).');
    expect(
      invalid('fixture-rollout-first-adoption', { decision: 'observe', justification: 'x' })
        .fieldErrors.decision?.[0],
    ).toBe('Put the steps in order.');
    expect(
      invalid('fixture-estimate-sidecar-cpu', { decision: '20', justification: 'x' }).message,
    ).toBe('Enter a number (vCPU).');
    expect(
      invalid('fixture-estimate-sidecar-cpu', { decision: Number.NaN, justification: 'x' })
        .fieldErrors.decision,
    ).toBeDefined();
    expect(
      invalid('fixture-estimate-sidecar-cpu', {
        decision: Number.POSITIVE_INFINITY,
        justification: 'x',
      }).fieldErrors.decision,
    ).toBeDefined();
  });

  it('rejects an unknown prediction and a missing answer object', () => {
    expect(
      invalid('fixture-diagnose-retry-storm', {
        decision: 'retry-storm',
        justification: 'x',
        prediction: 'x100',
      }).fieldErrors.prediction,
    ).toEqual(['Choose one of the prediction options.']);
    expect(invalid('fixture-diagnose-retry-storm', null).message).toBeTruthy();
    expect(
      invalid('fixture-diagnose-retry-storm', { justification: 'x' }).fieldErrors.decision,
    ).toEqual(['Choose one of the options.']);
  });

  it('gradeAttempt throws a typed GradingInputError with the same message', () => {
    const scenario = fixture(scenarios, 'fixture-justify-twelve-services');
    expect(() =>
      gradeAttempt({ scenario, answer: { decision: 'not-yet', justification: '' } }),
    ).toThrow(GradingInputError);
    try {
      gradeAttempt({ scenario, answer: { decision: 'not-yet', justification: '' } });
    } catch (error) {
      expect(error).toBeInstanceOf(GradingInputError);
      expect((error as GradingInputError).fieldErrors.justification).toEqual([
        'Write a justification: explain why you chose this decision.',
      ]);
    }
  });
});
