import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestUser, setupTestDatabase } from './helpers/test-db';

const session = vi.hoisted(() => ({
  user: null as { id: string; email: string; name: string } | null,
}));
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: async () => session.user }));

let cleanup: () => Promise<void>;
let db: typeof import('@/lib/db').db;
let firstRun: typeof import('@/lib/progress/first-run');
let seed: typeof import('@/prisma/seed');

beforeAll(async () => {
  ({ cleanup } = await setupTestDatabase());
  ({ db } = await import('@/lib/db'));
  firstRun = await import('@/lib/progress/first-run');
  seed = await import('@/prisma/seed');
});
afterAll(async () => cleanup());

describe('first-run counts', () => {
  it('are all zero for a new account and refuse another user', async () => {
    const alice = await createTestUser();
    const bob = await createTestUser();
    session.user = { ...alice, name: 'Alice' };
    expect(await firstRun.getFirstRunCounts({ userId: alice.id })).toEqual({
      hasReadFirstLesson: false,
      reviews: 0,
      scenarioAttempts: 0,
      presetRuns: 0,
    });
    await expect(firstRun.getFirstRunCounts({ userId: bob.id })).rejects.toThrow(/forbidden/);
  });
});

describe('demo history seed', () => {
  it.each(['05:39:29.343', '00:30', '11:00:00.007', '17:59', '23:30'])(
    'ends with reviews yesterday evening whatever the time of day (seeded at %s UTC)',
    async (time) => {
      const user = await createTestUser();
      const now = new Date(time.includes('.') ? `2026-12-02T${time}Z` : `2026-12-02T${time}:00Z`);
      await seed.seedDemoHistory(db, user.id, now);
      const logs = await db.reviewLog.findMany({
        where: { userId: user.id },
        select: { review: true },
      });
      const times = logs.map((l) => l.review.getTime());
      // The last evening's session starts six hours before the seed (18:00 of the previous day).
      expect(Math.max(...times)).toBeGreaterThan(now.getTime() - 7 * 3_600_000);
      expect(
        times.some((t) => t > now.getTime() - 31 * 3_600_000 && t < now.getTime() - 24 * 3_600_000),
      ).toBe(true);
      expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime());
    },
  );

  it('gives the demo account weeks of reviews, lessons, attempts and runs', async () => {
    const NOW = new Date('2026-06-15T12:00:00Z');
    const { id, created } = await seed.seedDemoUser(db);
    expect(created).toBe(true);
    await seed.seedDemoHistory(db, id, NOW);
    const logs = await db.reviewLog.findMany({ where: { userId: id }, select: { review: true } });
    const days = new Set(logs.map((log) => log.review.toISOString().slice(0, 10)));
    expect(logs.length).toBeGreaterThan(300);
    expect(days.size).toBeGreaterThan(30); // spread over weeks, not one day
    expect(Math.min(...logs.map((l) => l.review.getTime()))).toBeGreaterThanOrEqual(
      NOW.getTime() - seed.DEMO_HISTORY_DAYS * 86_400_000,
    );
    expect(Math.max(...logs.map((l) => l.review.getTime()))).toBeLessThanOrEqual(NOW.getTime());
    // Reviews on each of the last two evenings: the demo's streak is live.
    const lastTwo = logs.filter((l) => l.review.getTime() > NOW.getTime() - 2 * 86_400_000);
    expect(
      new Set(lastTwo.map((l) => l.review.toISOString().slice(0, 10))).size,
    ).toBeGreaterThanOrEqual(2);
    const states = await db.cardState.count({ where: { userId: id } });
    expect(states).toBeGreaterThan(50);
    session.user = { id, email: seed.DEMO_ACCOUNT.email, name: seed.DEMO_ACCOUNT.name };
    expect(await firstRun.getFirstRunCounts({ userId: id })).toEqual({
      hasReadFirstLesson: true,
      reviews: 10,
      scenarioAttempts: 1,
      presetRuns: 1,
    });
  });
});
