import { Rating, State } from 'ts-fsrs';
import type { SrsCard } from './card';
import { schedulerFor } from './settings';
import type { SrsSettings } from './settings';
import { MINUTE_MS, addDays, startOfStudyDay, utcDaysBetween } from './time';

/** A card with stored FSRS state. */
export type PlanCardState = { cardId: string; card: SrsCard };

/** Which of Anki's three queues a planned card comes from. */
export type PlanQueue = 'learning' | 'review' | 'new';

export type PlannedCard = {
  cardId: string;
  queue: PlanQueue;
  /** Due time for stored cards; null for new cards. */
  due: Date | null;
  /** Probability of recall on the interview date (0 for new cards); null without an interview date. */
  retrievabilityAtInterview: number | null;
};

export type InterviewForecast = {
  date: Date;
  /** Whole UTC days from today to the interview day (0 = today). */
  daysLeft: number;
  /** Cards (new ones included) whose recall probability on the date is below desired retention. */
  atRiskCount: number;
  /** Reviews still scheduled before the date if every card is learned on time and graded Good. */
  reviewsRemaining: number;
};

export type DailyPlan = {
  /** Cards to show now, in order (limits applied). */
  queue: PlannedCard[];
  counts: Record<PlanQueue, number>;
  /** Review-state cards due today before the max-reviews cap. */
  dueReviewsTotal: number;
  /** Never-reviewed cards in the deck. */
  newAvailable: number;
  /** Learning cards due later today (beyond the learn-ahead window). */
  learningLater: { count: number; nextDue: Date | null };
  interview: InterviewForecast | null;
};

export type BuildDailyPlanInput = {
  states: readonly PlanCardState[];
  /** Never-reviewed card ids, in the order they should be introduced. */
  newCardIds: readonly string[];
  /** Non-undone reviews already done today: of new cards, and of review-state cards. */
  doneToday: { newCards: number; reviews: number };
  now: Date;
  settings: SrsSettings;
  /** Learning cards due within this window are shown now (Anki's learn-ahead limit, 20 min). */
  learnAheadMs?: number;
};

const DEFAULT_LEARN_AHEAD_MS = 20 * MINUTE_MS;
// Bounds the per-card simulation of future reviews (a Good-only path reaches years in ~15 steps).
const MAX_SIMULATED_REVIEWS = 64;

/**
 * Today's queue, as Anki builds it: learning cards already due (by due), then review cards
 * due today (capped by maxReviewsPerDay minus reviews done), then new cards (capped by
 * newCardsPerDay minus new cards done), and last the learning cards due within the
 * learn-ahead window (shown early only when nothing else is left). With an interview date, cards whose retrievability on
 * that date is below desired retention come first (lowest first), new cards after at-risk
 * reviews and before safe ones.
 */
