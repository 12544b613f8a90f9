import type { CompetencyRecall, RecallCard } from './recall';

/** One scored attempt (scenario best-of, interview scorecard), score 0..100. */
export type ScoredAttempt = { score: number; at: Date };

/**
 * Evidence from areas built elsewhere (simulator challenges, mock interviews). The data source
 * is chosen in lib/teams/evidence.ts; until those tables exist it reports no evidence.
 */
export type ExternalEvidence = {
  /** When the member first passed the challenge, or null. */
  challengePassed(challengeId: string): Date | null;
  /** The member's best interview score (0..100) for a template, with its time, or null. */
  interviewScore(templateId: string): ScoredAttempt | null;
};

export const NO_EXTERNAL_EVIDENCE: ExternalEvidence = {
  challengePassed: () => null,
  interviewScore: () => null,
};

/** Everything progress is derived from for one member: rows that already exist, read as-is. */
export type MemberEvidence = {
  /** lessonId → completion time. */
  lessons: ReadonlyMap<string, Date>;
  /** cardId → FSRS memory state (cards never reviewed are absent; may be empty when `recallAt` is given). */
  cards: ReadonlyMap<string, RecallCard>;
  /**
   * Competency recall already computed (by the database) for one instant; used instead of
   * `cards` when asked for exactly that instant.
   */
  recallAt?: { at: Date; byCompetency: ReadonlyMap<string, CompetencyRecall> };
  /** scenarioId → attempts (any order). */
  scenarios: ReadonlyMap<string, readonly ScoredAttempt[]>;
  external: ExternalEvidence;
};

/** Deck and scenario facts from content that derivation needs. */
export type TrackContent = {
  /** competency → deck card ids. */
  competencyCards: ReadonlyMap<string, readonly string[]>;
  /** competency → scenario ids that exercise it. */
  competencyScenarios: ReadonlyMap<string, readonly string[]>;
  /** id → display title for lessons and scenarios. */
  titles: ReadonlyMap<string, string>;
};
