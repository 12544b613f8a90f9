import 'server-only';
import type { State } from 'ts-fsrs';
import type { SrsCard } from '@/lib/srs/card';

/** Columns of CardState that hold the FSRS card (plus id/reps for optimistic updates). */
export const CARD_STATE_SELECT = {
  id: true,
  cardId: true,
  due: true,
  stability: true,
  difficulty: true,
  elapsedDays: true,
  scheduledDays: true,
  learningSteps: true,
  reps: true,
  lapses: true,
  state: true,
  lastReview: true,
} as const;

export type CardStateRow = {
  id: string;
  cardId: string;
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: Date | null;
};

/** Database row → ts-fsrs card. */
export function rowToCard(row: CardStateRow): SrsCard {
  const card: SrsCard = {
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsed_days: row.elapsedDays,
    scheduled_days: row.scheduledDays,
    learning_steps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state as State,
  };
  if (row.lastReview) card.last_review = row.lastReview;
  return card;
}

/** ts-fsrs card → CardState columns. */
export function cardToRowData(card: SrsCard) {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as number,
    lastReview: card.last_review ?? null,
  };
}
