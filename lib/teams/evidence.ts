import 'server-only';
import { db } from '@/lib/db';
import type { RecallCard } from '@/lib/tracks/recall';
import { canSummarizeInDatabase, summarizeRecall } from './recall-summary';
import {
  NO_EXTERNAL_EVIDENCE,
  type ExternalEvidence,
  type MemberEvidence,
  type ScoredAttempt,
  type TrackContent,
} from '@/lib/tracks/evidence';

// Reads the rows progress is derived from, for many members at once (one query per table).
// Callers have already checked that the signed-in user may see these members.

/**
 * Source of simulator-challenge and mock-interview evidence. MERGE POINT: when the challenge
 * results and interview scorecard tables land, replace this with a loader that reads them for
 * `userIds` (one query each) and answers `challengePassed` / `interviewScore` from the rows.
 */
export async function loadExternalEvidence(
  userIds: readonly string[],
): Promise<Map<string, ExternalEvidence>> {
  return new Map(userIds.map((id) => [id, NO_EXTERNAL_EVIDENCE]));
}

/**
 * Evidence per member: lesson completions, FSRS states of deck cards, scenario attempts. With
 * `recallAt` (and SQLite), competency recall at that instant is summed by the database and the
 * card rows are not loaded; asking such evidence about another instant then finds no reviews, so
 * callers that need several dates pass no `recallAt`.
 */
export async function loadEvidence(
  userIds: readonly string[],
  content: TrackContent,
  { recallAt }: { recallAt?: Date } = {},
): Promise<Map<string, MemberEvidence>> {
  const ids = [...new Set(userIds)];
  const deckCardIds = [...content.competencyCards.values()].flat();
  const inDatabase = recallAt !== undefined && canSummarizeInDatabase();
  const [lessons, cards, summary, attempts, external] = await Promise.all([
    db.lessonProgress.findMany({
      where: { userId: { in: ids }, completedAt: { not: null } },
      select: { userId: true, lessonId: true, completedAt: true },
    }),
    inDatabase
      ? Promise.resolve([])
      : db.cardState.findMany({
          where: { userId: { in: ids }, cardId: { in: deckCardIds } },
          select: { userId: true, cardId: true, state: true, stability: true, lastReview: true },
        }),
    inDatabase ? summarizeRecall(ids, content, recallAt) : Promise.resolve(null),
    db.scenarioAttempt.findMany({
      where: { userId: { in: ids } },
      select: { userId: true, scenarioId: true, score: true, createdAt: true },
    }),
    loadExternalEvidence(ids),
  ]);
  const byUser = new Map<
    string,
    {
      lessons: Map<string, Date>;
      cards: Map<string, RecallCard>;
      scenarios: Map<string, ScoredAttempt[]>;
    }
  >();
  for (const id of ids)
    byUser.set(id, { lessons: new Map(), cards: new Map(), scenarios: new Map() });
  for (const row of lessons)
    if (row.completedAt) byUser.get(row.userId)?.lessons.set(row.lessonId, row.completedAt);
  for (const row of cards) byUser.get(row.userId)?.cards.set(row.cardId, row);
  for (const row of attempts) {
    const entry = byUser.get(row.userId);
    if (!entry) continue;
    const list = entry.scenarios.get(row.scenarioId) ?? [];
    list.push({ score: row.score, at: row.createdAt });
    entry.scenarios.set(row.scenarioId, list);
  }
  const result = new Map<string, MemberEvidence>();
  for (const [id, entry] of byUser) {
    const byCompetency = summary?.get(id);
    result.set(id, {
      ...entry,
      external: external.get(id) ?? NO_EXTERNAL_EVIDENCE,
      ...(byCompetency && recallAt ? { recallAt: { at: recallAt, byCompetency } } : {}),
    });
  }
  return result;
}
