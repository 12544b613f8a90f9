import type { Scenario } from '@/lib/content/scenario-schema';
import type { GradeResult } from '@/lib/grading/types';

// Which personal flashcards a graded attempt produces. Pure: the data-access layer writes them.

/** A personal card to create once per user and `sourceKey`. */
export type MistakeCard = {
  sourceKey: string;
  front: string;
  back: string;
  scenarioId: string;
  lessonId: string | null;
  tags: string[];
};

const FRONT_MAX = 300;
const BACK_MAX = 600;

function clip(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}

/** Stable key of a missed rubric concept: `scenario:<scenarioId>:concept:<criterionId>`. */
export const conceptSourceKey = (scenarioId: string, criterionId: string) =>
  `scenario:${scenarioId}:concept:${criterionId}`;
/** Stable key of a wrong prediction: `scenario:<scenarioId>:prediction`. */
export const predictionSourceKey = (scenarioId: string) => `scenario:${scenarioId}:prediction`;

/** One card per missed concept and one for a wrong (answered) prediction. */
export function mistakeCardsFor(scenario: Scenario, result: GradeResult): MistakeCard[] {
  const cards: MistakeCard[] = [];
  const tags = [...scenario.competencies];
  for (const criterion of result.criteria) {
    if (criterion.status !== 'missed') continue;
    const authored = scenario.rubric.find((c) => c.id === criterion.id);
    cards.push({
      sourceKey: conceptSourceKey(scenario.id, criterion.id),
      front: clip(
        `${scenario.title} — what does a strong answer say about “${criterion.concept}”?`,
        FRONT_MAX,
      ),
      back: clip(authored?.missedFeedback ?? criterion.feedback, BACK_MAX),
      scenarioId: scenario.id,
      lessonId: criterion.lessonId,
      tags,
    });
  }
  const prediction = scenario.simulator?.prediction;
  if (prediction && result.prediction?.answered && !result.prediction.correct) {
    cards.push({
      sourceKey: predictionSourceKey(scenario.id),
      front: clip(prediction.prompt, FRONT_MAX),
      back: clip(`${result.prediction.expected}. ${prediction.explanation}`, BACK_MAX),
      scenarioId: scenario.id,
      lessonId: scenario.lessonIds[0] ?? null,
      tags,
    });
  }
  return cards;
}
