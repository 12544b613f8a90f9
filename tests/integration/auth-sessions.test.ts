import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setupTestDatabase } from './helpers/test-db';
import { session } from './helpers/fake-session';

// Only the "who is signed in" lookup used by the account functions' own authorization is
// faked; session rows, next-auth's callbacks, hashing and SQLite are real.
vi.mock('@/lib/auth/session', () => import('./helpers/fake-session'));

let cleanup: () => Promise<void>;
let db: typeof import('@/lib/db').db;
let sessions: typeof import('@/lib/auth/sessions');
let account: typeof import('@/lib/auth/account');
let accounts: typeof import('@/lib/auth/accounts');
let authOptions: typeof import('@/lib/auth/options').authOptions;

beforeAll(async () => {
  ({ cleanup } = await setupTestDatabase());
  ({ db } = await import('@/lib/db'));
  sessions = await import('@/lib/auth/sessions');
  account = await import('@/lib/auth/account');
  accounts = await import('@/lib/auth/accounts');
  ({ authOptions } = await import('@/lib/auth/options'));
});
afterAll(async () => cleanup());

const PASSWORD = 'orbital-mechanics-9';

async function newUser(email: string) {
  await accounts.createAccount({ name: 'Katherine Johnson', email, password: PASSWORD });
  const row = await db.user.findUniqueOrThrow({
    where: { email },
    select: { id: true, email: true, name: true },
  });
  return row;
}

type Jwt = NonNullable<NonNullable<typeof authOptions.callbacks>['jwt']>;
type SessionCallback = NonNullable<NonNullable<typeof authOptions.callbacks>['session']>;
const jwt = (args: Record<string, unknown>) =>
  (authOptions.callbacks?.jwt as Jwt)(args as Parameters<Jwt>[0]);
const sessionCallback = (token: Record<string, unknown>) =>
  (authOptions.callbacks?.session as SessionCallback)({
    session: { user: { name: 'x', email: 'x' }, expires: '2099-01-01T00:00:00.000Z' },
    token,
  } as unknown as Parameters<SessionCallback>[0]);

/** What next-auth does on a credentials sign-in: the jwt callback with the authorized user. */
async function signInToken(user: { id: string; email: string; name: string }) {
  return jwt({
    token: {},
    user: { ...user, userAgent: 'Mozilla/5.0 (X11; Linux) Chrome/156' },
    account: { provider: 'credentials' },
  });
}

describe('session rows', () => {
  it('a sign-in opens a row; a revoked row empties the token and the session', async () => {
    const user = await newUser('kj@example.test');
    const token = await signInToken(user);
    expect(token).toMatchObject({ uid: user.id, sid: expect.any(String) });
    expect(
      await sessions.getSessionUser({ sessionId: String(token.sid), userId: user.id }),
    ).toMatchObject({ id: user.id });
    // A later read of the same (copied) cookie while the row lives: still signed in.
    expect(await jwt({ token })).toMatchObject({ uid: user.id });
    await sessions.revokeSession({ sessionId: String(token.sid) });
    expect(
      await sessions.getSessionUser({ sessionId: String(token.sid), userId: user.id }),
    ).toBeNull();
    const after = await jwt({ token });
    expect(after).toEqual({});
    expect(await sessionCallback(after)).toEqual({ expires: '2099-01-01T00:00:00.000Z' });
  });

  it("next-auth's sign-out event deletes the row, so a cookie copied earlier stops working", async () => {
    const user = await newUser('copy@example.test');
    const token = await signInToken(user);
    await authOptions.events?.signOut?.({ token, session: null as never });
    expect(
      await sessions.getSessionUser({ sessionId: String(token.sid), userId: user.id }),
    ).toBeNull();
  });

  it('expires after SESSION_POLICY.maxAgeMs unless used, and rolls forward when used', async () => {
    const user = await newUser('roll@example.test');
    const t0 = new Date('2026-06-01T00:00:00Z');
    const id = await sessions.createSession({ userId: user.id, now: t0 });
    const { maxAgeMs, touchEveryMs } = sessions.SESSION_POLICY;
    const nearEnd = new Date(t0.getTime() + maxAgeMs - touchEveryMs);
    expect(
      await sessions.getSessionUser({ sessionId: id, userId: user.id, now: nearEnd }),
    ).not.toBeNull();
    // Used near the end: extended to maxAgeMs from then.
    const beyondFirst = new Date(t0.getTime() + maxAgeMs + 1000);
    expect(
      await sessions.getSessionUser({ sessionId: id, userId: user.id, now: beyondFirst }),
    ).not.toBeNull();
    const idle = new Date(beyondFirst.getTime() + maxAgeMs + 1000);
    expect(await sessions.getSessionUser({ sessionId: id, userId: user.id, now: idle })).toBeNull();
    // A row never answers for another user id.
    const other = await sessions.createSession({ userId: user.id });
    expect(await sessions.getSessionUser({ sessionId: other, userId: 'someone-else' })).toBeNull();
  });
});

