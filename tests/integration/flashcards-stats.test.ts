import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase, createTestUser } from './helpers/test-db';

type Reviews = typeof import('@/lib/flashcards/reviews');
type Stats = typeof import('@/lib/flashcards/stats');
type Exports = typeof import('@/lib/flashcards/export');
type Settings = typeof import('@/lib/flashcards/settings');
type Session = typeof import('@/lib/flashcards/session');

let cleanup: () => Promise<void>;
let reviews: Reviews;
let stats: Stats;
let exporter: Exports;
let settings: Settings;
let session: Session;

const DAY = 86_400_000;
const NOW = new Date('2026-05-20T12:00:00.000Z');
let n = 0;
const key = () => `stats-key-${++n}-abcdef`;

beforeAll(async () => {
  process.env.MESH_DOJO_DECK_DIR = path.resolve(import.meta.dirname, '../fixtures/cards');
  ({ cleanup } = await setupTestDatabase());
  reviews = await import('@/lib/flashcards/reviews');
  stats = await import('@/lib/flashcards/stats');
  exporter = await import('@/lib/flashcards/export');
  settings = await import('@/lib/flashcards/settings');
  session = await import('@/lib/flashcards/session');
});

afterAll(async () => {
  await cleanup?.();
});

/** Reviews `cardId` with Good at each due time starting `daysAgo` days before NOW. */
async function studyCard(userId: string, cardId: string, daysAgo: number, grades: number[]) {
  let at = new Date(NOW.getTime() - daysAgo * DAY);
  for (const grade of grades) {
    if (at.getTime() > NOW.getTime()) break;
    const result = await reviews.recordReview({
      userId,
      cardId,
      grade,
      idempotencyKey: key(),
      now: at,
    });
    at = new Date(Math.max(result.due.getTime(), at.getTime() + 60_000));
  }
}

describe('review stats', () => {
  it('counts states, forecast, heatmap, true retention and streak from the log', async () => {
    const user = await createTestUser();
    // Reviews on three consecutive days ending today → streak 3.
    await reviews.recordReview({
      userId: user.id,
      cardId: 'mtls-001',
      grade: 3,
      idempotencyKey: key(),
      now: new Date(NOW.getTime() - 2 * DAY),
    });
    await reviews.recordReview({
      userId: user.id,
      cardId: 'mtls-002',
      grade: 4,
      idempotencyKey: key(),
      now: new Date(NOW.getTime() - 1 * DAY),
    });
    await reviews.recordReview({
      userId: user.id,
      cardId: 'mtls-003',
      grade: 1,
      idempotencyKey: key(),
      now: NOW,
    });
    // A card that graduated to review and was then recalled / forgotten.
    await studyCard(user.id, 'resilience-001', 40, [3, 3, 3, 1]);
    // An undone review does not count anywhere.
    await reviews.recordReview({
      userId: user.id,
      cardId: 'resilience-002',
      grade: 3,
      idempotencyKey: key(),
      now: NOW,
    });
    await reviews.undoLastReview({ userId: user.id, now: NOW });

    const result = await stats.getReviewStats({ userId: user.id, now: NOW });
    const total =
      result.byState.new +
      result.byState.learning +
      result.byState.review +
      result.byState.relearning;
    expect(total).toBe(6);
    expect(result.byState.new).toBe(2); // resilience-002 (undone) and resilience-003
    expect(result.forecast).toHaveLength(30);
    expect(result.forecast[0]!.day).toBe('2026-05-20');
    expect(result.forecast.reduce((sum, d) => sum + d.count, 0)).toBeGreaterThan(0);
    expect(result.heatmap).toHaveLength(365);
    expect(result.heatmap.at(-1)).toEqual({ day: '2026-05-20', count: 1 });
    expect(result.heatmap.at(-2)).toEqual({ day: '2026-05-19', count: 1 });
    expect(result.streak.current).toBeGreaterThanOrEqual(3);
    // Retention: only reviews of review-state cards count.
    const { db } = await import('@/lib/db');
    const reviewStateLogs = await db.reviewLog.findMany({
      where: { userId: user.id, undoneAt: null, state: 2 },
      select: { rating: true },
    });
    const passed = reviewStateLogs.filter((l) => l.rating > 1).length;
    expect(result.retention.allTime.passed).toBe(passed);
    expect(result.retention.allTime.failed).toBe(reviewStateLogs.length - passed);
    expect(reviewStateLogs.length).toBeGreaterThan(0);
    expect(result.totals.reviews).toBe(
      await db.reviewLog.count({ where: { userId: user.id, undoneAt: null } }),
    );
  });

  it('summarises today for the dashboard card', async () => {
    const user = await createTestUser();
    const empty = await session.getTodaySummary({ userId: user.id, now: NOW });
    expect(empty).toMatchObject({
      dueToday: 0,
      newToday: 6,
      newAvailable: 6,
      reviewedToday: 0,
      interview: null,
    });
    await reviews.recordReview({
      userId: user.id,
      cardId: 'mtls-001',
      grade: 1,
      idempotencyKey: key(),
      now: NOW,
    });
    const later = new Date(NOW.getTime() + 5 * 60_000);
    const after = await session.getTodaySummary({ userId: user.id, now: later });
    expect(after).toMatchObject({ dueToday: 1, newToday: 5, newAvailable: 5, reviewedToday: 1 });
    expect(await stats.getReviewStreak({ userId: user.id, now: later })).toBe(1);
    expect(
      await stats.getReviewStreak({ userId: user.id, now: new Date(NOW.getTime() + 2 * DAY) }),
    ).toBe(0);
  });

  it('computes streaks that end yesterday when nothing is reviewed yet today', () => {
    const days = [1, 0, 2, 3, 1, 0].map((count, i) => ({ day: `d${i}`, count }));
    expect(stats.streaks(days)).toEqual({ current: 3, longest: 3 });
    expect(stats.streaks([...days, { day: 'x', count: 0 }])).toEqual({ current: 0, longest: 3 });
  });
});

