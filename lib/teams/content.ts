import 'server-only';
import path from 'node:path';
import { loadDeck } from '@/lib/content/deck';
import { getLessonPack } from '@/lib/content/lessons';
import { processCached } from '@/lib/content/process-cache';
import { listScenarios } from '@/lib/content/scenarios';
import { ContentError } from '@/lib/content/content-error';
import { readTrackTemplates } from '@/lib/content/track-template-pack';
import type { TrackContent } from '@/lib/tracks/evidence';
import type { TrackTemplate } from '@/lib/tracks/schema';

const TEMPLATE_DIR = path.join(process.cwd(), 'content', 'tracks');

/** Every track template, validated once per process (invalid content throws, naming the file). */
export const listTrackTemplates: () => Promise<TrackTemplate[]> = processCached(async () => {
  const scenarios = await listScenarios();
  const { templates, problems } = await readTrackTemplates(
    TEMPLATE_DIR,
    new Set(scenarios.map((s) => s.id)),
  );
  if (problems.length > 0) throw new ContentError(problems);
  return templates;
});

export async function getTrackTemplate(templateId: string): Promise<TrackTemplate | null> {
  return (await listTrackTemplates()).find((t) => t.id === templateId) ?? null;
}

/** Content facts progress derivation needs: deck cards and scenarios per competency, titles. */
export const getTrackContent: () => Promise<TrackContent> = processCached(async () => {
  const [deck, pack, scenarios] = await Promise.all([loadDeck(), getLessonPack(), listScenarios()]);
  const competencyCards = new Map<string, string[]>();
  for (const card of deck.cards) {
    const list = competencyCards.get(card.competency) ?? [];
    list.push(card.id);
    competencyCards.set(card.competency, list);
  }
  const competencyScenarios = new Map<string, string[]>();
  for (const scenario of scenarios) {
    for (const competency of scenario.competencies) {
      const list = competencyScenarios.get(competency) ?? [];
      list.push(scenario.id);
      competencyScenarios.set(competency, list);
    }
  }
  const titles = new Map<string, string>();
  for (const lesson of pack.lessons) titles.set(lesson.id, lesson.title);
  for (const scenario of scenarios) titles.set(scenario.id, scenario.title);
  return { competencyCards, competencyScenarios, titles };
});

/** True when `scenarioId` names a scenario in content. */
export async function scenarioExists(scenarioId: string): Promise<boolean> {
  return (await listScenarios()).some((s) => s.id === scenarioId);
}
