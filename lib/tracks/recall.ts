import { State, computeDecayFactor, forgetting_curve, generatorParameters } from 'ts-fsrs';
import { DAY_MS } from '@/lib/srs/time';

/** The part of an FSRS card that predicted recall depends on. */
export type RecallCard = { state: number; stability: number; lastReview: Date | null };

// The forgetting curve depends on stability and elapsed days only (not on desired retention),
// with the decay of the FSRS-6 default weights lib/srs schedules with.
const WEIGHTS = generatorParameters({ enable_fuzz: false, enable_short_term: true }).w;

/** FSRS forgetting-curve constants: R(t) = (1 + FACTOR · t / S) ^ DECAY, t in whole days. */
export const FORGETTING_CURVE = computeDecayFactor(WEIGHTS);

/**
 * FSRS probability of recalling a card at `at`: ts-fsrs `forgetting_curve` over whole elapsed
 * days, exactly as `FSRS.get_retrievability` computes it (0 for a card never reviewed). Called
 * directly because the dashboard evaluates it tens of thousands of times per request.
 */
export function retrievability(card: RecallCard | undefined, at: Date): number {
  if (!card || card.state === State.New || !card.lastReview || !(card.stability > 0)) return 0;
  const days = Math.max(Math.floor((at.getTime() - card.lastReview.getTime()) / DAY_MS), 0);
  return forgetting_curve(WEIGHTS, days, +card.stability.toFixed(8));
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
  cards: ReadonlyMap<string, RecallCard>,
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
    if (card.lastReview && (!lastReview || card.lastReview > lastReview))
      lastReview = card.lastReview;
  }
  return {
    recall: cardIds.length === 0 ? 0 : sum / cardIds.length,
    reviewed,
    total: cardIds.length,
    lastReview,
  };
}

/** Recall of a competency for a member: the precomputed value for that instant, else from cards. */
export function memberCompetencyRecall(
  evidence: {
    cards: ReadonlyMap<string, RecallCard>;
    recallAt?: { at: Date; byCompetency: ReadonlyMap<string, CompetencyRecall> };
  },
  competency: string,
  cardIds: readonly string[],
  at: Date,
): CompetencyRecall {
  if (evidence.recallAt && evidence.recallAt.at.getTime() === at.getTime()) {
    return (
      evidence.recallAt.byCompetency.get(competency) ?? {
        recall: 0,
        reviewed: 0,
        total: cardIds.length,
        lastReview: null,
      }
    );
  }
  return competencyRecall(cardIds, evidence.cards, at);
}
