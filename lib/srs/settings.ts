import { fsrs, generatorParameters } from 'ts-fsrs';
import type { FSRS } from 'ts-fsrs';

/** A learner's scheduling settings (pure mirror of the SrsSettings row). */
export type SrsSettings = {
  /** Target probability of recall when a card comes due, 0.70..0.97. */
  desiredRetention: number;
  /** New cards introduced per day. */
  newCardsPerDay: number;
  /** Upper bound on review-state cards shown per day. */
  maxReviewsPerDay: number;
  /** Optional date the learner wants to peak on. */
  interviewDate: Date | null;
  /** IANA time zone the learner's days are counted in. */
  timeZone: string;
  /** Hour (0..23, learner's wall clock) the study day rolls over. */
  dayStartHour: number;
};

export const DESIRED_RETENTION_MIN = 0.7;
export const DESIRED_RETENTION_MAX = 0.97;
export const NEW_CARDS_PER_DAY_MAX = 500;
export const MAX_REVIEWS_PER_DAY_MAX = 9999;

/**
 * Defaults match the database defaults and Anki's (retention 0.90, 20 new, 200 reviews);
 * days are UTC from midnight until the learner picks a zone (Anki rolls over at 04:00).
 */
export const DEFAULT_SRS_SETTINGS: SrsSettings = {
  desiredRetention: 0.9,
  newCardsPerDay: 20,
  maxReviewsPerDay: 200,
  interviewDate: null,
  timeZone: 'UTC',
  dayStartHour: 0,
};

const schedulers = new Map<number, FSRS>();

/**
 * The ts-fsrs scheduler for a desired retention: FSRS-6 default weights, Anki's default
 * learning steps (1m, 10m) and relearning step (10m). Fuzz is off so the interval shown on
 * a grade button is exactly the interval the review gets.
 */
export function schedulerFor(settings: Pick<SrsSettings, 'desiredRetention'>): FSRS {
  const retention = settings.desiredRetention;
  if (!(retention >= DESIRED_RETENTION_MIN && retention <= DESIRED_RETENTION_MAX)) {
    throw new RangeError(
      `desiredRetention must be within ${DESIRED_RETENTION_MIN}..${DESIRED_RETENTION_MAX}, got ${retention}`,
    );
  }
  let scheduler = schedulers.get(retention);
  if (!scheduler) {
    scheduler = fsrs(
      generatorParameters({
        request_retention: retention,
        enable_fuzz: false,
        enable_short_term: true,
      }),
    );
    schedulers.set(retention, scheduler);
  }
  return scheduler;
}

/**
 * Workload of a desired retention relative to 0.90. FSRS intervals scale as
 * I(r) ∝ r^(1/DECAY) − 1, so `intervalFactor` = I(r)/I(0.9); review load is roughly its
 * inverse (more when lapses rise). `forgetShare` = 1 − r is the share of due cards forgotten.
 */
export function retentionWorkload(desiredRetention: number): {
  intervalFactor: number;
  relativeReviews: number;
  forgetShare: number;
} {
  const base = schedulerFor({ desiredRetention: 0.9 });
  const target = schedulerFor({ desiredRetention });
  const intervalFactor = target.interval_modifier / base.interval_modifier;
  return { intervalFactor, relativeReviews: 1 / intervalFactor, forgetShare: 1 - desiredRetention };
}
