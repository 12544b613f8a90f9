import 'server-only';
import { State } from 'ts-fsrs';
import { db } from '@/lib/db';
import type { CardStateName } from '@/lib/srs/card';
import { DAY_MS, addDays, startOfUtcDay, utcDayKey } from '@/lib/srs/time';
import { listStudyCards } from './catalog';

export const FORECAST_DAYS = 30;
export const HEATMAP_DAYS = 365;

export type DayCount = { day: string; count: number };

export type RetentionStat = { passed: number; failed: number; rate: number | null };

export type ReviewStats = {
  byState: Record<CardStateName, number>;
  /** Cards due per UTC day for the next 30 days; day 0 includes overdue cards. */
  forecast: DayCount[];
  /** Reviews per UTC day for the last 365 days, oldest first, ending today. */
  heatmap: DayCount[];
  /** True retention: share of reviews of review-state cards graded Hard/Good/Easy (not Again). */
  retention: { last30Days: RetentionStat; allTime: RetentionStat };
  streak: { current: number; longest: number };
  totals: { reviews: number; reviewsToday: number };
};

function retention(passed: number, failed: number): RetentionStat {
  const total = passed + failed;
  return { passed, failed, rate: total === 0 ? null : passed / total };
}

/** The signed-in user's review statistics at `now` (UTC days). Undone reviews are excluded. */
export async function getReviewStats({
  userId,
  now,
}: {
  userId: string;
  now: Date;
}): Promise<ReviewStats> {
  const today = startOfUtcDay(now);
  const heatmapStart = addDays(today, -(HEATMAP_DAYS - 1));
  const last30Start = addDays(today, -29);
  const forecastEnd = addDays(today, FORECAST_DAYS);
  const reviewed = { userId, undoneAt: null, state: State.Review };

  const [
    catalog,
    stateGroups,
    dueRows,
    yearLogs,
    passedAll,
    failedAll,
    passed30,
    failed30,
    totalReviews,
  ] = await Promise.all([
    listStudyCards({ userId }),
    db.cardState.findMany({ where: { userId }, select: { cardId: true, state: true } }),
    db.cardState.findMany({
      where: { userId, due: { lt: forecastEnd } },
      select: { cardId: true, due: true },
    }),
    db.reviewLog.findMany({
      where: { userId, undoneAt: null, review: { gte: heatmapStart } },
      select: { review: true },
    }),
    db.reviewLog.count({ where: { ...reviewed, rating: { gt: 1 } } }),
    db.reviewLog.count({ where: { ...reviewed, rating: 1 } }),
    db.reviewLog.count({ where: { ...reviewed, rating: { gt: 1 }, review: { gte: last30Start } } }),
    db.reviewLog.count({ where: { ...reviewed, rating: 1, review: { gte: last30Start } } }),
    db.reviewLog.count({ where: { userId, undoneAt: null } }),
  ]);

  const known = new Set(catalog.map((card) => card.id));
  const byState: Record<CardStateName, number> = { new: 0, learning: 0, review: 0, relearning: 0 };
  let stored = 0;
  for (const row of stateGroups) {
    if (!known.has(row.cardId)) continue;
    stored += 1;
    if (row.state === State.Learning) byState.learning += 1;
    else if (row.state === State.Review) byState.review += 1;
    else if (row.state === State.Relearning) byState.relearning += 1;
    else byState.new += 1;
  }
  byState.new += catalog.length - stored;

  const forecast: DayCount[] = Array.from({ length: FORECAST_DAYS }, (_, i) => ({
    day: utcDayKey(addDays(today, i)),
    count: 0,
  }));
  for (const row of dueRows) {
    if (!known.has(row.cardId)) continue;
    const index = Math.max(0, Math.floor((row.due.getTime() - today.getTime()) / DAY_MS));
    const slot = forecast[index];
    if (slot) slot.count += 1;
  }

  const heatmap: DayCount[] = Array.from({ length: HEATMAP_DAYS }, (_, i) => ({
    day: utcDayKey(addDays(heatmapStart, i)),
    count: 0,
  }));
  for (const row of yearLogs) {
    const slot = heatmap[Math.floor((row.review.getTime() - heatmapStart.getTime()) / DAY_MS)];
    if (slot) slot.count += 1;
  }

  return {
    byState,
    forecast,
    heatmap,
    retention: {
      last30Days: retention(passed30, failed30),
      allTime: retention(passedAll, failedAll),
    },
    streak: streaks(heatmap),
    totals: { reviews: totalReviews, reviewsToday: heatmap.at(-1)?.count ?? 0 },
  };
}

/**
 * Current streak: consecutive days with a review ending today, or ending yesterday when
 * nothing was reviewed yet today (the day is not over). Longest: within the heatmap year.
 */
export function streaks(days: readonly DayCount[]): { current: number; longest: number } {
  let longest = 0;
  let run = 0;
  for (const day of days) {
    run = day.count > 0 ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  let current = 0;
  let index = days.length - 1;
  if ((days[index]?.count ?? 1) === 0) index -= 1;
  while (index >= 0 && (days[index]?.count ?? 0) > 0) {
    current += 1;
    index -= 1;
  }
  return { current, longest };
}

/** Days the dashboard's streak query looks back first (most streaks are shorter). */
const STREAK_WINDOW_DAYS = 35;

/**
 * Streak only (for the dashboard card). Reads the last 35 days of review times, and the
 * whole heatmap year only when the streak reaches back that far: the common case loads a
 * few hundred rows, not a year of them.
 */
export async function getReviewStreak({
  userId,
  now,
}: {
  userId: string;
  now: Date;
}): Promise<number> {
  const today = startOfUtcDay(now);
  for (const windowDays of [STREAK_WINDOW_DAYS, HEATMAP_DAYS]) {
    const start = addDays(today, -(windowDays - 1));
    const logs = await db.reviewLog.findMany({
      where: { userId, undoneAt: null, review: { gte: start } },
      select: { review: true },
    });
    const days: DayCount[] = Array.from({ length: windowDays }, () => ({ day: '', count: 0 }));
    for (const row of logs) {
      const slot = days[Math.floor((row.review.getTime() - start.getTime()) / DAY_MS)];
      if (slot) slot.count += 1;
    }
    const current = streaks(days).current;
    if (current < windowDays - 1 || windowDays === HEATMAP_DAYS) return current;
  }
  return 0;
}
