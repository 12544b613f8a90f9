import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from './helpers/test-db';

let cleanup: () => Promise<void>;
let accounts: typeof import('@/lib/auth/accounts');
let passwords: typeof import('@/lib/auth/password');
let db: typeof import('@/lib/db').db;

beforeAll(async () => {
  ({ cleanup } = await setupTestDatabase());
  accounts = await import('@/lib/auth/accounts');
  passwords = await import('@/lib/auth/password');
  ({ db } = await import('@/lib/db'));
});

afterAll(async () => cleanup());

const good = { name: 'Grace Hopper', email: 'grace@example.test', password: 'cobol-compiler-59' };

describe('createAccount', () => {
  it('creates a user with a scrypt hash, never the plain password', async () => {
    const result = await accounts.createAccount(good);
    expect(result.ok).toBe(true);
    const row = await db.user.findUnique({
      where: { email: good.email },
      omit: { passwordHash: false },
    });
    expect(row?.passwordHash).toMatch(/^scrypt\$/);
    expect(row?.passwordHash).not.toContain(good.password);
  });

  it('answers a duplicate email (any case) exactly like a new one, without a second row', async () => {
    const before = passwords.hashesComputed();
    const duplicate = await accounts.createAccount({ ...good, email: 'GRACE@example.test' });
    const fresh = await accounts.createAccount({ ...good, email: 'grace2@example.test' });
    // The caller sees the same shape; only `created` (never sent to the browser) differs.
    expect(duplicate).toEqual({ ok: true, created: false });
    expect(fresh).toEqual({ ok: true, created: true });
    // Both spent one password hash, so timing does not tell them apart either.
    expect(passwords.hashesComputed() - before).toBe(2);
    expect(await db.user.count({ where: { email: good.email } })).toBe(1);
  });

  it('lets only one of two racing sign-ups for the same email create a row', async () => {
    const input = { ...good, email: 'race@example.test' };
    const results = await Promise.all([
      accounts.createAccount(input),
      accounts.createAccount(input),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && r.created)).toHaveLength(1);
    expect(await db.user.count({ where: { email: 'race@example.test' } })).toBe(1);
  });

  it('throttles sign-ups per client address and writes nothing once over the limit', async () => {
    const now = new Date('2026-05-01T10:00:00Z');
    const limit = 10; // SIGNUP_LIMIT_PER_HOUR default
    for (let i = 0; i < limit; i += 1) {
      const result = await accounts.createAccount(
        { ...good, email: `flood${i}@example.test` },
        { ip: '198.51.100.7', now },
      );
      expect(result.ok).toBe(true);
    }
    const over = await accounts.createAccount(
      { ...good, email: 'flood-over@example.test' },
      { ip: '198.51.100.7', now },
    );
    expect(over).toMatchObject({
      ok: false,
      message: expect.stringContaining('Too many new accounts'),
    });
    expect(await db.user.count({ where: { email: 'flood-over@example.test' } })).toBe(0);
    // Another address is not affected; the window ends after an hour.
    expect(
      (
        await accounts.createAccount(
          { ...good, email: 'other-ip@example.test' },
          { ip: '198.51.100.8', now },
        )
      ).ok,
    ).toBe(true);
    const later = new Date(now.getTime() + 60 * 60_000);
    expect(
      (
        await accounts.createAccount(
          { ...good, email: 'flood-later@example.test' },
          { ip: '198.51.100.7', now: later },
        )
      ).ok,
    ).toBe(true);
  }, 60_000);

  it('writes nothing for invalid input and names each bad field', async () => {
    const before = await db.user.count();
    const result = await accounts.createAccount({ name: '', email: 'bad', password: 'short' });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(Object.keys(result.fieldErrors).sort()).toEqual(['email', 'name', 'password']);
    expect(await db.user.count()).toBe(before);
    expect((await accounts.createAccount(null)).ok).toBe(false);
    expect((await accounts.createAccount({ name: 5, email: [], password: {} })).ok).toBe(false);
  });
});

