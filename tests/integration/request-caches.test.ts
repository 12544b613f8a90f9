import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestUser, setupTestDatabase } from './helpers/test-db';
import { session } from './helpers/fake-session';

// The in-process caches (lib/cache/user-data.ts, the session-row cache in lib/auth/sessions.ts)
// against a real database: every write through the app shows up on the next read in this
// process, and a write behind the app's back (another instance) shows up within the TTL.
// Only "who is signed in" is faked, for the data functions' own authorization checks.
vi.mock('@/lib/auth/session', () => import('./helpers/fake-session'));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

let cleanup: () => Promise<void>;
let db: typeof import('@/lib/db').db;
let sessions: typeof import('@/lib/auth/sessions');
let account: typeof import('@/lib/auth/account');
let accounts: typeof import('@/lib/auth/accounts');
let reviews: typeof import('@/lib/flashcards/reviews');
let plan: typeof import('@/lib/flashcards/session');
let stats: typeof import('@/lib/flashcards/stats');
let settings: typeof import('@/lib/flashcards/settings');
let firstRun: typeof import('@/lib/progress/first-run');
let lessons: typeof import('@/lib/progress/lessons');
let attempts: typeof import('@/lib/scenarios/attempts');
let runs: typeof import('@/lib/simulator/runs');
let userData: typeof import('@/lib/cache/user-data');

const NOW = new Date('2026-04-01T10:00:00.000Z');
let keys = 0;
const key = () => `cache-test-${process.pid}-${++keys}-abcdef`;
const signInAs = (user: { id: string; email: string }) => {
  session.user = { ...user, name: 'Test' };
};