describe('account functions', () => {
  it('sign out everywhere ends every session of the user and no one else’s', async () => {
    const a = await newUser('everywhere@example.test');
    const b = await newUser('bystander@example.test');
    const [a1, a2, b1] = await Promise.all([signInToken(a), signInToken(a), signInToken(b)]);
    session.user = a;
    expect(await account.signOutEverywhere({ userId: a.id })).toBe(2);
    expect(await jwt({ token: a1 })).toEqual({});
    expect(await jwt({ token: a2 })).toEqual({});
    expect(await jwt({ token: b1 })).toMatchObject({ uid: b.id });
  });

  it('changing the password needs the current one and ends every session', async () => {
    const user = await newUser('change@example.test');
    const token = await signInToken(user);
    session.user = user;
    const wrong = await account.changePassword({
      userId: user.id,
      input: { currentPassword: 'nope-nope-1', newPassword: 'brand-new-pass-7' },
    });
    expect(wrong).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: [expect.any(String)] },
    });
    expect(await jwt({ token })).toMatchObject({ uid: user.id });
    const weak = await account.changePassword({
      userId: user.id,
      input: { currentPassword: PASSWORD, newPassword: 'short' },
    });
    expect(weak).toMatchObject({ ok: false, fieldErrors: { newPassword: expect.any(Array) } });
    const done = await account.changePassword({
      userId: user.id,
      input: { currentPassword: PASSWORD, newPassword: 'brand-new-pass-7' },
    });
    expect(done.ok).toBe(true);
    expect(await jwt({ token })).toEqual({});
    expect(
      (await accounts.authenticate({ email: user.email, password: PASSWORD }, { ip: null })).ok,
    ).toBe(false);
    expect(
      (
        await accounts.authenticate(
          { email: user.email, password: 'brand-new-pass-7' },
          { ip: null },
        )
      ).ok,
    ).toBe(true);
  });

  it('refuses to act on another user’s account', async () => {
    const victim = await newUser('victim@example.test');
    const attacker = await newUser('attacker@example.test');
    session.user = attacker;
    await expect(account.signOutEverywhere({ userId: victim.id })).rejects.toThrow(
      /your own account/,
    );
    await expect(
      account.deleteAccount({ userId: victim.id, confirmation: PASSWORD }),
    ).rejects.toThrow(/your own account/);
    await expect(account.exportAccountData({ userId: victim.id })).rejects.toThrow(
      /your own account/,
    );
    expect(await db.user.count({ where: { id: victim.id } })).toBe(1);
  });

  it('rejects bidirectional controls in a new name', async () => {
    const user = await newUser('rename@example.test');
    session.user = user;
    expect((await account.updateAccountName({ userId: user.id, name: 'Evil\u202Eeman' })).ok).toBe(
      false,
    );
    expect((await account.updateAccountName({ userId: user.id, name: 'Dorothy Vaughan' })).ok).toBe(
      true,
    );
    expect(
      (await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true } })).name,
    ).toBe('Dorothy Vaughan');
  });

  it('exports the user’s data without secrets, and deletion (confirmed by password) removes all of it', async () => {
    const user = await newUser('leaving@example.test');
    session.user = user;
    await db.lessonProgress.create({
      data: { userId: user.id, lessonId: 'why-service-mesh', completedAt: new Date() },
    });
    await db.simulatorRun.create({
      data: { userId: user.id, name: 'run', config: '{}', seed: 1, summary: '{}' },
    });
    await signInToken(user);
    const data = await account.exportAccountData({ userId: user.id });
    expect(data.profile?.email).toBe(user.email);
    expect(data.lessonProgress).toHaveLength(1);
    expect(data.simulatorRuns).toHaveLength(1);
    expect(data.sessions).toHaveLength(1);
    const json = JSON.stringify(data);
    expect(json).not.toMatch(/scrypt\$|passwordHash/);

    const refused = await account.deleteAccount({
      userId: user.id,
      confirmation: 'wrong-password-1',
    });
    expect(refused).toMatchObject({ ok: false });
    expect(await db.user.count({ where: { id: user.id } })).toBe(1);
    expect(await account.deleteAccount({ userId: user.id, confirmation: PASSWORD })).toMatchObject({
      ok: true,
    });
    for (const count of await Promise.all([
      db.user.count({ where: { id: user.id } }),
      db.lessonProgress.count({ where: { userId: user.id } }),
      db.simulatorRun.count({ where: { userId: user.id } }),
      db.userSession.count({ where: { userId: user.id } }),
    ])) {
      expect(count).toBe(0);
    }
  });
});
