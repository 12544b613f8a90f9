import type { MemberEvidence, TrackContent } from './evidence';
import { memberCompetencyRecall } from './recall';

/** Weight of predicted recall in readiness; rubric scores get the rest. */
export const RECALL_WEIGHT = 0.6;
export const READY_AT = 0.85;
export const DEVELOPING_AT = 0.6;

export type ReadinessLevel = 'ready' | 'developing' | 'gap' | 'no-evidence';

export type CompetencyReadiness = {
  competency: string;
  /** Mean ts-fsrs retrievability of the competency's deck cards at `at` (unreviewed = 0). */
  recall: number;
  cardsReviewed: number;
  cardsTotal: number;
  /** Mean best rubric score (0..1) over the competency's scenarios the member attempted; null if none. */
  rubric: number | null;
  scenariosAttempted: number;
  /** RECALL_WEIGHT·recall + (1 − RECALL_WEIGHT)·rubric; recall alone without rubric scores; null without any evidence. */
  readiness: number | null;
  level: ReadinessLevel;
};

/** How readiness is computed, for the legend next to the matrix. */
export const READINESS_LEGEND = [
  `Recall: the mean predicted probability (FSRS retrievability) of recalling each of the competency's flashcards on the chosen date; cards never studied count as 0.`,
  `Rubric: the mean of the member's best scenario scores (0–100 %) over the competency's scenarios they attempted.`,
  `Readiness = ${RECALL_WEIGHT} × recall + ${(1 - RECALL_WEIGHT).toFixed(1)} × rubric, or recall alone when no scenario was attempted; blank when there is no evidence at all.`,
  `Ready ≥ ${READY_AT * 100} %, developing ≥ ${DEVELOPING_AT * 100} %, gap below.`,
] as const;

export function readinessLevel(value: number | null): ReadinessLevel {
  if (value === null) return 'no-evidence';
  if (value >= READY_AT) return 'ready';
  if (value >= DEVELOPING_AT) return 'developing';
  return 'gap';
}

/** Readiness of one member in one competency at `at`. */
export function competencyReadiness(args: {
  competency: string;
  evidence: MemberEvidence;
  content: TrackContent;
  at: Date;
}): CompetencyReadiness {
  const { competency, evidence, content, at } = args;
  const recall = memberCompetencyRecall(
    evidence,
    competency,
    content.competencyCards.get(competency) ?? [],
    at,
  );
  const bests: number[] = [];
  for (const scenarioId of content.competencyScenarios.get(competency) ?? []) {
    const attempts = evidence.scenarios.get(scenarioId);
    if (!attempts || attempts.length === 0) continue;
    bests.push(Math.max(...attempts.map((a) => a.score)));
  }
  const rubric = bests.length === 0 ? null : bests.reduce((s, b) => s + b, 0) / bests.length / 100;
  const hasEvidence = recall.reviewed > 0 || rubric !== null;
  const readiness = !hasEvidence
    ? null
    : rubric === null
      ? recall.recall
      : RECALL_WEIGHT * recall.recall + (1 - RECALL_WEIGHT) * rubric;
  return {
    competency,
    recall: recall.recall,
    cardsReviewed: recall.reviewed,
    cardsTotal: recall.total,
    rubric,
    scenariosAttempted: bests.length,
    readiness,
    level: readinessLevel(readiness),
  };
}

/** Mean of the non-null values, or null. */
export function meanOrNull(values: ReadonlyArray<number | null>): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : present.reduce((s, v) => s + v, 0) / present.length;
}
