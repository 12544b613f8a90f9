import path from 'node:path';
import { readScenarioDir } from '@/lib/content/scenario-pack';
import type { Scenario } from '@/lib/content/scenario-schema';
import { correctDecisionOf } from '@/lib/grading/decision';

/** Loads the fixture scenarios (tests/fixtures/scenarios) once, failing loudly on invalid files. */
export async function loadFixtureScenarios(): Promise<Map<string, Scenario>> {
  const { scenarios, problems } = await readScenarioDir(
    path.resolve(import.meta.dirname, '../../fixtures/scenarios'),
  );
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return new Map(scenarios.map((scenario) => [scenario.id, scenario]));
}

/** The fixture with `id`, or a thrown error naming it. */
export function fixture(scenarios: Map<string, Scenario>, id: string): Scenario {
  const scenario = scenarios.get(id);
  if (!scenario) throw new Error(`missing fixture scenario ${id}`);
  return scenario;
}

/** The scenario's correct decision in the form a stored attempt holds (first correct option). */
export function correctDecision(scenario: Scenario): string | string[] | number {
  return correctDecisionOf(scenario.answer);
}

/**
 * The authored scenarios (content/service-mesh/scenarios), their load problems, and a lookup
 * by id that throws on a missing one, for tests that grade against the real content.
 */
export async function loadAuthoredScenarios(): Promise<{
  scenarios: Scenario[];
  problems: string[];
  scenario: (id: string) => Scenario;
}> {
  const { scenarios, problems } = await readScenarioDir(
    path.resolve(import.meta.dirname, '../../../content/service-mesh/scenarios'),
  );
  const byId = new Map(scenarios.map((entry) => [entry.id, entry]));
  return {
    scenarios,
    problems,
    scenario: (id) => {
      const found = byId.get(id);
      if (!found) throw new Error(`missing scenario ${id}`);
      return found;
    },
  };
}

/** Every text an expert wrote for the scenario: model answers, why, the prediction's
 * explanation, missed-criterion feedback and wrong-turn feedback. No check may flag these. */
export function expertTexts(scenario: Scenario): string[] {
  return [
    scenario.modelAnswer.senior,
    scenario.modelAnswer.junior,
    scenario.why,
    scenario.simulator?.prediction?.explanation,
    ...scenario.rubric.map((criterion) => criterion.missedFeedback),
    ...scenario.wrongTurns.map((wrongTurn) => wrongTurn.feedback),
  ].filter((text): text is string => typeof text === 'string');
}
