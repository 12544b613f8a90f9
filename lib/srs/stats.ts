import { DAY_MS } from './time';

// Pure aggregations behind the review stats page (Anki's "Intervals" and "Retention" graphs).

/** Interval buckets (days, inclusive lower bound) as Anki-like ranges. */
export const INTERVAL_BUCKETS = [
  { label: '1 day', min: 0, max: 1 },
  { label: '2–3 days', min: 2, max: 3 },
  { label: '4–7 days', min: 4, max: 7 },
  { label: '1–2 weeks', min: 8, max: 14 },
  { label: '2–4 weeks', min: 15, max: 30 },
  { label: '1–3 months', min: 31, max: 90 },
  { label: '3–6 months', min: 91, max: 180 },
  { label: '6+ months', min: 181, max: Number.POSITIVE_INFINITY },
] as const;

export type IntervalBucket = { label: string; count: number };

/** Counts of current intervals (scheduled days of review-state cards) per bucket. */
export function intervalDistribution(scheduledDays: readonly number[]): IntervalBucket[] {
  const counts = INTERVAL_BUCKETS.map((bucket) => ({ label: bucket.label, count: 0 }));
  for (const days of scheduledDays) {
    const index = INTERVAL_BUCKETS.findIndex((b) => days >= b.min && days <= b.max);
    const slot = counts[index];
    if (slot) slot.count += 1;
  }
  return counts;
}

export type RetentionWeek = {
  /** Start of the 7-day window (ms since epoch). */
  startMs: number;
  passed: number;
  failed: number;
  /** passed / (passed + failed), or null for a week without graduated reviews. */
  rate: number | null;
};

/**
 * True retention per 7-day window, oldest first, the last window ending at `endMs`:
 * reviews of graduated (review-state) cards, Again = failed, Hard/Good/Easy = passed.
 */
export function weeklyRetention(
  reviews: ReadonlyArray<{ reviewMs: number; rating: number }>,
  endMs: number,
  weeks: number,
): RetentionWeek[] {
  const startMs = endMs - weeks * 7 * DAY_MS;
  const result: RetentionWeek[] = Array.from({ length: weeks }, (_, i) => ({
    startMs: startMs + i * 7 * DAY_MS,
    passed: 0,
    failed: 0,
    rate: null,
  }));
  for (const { reviewMs, rating } of reviews) {
    const week = result[Math.floor((reviewMs - startMs) / (7 * DAY_MS))];
    if (!week || reviewMs >= endMs) continue;
    if (rating === 1) week.failed += 1;
    else week.passed += 1;
  }
  for (const week of result) {
    const total = week.passed + week.failed;
    week.rate = total === 0 ? null : week.passed / total;
  }
  return result;
}
