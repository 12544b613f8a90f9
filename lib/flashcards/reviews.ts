import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { invalidateUserData } from '@/lib/cache/user-data';
import { Prisma } from '@/lib/generated/prisma/client';
import { isGrade, stateName } from '@/lib/srs/card';
import type { CardStateName, SrsCard, SrsGrade } from '@/lib/srs/card';
import { applyReview, reviewSnapshotSchema, StaleUndoError, undoReview } from '@/lib/srs/review';
import type { ReviewSnapshot } from '@/lib/srs/review';
import { CARD_STATE_SELECT, cardToRowData, rowToCard } from './card-state';
import { getStudyCard } from './catalog';
import { FlashcardError } from './errors';
import { getSrsSettings } from './settings';

/** Accepted idempotency keys: what crypto.randomUUID() and similar generators produce. */
export const idempotencyKeySchema = z
  .string()
  .min(8, { error: 'idempotencyKey is too short' })
  .max(100, { error: 'idempotencyKey is too long' })
  .regex(/^[A-Za-z0-9_:-]+$/, { error: 'idempotencyKey has invalid characters' });

export const cardIdSchema = z
  .string()
  .min(1, { error: 'cardId is required' })
  .max(200, { error: 'cardId is too long' });

export type RecordReviewInput = {
  userId: string;
  cardId: string;
  grade: number;
  idempotencyKey: string;
  now: Date;
  /** Time the learner spent on the card, for the review log. */
  durationMs?: number | null;
};

/** The outcome of one review (identical for a repeated submission of the same key). */
export type RecordedReview = {
  reviewId: string;
  cardId: string;
  grade: SrsGrade;
  reviewedAt: Date;
  due: Date;
  state: CardStateName;
  /** True when this key had already been recorded and nothing new was written. */
  duplicate: boolean;
};

// Optimistic concurrency: a write that lost a race re-reads and tries again.
const MAX_ATTEMPTS = 8;

class LostRace extends Error {}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