describe('settings and daily limits', () => {
  it('saves settings, rejects out-of-range retention, and applies the new-card limit', async () => {
    const user = await createTestUser();
    expect((await settings.getSrsSettings({ userId: user.id })).desiredRetention).toBe(0.9);
    await expect(
      settings.updateSrsSettings({
        userId: user.id,
        input: {
          desiredRetention: '0.99',
          newCardsPerDay: '5',
          maxReviewsPerDay: '100',
          interviewDate: '',
        },
      }),
    ).rejects.toMatchObject({ code: 'invalid-input' });
    const saved = await settings.updateSrsSettings({
      userId: user.id,
      now: NOW,
      input: {
        desiredRetention: '0.85',
        newCardsPerDay: '2',
        maxReviewsPerDay: '100',
        interviewDate: '2026-06-30',
      },
    });
    expect(saved).toMatchObject({
      desiredRetention: 0.85,
      newCardsPerDay: 2,
      interviewDate: new Date('2026-06-30T00:00:00.000Z'),
    });

    const before = await session.getReviewSession({ userId: user.id, now: NOW });
    expect(before.remaining.new).toBe(2);
    expect(before.interview).toMatchObject({ daysLeft: 41, atRiskCount: 6 });
    await reviews.recordReview({
      userId: user.id,
      cardId: before.card!.id,
      grade: 3,
      idempotencyKey: key(),
      now: NOW,
    });
    const after = await session.getReviewSession({ userId: user.id, now: NOW });
    expect(after.remaining.new).toBe(1);
    expect(after.learningLaterCount + after.remaining.learning).toBe(1);
  });
});

