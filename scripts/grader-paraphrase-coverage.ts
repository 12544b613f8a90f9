// Paraphrase coverage of the rubric grader (issue #16): each sentence of
// tests/fixtures/grading-paraphrases.json is graded alone as the justification of the scenario's
// correct decision, and we check whether its target criterion is credited. The fixture was written
// from the scenario files only, before the grader's lexicon was read (see docs/scenario-grading.md).
// Shared by `npm run grader:paraphrases` and tests/unit/grading/paraphrases.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { correctDecisionOf } from '../lib/grading/decision';
import { gradeAttempt } from '../lib/grading/grade-attempt';
import type { GradableScenario } from '../lib/grading/types';

export const PARAPHRASE_FILE = path.resolve(
  import.meta.dirname,
  '../tests/fixtures/grading-paraphrases.json',
);

const paraphraseSchema = z.strictObject({
  scenarioId: z.string().min(1),
  criterionId: z.string().min(1),
  text: z.string().min(1),
  /** True: a sentence that makes the criterion's point; false: a near miss that must not be credited. */
  credits: z.boolean(),
});
export type Paraphrase = z.infer<typeof paraphraseSchema>;

/** The fixture, validated. */
export function loadParaphrases(file = PARAPHRASE_FILE): Paraphrase[] {
  return z.array(paraphraseSchema).parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

/** One graded fixture sentence. */
export type ParaphraseOutcome = Paraphrase & {
  credited: boolean;
  /** True when the sentence contains one of the criterion's own rubric phrases verbatim. */
  hasRubricPhrase: boolean;
};

/** Grades every sentence; throws on a sentence whose scenario or criterion does not exist. */
export function gradeParaphrases(
  paraphrases: readonly Paraphrase[],
  scenarios: ReadonlyMap<string, GradableScenario>,
): ParaphraseOutcome[] {
  return paraphrases.map((paraphrase) => {
    const scenario = scenarios.get(paraphrase.scenarioId);
    if (!scenario) throw new Error(`unknown scenario ${paraphrase.scenarioId}`);
    const criterion = scenario.rubric.find((c) => c.id === paraphrase.criterionId);
    if (!criterion)
      throw new Error(`unknown criterion ${paraphrase.scenarioId}/${paraphrase.criterionId}`);
    const result = gradeAttempt({
      scenario,
      answer: { decision: correctDecisionOf(scenario.answer), justification: paraphrase.text },
    });
    const outcome = result.criteria.find((c) => c.id === paraphrase.criterionId);
    const lower = paraphrase.text.toLowerCase();
    return {
      ...paraphrase,
      credited: outcome?.status === 'hit',
      hasRubricPhrase: criterion.phrases.some((phrase) => lower.includes(phrase.toLowerCase())),
    };
  });
}

/** Coverage (share of `credits: true` credited) and false credit (share of `credits: false` credited). */
export type CoverageSummary = {
  positives: number;
  coverage: number;
  /** Coverage over the positives without any of the criterion's own rubric phrases. */
  plainPositives: number;
  plainCoverage: number;
  negatives: number;
  falseCredit: number;
};

export function summarize(outcomes: readonly ParaphraseOutcome[]): CoverageSummary {
  const share = (list: readonly ParaphraseOutcome[]) =>
    list.length === 0 ? 0 : list.filter((o) => o.credited).length / list.length;
  const positives = outcomes.filter((o) => o.credits);
  const plain = positives.filter((o) => !o.hasRubricPhrase);
  const negatives = outcomes.filter((o) => !o.credits);
  return {
    positives: positives.length,
    coverage: share(positives),
    plainPositives: plain.length,
    plainCoverage: share(plain),
    negatives: negatives.length,
    falseCredit: share(negatives),
  };
}
