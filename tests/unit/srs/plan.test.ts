import { describe, expect, it } from 'vitest';
import { fsrs, generatorParameters, Rating, State } from 'ts-fsrs';
import { applyReview } from '@/lib/srs/review';
import { buildDailyPlan } from '@/lib/srs/plan';
import type { PlanCardState } from '@/lib/srs/plan';
import { DEFAULT_SRS_SETTINGS } from '@/lib/srs/settings';
import type { SrsSettings } from '@/lib/srs/settings';
import type { SrsCard } from '@/lib/srs/card';
import { DAY_MS, MINUTE_MS } from '@/lib/srs/time';

const NOW = new Date('2026-03-10T08:00:00.000Z');
const none = { newCards: 0, reviews: 0 };

/** A review-state card with the given stability whose due time is `due`. */
function reviewCard(stability: number, due: Date, lastReviewDaysAgo: number): SrsCard {
  return {
    due,
    stability,
    difficulty: 5,
    elapsed_days: 0,
    scheduled_days: Math.round(
      (due.getTime() - (NOW.getTime() - lastReviewDaysAgo * DAY_MS)) / DAY_MS,
    ),
    learning_steps: 0,
    reps: 4,
    lapses: 0,
    state: State.Review,
    last_review: new Date(NOW.getTime() - lastReviewDaysAgo * DAY_MS),
  };
}

function learningCard(due: Date): SrsCard {
  return applyReview(
    null,
    Rating.Good,
    new Date(due.getTime() - 10 * MINUTE_MS),
    DEFAULT_SRS_SETTINGS,
  ).card;
}

