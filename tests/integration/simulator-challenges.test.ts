import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestUser, setupTestDatabase } from './helpers/test-db';
import { session } from './helpers/fake-session';

// Real SQLite, real replay worker, real content; only the session is faked.
vi.mock('@/lib/auth/session', () => import('./helpers/fake-session'));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

let cleanup: () => Promise<void>;
let challenges: typeof import('@/lib/simulator/challenges');
let actions: typeof import('@/app/(study)/simulator/challenges/actions');
let alice: { id: string; email: string };
let bob: { id: string; email: string };
const signInAs = (user: { id: string; email: string } | null) => {
  session.user = user ? { ...user, name: 'Test' } : null;
};

const setup = [
  {
    at: 0,
    intent: {
      type: 'set-failure' as const,
      service: 'inventory-svc',
      failureProb: 1,
      failureKind: '500' as const,
    },
  },
];
const fix = [
  { at: 0, intent: { type: 'set-retries' as const, service: 'payments-svc', attempts: 0 } },
  { at: 0, intent: { type: 'set-retries' as const, service: 'profile-svc', attempts: 0 } },
];

beforeAll(async () => {
  ({ cleanup } = await setupTestDatabase());
  challenges = await import('@/lib/simulator/challenges');
  actions = await import('@/app/(study)/simulator/challenges/actions');
  alice = await createTestUser();
  bob = await createTestUser();
});
afterAll(async () => cleanup());
beforeEach(() => signInAs(null));

describe('simulator challenge results', () => {
  it('a failed and a passed attempt are judged on the server and stored for their owner', async () => {
    signInAs(alice);
    const failed = await actions.checkChallengeAction({
      challengeId: 'stop-the-retry-storm',
      script: setup,
      steps: 3,
    });
    expect(failed.ok && failed.verdict.passed).toBe(false);
    if (failed.ok) {
      expect(failed.stored).toBe(true);
      const c = failed.verdict.conditions.find((x) => /attempts per request/.test(x.label))!;
      expect(c.passed).toBe(false);
    }
    expect((await challenges.bestChallengeResults(alice.id))[0]).toMatchObject({
      challengeId: 'stop-the-retry-storm',
      passed: false,
      attempts: 1,
    });
    const passed = await actions.checkChallengeAction({
      challengeId: 'stop-the-retry-storm',
      script: [...setup, ...fix],
      steps: 5,
    });
    expect(passed.ok && passed.verdict.passed).toBe(true);
    const best = await challenges.bestChallengeResults(alice.id);
    expect(best).toHaveLength(1);
    expect(best[0]).toMatchObject({ passed: true, attempts: 2 });
    expect(challenges.hasPassedChallenge(best, 'stop-the-retry-storm')).toBe(true);
    expect(
      await challenges.listChallengeResults({
        userId: alice.id,
        challengeId: 'stop-the-retry-storm',
      }),
    ).toHaveLength(2);
  });

  it('results are private: another user can read neither the list nor the best results', async () => {
    signInAs(bob);
    await expect(challenges.bestChallengeResults(alice.id)).rejects.toThrow(/own/);
    await expect(
      challenges.listChallengeResults({ userId: alice.id, challengeId: 'stop-the-retry-storm' }),
    ).rejects.toThrow(/own/);
    expect(await challenges.bestChallengeResults(bob.id)).toEqual([]);
  });

  it('signed out: a verdict but nothing stored; bad input and edited setups are refused', async () => {
    const r = await actions.checkChallengeAction({
      challengeId: 'stop-the-retry-storm',
      script: [...setup, ...fix],
      steps: 5,
    });
    expect(r.ok && r.verdict.passed).toBe(true);
    if (r.ok) expect(r.stored).toBe(false);
    expect(
      await actions.checkChallengeAction({ challengeId: 'nope', script: [], steps: 3 }),
    ).toEqual({
      ok: false,
      message: 'That challenge does not exist.',
    });
    const edited = await actions.checkChallengeAction({
      challengeId: 'stop-the-retry-storm',
      script: fix, // the hard-down setup removed
      steps: 5,
    });
    expect(edited.ok).toBe(false);
    if (!edited.ok) expect(edited.message).toMatch(/does not start from the challenge/);
    const tooLong = await actions.checkChallengeAction({
      challengeId: 'stop-the-retry-storm',
      script: setup,
      steps: 31,
    });
    expect(tooLong).toEqual({ ok: false, message: 'Checked runs have at most 30 steps.' });
    expect((await actions.checkChallengeAction(5)).ok).toBe(false);
  });
});
