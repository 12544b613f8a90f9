import { z } from 'zod';
import { createEmptyCard, State, Rating } from 'ts-fsrs';
import type { Card, Grade } from 'ts-fsrs';

/** FSRS memory state of one card (ts-fsrs `Card`): times are `Date`, stability/intervals in days. */
export type SrsCard = Card;

/** 1 Again · 2 Hard · 3 Good · 4 Easy (ts-fsrs `Grade`). */
export type SrsGrade = Grade;

/** All grades in button order. */
export const GRADES: readonly SrsGrade[] = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy];

/** Human names of the grades, indexed by grade. */
export const GRADE_NAMES: Readonly<Record<SrsGrade, string>> = {
  [Rating.Again]: 'Again',
  [Rating.Hard]: 'Hard',
  [Rating.Good]: 'Good',
  [Rating.Easy]: 'Easy',
};

/** Card states as stored in the database (ts-fsrs `State`). */
export const CARD_STATES = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
} as const;

export type CardStateName = keyof typeof CARD_STATES;

/** The lowercase name of a ts-fsrs state number. */
export function stateName(state: State): CardStateName {
  switch (state) {
    case State.Learning:
      return 'learning';
    case State.Review:
      return 'review';
    case State.Relearning:
      return 'relearning';
    default:
      return 'new';
  }
}

/** True when `value` is an integer grade 1..4. */
export function isGrade(value: unknown): value is SrsGrade {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 4;
}

/** A never-reviewed card, due at `now`. */
export function initialCard(now: Date): SrsCard {
  return createEmptyCard(now);
}

/** JSON shape of a card (ISO timestamps) used for snapshots such as the undo state. */
export const serializedCardSchema = z.object({
  due: z.iso.datetime(),
  stability: z.number().finite().nonnegative(),
  difficulty: z.number().finite().nonnegative(),
  elapsedDays: z.number().int().nonnegative(),
  scheduledDays: z.number().int().nonnegative(),
  learningSteps: z.number().int().nonnegative(),
  reps: z.number().int().nonnegative(),
  lapses: z.number().int().nonnegative(),
  state: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  lastReview: z.iso.datetime().nullable(),
});

export type SerializedCard = z.infer<typeof serializedCardSchema>;

/** Card → JSON-safe snapshot (lossless: Date keeps millisecond precision). */
export function serializeCard(card: SrsCard): SerializedCard {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as SerializedCard['state'],
    lastReview: card.last_review ? card.last_review.toISOString() : null,
  };
}

/** JSON snapshot → card. */
export function deserializeCard(snapshot: SerializedCard): SrsCard {
  const card: SrsCard = {
    due: new Date(snapshot.due),
    stability: snapshot.stability,
    difficulty: snapshot.difficulty,
    elapsed_days: snapshot.elapsedDays,
    scheduled_days: snapshot.scheduledDays,
    learning_steps: snapshot.learningSteps,
    reps: snapshot.reps,
    lapses: snapshot.lapses,
    state: snapshot.state as State,
  };
  if (snapshot.lastReview) card.last_review = new Date(snapshot.lastReview);
  return card;
}

/** Field-by-field equality of two cards (dates compared by time value). */
export function sameCard(a: SrsCard, b: SrsCard): boolean {
  return (
    a.due.getTime() === b.due.getTime() &&
    a.stability === b.stability &&
    a.difficulty === b.difficulty &&
    a.elapsed_days === b.elapsed_days &&
    a.scheduled_days === b.scheduled_days &&
    a.learning_steps === b.learning_steps &&
    a.reps === b.reps &&
    a.lapses === b.lapses &&
    a.state === b.state &&
    (a.last_review?.getTime() ?? null) === (b.last_review?.getTime() ?? null)
  );
}
