import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readScenarioDir } from '@/lib/content/scenario-pack';
import { KEYWORD_STUFFING_CAP, gradeAttempt } from '@/lib/grading/grade-attempt';
import { correctDecision } from './helpers';

// Every authored scenario must be gradable by its own model answers: the senior answer scores
// ≥ 65 (calibrated scale) with the correct decision, and the junior answer scores lower than the senior one.
const { scenarios, problems } = await readScenarioDir(
  path.resolve(import.meta.dirname, '../../../content/service-mesh/scenarios'),
);

describe('authored scenarios and their model answers', () => {
  it('load without problems and cover all five kinds', () => {
    expect(problems).toEqual([]);
    expect(new Set(scenarios.map((s) => s.kind))).toEqual(
      new Set(['justify', 'choose', 'rollout', 'diagnose', 'estimate']),
    );
  });

  for (const scenario of scenarios) {
    it(`${scenario.id}: senior ≥ 65 and right, junior lower`, () => {
      const decision = correctDecision(scenario);
      const senior = gradeAttempt({
        scenario,
        answer: { decision, justification: scenario.modelAnswer.senior },
      });
      const junior = gradeAttempt({
        scenario,
        answer: { decision, justification: scenario.modelAnswer.junior },
      });
      expect(senior.decision.correct).toBe(true);
      expect(senior.penalties).toEqual([]);
      expect(senior.capApplied).toBeUndefined();
      expect(senior.score).toBeGreaterThanOrEqual(65);
      expect(junior.score).toBeLessThan(senior.score);
    });
  }
});

// Keyword stuffing built from each scenario's own rubric phrases must stay far below good answers.
// (Listing every phrase of a numeric estimate is a terse but correct calculation, hence the margin.)
const STUFFING_CEILING = 45;
const STUFFING: Record<string, (phrases: string[][]) => string> = {
  'bare keywords': (p) => p.map((x) => x[0]).join(' '),
  'comma list': (p) => `${p.map((x) => x[0]).join(', ')}.`,
  'every phrase listed': (p) => `${p.flat().join(', ')}.`,
  'and-chain': (p) => `It is about the ${p.map((x) => x[0]).join(' and the ')}.`,
  'sentence template': (p) => p.map((x) => `${x[0]} is important.`).join(' '),
  bullets: (p) => p.map((x) => `- ${x[0]}`).join('\n'),
  'filler then list': (p) =>
    `We thought about this very carefully and this is our considered answer. ${p.map((x) => x[0]).join(', ')}.`,
  'two per sentence': (p) =>
    p.map((x) => `We considered ${x[0]} and ${x[1] ?? x[0]} here.`).join(' '),
};

describe('keyword stuffing from the rubric phrases of every authored scenario', () => {
  for (const scenario of scenarios) {
    it(`${scenario.id}: every stuffing variant scores ≤ ${STUFFING_CEILING}`, () => {
      const phrases = scenario.rubric.map((criterion) => [...criterion.phrases]);
      // Listing every phrase of an estimate's rubric spells out the whole calculation: not stuffing.
      const variants = Object.entries(STUFFING).filter(
        ([name]) => !(scenario.kind === 'estimate' && name === 'every phrase listed'),
      );
      const scores = variants.map(([name, build]) => {
        const result = gradeAttempt({
          scenario,
          answer: {
            decision: correctDecision(scenario),
            justification: build(phrases).slice(0, 5000),
          },
        });
        return [name, result.score] as const;
      });
      expect(scores.filter(([, score]) => score > STUFFING_CEILING)).toEqual([]);
      expect(scores.filter(([, score]) => score <= KEYWORD_STUFFING_CAP).length).toBeGreaterThan(4);
    });
  }
});
