import { describe, expect, it } from 'vitest';
import { intervalDistribution, weeklyRetention } from '@/lib/srs/stats';

const DAY = 86_400_000;

describe('intervalDistribution', () => {
  it('puts each interval in exactly one bucket, edges included', () => {
    const buckets = intervalDistribution([0, 1, 2, 3, 7, 8, 30, 31, 365]);
    expect(buckets.map((b) => b.count)).toEqual([2, 2, 1, 1, 1, 1, 0, 1]);
    expect(buckets.reduce((sum, b) => sum + b.count, 0)).toBe(9);
  });
});

describe('weeklyRetention', () => {
  it('counts Again as failed and the rest as passed, per 7-day window', () => {
    const end = 100 * DAY;
    const weeks = weeklyRetention(
      [
        { reviewMs: end - 1, rating: 3 },
        { reviewMs: end - 2 * DAY, rating: 1 },
        { reviewMs: end - 8 * DAY, rating: 4 },
        { reviewMs: end - 30 * DAY, rating: 3 }, // outside the 2 weeks
        { reviewMs: end, rating: 3 }, // at the end: not counted
      ],
      end,
      2,
    );
    expect(weeks).toEqual([
      { startMs: end - 14 * DAY, passed: 1, failed: 0, rate: 1 },
      { startMs: end - 7 * DAY, passed: 1, failed: 1, rate: 0.5 },
    ]);
    expect(weeklyRetention([], end, 1)[0]?.rate).toBeNull();
  });
});
