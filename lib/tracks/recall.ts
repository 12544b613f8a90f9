import { State } from 'ts-fsrs';
import type { SrsCard } from '@/lib/srs/card';
import { schedulerFor } from '@/lib/srs/settings';

// The forgetting curve depends on stability and elapsed time only, not on desired retention,
// so any scheduler computes the same retrievability.
const scheduler = schedulerFor({ desiredRetention: 0.9 });

/** FSRS probability of recalling `card` at `at` (0 for a card never reviewed). */
export function retrievability(card: SrsCard | undefined, at: Date): number {
  if (!card || card.state === State.New || !card.last_review) return 0;
  if (at.getTime() <= card.last_review.getTime()) return 1;
  return scheduler.get_retrievability(card, at, false);
}

export type CompetencyRecall = {
  /** Mean predicted recall over the competency's deck cards, unreviewed cards counting 0. */
  recall: number;
  reviewed: number;
  total: number;
  /** Latest review among the cards, null if none. */
  lastReview: Date | null;
};

/** Predicted recall of a competency's cards at `at` (ts-fsrs retrievability, averaged). */
export function competencyRecall(
  cardIds: readonly string[],
  cards: ReadonlyMap<string, SrsCard>,
  at: Date,
): CompetencyRecall {
  let sum = 0;
  let reviewed = 0;
  let lastReview: Date | null = null;
  for (const id of cardIds) {
    const card = cards.get(id);
    if (!card || card.state === State.New) continue;
    reviewed += 1;
    sum += retrievability(card, at);
    if (card.last_review && (!lastReview || card.last_review > lastReview))
      lastReview = card.last_review;
  }
  return {
    recall: cardIds.length === 0 ? 0 : sum / cardIds.length,
    reviewed,
    total: cardIds.length,
    lastReview,
  };
}