describe('study day: time zone and rollover hour', () => {
  it('rejects a past interview date and an unknown zone, changing nothing', async () => {
    const user = await createTestUser();
    const base = { desiredRetention: '0.9', newCardsPerDay: '20', maxReviewsPerDay: '200' };
    await expect(
      settings.updateSrsSettings({
        userId: user.id,
        now: NOW,
        input: { ...base, interviewDate: '2026-05-19' },
      }),
    ).rejects.toThrow(/in the past/);
    await expect(
      settings.updateSrsSettings({
        userId: user.id,
        now: NOW,
        input: { ...base, interviewDate: '', timeZone: 'Mars/Olympus' },
      }),
    ).rejects.toMatchObject({ code: 'invalid-input' });
    expect(await settings.getSrsSettings({ userId: user.id })).toMatchObject({ timeZone: 'UTC' });
    // Today is fine.
    await settings.updateSrsSettings({
      userId: user.id,
      now: NOW,
      input: { ...base, interviewDate: '2026-05-20' },
    });
  });

  it('counts a late-night review for the previous day with a 04:00 rollover', async () => {
    const user = await createTestUser();
    const base = { desiredRetention: '0.9', newCardsPerDay: '20', maxReviewsPerDay: '200' };
    // 22:00 Berlin time on 18 May (20:00 UTC) and 01:00 Berlin time on 20 May (23:00 UTC on 19 May).
    await reviews.recordReview({
      userId: user.id,
      cardId: 'mtls-001',
      grade: 3,
      idempotencyKey: key(),
      now: new Date('2026-05-18T20:00:00Z'),
    });
    await reviews.recordReview({
      userId: user.id,
      cardId: 'mtls-002',
      grade: 3,
      idempotencyKey: key(),
      now: new Date('2026-05-19T23:00:00Z'),
    });
    const at = new Date('2026-05-20T06:00:00Z'); // 08:00 in Berlin on 20 May
    // UTC days: 18 and 19 May have reviews, today (20th) has none → streak 2 (ends yesterday).
    expect(await stats.getReviewStreak({ userId: user.id, now: at })).toBe(2);
    await settings.updateSrsSettings({
      userId: user.id,
      now: NOW,
      input: { ...base, interviewDate: '', timeZone: 'Europe/Berlin', dayStartHour: '4' },
    });
    // Berlin, 04:00 rollover: 18 May 22:00 and 20 May 01:00 → days 18 and 19: still 2, but the
    // second review now belongs to the 19th, not the 20th.
    const berlin = await stats.getReviewStats({ userId: user.id, now: at });
    expect(berlin.studyDay).toEqual({ timeZone: 'Europe/Berlin', dayStartHour: 4 });
    expect(berlin.heatmap.at(-1)).toEqual({ day: '2026-05-20', count: 0 });
    expect(berlin.heatmap.at(-2)).toEqual({ day: '2026-05-19', count: 1 });
    expect(berlin.heatmap.at(-3)).toEqual({ day: '2026-05-18', count: 1 });
    expect(berlin.totals.reviewsToday).toBe(0);
    expect(await stats.getReviewStreak({ userId: user.id, now: at })).toBe(2);
    // With midnight rollover in Berlin, 01:00 on the 20th is today.
    await settings.updateSrsSettings({
      userId: user.id,
      now: NOW,
      input: { ...base, interviewDate: '', timeZone: 'Europe/Berlin', dayStartHour: '0' },
    });
    const midnight = await stats.getReviewStats({ userId: user.id, now: at });
    expect(midnight.totals.reviewsToday).toBe(1);
    expect(midnight.intervals.reduce((sum, b) => sum + b.count, 0)).toBe(midnight.byState.review);
    expect(midnight.retentionByWeek).toHaveLength(12);
  });
});

describe('export', () => {
  it('exports the deck, the history and an Anki import file', async () => {
    const user = await createTestUser();
    await reviews.recordReview({
      userId: user.id,
      cardId: 'mtls-002',
      grade: 3,
      idempotencyKey: key(),
      now: NOW,
    });

    const deckCsv = await exporter.exportDeckCsv({ userId: user.id });
    const deckLines = deckCsv.trim().split('\r\n');
    expect(deckLines[0]).toBe(
      'id,competency,kind,front,back,lesson_id,tags,source_title,source_url,state,due,stability_days,difficulty,reps,lapses,last_review',
    );
    expect(deckLines).toHaveLength(7);
    expect(deckLines.find((l) => l.startsWith('mtls-002,'))).toContain(',learning,');
    // Fields with commas are quoted (RFC 4180).
    expect(deckLines.find((l) => l.startsWith('mtls-001,'))).toContain(
      ',"Fixture: the server also checks a certificate presented by the client, so both sides prove an identity.",',
    );

    const history = (await exporter.exportHistoryCsv({ userId: user.id })).trim().split('\r\n');
    expect(history).toHaveLength(2);
    expect(history[1]).toMatch(/^2026-05-20T12:00:00.000Z,mtls-002,3,Good,new,/);

    const anki = (await exporter.exportAnkiDeck({ userId: user.id })).trim().split('\n');
    expect(anki[0]).toBe('#separator:tab');
    expect(anki).toContain('#guid column:1');
    const rows = anki.filter((line) => !line.startsWith('#'));
    expect(rows).toHaveLength(6);
    for (const row of rows) expect(row.split('\t')).toHaveLength(4);
    const strict = rows.find((row) => row.startsWith('mesh-dojo-mtls-002\t'))!;
    expect(strict).toContain('<code>STRICT</code>');
    expect(strict.split('\t')[3]).toBe(
      'mesh-dojo mtls rollout kind::trade-off lesson::zero-trust-mtls-and-authorization',
    );
  });
});
