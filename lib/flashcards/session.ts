import 'server-only';
import { State } from 'ts-fsrs';
import { db } from '@/lib/db';
import { cachedForUser } from '@/lib/cache/user-data';
import { GRADES, initialCard, stateName } from '@/lib/srs/card';
import type { CardStateName, SrsGrade } from '@/lib/srs/card';
import { buildDailyPlan } from '@/lib/srs/plan';
import type { DailyPlan, PlanQueue } from '@/lib/srs/plan';
import { previewIntervals } from '@/lib/srs/review';
import { startOfStudyDay } from '@/lib/srs/time';
import { CARD_STATE_SELECT, rowToCard } from './card-state';
import { listStudyCards } from './catalog';
import type { StudyCard } from './catalog';
import { getSrsSettings } from './settings';

/** The card on screen, with the interval each grade button would give it. */
export type SessionCard = StudyCard & {
  queue: PlanQueue;
  state: CardStateName;
  intervals: Record<SrsGrade, string>;
};

/** Everything the review screen needs after each step. */
export type ReviewSession = {
  card: SessionCard | null;
  remaining: Record<PlanQueue, number>;
  dueReviewsTotal: number;
  newAvailable: number;
  /** ISO time of the next learning card due later today, when the queue is empty for now. */
  nextLearningDue: string | null;
  learningLaterCount: number;
  interview: {
    date: string;
    daysLeft: number;
    atRiskCount: number;
    reviewsRemaining: number;
  } | null;
  reviewedToday: number;
};

async function loadPlan(userId: string, now: Date) {
  // "Today" is the learner's study day (time zone and rollover hour from the settings).
  const settings = await getSrsSettings({ userId });
  const dayStart = startOfStudyDay(now, settings);
  const [catalog, rows, todays] = await Promise.all([
    listStudyCards({ userId }),
    // Cached per user until their next write (lib/cache/user-data.ts); the plan itself is
    // computed at `now` on every call.
    cachedForUser(userId, 'card-states', async () =>
      (await db.cardState.findMany({ where: { userId }, select: CARD_STATE_SELECT })).map(
        (row) => ({ cardId: row.cardId, card: rowToCard(row) }),
      ),
    ),
    cachedForUser(userId, `reviewed-since:${dayStart.toISOString()}`, () =>
      db.reviewLog.groupBy({
        by: ['state'],
        where: { userId, undoneAt: null, review: { gte: dayStart } },
        _count: { _all: true },
      }),
    ),
  ]);
  const known = new Map(catalog.map((card) => [card.id, card]));
  // States of cards no longer in the deck are ignored (content is code; ids may be retired).
  const states = rows.filter((row) => known.has(row.cardId));
  const seen = new Set(states.map((state) => state.cardId));
  const countFor = (state: State) =>
    todays.find((group) => group.state === state)?._count._all ?? 0;
  const reviewedToday = todays.reduce((sum, group) => sum + group._count._all, 0);
  const plan = buildDailyPlan({
    states,
    newCardIds: catalog.filter((card) => !seen.has(card.id)).map((card) => card.id),
    doneToday: { newCards: countFor(State.New), reviews: countFor(State.Review) },
    now,
    settings,
  });
  return { plan, settings, known, states, reviewedToday };
}

function toSession(args: Awaited<ReturnType<typeof loadPlan>>, now: Date): ReviewSession {
  const { plan, settings, known, states, reviewedToday } = args;
  const first = plan.queue[0];
  let card: SessionCard | null = null;
  if (first) {
    const study = known.get(first.cardId);
    const stored = states.find((state) => state.cardId === first.cardId)?.card ?? null;
    if (study) {
      const preview = previewIntervals(stored ?? initialCard(now), now, settings);
      card = {
        ...study,
        queue: first.queue,
        state: stored ? stateName(stored.state) : 'new',
        intervals: Object.fromEntries(
          GRADES.map((grade) => [grade, preview[grade].label]),
        ) as Record<SrsGrade, string>,
      };
    }
  }
  return {
    card,
    remaining: plan.counts,
    dueReviewsTotal: plan.dueReviewsTotal,
    newAvailable: plan.newAvailable,
    nextLearningDue: plan.learningLater.nextDue?.toISOString() ?? null,
    learningLaterCount: plan.learningLater.count,
    interview: interviewDto(plan),
    reviewedToday,
  };
}

function interviewDto(plan: DailyPlan): ReviewSession['interview'] {
  if (!plan.interview) return null;
  const { date, daysLeft, atRiskCount, reviewsRemaining } = plan.interview;
  return { date: date.toISOString(), daysLeft, atRiskCount, reviewsRemaining };
}

/** The next card to review now and the remaining counts, for the signed-in user. */
export async function getReviewSession({
  userId,
  now,
}: {
  userId: string;
  now: Date;
}): Promise<ReviewSession> {
  return toSession(await loadPlan(userId, now), now);
}

/** Today's numbers for the dashboard: due now, new available today, reviewed today. */
export async function getTodaySummary({ userId, now }: { userId: string; now: Date }) {
  const { plan, reviewedToday } = await loadPlan(userId, now);
  return {
    dueToday: plan.counts.learning + plan.counts.review,
    newToday: plan.counts.new,
    newAvailable: plan.newAvailable,
    reviewedToday,
    interview: interviewDto(plan),
  };
}