function parseSnapshot(text: string | null): ReviewSnapshot | null {
  if (!text) return null;
  try {
    const parsed = reviewSnapshotSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

async function findRecorded(
  userId: string,
  idempotencyKey: string,
): Promise<RecordedReview | null> {
  const log = await db.reviewLog.findUnique({
    where: { userId_idempotencyKey: { userId, idempotencyKey } },
    select: { id: true, cardId: true, rating: true, review: true, previousState: true },
  });
  if (!log) return null;
  const snapshot = parseSnapshot(log.previousState);
  return {
    reviewId: log.id,
    cardId: log.cardId,
    grade: (isGrade(log.rating) ? log.rating : 3) as SrsGrade,
    reviewedAt: log.review,
    due: snapshot ? new Date(snapshot.after.due) : log.review,
    state: snapshot ? stateName(snapshot.after.state) : 'review',
    duplicate: true,
  };
}

/**
 * Records one review in a single transaction: the new CardState (ts-fsrs `next` at `now`)
 * and an append-only ReviewLog row with the undo snapshot. The same `idempotencyKey`
 * records once; a repeat returns the first result. Throws FlashcardError for an invalid
 * grade or key, or a card the user may not review (unknown, or another user's personal card).
 */
export async function recordReview(input: RecordReviewInput): Promise<RecordedReview> {
  try {
    return await recordReviewOnce(input);
  } finally {
    // Due counts, streak and stats change with every review: drop the cached ones.
    await invalidateUserData(input.userId);
  }
}

async function recordReviewOnce(input: RecordReviewInput): Promise<RecordedReview> {
  const { userId, cardId, grade, now } = input;
  if (!isGrade(grade))
    throw new FlashcardError(
      'invalid-grade',
      'Grade must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy).',
    );
  const key = idempotencyKeySchema.safeParse(input.idempotencyKey);
  if (!key.success)
    throw new FlashcardError(
      'invalid-input',
      key.error.issues[0]?.message ?? 'Invalid idempotencyKey',
    );
  const idempotencyKey = key.data;
  if (!cardIdSchema.safeParse(cardId).success)
    throw new FlashcardError('card-not-found', 'That card does not exist.');
  const durationMs =
    typeof input.durationMs === 'number' && Number.isFinite(input.durationMs)
      ? Math.min(Math.max(0, Math.round(input.durationMs)), 3_600_000)
      : null;

  // Independent reads, issued together to shorten the request (not a consistency boundary:
  // the transaction below re-reads the card and the unique key settles races).
  const [earlier, studyCard, settings] = await Promise.all([
    findRecorded(userId, idempotencyKey),
    getStudyCard({ userId, cardId }),
    getSrsSettings({ userId }),
  ]);
  if (earlier) return earlier;
  if (!studyCard) throw new FlashcardError('card-not-found', 'That card does not exist.');

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    try {
      const result: RecordedReview | null = await db.$transaction(async (tx) => {
        // Re-check the key inside the transaction: on SQLite transactions are serialized, so a
        // concurrent duplicate is seen here and the transaction ends without a failing insert.
        const recorded = await tx.reviewLog.findUnique({
          where: { userId_idempotencyKey: { userId, idempotencyKey } },
          select: { id: true },
        });
        if (recorded) return null;
        const row = await tx.cardState.findUnique({
          where: { userId_cardId: { userId, cardId } },
          select: CARD_STATE_SELECT,
        });
        const applied = applyReview(row ? rowToCard(row) : null, grade, now, settings);
        const data = cardToRowData(applied.card);
        if (row) {
          // Compare-and-set on (reps, due): a concurrent review of this card makes this a no-op.
          const { count } = await tx.cardState.updateMany({
            where: { id: row.id, userId, reps: row.reps, due: row.due },
            data,
          });
          if (count !== 1) throw new LostRace();
        } else {
          await tx.cardState.create({ data: { userId, cardId, ...data }, select: { id: true } });
        }
        const { log } = applied;
        const created = await tx.reviewLog.create({
          data: {
            userId,
            cardId,
            rating: log.rating,
            state: log.state,
            due: log.due,
            stability: log.stability,
            difficulty: log.difficulty,
            elapsedDays: log.elapsed_days,
            lastElapsedDays: log.last_elapsed_days,
            scheduledDays: log.scheduled_days,
            learningSteps: log.learning_steps,
            review: log.review,
            durationMs,
            previousState: JSON.stringify(applied.snapshot),
            idempotencyKey,
          },
          select: { id: true },
        });
        return {
          reviewId: created.id,
          cardId,
          grade,
          reviewedAt: log.review,
          due: applied.card.due,
          state: stateName(applied.card.state),
          duplicate: false,
        };
      });
      if (result) return result;
      const recorded = await findRecorded(userId, idempotencyKey);
      if (recorded) return recorded;
    } catch (error) {
      if (!(error instanceof LostRace) && !isUniqueViolation(error)) throw error;
      // Either the same key was recorded concurrently (return that result) or the card
      // state changed under us (retry on the fresh state).
      const recorded = await findRecorded(userId, idempotencyKey);
      if (recorded) return recorded;
    }
  }
  throw new FlashcardError('busy', 'Too many simultaneous reviews of this card; please try again.');
}

/** What an undo restored. */
export type UndoneReview = { reviewId: string; cardId: string; grade: SrsGrade };

/**
 * Undoes the user's most recent review that is not undone yet: restores the exact previous
 * CardState from the snapshot (deleting it when the card had never been reviewed) and marks
 * the log row `undoneAt` (the log stays append-only). Throws FlashcardError 'nothing-to-undo'.
 */
export async function undoLastReview({
  userId,
  now,
}: {
  userId: string;
  now: Date;
}): Promise<UndoneReview> {
  try {
    return await undoLastReviewOnce({ userId, now });
  } finally {
    await invalidateUserData(userId);
  }
}

async function undoLastReviewOnce({
  userId,
  now,
}: {
  userId: string;
  now: Date;
}): Promise<UndoneReview> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    try {
      // Refusals are returned, not thrown: the transaction commits as a no-op and the
      // refusal becomes a typed error outside it.
      const outcome = await db.$transaction(
        async (tx): Promise<UndoneReview | { refused: string }> => {
          const log = await tx.reviewLog.findFirst({
            where: { userId, undoneAt: null },
            orderBy: [{ review: 'desc' }, { id: 'desc' }],
            select: { id: true, cardId: true, rating: true, previousState: true },
          });
          if (!log) return { refused: 'There is no review to undo.' };
          const snapshot = parseSnapshot(log.previousState);
          if (!snapshot) return { refused: 'This review cannot be undone.' };
          const row = await tx.cardState.findUnique({
            where: { userId_cardId: { userId, cardId: log.cardId } },
            select: CARD_STATE_SELECT,
          });
          let previous: SrsCard | null;
          try {
            previous = undoReview(row ? rowToCard(row) : null, snapshot);
          } catch (error) {
            if (error instanceof StaleUndoError) return { refused: error.message };
            throw error;
          }
          if (!row) return { refused: 'This review cannot be undone.' };
          const guard = { id: row.id, userId, reps: row.reps, due: row.due };
          const { count } = previous
            ? await tx.cardState.updateMany({ where: guard, data: cardToRowData(previous) })
            : await tx.cardState.deleteMany({ where: guard });
          if (count !== 1) throw new LostRace();
          const marked = await tx.reviewLog.updateMany({
            where: { id: log.id, userId, undoneAt: null },
            data: { undoneAt: now },
          });
          if (marked.count !== 1) throw new LostRace();
          return {
            reviewId: log.id,
            cardId: log.cardId,
            grade: (isGrade(log.rating) ? log.rating : 3) as SrsGrade,
          };
        },
      );
      if ('refused' in outcome) throw new FlashcardError('nothing-to-undo', outcome.refused);
      return outcome;
    } catch (error) {
      if (!(error instanceof LostRace)) throw error;
    }
  }
  throw new FlashcardError('busy', 'The review could not be undone right now; please try again.');
}
