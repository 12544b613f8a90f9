import { describe, expect, it } from 'vitest';
import type { Scenario } from '@/lib/content/scenario-schema';
import { findArguedMisorder, misplacedSteps } from '@/lib/grading/argued-order';
import { gradeAttempt } from '@/lib/grading/grade-attempt';
import { cachedLemmaOffsets } from '@/lib/grading/lemmas';
import { analyzeText } from '@/lib/grading/text';
import { correctDecision, loadAuthoredScenarios } from './helpers';

// Session 7 of #16: general mechanisms for the reversed points and false facts a blind writer
// (holdout 3) used and the grader missed. Every sentence here was written for this file — a
// wrong claim and a correct control that uses the same risky words the right way round.
const { problems, scenario } = await loadAuthoredScenarios();
const analyzed = (text: string) => analyzeText(text, cachedLemmaOffsets);

const grade = (target: Scenario, justification: string, decision = correctDecision(target)) =>
  gradeAttempt({ scenario: target, answer: { decision, justification } });

/** The correct order with the steps `a` and `b` swapped. */
function swapped(target: Scenario, a: string, b: string): string[] {
  const order = [...(correctDecision(target) as string[])];
  const i = order.indexOf(a);
  const j = order.indexOf(b);
  order[i] = b;
  order[j] = a;
  return order;
}

describe('argued misorder (rollouts)', () => {
  it('loads the authored scenarios', () => {
    expect(problems).toEqual([]);
  });

  it('finds the steps on the wrong side of a swapped pair', () => {
    expect([...misplacedSteps(['a', 'b', 'c', 'd'], ['a', 'c', 'b', 'd'])].sort()).toEqual([
      'b',
      'c',
    ]);
    expect(misplacedSteps(['a', 'b'], ['a', 'b']).size).toBe(0);
  });

  const authz = () => scenario('rollout-authorization-policies');
  const order = () => swapped(authz(), 'audit-mode', 'enforce-canary');

  it('a near-miss order whose misplaced step is argued for is a reversed point', () => {
    const text =
      'Confirm STRICT mTLS and identities, then publish the allow-list templates. ' +
      'Enforce the policies in one canary namespace first, because a real 403 teaches more than an audit log, ' +
      'then deploy them in audit mode everywhere, reconcile the allow-lists, enforce in waves and add the default deny last.';
    const hit = findArguedMisorder(authz(), order(), analyzed(text));
    expect(hit?.stepId).toBe('enforce-canary');
    const result = grade(authz(), text, order());
    expect(result.score).toBeLessThanOrEqual(40);
    expect(result.capApplied?.message).toMatch(/wrong side/);
  });

  it('the same near-miss order stated without a reason is not argued (a slip, mediocre band)', () => {
    const text =
      'Confirm STRICT mTLS and identities, then templates. Enforce in a canary namespace, then audit mode, ' +
      'reconcile, waves, and default deny at the end.';
    expect(findArguedMisorder(authz(), order(), analyzed(text))).toBeNull();
  });

  it('a right order argued with the same words is never flagged', () => {
    const text =
      'Deploy the generated policies in audit mode everywhere first, because enforcing before the logs are ' +
      'reconciled would 403 real callers; only then enforce in one canary namespace.';
    expect(
      findArguedMisorder(authz(), correctDecision(authz()) as string[], analyzed(text)),
    ).toBeNull();
  });

  it('a reason about a step the order places right does not count', () => {
    const ambient = scenario('rollout-sidecar-to-ambient');
    const nearMiss = swapped(ambient, 'waves', 'verify');
    const text =
      'Inventory the L7 features first, so we know which namespaces need a waypoint, then install ztunnel next to the sidecars.';
    expect(findArguedMisorder(ambient, nearMiss, analyzed(text))).toBeNull();
  });
});