export function buildDailyPlan(input: BuildDailyPlanInput): DailyPlan {
  const { now, settings } = input;
  const scheduler = schedulerFor(settings);
  const learnAheadUntil = now.getTime() + (input.learnAheadMs ?? DEFAULT_LEARN_AHEAD_MS);
  // The learner's study day (zone and rollover hour), not the UTC day.
  const endOfToday = addDays(startOfStudyDay(now, settings), 1).getTime();
  const interviewDate =
    settings.interviewDate && settings.interviewDate.getTime() > now.getTime()
      ? settings.interviewDate
      : null;

  const retrievabilityAt = (card: SrsCard): number | null =>
    interviewDate ? scheduler.get_retrievability(card, interviewDate, false) : null;

  const learning: PlannedCard[] = [];
  const learningAhead: PlannedCard[] = [];
  const learningLater: Date[] = [];
  const reviews: PlannedCard[] = [];
  const storedNew: string[] = [];
  for (const { cardId, card } of input.states) {
    if (card.state === State.New) {
      storedNew.push(cardId);
    } else if (card.state === State.Learning || card.state === State.Relearning) {
      const planned: PlannedCard = {
        cardId,
        queue: 'learning',
        due: card.due,
        retrievabilityAtInterview: retrievabilityAt(card),
      };
      if (card.due.getTime() <= now.getTime()) {
        learning.push(planned);
      } else if (card.due.getTime() <= learnAheadUntil) {
        learningAhead.push(planned);
      } else if (card.due.getTime() < endOfToday) {
        learningLater.push(card.due);
      }
    } else if (card.due.getTime() < endOfToday) {
      reviews.push({
        cardId,
        queue: 'review',
        due: card.due,
        retrievabilityAtInterview: retrievabilityAt(card),
      });
    }
  }

  learning.sort(byDue);
  learningAhead.sort(byDue);
  const isAtRisk = (planned: PlannedCard) =>
    planned.retrievabilityAtInterview !== null &&
    planned.retrievabilityAtInterview < settings.desiredRetention;
  reviews.sort((a, b) => {
    if (interviewDate) {
      const riskA = isAtRisk(a);
      const riskB = isAtRisk(b);
      if (riskA !== riskB) return riskA ? -1 : 1;
      if (riskA && riskB && a.retrievabilityAtInterview !== b.retrievabilityAtInterview) {
        return (a.retrievabilityAtInterview ?? 0) - (b.retrievabilityAtInterview ?? 0);
      }
    }
    return byDue(a, b);
  });

  const reviewQuota = Math.max(0, settings.maxReviewsPerDay - input.doneToday.reviews);
  const newQuota = Math.max(0, settings.newCardsPerDay - input.doneToday.newCards);
  const todaysReviews = reviews.slice(0, reviewQuota);
  const allNew = [...storedNew, ...input.newCardIds];
  const todaysNew: PlannedCard[] = allNew.slice(0, newQuota).map((cardId) => ({
    cardId,
    queue: 'new',
    due: null,
    retrievabilityAtInterview: interviewDate ? 0 : null,
  }));

  let queue: PlannedCard[];
  if (interviewDate) {
    const atRisk = todaysReviews.filter(isAtRisk);
    const safe = todaysReviews.filter((planned) => !isAtRisk(planned));
    queue = [...learning, ...atRisk, ...todaysNew, ...safe, ...learningAhead];
  } else {
    queue = [...learning, ...todaysReviews, ...todaysNew, ...learningAhead];
  }

  learningLater.sort((a, b) => a.getTime() - b.getTime());
  return {
    queue,
    counts: {
      learning: learning.length + learningAhead.length,
      review: todaysReviews.length,
      new: todaysNew.length,
    },
    dueReviewsTotal: reviews.length,
    newAvailable: allNew.length,
    learningLater: { count: learningLater.length, nextDue: learningLater[0] ?? null },
    interview: interviewDate
      ? forecastInterview({
          states: input.states,
          newCardIds: allNew,
          newQuota,
          now,
          settings,
          date: interviewDate,
        })
      : null,
  };
}

function byDue(a: PlannedCard, b: PlannedCard): number {
  const diff = (a.due?.getTime() ?? 0) - (b.due?.getTime() ?? 0);
  return diff !== 0 ? diff : a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0;
}

/**
 * Interview readiness: at-risk count from ts-fsrs retrievability on the date, and the reviews
 * left before it, simulated with ts-fsrs by grading Good at every due time (new cards enter at
 * newCardsPerDay per day, today's remaining quota first).
 */
function forecastInterview(args: {
  states: readonly PlanCardState[];
  newCardIds: readonly string[];
  newQuota: number;
  now: Date;
  settings: SrsSettings;
  date: Date;
}): InterviewForecast {
  const { states, newCardIds, newQuota, now, settings, date } = args;
  const scheduler = schedulerFor(settings);
  const deadline = date.getTime();
  let atRiskCount = 0;
  let reviewsRemaining = 0;

  const simulate = (start: SrsCard, firstReview: Date): number => {
    let card = start;
    let at = firstReview;
    let count = 0;
    while (at.getTime() < deadline && count < MAX_SIMULATED_REVIEWS) {
      card = scheduler.next(card, at, Rating.Good).card;
      count += 1;
      at = card.due;
    }
    return count;
  };

  for (const { card } of states) {
    if (card.state === State.New) continue;
    if (scheduler.get_retrievability(card, date, false) < settings.desiredRetention)
      atRiskCount += 1;
    reviewsRemaining += simulate(card, card.due.getTime() < now.getTime() ? now : card.due);
  }

  const perDay = Math.max(0, settings.newCardsPerDay);
  newCardIds.forEach((_cardId, index) => {
    atRiskCount += 1;
    let dayOffset: number;
    if (index < newQuota) dayOffset = 0;
    else if (perDay === 0) return;
    else dayOffset = 1 + Math.floor((index - newQuota) / perDay);
    const introducedAt = dayOffset === 0 ? now : addDays(startOfStudyDay(now, settings), dayOffset);
    reviewsRemaining += simulate(
      {
        due: introducedAt,
        stability: 0,
        difficulty: 0,
        elapsed_days: 0,
        scheduled_days: 0,
        learning_steps: 0,
        reps: 0,
        lapses: 0,
        state: State.New,
      },
      introducedAt,
    );
  });

  return { date, daysLeft: Math.max(0, utcDaysBetween(now, date)), atRiskCount, reviewsRemaining };
}
