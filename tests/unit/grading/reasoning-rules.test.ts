// Rules added for #16's remaining failure shapes: terse notation is not keyword stuffing, rated
// concept lists are, reverse patterns that state a negation themselves, reversed crucial points
// across paraphrases, and off-topic answers. Paraphrases here are not in the calibration set.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readScenarioDir } from '@/lib/content/scenario-pack';
import type { Scenario } from '@/lib/content/scenario-schema';
import { gradeAttempt, statesNegation } from '@/lib/grading/grade-attempt';
import { cachedLemmaOffsets } from '@/lib/grading/lemmas';
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
