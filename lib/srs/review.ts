import { z } from 'zod';
import type { ReviewLog } from 'ts-fsrs';
import {
  GRADES,
  initialCard,
  isGrade,
  sameCard,
  serializeCard,
  deserializeCard,
  serializedCardSchema,
} from './card';
import type { SrsCard, SrsGrade } from './card';
import { schedulerFor } from './settings';
import type { SrsSettings } from './settings';
import { formatInterval } from './time';

/** What pressing one grade button would do. */
export type IntervalPreview = {
  grade: SrsGrade;
  due: Date;
  /** Milliseconds from `now` to the new due time. */
  intervalMs: number;
  /** Anki-style label, e.g. "10m" or "4d". */
  label: string;
};

/** Next due time for every grade, computed by ts-fsrs `repeat` at `now`. */
export function previewIntervals(
  card: SrsCard,
  now: Date,
  settings: Pick<SrsSettings, 'desiredRetention'>,
): Record<SrsGrade, IntervalPreview> {
  const preview = schedulerFor(settings).repeat(card, now);
  const entries = GRADES.map((grade) => {
    const due = preview[grade].card.due;
    const intervalMs = Math.max(0, due.getTime() - now.getTime());
    return [grade, { grade, due, intervalMs, label: formatInterval(intervalMs) }] as const;
  });
  return Object.fromEntries(entries) as Record<SrsGrade, IntervalPreview>;
}

/** Snapshot kept with each review so undo restores the exact prior card. */
export const reviewSnapshotSchema = z.object({
  v: z.literal(1),
  /** Card before the review; null when the card had never been reviewed (no stored state). */
  before: serializedCardSchema.nullable(),
  /** Card right after the review, to detect a stale undo and to answer idempotent repeats. */
  after: serializedCardSchema,
});

export type ReviewSnapshot = z.infer<typeof reviewSnapshotSchema>;

/** Result of grading a card. */
export type AppliedReview = {
  card: SrsCard;
  /** ts-fsrs review log: the memory state *before* the review, rating and review time. */
  log: ReviewLog;
  snapshot: ReviewSnapshot;
};

/**
 * Grade `card` at `now` with ts-fsrs `next`. `card` is null for a never-reviewed card,
 * which starts as `initialCard(now)`.
 */
export function applyReview(
  card: SrsCard | null,
  grade: number,
  now: Date,
  settings: Pick<SrsSettings, 'desiredRetention'>,
): AppliedReview {
  if (!isGrade(grade)) throw new RangeError(`grade must be an integer 1..4, got ${String(grade)}`);
  const start = card ?? null;
  const result = schedulerFor(settings).next(start ?? initialCard(now), now, grade);
  return {
    card: result.card,
    log: result.log,
    snapshot: {
      v: 1,
      before: start ? serializeCard(start) : null,
      after: serializeCard(result.card),
    },
  };
}

/** Why an undo cannot be applied. */
export class StaleUndoError extends Error {
  constructor() {
    super('The card changed after this review, so the review cannot be undone.');
    this.name = 'StaleUndoError';
  }
}

/**
 * Undo a review from its snapshot: returns the exact card before it (null = never reviewed).
 * Throws StaleUndoError when `current` is not the state that review produced.
 */
export function undoReview(current: SrsCard | null, snapshot: ReviewSnapshot): SrsCard | null {
  if (!current || !sameCard(current, deserializeCard(snapshot.after))) throw new StaleUndoError();
  return snapshot.before ? deserializeCard(snapshot.before) : null;
}
