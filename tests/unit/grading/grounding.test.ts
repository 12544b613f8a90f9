// Grounding (a concept counts as applied only inside an argument step about the case) and
// own-words recognition by definition overlap.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readScenarioDir } from '@/lib/content/scenario-pack';
import type { Scenario } from '@/lib/content/scenario-schema';
import { caseAnchorsOf, caseFactTokens, caseFactsOf } from '@/lib/grading/case-facts';
import { conceptWords, definitionMatches, definitionsOf } from '@/lib/grading/definitions';
import { SCORE_PARAMS, gradeAttempt } from '@/lib/grading/grade-attempt';
import { findGrounding } from '@/lib/grading/grounding';
import { cachedLemmaOffsets } from '@/lib/grading/lemmas';
import { analyzeText } from '@/lib/grading/text';

const { scenarios } = await readScenarioDir(
  path.resolve(import.meta.dirname, '../../../content/service-mesh/scenarios'),
);
const get = (id: string): Scenario => {
  const scenario = scenarios.find((candidate) => candidate.id === id);
  if (!scenario) throw new Error(`missing ${id}`);
  return scenario;
};
const argued = (scenario: Scenario, text: string) => {
  const analyzed = analyzeText(text, cachedLemmaOffsets);
  const cited = caseFactTokens(analyzed, caseFactsOf(scenario));
  return findGrounding(analyzed, cited, caseAnchorsOf(scenario)).arguedSentences.size;
};

describe('findGrounding', () => {
  const breaker = get('diagnose-breaker-503-uo-flash-sale');

  it('counts a case fact tied to a connective, not the same fact named alone', () => {
    expect(argued(breaker, 'Inventory is healthy because its CPU sits at 55%.')).toBe(1);
    expect(argued(breaker, 'On Black Friday, with 900 rps and inventory at 55% CPU.')).toBe(0);
  });

  it('counts a comparison only next to a number', () => {
    expect(argued(breaker, 'About 54 requests are in flight, just over the 50 allowed.')).toBe(1);
    expect(argued(breaker, 'Resilience engineering is over the top for most teams.')).toBe(0);
  });

  it('counts a relation written in notation', () => {
    expect(argued(breaker, '900 × 0.06 ≈ 54 in flight per pod.')).toBe(1);
  });

  it('marks the clauses of the step, not every item of a list in the same sentence', () => {
    const scenario = get('choose-kubernetes-deep-l7');
    const analyzed = analyzeText(
      'Mirroring, fault injection, header routing are features, so the 12 engineers can use them.',
      cachedLemmaOffsets,
    );
    const grounding = findGrounding(
      analyzed,
      caseFactTokens(analyzed, caseFactsOf(scenario)),
      caseAnchorsOf(scenario),
    );
    const segmentOf = (word: string) =>
      analyzed.tokens.find((token) => token.norm === word)?.segment ?? -1;
    expect(grounding.arguedSentences.size).toBe(1);
    expect(grounding.arguedSegments.has(segmentOf('engineers'))).toBe(true);
    expect(grounding.arguedSegments.has(segmentOf('mirroring'))).toBe(false);
  });

  it('does not take list numbering for numbers', () => {
    expect(argued(breaker, 'Not yet.\n1. Ownership\n2. Pilot')).toBe(0);
  });
});

describe('caseAnchorsOf', () => {
  it('keeps the words of the case, mesh vocabulary included, but not generic words', () => {
    const anchors = caseAnchorsOf(get('choose-none-serverless-shop'));
    const stem = (word: string) => analyzeText(word).tokens[0]?.stem ?? '';
    expect(anchors.has(stem('lambda'))).toBe(true);
    expect(anchors.has(stem('queues'))).toBe(true);
    expect(anchors.has(stem('service'))).toBe(false);
    expect(anchors.has(stem('the'))).toBe(false);
  });
});

