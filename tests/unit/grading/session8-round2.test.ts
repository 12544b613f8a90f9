// Session 8, round 2 (#16): mechanisms written after holdout 5 was opened. Every text here is
// hand-written for the test (none is a calibration answer), so each case checks the mechanism,
// with a control that keeps the risky words and must still be read the old way.
import { describe, expect, it } from 'vitest';
import { validateAttempt } from '@/lib/grading/answer-input';
import { extractFeatures, gradeAttempt } from '@/lib/grading/grade-attempt';
import { measureHedging } from '@/lib/grading/style';
import { analyzeText } from '@/lib/grading/text';
import { correctDecision, loadAuthoredScenarios } from './helpers';

const { scenario: get } = await loadAuthoredScenarios();
const grade = (id: string, justification: string) => {
  const scenario = get(id);
  return gradeAttempt({ scenario, answer: { decision: correctDecision(scenario), justification } });
};
const features = (id: string, justification: string) => {
  const scenario = get(id);
  const attempt = validateAttempt(scenario, { decision: correctDecision(scenario), justification });
  if (!attempt.ok) throw new Error('invalid attempt');
  return extractFeatures(scenario, attempt.attempt);
};
const outcome = (id: string, justification: string, criterionId: string) =>
  features(id, justification).outcomes.find((entry) => entry.result.id === criterionId);

describe('an alternative ranked level with the pick leaves the decision open', () => {
  it('"just as defensible", "equally valid" and "I wouldn\'t argue against it" leave it open', () => {
    for (const text of [
      'I wrote 40 ms, though 25 ms or 60 ms are just as defensible and I would want to measure it.',
      'Canary first is my pick; the big switch is equally valid for a team this size.',
      'So the gateway route it is, even if the other one might be simpler, and I would not argue against it.',
    ])
      expect(measureHedging(analyzeText(text)).leavesOpen, text).toBe(true);
  });

  it('"I can see the case for Y" frames both sides', () => {
    const signal = measureHedging(
      analyzeText('I would pick the mesh, but I can see the case for shared libraries as well.'),
    );
    expect(signal.twoSided).toBe(1);
  });

  it('a committed answer that argues against the alternative does not', () => {
    for (const text of [
      'I wrote 40 ms because the two hops add 20 ms each; 25 ms ignores the second hop.',
      'I would argue against the big switch: one bad push would take every namespace down.',
      'The case for shared libraries falls apart with four languages and vendor images.',
    ]) {
      const signal = measureHedging(analyzeText(text));
      expect(signal.leavesOpen, text).toBe(false);
      expect(signal.twoSided, text).toBe(0);
    }
  });
});

describe('a colon after "rather than X" opens the alternative, not a list item', () => {
  it('the clause after the colon is affirmed', () => {
    for (const [text, rejected] of [
      ['Rather than sidecars everywhere: enable TLS (verify-full) and the cache.', 'sidecars'],
      ['Skip the mesh: enable TLS on the database, and on the cache.', 'mesh'],
    ] as const) {
      const { tokens } = analyzeText(text);
      for (const norm of ['enable', 'tls'])
        expect(tokens.find((token) => token.norm === norm)?.negationDepth, text).toBe(0);
      expect(tokens.find((token) => token.norm === rejected)?.negationDepth, text).toBe(1);
    }
  });

  it('a comma list after a negation is still negated as a whole', () => {
    const analyzed = analyzeText('We need no retries, timeouts or breakers here.');
    for (const norm of ['retries', 'timeouts', 'breakers'])
      expect(analyzed.tokens.find((token) => token.norm === norm)?.negationDepth, norm).toBe(1);
  });
});

