import 'server-only';
import path from 'node:path';
import { processCached } from './process-cache';
import { loadScenarioDir } from './scenario-pack';
import type { Scenario, ScenarioKind } from './scenario-schema';

// Server-only access to the scenario pack for pages and server actions. Invalid content
// throws a ContentError naming the file and the field (the build fails on it).

const SCENARIO_DIR = path.join(process.cwd(), 'content', 'service-mesh', 'scenarios');

/** Compact list entry (no rubric, no model answers) for list pages and recommendations. */
export type ScenarioSummary = {
  id: string;
  kind: ScenarioKind;
  title: string;
  difficulty: 1 | 2 | 3;
  competencies: Scenario['competencies'];
  lessonIds: Scenario['lessonIds'];
  hasSimulator: boolean;
};

/** Every scenario, sorted by difficulty then title; read once per process (see processCached). */
export const listScenarios: () => Promise<Scenario[]> = processCached(async () =>
  [...(await loadScenarioDir(SCENARIO_DIR))].sort(
    (a, b) => a.difficulty - b.difficulty || a.title.localeCompare(b.title, 'en'),
  ),
);

/** One scenario by id, or null. */
export async function getScenario(scenarioId: string): Promise<Scenario | null> {
  return (await listScenarios()).find((scenario) => scenario.id === scenarioId) ?? null;
}

/** List entries for every scenario (derived once per process, like the scenarios). */
export const listScenarioSummaries: () => Promise<ScenarioSummary[]> = processCached(async () =>
  (await listScenarios()).map((scenario) => ({
    id: scenario.id,
    kind: scenario.kind,
    title: scenario.title,
    difficulty: scenario.difficulty,
    competencies: scenario.competencies,
    lessonIds: scenario.lessonIds,
    hasSimulator: scenario.simulator !== undefined,
  })),
);
