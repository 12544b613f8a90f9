import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestUser, setupTestDatabase } from './helpers/test-db';

// Every exported server action, called the way an attacker can: with arguments that are
// not what the page sends. None may throw (a 500) and none may write.
const session = vi.hoisted(() => ({
  user: null as { id: string; email: string; name: string } | null,
}));
vi.mock('@/lib/auth/session', () => ({
  getCurrentUser: async () => session.user,
  getSessionToken: async () => null,
  requireUser: async () => {
    if (!session.user) throw new Error('redirect /sign-in');
    return session.user;
  },
}));
vi.mock('next/headers', () => ({
  headers: async () => new Headers(),
  cookies: async () => new Map(),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const MODULES = [
  '@/app/(auth)/sign-up/actions',
  '@/app/(auth)/forgot-password/actions',
  '@/app/(auth)/reset-password/actions',
  '@/app/(study)/lessons/actions',
  '@/app/(study)/review/actions',
  '@/app/(study)/scenarios/[scenarioId]/actions',
  '@/app/(study)/simulator/actions',
  '@/app/account/actions',
] as const;

const JUNK: unknown[] = [
  undefined,
  null,
  0,
  'x',
  [],
  {},
  { name: 'x' },
  [1, { a: 2 }],
  new Map(),
  true,
];

let cleanup: () => Promise<void>;
let db: typeof import('@/lib/db').db;

beforeAll(async () => {
  ({ cleanup } = await setupTestDatabase());
  ({ db } = await import('@/lib/db'));
  const user = await createTestUser();
  session.user = { ...user, name: 'Fuzz' };
});
afterAll(async () => cleanup());

async function digest(): Promise<string> {
  const counts = await Promise.all([
    db.user.findMany({ select: { id: true, name: true, email: true } }),
    db.lessonProgress.count(),
    db.selfCheckAnswer.count(),
    db.reviewLog.count(),
    db.srsSettings.count(),
    db.scenarioAttempt.count(),
    db.simulatorRun.count(),
    db.passwordResetToken.count(),
  ]);
  return JSON.stringify(counts);
}

describe('server actions with non-FormData and junk arguments', () => {
  it('answer with a value (never throw) and change nothing', { timeout: 120_000 }, async () => {
    const before = await digest();
    let calls = 0;
    for (const path of MODULES) {
      const exported = (await import(path)) as Record<string, unknown>;
      for (const [name, action] of Object.entries(exported)) {
        if (typeof action !== 'function' || !name.endsWith('Action')) continue;
        // No-argument actions (undo, sign out everywhere, chapter state) ignore their input.
        if (
          ['undoLastReviewAction', 'loadChapterStateAction', 'signOutEverywhereAction'].includes(
            name,
          )
        )
          continue;
        for (const junk of JUNK) {
          for (const args of [[junk], [null, junk], [junk, junk]]) {
            calls += 1;
            await expect(
              (action as (...a: unknown[]) => Promise<unknown>)(...args),
              `${name}(${String(args)})`,
            ).resolves.not.toThrow();
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(300);
    expect(await digest()).toBe(before);
  });
});
