import { beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '@/lib/content/scenario-schema';
import {
  CONTRADICTION_PENALTY,
  KEYWORD_STUFFING_CAP,
  SCORE_PARAMS,
  gradeAttempt,
} from '@/lib/grading/grade-attempt';
import { ANSWER_SET } from '../../fixtures/grading-answers';
import { fixture, loadFixtureScenarios } from './helpers';

let scenarios: Map<string, Scenario>;
beforeAll(async () => {
  scenarios = await loadFixtureScenarios();
});

const RIGHT_ORDER = ['slo-baseline', 'observe', 'mtls-permissive', 'strict', 'authz'];
const rollout = (justification: string, decision: string[] = RIGHT_ORDER) =>
  gradeAttempt({
    scenario: fixture(scenarios, 'fixture-rollout-first-adoption'),
    answer: { decision, justification },
  });
const status = (result: ReturnType<typeof rollout>, id: string) =>
  result.criteria.find((c) => c.id === id)?.status;

describe('keyword stuffing is capped well below full marks', () => {
  const stuffed: Array<[string, string]> = [
    [
      'bare keywords without punctuation',
      'SLO baseline blast radius one namespace mTLS permissive authorization authz bypass rollback',
    ],
    [
      'a comma list of keywords',
      'Baseline, SLOs, blast radius, one namespace, mTLS, permissive, authorization, authz policies, bypass, rollback.',
    ],
    ['one phrase repeated', 'blast radius '.repeat(40)],
    [
      'a keyword list behind a filler sentence',
      'We thought about this very carefully and this is our answer. mTLS, authorization, blast radius, SLO, bypass, rollback.',
    ],
    [
      'prose-shaped stuffing',
      'It is about the baseline and the blast radius and the mTLS and the authorization and the bypass.',
    ],
    ['bullet list of keywords', '- baseline\n- blast radius\n- mTLS\n- authorization\n- bypass'],
    [
      'the same good sentence repeated',
      'We keep the blast radius small with one namespace and record a baseline. '.repeat(12),
    ],
    [
      'one sentence template with swapped keywords',
      'mTLS is important. Authorization is important. The blast radius is important. A baseline is important. A bypass is important.',
    ],
    [
      '"we need" template',
      'We need a baseline. We need mTLS. We need authorization. We need a bypass.',
    ],
  ];
  for (const [name, justification] of stuffed) {
    it(name, () => {
      const result = rollout(justification);
      expect(result.capApplied?.reason).toBe('keyword-stuffing');
      expect(result.score).toBeLessThanOrEqual(KEYWORD_STUFFING_CAP);
      expect(result.tradeOffsNamed).toBe(0);
      expect(result.summary).toContain('keyword stuffing');
    });
  }

  it('does not flag a real argument that names the same concepts', () => {
    const good = ANSWER_SET['fixture-rollout-first-adoption']?.[0];
    const result = rollout(good?.justification ?? '');
    expect(result.capApplied).toBeUndefined();
    expect(result.score).toBeGreaterThanOrEqual(65);
  });
});

describe('negation awareness', () => {
  it.each([
    [
      'without authorization',
      'We can roll out the mesh without authorization.',
      'authorization',
      'authorization',
    ],
    ['no need for authz', 'There is no need for authz at this point.', 'authorization', 'authz'],
    ["don't need mTLS", "We don't need mTLS for this.", 'mtls', 'mTLS'],
    ['curly apostrophe', 'We don’t need mTLS for this.', 'mtls', 'mTLS'],
    [
      'not the blast radius',
      'What matters is speed, not the blast radius.',
      'blast-radius',
      'blast radius',
    ],
    ['post-negation', 'Authorization is not needed yet.', 'authorization', 'Authorization'],
    ['negative adjective after', 'A bypass is overkill here.', 'bypass', 'bypass'],
    ['never', 'We never take a baseline.', 'baseline', 'baseline'],
  ])('%s does not count as naming the concept', (_name, justification, criterionId, mention) => {
    const criterion = rollout(justification).criteria.find((c) => c.id === criterionId);
    expect(criterion?.status).toBe('missed');
    // A denied stance ("no need for authz") is now reported as a reversed point, not only a miss.
    expect(criterion?.negatedMention ?? criterion?.reversed).toContain(mention);
    expect(criterion?.feedback).toMatch(/only in a negated way|reverses this point/);
  });

  it('scopes negation to its clause', () => {
    const result = rollout(
      "We don't need a big team, but authorization matters. Without a baseline we are blind, so we record SLOs first.",
    );
    expect(status(result, 'authorization')).toBe('hit');
    expect(result.criteria.find((c) => c.id === 'baseline')).toMatchObject({
      status: 'hit',
      matched: expect.stringContaining('SLOs'),
    });
  });

  it('carries negation over a short list', () => {
    const result = rollout("We don't need mTLS, authorization or a bypass plan.");
    expect(status(result, 'mtls')).toBe('missed');
    expect(status(result, 'authorization')).toBe('missed');
    expect(status(result, 'bypass')).toBe('missed');
  });

  it('does not let a negation reach into the next clause', () => {
    const result = rollout(
      'STRICT cannot check the caller and the authorization policies decide who may call.',
    );
    expect(status(result, 'authorization')).toBe('hit');
  });

  it('treats double negation and "not only" as affirmations', () => {
    expect(status(rollout('We cannot ignore authorization.'), 'authorization')).toBe('hit');
    const result = rollout('Not only mTLS but also authorization policies.');
    expect(status(result, 'mtls')).toBe('hit');
    expect(status(result, 'authorization')).toBe('hit');
  });

  it('ignores negated wrong turns', () => {
    const scenario = fixture(scenarios, 'fixture-justify-twelve-services');
    const negated = gradeAttempt({
      scenario,
      answer: {
        decision: 'not-yet',
        justification: 'This is not about best practice; a small team cannot run it.',
      },
    });
    const affirmed = gradeAttempt({
      scenario,
      answer: {
        decision: 'not-yet',
        justification: 'Following best practice matters; a small team cannot run it yet.',
      },
    });
    expect(negated.wrongTurns).toEqual([]);
    expect(affirmed.wrongTurns.map((w) => w.id)).toEqual(['silver-bullet']);
    expect(affirmed.score).toBeLessThan(negated.score);
  });
});

describe('decision ↔ justification consistency', () => {
  it('penalises "no" argued as "we should adopt a mesh now"', () => {
    const scenario = fixture(scenarios, 'fixture-justify-twelve-services');
    const justification =
      'We should adopt a mesh now, because a small team cannot hand-roll retries and TLS for twelve services.';
    const contradicted = gradeAttempt({ scenario, answer: { decision: 'no', justification } });
    const consistent = gradeAttempt({ scenario, answer: { decision: 'yes', justification } });
    expect(contradicted.penalties).toContainEqual(
      expect.objectContaining({ kind: 'contradiction', points: CONTRADICTION_PENALTY }),
    );
    expect(contradicted.summary).toContain('contradicts the decision');
    expect(consistent.penalties.some((p) => p.kind === 'contradiction')).toBe(false);
  });

  it('penalises "not yet" argued as an immediate adoption', () => {
    const scenario = fixture(scenarios, 'fixture-justify-twelve-services');
    const result = gradeAttempt({
      scenario,
      answer: {
        decision: 'not-yet',
        justification: 'Adopt a mesh now; the small team needs retries today.',
      },
    });
    expect(result.penalties.map((p) => p.kind)).toContain('contradiction');
  });

  it('penalises "yes" argued as premature', () => {
    const scenario = fixture(scenarios, 'fixture-justify-twelve-services');
    const result = gradeAttempt({
      scenario,
      answer: {
        decision: 'yes',
        justification: 'A mesh is premature for a small team; we should wait and revisit.',
      },
    });
    expect(result.penalties.map((p) => p.kind)).toContain('contradiction');
  });

  it('does not treat a conditional future adoption as a contradiction of "not yet"', () => {
    const scenario = fixture(scenarios, 'fixture-justify-twelve-services');
    const result = gradeAttempt({
      scenario,
      answer: {
        decision: 'not-yet',
        justification:
          'Not yet. We should adopt a mesh once we have 30 services and a platform team with on-call.',
      },
    });
    expect(result.penalties).toEqual([]);
  });

  it('penalises choosing one product while recommending another', () => {
    const scenario = fixture(scenarios, 'fixture-choose-hybrid-estate');
    const result = gradeAttempt({
      scenario,
      answer: {
        decision: 'consul',
        justification: 'I would pick Linkerd because it is the simplest to run, and VMs can wait.',
      },
    });
    expect(result.penalties).toContainEqual(expect.objectContaining({ kind: 'contradiction' }));
    expect(result.penalties.find((p) => p.kind === 'contradiction')?.reason).toContain(
      'recommends "Linkerd"',
    );
  });
});

describe('unicode and normalisation', () => {
  it('folds full-width letters, case, hyphens, plurals and zero-width characters', () => {
    const result = rollout(
      'ｍＴＬＳ first in PERMISSIVE mode, then AUTHORIZATION-policies, keeping the blast\u200Bradius small and a rollback ready.',
    );
    expect(status(result, 'mtls')).toBe('hit');
    expect(status(result, 'authorization')).toBe('hit');
    expect(status(result, 'blast-radius')).toBe('hit');
    expect(status(result, 'bypass')).toBe('hit');
  });

  it('matches plural and hyphenated variants of phrases', () => {
    const scenario = fixture(scenarios, 'fixture-diagnose-retry-storm');
    const result = gradeAttempt({
      scenario,
      answer: {
        decision: 'retry-storm',
        justification:
          'Add retry budgets, because retries multiply, and circuit-breakers so the leaf sheds load.',
      },
    });
    expect(result.criteria.filter((c) => c.status === 'hit').map((c) => c.id)).toEqual([
      'amplification',
      'retry-budget',
      'circuit-breaker',
    ]);
  });

  it('grades mixed scripts and emoji without crashing', () => {
    const result = rollout('🚀 mTLS first — 然后 authorization policies; ünïcödé baseline 👍');
    expect(status(result, 'mtls')).toBe('hit');
    expect(status(result, 'authorization')).toBe('hit');
    expect(status(result, 'baseline')).toBe('hit');
  });

  it('handles a justification at the length limit quickly', () => {
    const sentence =
      'We mesh one namespace first because the blast radius stays small, and we watch the baseline. ';
    const justification = sentence.repeat(Math.floor(5000 / sentence.length));
    const started = performance.now();
    const result = rollout(justification);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result.capApplied?.reason).toBe('keyword-stuffing');
  });

  it('handles 2,400 emoji (4,800 UTF-16 units) without crashing', () => {
    const result = rollout('🚀'.repeat(2400));
    expect(result.criteria.every((c) => c.status === 'missed')).toBe(true);
    // No words, no argument: the decision alone no longer earns points (it used to give 30).
    expect(result.score).toBe(SCORE_PARAMS.noArgumentCap);
  });
});