describe('buildDailyPlan', () => {
  it('orders due learning, due reviews, new cards, then learn-ahead; skips cards not due today', () => {
    const states: PlanCardState[] = [
      { cardId: 'review-late', card: reviewCard(10, new Date(NOW.getTime() - 1 * DAY_MS), 11) },
      { cardId: 'review-early', card: reviewCard(10, new Date(NOW.getTime() - 3 * DAY_MS), 13) },
      { cardId: 'learning', card: learningCard(new Date(NOW.getTime() - 5 * MINUTE_MS)) },
      { cardId: 'learning-ahead', card: learningCard(new Date(NOW.getTime() + 5 * MINUTE_MS)) },
      { cardId: 'tomorrow', card: reviewCard(10, new Date(NOW.getTime() + 1.5 * DAY_MS), 8) },
      { cardId: 'later-today', card: reviewCard(10, new Date(NOW.getTime() + 6 * 3_600_000), 9) },
    ];
    const plan = buildDailyPlan({
      states,
      newCardIds: ['n1', 'n2'],
      doneToday: none,
      now: NOW,
      settings: DEFAULT_SRS_SETTINGS,
    });
    expect(plan.queue.map((c) => c.cardId)).toEqual([
      'learning',
      'review-early',
      'review-late',
      'later-today',
      'n1',
      'n2',
      'learning-ahead',
    ]);
    expect(plan.counts).toEqual({ learning: 2, review: 3, new: 2 });
    expect(plan.interview).toBeNull();
  });

  it('honours new cards per day and max reviews per day, minus what was done today', () => {
    const states: PlanCardState[] = Array.from({ length: 6 }, (_, i) => ({
      cardId: `r${i}`,
      card: reviewCard(5, new Date(NOW.getTime() - (i + 1) * 3_600_000), 6),
    }));
    const newCardIds = Array.from({ length: 30 }, (_, i) => `n${i}`);
    const settings: SrsSettings = {
      ...DEFAULT_SRS_SETTINGS,
      newCardsPerDay: 10,
      maxReviewsPerDay: 5,
    };
    const plan = buildDailyPlan({
      states,
      newCardIds,
      doneToday: { newCards: 4, reviews: 2 },
      now: NOW,
      settings,
    });
    expect(plan.counts.new).toBe(6);
    expect(plan.counts.review).toBe(3);
    expect(plan.dueReviewsTotal).toBe(6);
    expect(plan.newAvailable).toBe(30);
    const exhausted = buildDailyPlan({
      states,
      newCardIds,
      doneToday: { newCards: 12, reviews: 9 },
      now: NOW,
      settings,
    });
    expect(exhausted.counts).toEqual({ learning: 0, review: 0, new: 0 });
  });

  it('keeps learning cards due later today out of the queue but reports them', () => {
    const due = new Date(NOW.getTime() + 45 * MINUTE_MS);
    const plan = buildDailyPlan({
      states: [{ cardId: 'l', card: learningCard(due) }],
      newCardIds: [],
      doneToday: none,
      now: NOW,
      settings: DEFAULT_SRS_SETTINGS,
    });
    expect(plan.queue).toEqual([]);
    expect(plan.learningLater).toEqual({ count: 1, nextDue: due });
  });

  it('with an interview date puts cards that would be forgotten by then first', () => {
    const interviewDate = new Date(NOW.getTime() + 20 * DAY_MS);
    // "weak" is due later than "strong" but has low stability, so it falls further below
    // the desired retention by the interview date.
    const strong = reviewCard(60, new Date(NOW.getTime() - 2 * DAY_MS), 60);
    const weak = reviewCard(2, new Date(NOW.getTime() - 1 * 3_600_000), 2);
    const states: PlanCardState[] = [
      { cardId: 'strong', card: strong },
      { cardId: 'weak', card: weak },
    ];
    const withoutDate = buildDailyPlan({
      states,
      newCardIds: ['n1'],
      doneToday: none,
      now: NOW,
      settings: DEFAULT_SRS_SETTINGS,
    });
    expect(withoutDate.queue.map((c) => c.cardId)).toEqual(['strong', 'weak', 'n1']);

    const settings: SrsSettings = { ...DEFAULT_SRS_SETTINGS, interviewDate };
    const plan = buildDailyPlan({
      states,
      newCardIds: ['n1'],
      doneToday: none,
      now: NOW,
      settings,
    });
    const reference = fsrs(generatorParameters({ request_retention: 0.9, enable_fuzz: false }));
    const rWeak = reference.get_retrievability(weak, interviewDate, false);
    const rStrong = reference.get_retrievability(strong, interviewDate, false);
    expect(rWeak).toBeLessThan(rStrong);
    expect(plan.queue.map((c) => c.cardId).slice(0, 2)).toEqual(['weak', 'strong']);
    expect(plan.queue[0]!.retrievabilityAtInterview).toBeCloseTo(rWeak, 12);
    expect(plan.interview).not.toBeNull();
    expect(plan.interview!.daysLeft).toBe(20);
    expect(plan.interview!.atRiskCount).toBe(1 + (rStrong < 0.9 ? 1 : 0) + 1);
    expect(plan.interview!.reviewsRemaining).toBeGreaterThanOrEqual(3);
  });

  it('counts more remaining reviews for a nearer, denser schedule of new cards', () => {
    const settings: SrsSettings = {
      ...DEFAULT_SRS_SETTINGS,
      newCardsPerDay: 5,
      interviewDate: new Date(NOW.getTime() + 30 * DAY_MS),
    };
    const five = buildDailyPlan({
      states: [],
      newCardIds: ['a', 'b', 'c', 'd', 'e'],
      doneToday: none,
      now: NOW,
      settings,
    });
    const ten = buildDailyPlan({
      states: [],
      newCardIds: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'],
      doneToday: none,
      now: NOW,
      settings,
    });
    expect(five.interview!.reviewsRemaining).toBeGreaterThan(5);
    expect(ten.interview!.reviewsRemaining).toBeGreaterThan(five.interview!.reviewsRemaining);
    expect(ten.interview!.atRiskCount).toBe(10);
  });

  it('ignores an interview date in the past', () => {
    const settings: SrsSettings = {
      ...DEFAULT_SRS_SETTINGS,
      interviewDate: new Date(NOW.getTime() - DAY_MS),
    };
    const plan = buildDailyPlan({
      states: [],
      newCardIds: ['a'],
      doneToday: none,
      now: NOW,
      settings,
    });
    expect(plan.interview).toBeNull();
  });
});
