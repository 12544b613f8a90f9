import path from 'node:path';
import { validateAttempt } from '@/lib/grading/answer-input';
import { correctDecisionOf } from '@/lib/grading/decision';
import { extractFeatures } from '@/lib/grading/grade-attempt';
import type { ContentChecker } from './content-error';
import { readScenarioDir } from './scenario-pack';
import type { Scenario } from './scenario-schema';

// `content:check` entry for the expert error catalogue (error-catalogue.ts): every scenario has
// one, and no text the expert wrote for a scenario (model answers, why, the prediction's
// explanation, criterion and wrong-turn feedback) states one of its wrong claims: a claim that
// matches the expert's own words is a pattern that would mark correct answers wrong.

/** The texts an expert wrote for a scenario, each with its field name. */
function expertTexts(scenario: Scenario): Array<[string, string]> {
  return [
    ['modelAnswer.senior', scenario.modelAnswer.senior],
    ['modelAnswer.junior', scenario.modelAnswer.junior],
    ['why', scenario.why],
    ['simulator.prediction.explanation', scenario.simulator?.prediction?.explanation],
    ...scenario.rubric.map((criterion): [string, string] => [`rubric.${criterion.id}.missedFeedback`, criterion.missedFeedback]),
    ...scenario.wrongTurns.map((wrongTurn): [string, string] => [`wrongTurns.${wrongTurn.id}.feedback`, wrongTurn.feedback]),
  ].filter((entry): entry is [string, string] => typeof entry[1] === 'string');
}


/** Problems of the catalogue against the expert texts (one line per claim an expert text trips). */
export function expertTextProblems(scenarios: readonly Scenario[]): string[] {
  const problems: string[] = [];
  for (const scenario of scenarios) {
    if (!scenario.errorClaims) continue;
    const file = `content/service-mesh/error-catalogue/${scenario.id}.md`;
    for (const [field, text] of expertTexts(scenario)) {
      const attempt = validateAttempt(scenario, { decision: correctDecisionOf(scenario.answer), justification: text });
      if (!attempt.ok) continue;
      for (const hit of extractFeatures(scenario, attempt.attempt).errorClaims)
        problems.push(`${file}: claims.${hit.claimId}: matches the scenario's own ${field} ("${hit.text}")`);
    }
  }
  return problems;
}

export const errorCatalogueChecker: ContentChecker = {
  name: 'error catalogue',
  async check(contentRoot) {
    const { scenarios, problems } = await readScenarioDir(path.join(contentRoot, 'service-mesh', 'scenarios'));
    for (const scenario of scenarios)
      if (!scenario.errorClaims) problems.push(`content/service-mesh/error-catalogue/${scenario.id}.md: (root): missing (every scenario needs an error catalogue)`);
    problems.push(...expertTextProblems(scenarios));
    const claims = scenarios.reduce((sum, scenario) => sum + (scenario.errorClaims?.length ?? 0), 0);
    return { problems, summary: `${claims} claims over ${scenarios.filter((scenario) => scenario.errorClaims).length} scenarios` };
  },
};