describe('authenticate', () => {
  it('signs in with the right password, case-insensitive email', async () => {
    const result = await accounts.authenticate(
      { email: 'Grace@Example.test', password: good.password },
      { ip: '10.0.0.1' },
    );
    expect(result).toMatchObject({ ok: true, user: { email: good.email, name: good.name } });
  });

  it('gives the same message for an unknown email and a wrong password', async () => {
    const unknown = await accounts.authenticate(
      { email: 'nobody@example.test', password: 'whatever-1' },
      { ip: '10.0.0.2' },
    );
    const wrong = await accounts.authenticate(
      { email: good.email, password: 'wrong-password-1' },
      { ip: '10.0.0.2' },
    );
    expect(unknown).toEqual(wrong);
    expect(wrong).toMatchObject({
      ok: false,
      reason: 'invalid',
      message: 'Incorrect email or password.',
    });
  });

  it('locks an email after 5 failures with a "try again in N s" message, then unlocks', async () => {
    await accounts.createAccount({ ...good, email: 'locked@example.test' });
    const t0 = new Date('2026-01-01T00:00:00Z');
    const attempt = (password: string, at: Date, ip = '10.0.1.1') =>
      accounts.authenticate({ email: 'locked@example.test', password }, { ip, now: at });
    for (let i = 0; i < 4; i += 1) expect((await attempt('bad-password-1', t0)).ok).toBe(false);
    const fifth = await attempt('bad-password-1', t0);
    expect(fifth).toMatchObject({ ok: false, reason: 'throttled', retryAfterSeconds: 30 });
    if (!fifth.ok)
      expect(fifth.message).toBe('Too many failed sign-in attempts. Try again in 30 s.');
    // Even the right password is refused while locked, from any IP.
    const during = await attempt(good.password, new Date(t0.getTime() + 10_000), '10.9.9.9');
    expect(during).toMatchObject({ reason: 'throttled', retryAfterSeconds: 20 });
    const after = await attempt(good.password, new Date(t0.getTime() + 31_000));
    expect(after.ok).toBe(true);
  });

  it('checks the lock before hashing: a locked email costs no password hash', async () => {
    await accounts.createAccount({ ...good, email: 'nohash@example.test' });
    const t0 = new Date('2026-01-05T00:00:00Z');
    for (let i = 0; i < 5; i += 1) {
      await accounts.authenticate(
        { email: 'nohash@example.test', password: 'bad-password-1' },
        { ip: null, now: t0 },
      );
    }
    const before = passwords.hashesComputed();
    const locked = await accounts.authenticate(
      { email: 'nohash@example.test', password: 'bad-password-1' },
      { ip: null, now: t0 },
    );
    expect(locked).toMatchObject({ reason: 'throttled' });
    expect(passwords.hashesComputed()).toBe(before);
  });

  it('spends one hash for an unknown email, as for a known one', async () => {
    const before = passwords.hashesComputed();
    await accounts.authenticate(
      { email: 'ghost@example.test', password: 'whatever-12' },
      { ip: null },
    );
    const unknown = passwords.hashesComputed() - before;
    await accounts.authenticate({ email: good.email, password: 'whatever-12' }, { ip: null });
    expect(passwords.hashesComputed() - before - unknown).toBe(unknown);
    expect(unknown).toBe(1);
  });

  it('refuses the demo account on an instance configured for production', async () => {
    const { seedDemoUser, DEMO_ACCOUNT } = await import('@/prisma/seed');
    await seedDemoUser(db);
    const demo = { email: DEMO_ACCOUNT.email, password: DEMO_ACCOUNT.password };
    expect((await accounts.authenticate(demo, { ip: null })).ok).toBe(true);
    const { env } = await import('@/lib/env');
    const saved = env().MESH_DOJO_PRODUCTION;
    Object.assign(env(), { MESH_DOJO_PRODUCTION: '1' });
    try {
      expect(await accounts.authenticate(demo, { ip: null })).toMatchObject({
        ok: false,
        reason: 'invalid',
      });
    } finally {
      Object.assign(env(), { MESH_DOJO_PRODUCTION: saved });
    }
  });

  it('doubles the lock with each further failure', async () => {
    await accounts.createAccount({ ...good, email: 'double@example.test' });
    const t0 = new Date('2026-02-01T00:00:00Z');
    let last;
    for (let i = 0; i < 6; i += 1) {
      // Step past each lock so the attempt is evaluated, not refused.
      last = await accounts.authenticate(
        { email: 'double@example.test', password: 'bad-password-1' },
        { ip: null, now: new Date(t0.getTime() + i * 120_000) },
      );
    }
    expect(last).toMatchObject({ reason: 'throttled', retryAfterSeconds: 60 });
  });

  it('locks an IP after 20 failures across different emails', { timeout: 90_000 }, async () => {
    const t0 = new Date('2026-03-01T00:00:00Z');
    let last;
    for (let i = 0; i < 20; i += 1) {
      last = await accounts.authenticate(
        { email: `spray${i}@example.test`, password: 'guess-12345' },
        { ip: '203.0.113.7', now: t0 },
      );
    }
    expect(last).toMatchObject({ reason: 'throttled' });
    const fromSameIp = await accounts.authenticate(
      { email: good.email, password: good.password },
      { ip: '203.0.113.7', now: t0 },
    );
    expect(fromSameIp).toMatchObject({ reason: 'throttled' });
    const fromOtherIp = await accounts.authenticate(
      { email: good.email, password: good.password },
      { ip: '203.0.113.8', now: t0 },
    );
    expect(fromOtherIp.ok).toBe(true);
  });

  it('rejects malformed input without touching the throttle table', async () => {
    const before = await db.authThrottle.count();
    expect((await accounts.authenticate({ email: 42 }, { ip: '10.0.0.3' })).ok).toBe(false);
    expect((await accounts.authenticate(undefined, { ip: '10.0.0.3' })).ok).toBe(false);
    expect(await db.authThrottle.count()).toBe(before);
  });
});
