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

/** A released live scorecard's dimension ratings (1..4) as one 0..100 score. */
function scorecardScore(scoresJson: string): number | null {
  try {
    const values = Object.values(JSON.parse(scoresJson) as Record<string, unknown>).filter(
      (v): v is number => typeof v === 'number' && v >= 1 && v <= 4,
    );
    if (values.length === 0) return null;
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    return Math.round(((mean - 1) / 3) * 100);
  } catch {
    return null;
  }
}

/**
 * Simulator-challenge and mock-interview evidence for `userIds`, one query per table: a
 * challenge counts from the member's first passing result; an interview score is the best of
 * the member's ended solo sessions (their overall score) and released live scorecards.
 */
export async function loadExternalEvidence(
  userIds: readonly string[],
): Promise<Map<string, ExternalEvidence>> {
  if (userIds.length === 0) return new Map();
  const ids = [...userIds];
  const [solo, live, passes] = await Promise.all([
    db.interviewSession.findMany({
      where: { mode: 'solo', hostId: { in: ids }, status: 'ended', overallScore: { not: null } },
      select: { hostId: true, templateId: true, overallScore: true, endedAt: true },
    }),
    db.interviewSession.findMany({
      where: { mode: 'live', candidateId: { in: ids }, scorecard: { releasedAt: { not: null } } },
      select: {
        candidateId: true,
        templateId: true,
        scorecard: { select: { scores: true, releasedAt: true } },
      },
    }),
    // First passing result per member and challenge.
    db.challengeResult.groupBy({
      by: ['userId', 'challengeId'],
      where: { userId: { in: ids }, passed: true },
      _min: { createdAt: true },
    }),
  ]);
  const passedAt = new Map<string, Map<string, Date>>();
  for (const p of passes) {
    if (!p._min.createdAt) continue;
    const byChallenge = passedAt.get(p.userId) ?? new Map<string, Date>();
    byChallenge.set(p.challengeId, p._min.createdAt);
    passedAt.set(p.userId, byChallenge);
  }
  const best = new Map<string, Map<string, ScoredAttempt>>();
  const offer = (userId: string, templateId: string, attempt: ScoredAttempt) => {
    const byTemplate = best.get(userId) ?? new Map<string, ScoredAttempt>();
    const current = byTemplate.get(templateId);
    if (!current || attempt.score > current.score) byTemplate.set(templateId, attempt);
    best.set(userId, byTemplate);
  };
  for (const s of solo) {
    if (s.overallScore !== null && s.endedAt) {
      offer(s.hostId, s.templateId, { score: s.overallScore, at: s.endedAt });
    }
  }
  for (const s of live) {
    const score = s.scorecard ? scorecardScore(s.scorecard.scores) : null;
    if (s.candidateId && score !== null && s.scorecard?.releasedAt) {
      offer(s.candidateId, s.templateId, { score, at: s.scorecard.releasedAt });
    }
  }
  return new Map(
    ids.map((id) => [
      id,
      {
        challengePassed: (challengeId: string) => passedAt.get(id)?.get(challengeId) ?? null,
        interviewScore: (templateId: string) => best.get(id)?.get(templateId) ?? null,
      },
    ]),
  );
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