describe('ungrounded name-dropping is capped', () => {
  const id = 'diagnose-retry-storm-failing-leaf';
  const stuffed =
    'Retry storm. Crateful had an interesting afternoon at 14:02 with its inventory-svc, and the story is about culture. ' +
    'Retry budgets, per-try timeouts, backoff with jitter, circuit breakers and outlier detection form the modern resilience toolbox. ' +
    'Mature platform teams treat reliability as a product and align stakeholders around golden signals.';
  const grounded =
    'Retry storm. The gateway stays flat at about 400 rps while inventory-svc gets 9,600, because each of the three hops retries twice: 3 × 3 × 3 = 27 attempts per user request. ' +
    'Retry only at checkout-api, add a retry budget of about 20% so the extra load is bounded, and set per-try timeouts so callers fail fast and the leaf can recover.';

  it('caps a fluent answer that names concepts beside case facts without arguing', () => {
    const result = gradeAttempt({
      scenario: get(id),
      answer: { decision: 'retry-storm', justification: stuffed },
    });
    expect(result.capApplied?.reason).toBe('ungrounded');
    expect(result.score).toBeLessThanOrEqual(SCORE_PARAMS.ungroundedCap);
  });

  it('does not cap the same concepts applied to the case', () => {
    const result = gradeAttempt({
      scenario: get(id),
      answer: { decision: 'retry-storm', justification: grounded },
    });
    expect(result.capApplied?.reason).not.toBe('ungrounded');
    expect(result.score).toBeGreaterThan(70);
    expect(result.criteria.find((criterion) => criterion.id === 'budget')?.appliedToCase).toBe(
      true,
    );
  });

  it('does not count a copy of the chosen option as an argument step', () => {
    const scenario = get('diagnose-strict-breaks-batch-job');
    const label =
      scenario.answer.type === 'choice'
        ? (scenario.answer.options.find((option) => option.id === 'unmeshed-caller')?.label ?? '')
        : '';
    expect(label).toMatch(/so/);
    const result = gradeAttempt({
      scenario,
      answer: {
        decision: 'unmeshed-caller',
        justification: `${label}. Zero trust, PeerAuthentication, sidecar injection and PERMISSIVE exceptions are the building blocks of a secure platform, and teams must collaborate and document their decisions.`,
      },
    });
    expect(result.capApplied?.reason).toBe('ungrounded');
  });

  it('holds a short unargued answer at the thin cap, above the name-dropping one', () => {
    const thin = gradeAttempt({
      scenario: get('choose-small-team-mtls-fast'),
      answer: {
        decision: 'linkerd',
        justification:
          'Linkerd. It gives mTLS by default and a small footprint, and golden metrics are built in.',
      },
    });
    expect(thin.score).toBeLessThanOrEqual(SCORE_PARAMS.thinCap);
    expect(thin.score).toBeGreaterThan(SCORE_PARAMS.ungroundedCap);
  });
});

describe('own words through the definition of a criterion', () => {
  const scenario = get('diagnose-outlier-detection-never-ejects');

  it('folds synonyms into one class', () => {
    expect(conceptWords('the tries stack up')).toEqual(conceptWords('the retries compound'));
  });

  it('recognises a point argued in plain words only in an argued sentence', () => {
    const definitions = definitionsOf(scenario);
    const index = scenario.rubric.findIndex((criterion) => criterion.id === 'max-ejection-percent');
    expect(index).toBeGreaterThanOrEqual(0);
    const text =
      'Only 10% of the pool may be thrown out at once, so with three pods removing one is a third of them and Envoy refuses every ejection.';
    const analyzed = analyzeText(text, cachedLemmaOffsets);
    expect(definitionMatches(analyzed, definitions, new Set([0]))[index]).toBeDefined();
    expect(definitionMatches(analyzed, definitions, new Set())[index]).toBeUndefined();
  });

  it('credits a missed rubric point argued in own words, but not for a wrong decision', () => {
    const storm = get('diagnose-retry-storm-failing-leaf');
    const justification =
      'The tries stack up over each hop, so one user click becomes 27 calls on the leaf.';
    const right = gradeAttempt({
      scenario: storm,
      answer: { decision: 'retry-storm', justification },
    });
    const wrong = gradeAttempt({
      scenario: storm,
      answer: { decision: 'under-provisioned', justification },
    });
    const amplification = (result: typeof right) =>
      result.criteria.find((criterion) => criterion.id === 'amplification');
    expect(amplification(right)?.status).toBe('hit');
    expect(amplification(right)?.feedback).toMatch(/^Argued in your own words/);
    expect(amplification(wrong)?.status).toBe('missed');
  });
});

describe('an opposite that the answer argues against is no reversal', () => {
  const reversedIds = (id: string, decision: string, justification: string) =>
    gradeAttempt({ scenario: get(id), answer: { decision, justification } })
      .criteria.filter((criterion) => criterion.reversed !== undefined)
      .map((criterion) => criterion.id);

  it('reads "would change nothing" as denying the idea’s effect', () => {
    const id = 'diagnose-breaker-503-uo-flash-sale';
    const lead = 'UO means the checkout sidecar refused the call itself. ';
    expect(
      reversedIds(
        id,
        'breaker-too-tight',
        `${lead}Adding inventory pods would change nothing, because the limit is per calling proxy.`,
      ),
    ).not.toContain('backend-healthy');
    expect(
      reversedIds(
        id,
        'breaker-too-tight',
        `${lead}Adding inventory pods is the fix, because the limit is per calling proxy.`,
      ),
    ).toContain('backend-healthy');
  });

  it('reads "if X had been" as a counterfactual, not a claim', () => {
    const id = 'diagnose-fault-injection-disables-retries';
    const lead = "The FI flag and attempt-count=1 show the abort in the caller's sidecar. ";
    expect(
      reversedIds(
        id,
        'fault-disables',
        `${lead}If the retries had been active, errors would drop to 0.5^4, about 6%.`,
      ),
    ).not.toContain('fault-disables-retries');
    expect(
      reversedIds(
        id,
        'fault-disables',
        `${lead}The retries were active, so errors dropped to 0.5^4, about 6%.`,
      ),
    ).toContain('fault-disables-retries');
  });
});