beforeAll(async () => {
  process.env.MESH_DOJO_DECK_DIR = path.resolve(import.meta.dirname, '../fixtures/cards');
  ({ cleanup } = await setupTestDatabase());
  ({ db } = await import('@/lib/db'));
  sessions = await import('@/lib/auth/sessions');
  account = await import('@/lib/auth/account');
  accounts = await import('@/lib/auth/accounts');
  reviews = await import('@/lib/flashcards/reviews');
  plan = await import('@/lib/flashcards/session');
  stats = await import('@/lib/flashcards/stats');
  settings = await import('@/lib/flashcards/settings');
  firstRun = await import('@/lib/progress/first-run');
  lessons = await import('@/lib/progress/lessons');
  attempts = await import('@/lib/scenarios/attempts');
  runs = await import('@/lib/simulator/runs');
  userData = await import('@/lib/cache/user-data');
  // On PostgreSQL the caches also LISTEN for other instances' invalidations and drop everything
  // when that connection comes up: wait for it, so the TTL cases below are not raced by it.
  await Promise.all([userData.userDataListening(), sessions.sessionsListening()]);
});
afterAll(async () => cleanup());
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('per-user data cache', () => {
  it('serves a cached value until the TTL when the write bypasses this process', async () => {
    const user = await createTestUser();
    signInAs(user);
    expect((await settings.getSrsSettings({ userId: user.id })).newCardsPerDay).toBe(20);
    // Another instance saves settings: this process does not know yet.
    await db.srsSettings.create({ data: { userId: user.id, newCardsPerDay: 3 } });
    expect((await settings.getSrsSettings({ userId: user.id })).newCardsPerDay).toBe(20);
    vi.setSystemTime(NOW.getTime() + userData.USER_DATA_CACHE_TTL_MS);
    expect((await settings.getSrsSettings({ userId: user.id })).newCardsPerDay).toBe(3);
  });

  it('a settings change shows up on the next read of settings and the daily plan', async () => {
    const user = await createTestUser();
    signInAs(user);
    const before = await plan.getTodaySummary({ userId: user.id, now: NOW });
    expect(before.newToday).toBeGreaterThan(1);
    await settings.updateSrsSettings({
      userId: user.id,
      input: {
        desiredRetention: '0.9',
        newCardsPerDay: '1',
        maxReviewsPerDay: '200',
        interviewDate: '',
      },
      now: NOW,
    });
    expect((await settings.getSrsSettings({ userId: user.id })).newCardsPerDay).toBe(1);
    expect((await plan.getTodaySummary({ userId: user.id, now: NOW })).newToday).toBe(1);
  });

  it('a review and its undo show up in due counts, streak, first-run counts and the queue', async () => {
    const user = await createTestUser();
    signInAs(user);
    const read = async () => ({
      summary: await plan.getTodaySummary({ userId: user.id, now: NOW }),
      streak: await stats.getReviewStreak({ userId: user.id, now: NOW }),
      counts: await firstRun.getFirstRunCounts({ userId: user.id }),
      next: (await plan.getReviewSession({ userId: user.id, now: NOW })).card?.id,
    });
    const before = await read();
    expect(before).toMatchObject({ streak: 0, counts: { reviews: 0 } });
    expect(before.summary.reviewedToday).toBe(0);
    const cardId = before.next;
    if (!cardId) throw new Error('expected a first card');
    await reviews.recordReview({
      userId: user.id,
      cardId,
      grade: 4,
      idempotencyKey: key(),
      now: NOW,
    });
    const after = await read();
    expect(after.summary.reviewedToday).toBe(1);
    expect(after.summary.newToday).toBe(before.summary.newToday - 1);
    expect(after.streak).toBe(1);
    expect(after.counts.reviews).toBe(1);
    expect(after.next).not.toBe(cardId);

    await reviews.undoLastReview({ userId: user.id, now: NOW });
    const undone = await read();
    expect(undone.summary.reviewedToday).toBe(0);
    expect(undone.streak).toBe(0);
    expect(undone.counts.reviews).toBe(0);
    expect(undone.next).toBe(cardId);
  });

  it('a scenario attempt shows up in stats, recommendations, first-run counts and the queue', async () => {
    const user = await createTestUser();
    signInAs(user);
    expect(await attempts.listScenarioStats({ userId: user.id })).toEqual([]);
    expect((await firstRun.getFirstRunCounts({ userId: user.id })).scenarioAttempts).toBe(0);
    const triedBefore = (await attempts.listCompetencyScores({ userId: user.id })).reduce(
      (sum, c) => sum + c.tried,
      0,
    );
    expect(triedBefore).toBe(0);
    const firstPick = await attempts.getRecommendedScenario({ userId: user.id });
    const queued = await plan.getTodaySummary({ userId: user.id, now: NOW });
    const result = await attempts.submitScenarioAttempt({
      userId: user.id,
      scenarioId: 'diagnose-retry-storm-failing-leaf',
      answer: {
        decision: 'retry-storm',
        justification: 'The retries are the problem here.',
        prediction: 'x3',
      },
      now: NOW,
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.newCardCount).toBeGreaterThan(0);
    expect(await attempts.listScenarioStats({ userId: user.id })).toMatchObject([
      { scenarioId: 'diagnose-retry-storm-failing-leaf', attempts: 1 },
    ]);
    expect((await firstRun.getFirstRunCounts({ userId: user.id })).scenarioAttempts).toBe(1);
    const triedAfter = (await attempts.listCompetencyScores({ userId: user.id })).reduce(
      (sum, c) => sum + c.tried,
      0,
    );
    expect(triedAfter).toBeGreaterThan(0);
    expect((await attempts.getRecommendedScenario({ userId: user.id }))?.reason).not.toBe(
      firstPick?.reason,
    );
    // The attempt's mistake cards join the review queue at once.
    expect((await plan.getTodaySummary({ userId: user.id, now: NOW })).newAvailable).toBe(
      queued.newAvailable + result.newCardCount,
    );
  });

  it('completing a lesson shows up in chapter progress and first-run counts', async () => {
    const user = await createTestUser();
    signInAs(user);
    const before = await lessons.getChapterProgress({ userId: user.id });
    expect(before.completedCount).toBe(0);
    const first = before.nextLesson;
    if (!first) throw new Error('expected a first lesson');
    await lessons.markLessonComplete({ userId: user.id, lessonId: first.id });
    const after = await lessons.getChapterProgress({ userId: user.id });
    expect(after.completedCount).toBe(1);
    expect(after.nextLesson?.id).not.toBe(first.id);
    expect((await firstRun.getFirstRunCounts({ userId: user.id })).hasReadFirstLesson).toBe(true);
  });

  it('deleting a saved simulator run shows up in the run list', async () => {
    const user = await createTestUser();
    signInAs(user);
    expect(await runs.listSimulatorRuns({ userId: user.id })).toEqual([]);
    // Saved by another instance: seen once the TTL has passed.
    const row = await db.simulatorRun.create({
      data: {
        userId: user.id,
        name: 'from elsewhere',
        config: JSON.stringify({ services: [{ name: 'a' }] }),
        seed: 1,
        intents: '[]',
        summary: '{}',
      },
      select: { id: true },
    });
    vi.setSystemTime(NOW.getTime() + userData.USER_DATA_CACHE_TTL_MS);
    const listed = await runs.listSimulatorRuns({ userId: user.id });
    // (Only rows that parse are listed; either way the delete below must empty the list.)
    await runs.deleteSimulatorRun({ userId: user.id, runId: row.id });
    expect(await runs.listSimulatorRuns({ userId: user.id })).toEqual([]);
    expect(listed.length).toBeLessThanOrEqual(1);
  });

  it('keeps each user’s values apart and still refuses another user’s data', async () => {
    const alice = await createTestUser();
    const bob = await createTestUser();
    signInAs(alice);
    await settings.updateSrsSettings({
      userId: alice.id,
      input: {
        desiredRetention: '0.9',
        newCardsPerDay: '2',
        maxReviewsPerDay: '200',
        interviewDate: '',
      },
      now: NOW,
    });
    expect((await settings.getSrsSettings({ userId: alice.id })).newCardsPerDay).toBe(2);
    expect((await firstRun.getFirstRunCounts({ userId: alice.id })).reviews).toBe(0);
    signInAs(bob);
    expect((await settings.getSrsSettings({ userId: bob.id })).newCardsPerDay).toBe(20);
    // Alice's first-run counts are cached, but the authorization check runs before the cache.
    await expect(firstRun.getFirstRunCounts({ userId: alice.id })).rejects.toThrow(/forbidden/);
    await expect(lessons.getChapterProgress({ userId: alice.id })).rejects.toThrow(
      /your own progress/,
    );
    await expect(attempts.listScenarioStats({ userId: alice.id })).rejects.toThrow(/your own/);
  });
});

describe('session-row cache', () => {
  const PASSWORD = 'orbital-mechanics-9';
  async function newUser() {
    const email = `cache-${++keys}@example.test`;
    await accounts.createAccount({ name: 'Mary Jackson', email, password: PASSWORD });
    return db.user.findUniqueOrThrow({
      where: { email },
      select: { id: true, email: true, name: true },
    });
  }
  const lookUp = (sessionId: string, userId: string) =>
    sessions.getSessionUser({ sessionId, userId, now: new Date() });

  it('a row deleted by another instance is honoured within the TTL', async () => {
    const user = await newUser();
    const sid = await sessions.createSession({ userId: user.id, now: new Date() });
    expect(await lookUp(sid, user.id)).toMatchObject({ id: user.id });
    await db.userSession.deleteMany({ where: { id: sid } });
    // The documented lag: this process still trusts its copy for up to SESSION_CACHE_TTL_MS.
    expect(await lookUp(sid, user.id)).toMatchObject({ id: user.id });
    vi.setSystemTime(Date.now() + sessions.SESSION_CACHE_TTL_MS + 1);
    expect(await lookUp(sid, user.id)).toBeNull();
  });

  it('sign-out denies the next request in this process at once', async () => {
    const user = await newUser();
    const sid = await sessions.createSession({ userId: user.id, now: new Date() });
    expect(await lookUp(sid, user.id)).not.toBeNull();
    await sessions.revokeSession({ sessionId: sid });
    expect(await lookUp(sid, user.id)).toBeNull();
  });

  it('sign out everywhere, a password change and account deletion deny at once', async () => {
    const everywhere = await newUser();
    const changed = await newUser();
    const deleted = await newUser();
    const sids = await Promise.all(
      [everywhere, changed, changed, deleted].map((u) =>
        sessions.createSession({ userId: u.id, now: new Date() }),
      ),
    );
    const owners = [everywhere, changed, changed, deleted];
    for (const [i, sid] of sids.entries()) expect(await lookUp(sid, owners[i]!.id)).not.toBeNull();

    session.user = everywhere;
    await account.signOutEverywhere({ userId: everywhere.id });
    expect(await lookUp(sids[0]!, everywhere.id)).toBeNull();

    session.user = changed;
    const done = await account.changePassword({
      userId: changed.id,
      input: { currentPassword: PASSWORD, newPassword: 'brand-new-pass-7' },
    });
    expect(done.ok).toBe(true);
    expect(await lookUp(sids[1]!, changed.id)).toBeNull();
    expect(await lookUp(sids[2]!, changed.id)).toBeNull();

    session.user = deleted;
    expect((await account.deleteAccount({ userId: deleted.id, confirmation: PASSWORD })).ok).toBe(
      true,
    );
    expect(await lookUp(sids[3]!, deleted.id)).toBeNull();
  });

  it('a rename shows up on the next request; another user’s session id is refused', async () => {
    const user = await newUser();
    const other = await newUser();
    const sid = await sessions.createSession({ userId: user.id, now: new Date() });
    expect(await lookUp(sid, user.id)).toMatchObject({ name: 'Mary Jackson' });
    session.user = user;
    expect((await account.updateAccountName({ userId: user.id, name: 'Dorothy Vaughan' })).ok).toBe(
      true,
    );
    expect(await lookUp(sid, user.id)).toMatchObject({ name: 'Dorothy Vaughan' });
    expect(await lookUp(sid, other.id)).toBeNull();
  });

  it('an expired row is refused even while it is cached', async () => {
    const user = await newUser();
    const start = new Date();
    const sid = await sessions.createSession({ userId: user.id, now: start });
    expect(await lookUp(sid, user.id)).not.toBeNull();
    expect(
      await sessions.getSessionUser({
        sessionId: sid,
        userId: user.id,
        now: new Date(start.getTime() + sessions.SESSION_POLICY.maxAgeMs),
      }),
    ).toBeNull();
  });
});
