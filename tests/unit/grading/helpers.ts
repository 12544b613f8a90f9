import path from 'node:path';
import { readScenarioDir } from '@/lib/content/scenario-pack';
import type { Scenario } from '@/lib/content/scenario-schema';

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
  const answer = scenario.answer;
  if (answer.type === 'choice') return answer.correct[0] ?? '';
  if (answer.type === 'order') return [...answer.correct];
  return answer.correct;
}
