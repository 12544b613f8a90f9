import 'server-only';
import { State } from 'ts-fsrs';
import { db } from '@/lib/db';
import { cachedForUser } from '@/lib/cache/user-data';
import type { CardStateName } from '@/lib/srs/card';
import { intervalDistribution, weeklyRetention } from '@/lib/srs/stats';
import type { IntervalBucket, RetentionWeek } from '@/lib/srs/stats';
import { studyDayKey, studyDayNumber, studyDayStart } from '@/lib/srs/time';
import type { StudyDay } from '@/lib/srs/time';
import { listStudyCards } from './catalog';
import { getSrsSettings } from './settings';

export const FORECAST_DAYS = 30;
export const HEATMAP_DAYS = 365;
/** Weeks in the retention-over-time chart. */
export const RETENTION_WEEKS = 12;

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
  /** True retention per week, oldest first, the last week ending now. */
  retentionByWeek: RetentionWeek[];
  /** Current intervals of review-state cards. */
  intervals: IntervalBucket[];
  streak: { current: number; longest: number };
  totals: { reviews: number; reviewsToday: number };
  /** The study day the numbers are counted in. */
  studyDay: StudyDay;
};

function retention(passed: number, failed: number): RetentionStat {
  const total = passed + failed;
  return { passed, failed, rate: total === 0 ? null : passed / total };
}

/**
 * The signed-in user's review statistics at `now`, in their study days (time zone and
 * rollover hour from the settings). Undone reviews are excluded.
 */
export async function getReviewStats({
  userId,
  now,
}: {
  userId: string;
  now: Date;
}): Promise<ReviewStats> {
  const settings = await getSrsSettings({ userId });
  const studyDay: StudyDay = { timeZone: settings.timeZone, dayStartHour: settings.dayStartHour };
  const todayNumber = studyDayNumber(now, studyDay);
  const firstHeatmapDay = todayNumber - (HEATMAP_DAYS - 1);
  const heatmapStart = studyDayStart(firstHeatmapDay, studyDay);
  const last30Start = studyDayStart(todayNumber - 29, studyDay);
  const retentionStart = new Date(now.getTime() - RETENTION_WEEKS * 7 * 86_400_000);
  const forecastEnd = studyDayStart(todayNumber + FORECAST_DAYS, studyDay);
  const reviewed = { userId, undoneAt: null, state: State.Review };

  const [catalog, stateRows, yearLogs, passedAll, failedAll, passed30, failed30, totalReviews] =
    await Promise.all([
      listStudyCards({ userId }),
      db.cardState.findMany({
        where: { userId },
        select: { cardId: true, state: true, due: true, scheduledDays: true },
      }),
      db.reviewLog.findMany({
        where: { userId, undoneAt: null, review: { gte: heatmapStart } },
        select: { review: true, rating: true, state: true },
      }),
      db.reviewLog.count({ where: { ...reviewed, rating: { gt: 1 } } }),
      db.reviewLog.count({ where: { ...reviewed, rating: 1 } }),
      db.reviewLog.count({
        where: { ...reviewed, rating: { gt: 1 }, review: { gte: last30Start } },
      }),
      db.reviewLog.count({ where: { ...reviewed, rating: 1, review: { gte: last30Start } } }),
      db.reviewLog.count({ where: { userId, undoneAt: null } }),
    ]);

  const known = new Set(catalog.map((card) => card.id));
  const byState: Record<CardStateName, number> = { new: 0, learning: 0, review: 0, relearning: 0 };
  const reviewIntervals: number[] = [];
  const forecast: DayCount[] = Array.from({ length: FORECAST_DAYS }, (_, i) => ({
    day: studyDayKey(todayNumber + i),
    count: 0,
  }));
  let stored = 0;
  for (const row of stateRows) {
    if (!known.has(row.cardId)) continue;
    stored += 1;
    if (row.state === State.Learning) byState.learning += 1;
    else if (row.state === State.Review) {
      byState.review += 1;
      reviewIntervals.push(row.scheduledDays);
    } else if (row.state === State.Relearning) byState.relearning += 1;
    else byState.new += 1;
    if (row.due < forecastEnd) {
      const slot = forecast[Math.max(0, studyDayNumber(row.due, studyDay) - todayNumber)];
      if (slot) slot.count += 1;
    }
  }
  byState.new += catalog.length - stored;

  const heatmap: DayCount[] = Array.from({ length: HEATMAP_DAYS }, (_, i) => ({
    day: studyDayKey(firstHeatmapDay + i),
    count: 0,
  }));
  for (const row of yearLogs) {
    const slot = heatmap[studyDayNumber(row.review, studyDay) - firstHeatmapDay];
    if (slot) slot.count += 1;
  }
  const retentionByWeek = weeklyRetention(
    yearLogs
      .filter((row) => row.state === State.Review && row.review >= retentionStart)
      .map((row) => ({ reviewMs: row.review.getTime(), rating: row.rating })),
    now.getTime(),
    RETENTION_WEEKS,
  );

  return {
    byState,
    forecast,
    heatmap,
    retention: {
      last30Days: retention(passed30, failed30),
      allTime: retention(passedAll, failedAll),
    },
    retentionByWeek,
    intervals: intervalDistribution(reviewIntervals),
    streak: streaks(heatmap),
    totals: { reviews: totalReviews, reviewsToday: heatmap.at(-1)?.count ?? 0 },
    studyDay,
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
  const settings = await getSrsSettings({ userId });
  const todayNumber = studyDayNumber(now, settings);
  // The streak changes only with a review (which invalidates) or a new study day (the key).
  return cachedForUser(userId, `streak:${todayNumber}`, () =>
    computeStreak(userId, settings, todayNumber),
  );
}

async function computeStreak(
  userId: string,
  settings: StudyDay,
  todayNumber: number,
): Promise<number> {
  for (const windowDays of [STREAK_WINDOW_DAYS, HEATMAP_DAYS]) {
    const firstDay = todayNumber - (windowDays - 1);
    const logs = await db.reviewLog.findMany({
      where: { userId, undoneAt: null, review: { gte: studyDayStart(firstDay, settings) } },
      select: { review: true },
    });
    const days: DayCount[] = Array.from({ length: windowDays }, () => ({ day: '', count: 0 }));
    for (const row of logs) {
      const slot = days[studyDayNumber(row.review, settings) - firstDay];
      if (slot) slot.count += 1;
    }
    const current = streaks(days).current;
    if (current < windowDays - 1 || windowDays === HEATMAP_DAYS) return current;
  }
  return 0;
}
