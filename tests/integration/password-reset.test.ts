import { once } from 'node:events';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from './helpers/test-db';

// A real SMTP server on loopback (smtp-server), real nodemailer, real SQLite.
const SMTP_PORT = 3231;
const received: Array<{ to: string; body: string }> = [];
let smtp: SMTPServer;
let cleanup: () => Promise<void>;
let url: string;
let db: typeof import('@/lib/db').db;
let reset: typeof import('@/lib/auth/password-reset');
let accounts: typeof import('@/lib/auth/accounts');
let sessions: typeof import('@/lib/auth/sessions');

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, smtpSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          to: smtpSession.envelope.rcptTo.map((r) => r.address).join(','),
          body: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  smtp.listen(SMTP_PORT, '127.0.0.1');
  await once(smtp.server, 'listening');
  process.env.SMTP_URL = `smtp://127.0.0.1:${SMTP_PORT}`;
  process.env.NEXTAUTH_URL = 'http://dojo.example.test';
  ({ cleanup, url } = await setupTestDatabase());
  ({ db } = await import('@/lib/db'));
  reset = await import('@/lib/auth/password-reset');
  accounts = await import('@/lib/auth/accounts');
  sessions = await import('@/lib/auth/sessions');
});

afterAll(async () => {
  await cleanup();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  delete process.env.SMTP_URL;
  delete process.env.NEXTAUTH_URL;
});

async function waitForMail(to: string, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const mail = received.find((m) => m.to === to);
    if (mail) return mail.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no mail to ${to}`);
}

function tokenFrom(body: string): string {
  // Quoted-printable may wrap the line; join soft breaks first.
  const text = body.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  const match = /http:\/\/dojo\.example\.test\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no reset link in mail:\n${body}`);
  return match[1];
}

const OLD = 'first-password-12';
const NEW = 'second-password-34';

describe('password reset by email', () => {
  it('mails a single-use link built from NEXTAUTH_URL, which sets the password and ends every session', async () => {
    await accounts.createAccount({
      name: 'Grace Hopper',
      email: 'reset@example.test',
      password: OLD,
    });
    const user = await db.user.findUniqueOrThrow({
      where: { email: 'reset@example.test' },
      select: { id: true },
    });
    const sid = await sessions.createSession({ userId: user.id });
    expect(
      await reset.requestPasswordReset({ email: 'Reset@Example.test', ip: '192.0.2.1' }),
    ).toEqual({ ok: true });
    const token = tokenFrom(await waitForMail('reset@example.test'));
    // Only the hash is stored.
    const stored = await db.passwordResetToken.findMany({
      where: { userId: user.id },
      select: { tokenHash: true },
    });
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash).not.toContain(token);

    expect(await reset.resetPassword({ token, newPassword: NEW })).toEqual({
      ok: true,
      email: 'reset@example.test',
    });
    expect(await sessions.getSessionUser({ sessionId: sid, userId: user.id })).toBeNull();
    expect(
      (await accounts.authenticate({ email: 'reset@example.test', password: NEW }, { ip: null }))
        .ok,
    ).toBe(true);
    // Single use.
    expect(await reset.resetPassword({ token, newPassword: 'third-password-56' })).toMatchObject({
      ok: false,
    });
    expect(
      (await accounts.authenticate({ email: 'reset@example.test', password: NEW }, { ip: null }))
        .ok,
    ).toBe(true);
  });

  it('answers the same for an unknown address and sends nothing', async () => {
    const before = received.length;
    expect(
      await reset.requestPasswordReset({ email: 'nobody@example.test', ip: '192.0.2.2' }),
    ).toEqual({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received.length).toBe(before);
    expect(await db.passwordResetToken.count()).toBe(1);
  });

  it('refuses an expired token, a forged one, and a weak new password (token kept)', async () => {
    await accounts.createAccount({
      name: 'Ada Lovelace',
      email: 'expired@example.test',
      password: OLD,
    });
    const user = await db.user.findUniqueOrThrow({
      where: { email: 'expired@example.test' },
      select: { id: true },
    });
    const t0 = new Date('2026-01-01T00:00:00Z');
    const token = await reset.createResetToken({ userId: user.id, now: t0 });
    const late = new Date(t0.getTime() + reset.RESET_POLICY.ttlMs + 1);
    expect(await reset.resetPassword({ token, newPassword: NEW }, { now: late })).toMatchObject({
      ok: false,
    });
    expect(await reset.resetPassword({ token: 'x'.repeat(43), newPassword: NEW })).toMatchObject({
      ok: false,
    });
    const fresh = await reset.createResetToken({ userId: user.id });
    expect(await reset.resetPassword({ token: fresh, newPassword: 'short' })).toMatchObject({
      ok: false,
      fieldErrors: { newPassword: expect.any(Array) },
    });
    expect((await reset.resetPassword({ token: fresh, newPassword: NEW })).ok).toBe(true);
  });

  it('limits reset mail per address (the answer stays the same)', async () => {
    await accounts.createAccount({
      name: 'Mary Jackson',
      email: 'flood@example.test',
      password: OLD,
    });
    const now = new Date();
    for (let i = 0; i < reset.RESET_POLICY.perEmailPerHour + 3; i += 1) {
      expect(
        await reset.requestPasswordReset({
          email: 'flood@example.test',
          ip: `192.0.2.${10 + i}`,
          now,
        }),
      ).toEqual({ ok: true });
    }
    await waitForMail('flood@example.test');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(received.filter((m) => m.to === 'flood@example.test')).toHaveLength(
      reset.RESET_POLICY.perEmailPerHour,
    );
  });
});

describe('npm run user:reset-password', () => {
  const ROOT = path.resolve(import.meta.dirname, '../..');
  const run = (...args: string[]) =>
    spawnSync(
      path.join(ROOT, 'node_modules/.bin/tsx'),
      ['--conditions=react-server', 'scripts/reset-password.ts', ...args],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          DATABASE_URL: url,
          SMTP_URL: '',
          NEXTAUTH_URL: 'http://dojo.example.test',
        },
        encoding: 'utf8',
      },
    );

  it('prints a working one-time link for an existing account', { timeout: 60_000 }, async () => {
    await accounts.createAccount({
      name: 'Annie Easley',
      email: 'cli@example.test',
      password: OLD,
    });
    const result = run('CLI@example.test');
    expect(result.status).toBe(0);
    const token = tokenFrom(result.stdout);
    expect((await reset.resetPassword({ token, newPassword: NEW })).ok).toBe(true);
  });

  it(
    'exits non-zero with a message for an unknown or malformed email, or no argument',
    { timeout: 60_000 },
    () => {
      const unknown = run('nobody@example.test');
      expect(unknown.status).toBe(1);
      expect(unknown.stderr).toContain('No account uses nobody@example.test');
      const malformed = run('not-an-email');
      expect(malformed.status).toBe(1);
      expect(run().status).toBe(2);
    },
  );
});
