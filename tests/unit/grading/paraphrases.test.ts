// Paraphrase coverage (#16): correct sentences written in a learner's own words, blind to the
// grader's lexicon (tests/fixtures/grading-paraphrases.json), must earn their target criterion,
// and near misses must not. Floors sit a little below what the grader reaches (see
// docs/scenario-grading.md, "Session 8: paraphrase coverage"); the pre-session-8 lexicon reached
// 68.8 % coverage, so it fails this test.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenarios } from '@/scripts/grader-calibration';
import {
  gradeParaphrases,
  loadParaphrases,
  summarize,
  type CoverageSummary,
} from '@/scripts/grader-paraphrase-coverage';

const COVERAGE_FLOOR = 0.91;
const PLAIN_COVERAGE_FLOOR = 0.87;
const FALSE_CREDIT_CEILING = 0.08;

describe('paraphrase coverage of the rubric grader', () => {
  let summary: CoverageSummary;
  beforeAll(async () => {
    const scenarios = await loadScenarios();
    summary = summarize(gradeParaphrases(loadParaphrases(), scenarios));
  });

  it('has four correct sentences per criterion and near misses in the fixture', () => {
    expect(summary.positives).toBeGreaterThanOrEqual(700);
    expect(summary.negatives).toBeGreaterThanOrEqual(60);
  });

  it(`credits at least ${COVERAGE_FLOOR * 100} % of the correct own-words sentences`, () => {
    expect(summary.coverage).toBeGreaterThanOrEqual(COVERAGE_FLOOR);
  });

  it(`credits at least ${PLAIN_COVERAGE_FLOOR * 100} % of those without any rubric phrase`, () => {
    expect(summary.plainCoverage).toBeGreaterThanOrEqual(PLAIN_COVERAGE_FLOOR);
  });

  it(`credits at most ${FALSE_CREDIT_CEILING * 100} % of the near misses`, () => {
    expect(summary.falseCredit).toBeLessThanOrEqual(FALSE_CREDIT_CEILING);
  });
});