describe('"rather than X, Y" rejects an alternative when Y affirms the point', () => {
  const id = 'choose-none-serverless-shop';
  it('the point affirmed in the main clause is not reversed', () => {
    const found = outcome(
      id,
      'Rather than mesh authorization, give each function its own IAM execution role with least privilege.',
      'platform-identity',
    );
    expect(found?.isReversed).toBe(false);
    expect(found?.result.status).toBe('hit');
  });

  it('a rejection with nothing affirming the point after it still reverses it', () => {
    const found = outcome(
      id,
      'Rather than authorization per function, rely on the HTTPS endpoints the services already have.',
      'platform-identity',
    );
    expect(found?.isReversed).toBe(true);
  });

  it('"no need for X, Y" is not an alternative: the rejection stands', () => {
    const found = outcome(
      'justify-regulated-fintech-200-services',
      'Yes. No need for a pilot, PERMISSIVE mode cannot break anything anyway.',
      'phased-rollout',
    );
    expect(found?.isReversed).toBe(true);
  });
});

describe('a reverse pattern with a negated alternative states a negation only through it', () => {
  const id = 'estimate-fan-out-tail';
  it('"the sidecar overhead is not counted once" denies the wrong claim', () => {
    const found = outcome(
      id,
      'The sidecar overhead is not counted once per page; every one of the twenty calls pays it.',
      'mesh-overhead',
    );
    expect(found?.isReversed).toBe(false);
  });

  it('the affirmed wrong claim and the negated alternative of the pattern still reverse', () => {
    for (const text of [
      'The sidecar overhead is counted once per page, so nobody will notice it.',
      'The sidecar overhead is not per call, so nobody will notice it.',
    ])
      expect(outcome(id, text, 'mesh-overhead')?.isReversed, text).toBe(true);
  });
});

describe('"not A but B" corrects a modifier and keeps the predicate', () => {
  const id = 'estimate-fan-out-tail';
  const axisReversed = (text: string) =>
    features(id, text).stanceReversals.some((reversal) => reversal.criterionId === 'mesh-overhead');
  it('"isn\'t paid once per page but on all twenty calls" takes the rubric\'s side', () => {
    expect(
      axisReversed('The proxy tail is not paid once per page but on all twenty calls of it.'),
    ).toBe(false);
  });

  it('a plain denial, or a turn with "but on the other hand", still takes the other side', () => {
    expect(axisReversed('The proxy tail is not paid on the twenty calls.')).toBe(true);
    expect(
      axisReversed(
        'The proxy tail is not paid on the twenty calls, but on the other hand the page is fast.',
      ),
    ).toBe(true);
  });
});

describe('a longer answer whose rubric hits are all unapplied is capped', () => {
  const id = 'rollout-authorization-policies';
  it('concepts named in sentences that argue nothing about the case', () => {
    const result = grade(
      id,
      'Authorization is a separate layer on top of encryption. Workload identity underneath each policy matters a lot. ' +
        'Policy as code through a platform API avoids drift across teams. Audit mode reveals denied calls in advance. ' +
        'Enforcement is staged in a canary namespace and in waves. The default deny comes at the end of the sequence.',
    );
    expect(result.breakdown.uncapped).toBeGreaterThan(50);
    expect(result.capApplied?.reason).toBe('ungrounded');
    expect(result.score).toBeLessThanOrEqual(40);
  });

  it('the same steps applied to the case are not capped', () => {
    const result = grade(
      id,
      "Today any of Meridian's meshed workloads can call records-svc, because mTLS only proves identity. So STRICT first: " +
        'rules on principals mean nothing for a plaintext caller. With 60 teams, generate the policies from the service ' +
        'catalog instead of hand-written YAML. Audit mode then shows the forgotten CronJob before it becomes a 403, so we ' +
        'fix the allow-lists, enforce in one canary namespace and then in waves, and add the allow-nothing default last.',
    );
    expect(result.capApplied).toBeUndefined();
    expect(result.score).toBeGreaterThanOrEqual(75);
  });

  it('a short answer is left to the thin and ungrounded rules', () => {
    const result = grade(
      id,
      'Authorization is a separate layer on top of encryption. Workload identity matters.',
    );
    expect(result.capApplied?.reason).not.toBe('ungrounded');
  });
});
