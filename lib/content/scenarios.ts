import 'server-only';
import path from 'node:path';
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

let cache: Promise<Scenario[]> | null = null;

/** Every scenario, sorted by difficulty then title; cached per process outside development. */
export function listScenarios(): Promise<Scenario[]> {
  if (cache && process.env.NODE_ENV !== 'development') return cache;
  const loading = loadScenarioDir(SCENARIO_DIR).then((scenarios) =>
    [...scenarios].sort((a, b) => a.difficulty - b.difficulty || a.title.localeCompare(b.title, 'en')),
  );
  cache = loading;
  // Do not keep a failed load cached: the next request retries.
  loading.catch(() => {
    if (cache === loading) cache = null;
  });
  return loading;
}

/** One scenario by id, or null. */
export async function getScenario(scenarioId: string): Promise<Scenario | null> {
  return (await listScenarios()).find((scenario) => scenario.id === scenarioId) ?? null;
}

/** List entries for every scenario. */
export async function listScenarioSummaries(): Promise<ScenarioSummary[]> {
  return (await listScenarios()).map((scenario) => ({
    id: scenario.id,
    kind: scenario.kind,
    title: scenario.title,
    difficulty: scenario.difficulty,
    competencies: scenario.competencies,
    lessonIds: scenario.lessonIds,
    hasSimulator: scenario.simulator !== undefined,
  }));
}
