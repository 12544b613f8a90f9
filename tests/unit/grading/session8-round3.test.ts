// Session 8, round 3 (#16): correct answers that were read as reversing the model answer, found
// on the opened holdout 7. Every text here is hand-written for the test (none is a calibration
// answer); each fix has a control that must still be read as a reversal.
import { describe, expect, it } from 'vitest';
import { findErrorClaims } from '@/lib/grading/error-claims';
import { gradeAttempt } from '@/lib/grading/grade-attempt';
import { cachedLemmaOffsets } from '@/lib/grading/lemmas';
import { findModelReversals } from '@/lib/grading/model-reversal';
import { measureHedging } from '@/lib/grading/style';
import { analyzeText } from '@/lib/grading/text';
import { correctDecision, loadAuthoredScenarios } from './helpers';

const { scenario: get } = await loadAuthoredScenarios();

/** A real scenario whose model answer is the one sentence under test. */
const withModel = (senior: string) => ({
  ...get('justify-no-oncall-no-owner'),
  modelAnswer: { senior },
});
const signals = (model: string, answer: string) =>
  findModelReversals(analyzeText(answer, cachedLemmaOffsets), withModel(model)).map(
    (reversal) => reversal.signal,
  );

describe('a number inside a range the model gives is not a different number', () => {
  const model = 'Then pilot the mesh in one or two namespaces and revisit it in about six months.';
  it('"one namespace" agrees with "one or two namespaces"', () => {
    expect(
      signals(model, 'Then pilot the mesh in one namespace and revisit it in about 6 months.'),
    ).toEqual([]);
    expect(
      signals(model, 'Then pilot the mesh in 2 namespaces, revisit it in about six months.'),
    ).toEqual([]);
  });
  it('a number outside the range still contradicts it', () => {
    expect(
      signals(model, 'Then pilot the mesh in five namespaces and revisit it in about six months.'),
    ).toEqual(['number']);
  });
});

describe('"turn it off" disables, "turn it on" enables', () => {
  const model =
    'Write and rehearse the bypass: disable injection and revert the policy before production traffic.';
  it('"turn it off" says what "disable" says', () => {
    expect(
      signals(
        model,
        'Write down and rehearse the bypass: turn injection off and revert the policy before production traffic.',
      ),
    ).toEqual([]);
  });
  it('"turn injection on" is the opposite side', () => {
    expect(
      signals(
        model,
        'Write down and rehearse the bypass: turn on injection and revert the policy before production traffic.',
      ),
    ).toEqual(['opposite']);
  });
});

describe('"stop doing X" denies X like "don\'t do X"', () => {
  const model = 'I would also stop retrying the overflow 503s at the gateway.';
  it('"don\'t retry" agrees with "stop retrying"', () => {
    expect(signals(model, "Also don't retry the overflow 503s at the gateway.")).toEqual([]);
  });
  it('"keep retrying" still reverses it', () => {
    expect(signals(model, 'I would also keep retrying the overflow 503s at the gateway.')).toEqual([
      'negation',
    ]);
  });
});

describe('"with and without X" compares, it does not deny X', () => {
  const model = 'That is why I would judge the sidecars by their per-call p99.9 latency.';
  it('a before/after comparison is not a negation', () => {
    expect(
      signals(model, "I'd judge per-call p99.9 latency with and without the sidecars."),
    ).toEqual([]);
  });
  it('"would not judge" still denies it', () => {
    expect(
      signals(model, 'I would not judge the sidecars by their per-call p99.9 latency.'),
    ).toEqual(['negation']);
  });
});

describe('a deferral phrase matches as a whole phrase', () => {
  it('"I\'d go with Istio" is no "see how it goes"', () => {
    const signal = measureHedging(
      analyzeText(
        "I'd go with Istio: it does the header canary and the mirroring. Maybe ambient later.",
      ),
    );
    expect(signal.deferrals).toBe(0);
  });
  it('"let\'s see how it goes" is a deferral', () => {
    expect(
      measureHedging(analyzeText('Try the mesh on one team and see how it goes.')).deferrals,
    ).toBe(1);
  });
});

describe('"for nothing" (in vain) is not "costs nothing"', () => {
  const scenario = get('justify-latency-budget-bid-path');
  const claims = (text: string) =>
    findErrorClaims(analyzeText(text, cachedLemmaOffsets), scenario).map((hit) => hit.claimId);
  it('"it would pay the cost for nothing" states no free mesh', () => {
    expect(
      claims('The bid path needs no retries, so it would pay the proxy cost for nothing.'),
    ).toEqual([]);
  });
  it('"the proxies cost nothing" still does', () => {
    expect(
      claims('On the bid path the two proxies per hop cost nothing at this rate.').length,
    ).toBeGreaterThan(0);
  });
});

describe('"no more than one X" bounds X, it does not deny it', () => {
  const negated = (text: string, word: string) => {
    const analyzed = analyzeText(text, cachedLemmaOffsets);
    const token = analyzed.tokens.find((candidate) => candidate.norm === word);
    return (token?.negationDepth ?? 0) % 2 === 1;
  };
  it('the bound after "more than" is affirmed', () => {
    expect(negated('There is no need for more than one retrying layer.', 'layer')).toBe(false);
    expect(negated('Never more than 2 attempts per call.', 'attempts')).toBe(false);
  });
  it('a plain negation still covers its object', () => {
    expect(negated('There is no need for a retrying layer.', 'layer')).toBe(true);
    expect(negated('Never retry at more layers than needed.', 'retry')).toBe(true);
  });
});

describe('"the other option would also be a reasonable choice" leaves the decision open', () => {
  it('is a non-decision', () => {
    expect(
      measureHedging(
        analyzeText('I chose not yet, though trying it now would also be a reasonable choice.'),
      ).leavesOpen,
    ).toBe(true);
  });
  it('taken back later in the sentence, it is not', () => {
    expect(
      measureHedging(
        analyzeText(
          'Trying it now would also be a reasonable choice, but without on-call it fails here.',
        ),
      ).leavesOpen,
    ).toBe(false);
  });
});

describe('a negation does not reach into a condition after "when" / "if"', () => {
  const negatedWords = (text: string) =>
    analyzeText(text, cachedLemmaOffsets)
      .tokens.filter((token) => token.negationDepth % 2 === 1)
      .map((token) => token.norm);
  it('the main clause is denied, the condition holds', () => {
    const words = negatedWords('Never pick Linkerd when JWT and mirroring are hard requirements.');
    expect(words).toContain('linkerd');
    expect(words).not.toContain('jwt');
    expect(negatedWords("Don't retry if the pool is full.")).not.toContain('full');
  });
  it('without a subordinator the object stays denied', () => {
    expect(negatedWords('We do not need JWT and mirroring here.')).toContain('jwt');
  });
});

describe('a right decision with a thin line about the case is thin, not empty', () => {
  const scenario = get('diagnose-deny-overrides-allow');
  const score = (justification: string) =>
    gradeAttempt({ scenario, answer: { decision: correctDecision(scenario), justification } });
  it('keeps part of its credit, capped below a real argument', () => {
    const result = score('The DENY policy blocks it. Fix the DENY.');
    expect(result.score).toBeGreaterThan(15);
    expect(result.score).toBeLessThanOrEqual(40);
  });
  it('"?", an admission of ignorance or a copied question keep none', () => {
    for (const text of ['?', 'no idea, sorry', scenario.question ?? ''])
      expect(score(text).score, text).toBeLessThanOrEqual(3);
  });
});
