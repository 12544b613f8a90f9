import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { HashQueueFullError, hashPassword } from '@/lib/auth/password';
import { emailSchema, resetPasswordSchema } from '@/lib/auth/schemas';
import { isMailEnabled, sendMail } from '@/lib/auth/mailer';
import { revokeAllSessions } from '@/lib/auth/sessions';
import { consumeRateLimit } from '@/lib/security/rate-limit';

/*
 * Password reset by a single-use, time-limited token. Only the token's SHA-256 is stored,
 * so a database leak does not hand out reset links. Using a token revokes every session
 * and every other outstanding token of the account.
 */
export const RESET_POLICY = {
  ttlMs: 30 * 60_000,
  perEmailPerHour: 3,
  perIpPerHour: 10,
} as const;

const HOUR_MS = 60 * 60_000;

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The app's public origin for links in emails: NEXTAUTH_URL, never a request's Host header. */
export function publicOrigin(): string {
  return (env().NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? '3000'}`).replace(
    /\/$/,
    '',
  );
}

/** Creates a reset token for a user and returns the raw token (shown once). */
export async function createResetToken({
  userId,
  now = new Date(),
}: {
  userId: string;
  now?: Date;
}): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.passwordResetToken.create({
    data: {
      userId,
      tokenHash: digest(token),
      expiresAt: new Date(now.getTime() + RESET_POLICY.ttlMs),
      createdAt: now,
    },
    select: { id: true },
  });
  return token;
}

/** The link a user opens to choose a new password. */
export function resetLinkFor(token: string): string {
  return `${publicOrigin()}/reset-password?token=${encodeURIComponent(token)}`;
}

export type RequestResetResult = { ok: true } | { ok: false; message: string };

/**
 * Emails a reset link when the address has an account. The answer is the same whether or
 * not it does (no account enumeration); per-email and per-IP limits stop mail floods.
 */
export async function requestPasswordReset({
  email: rawEmail,
  ip,
  now = new Date(),
}: {
  email: unknown;
  ip: string | null;
  now?: Date;
}): Promise<RequestResetResult> {
  if (!isMailEnabled())
    return { ok: false, message: 'Password reset by email is not set up on this instance.' };
  const parsed = emailSchema.safeParse(rawEmail);
  if (!parsed.success)
    return {
      ok: false,
      message: parsed.error.issues[0]?.message ?? 'Enter a valid email address.',
    };
  const email = parsed.data;
  const byIp = await consumeRateLimit({
    key: `reset:ip:${ip ?? 'unknown'}`,
    policy: { limit: RESET_POLICY.perIpPerHour, windowMs: HOUR_MS },
    now,
  });
  if (!byIp.ok)
    return { ok: false, message: 'Too many reset requests from this network. Try again later.' };
  const byEmail = await consumeRateLimit({
    key: `reset:email:${email}`,
    policy: { limit: RESET_POLICY.perEmailPerHour, windowMs: HOUR_MS },
    now,
  });
  // Over the per-email limit the answer stays "sent" (saying otherwise would confirm the account).
  if (!byEmail.ok) return { ok: true };
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (!user) return { ok: true };
  const token = await createResetToken({ userId: user.id, now });
  const minutes = RESET_POLICY.ttlMs / 60_000;
  // Not awaited: the response time must not depend on whether an email is sent.
  void sendMail({
    to: email,
    subject: 'Reset your Mesh Dojo password',
    text: [
      'Someone (hopefully you) asked to reset the password of your Mesh Dojo account.',
      '',
      `Open this link within ${minutes} minutes to choose a new password:`,
      resetLinkFor(token),
      '',
      'The link works once. If you did not ask for this, ignore this email: your password stays as it is.',
    ].join('\n'),
  }).catch((error: unknown) => console.error('password reset email failed', error));
  return { ok: true };
}

export type ResetResult =
  | { ok: true; email: string }
  | { ok: false; message: string; fieldErrors: Partial<Record<'token' | 'newPassword', string[]>> };

const INVALID_LINK = 'This reset link is invalid, expired or already used. Ask for a new one.';

/** Sets a new password with a reset token; the token, other tokens and all sessions end. */
export async function resetPassword(
  input: unknown,
  { now = new Date() }: { now?: Date } = {},
): Promise<ResetResult> {
  const parsed = resetPasswordSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Partial<Record<'token' | 'newPassword', string[]>> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (field === 'token' || field === 'newPassword')
        (fieldErrors[field] ??= []).push(issue.message);
    }
    return {
      ok: false,
      message: fieldErrors.token ? INVALID_LINK : 'Please fix the highlighted fields.',
      fieldErrors,
    };
  }
  const row = await db.passwordResetToken.findUnique({
    where: { tokenHash: digest(parsed.data.token) },
    select: {
      id: true,
      userId: true,
      expiresAt: true,
      usedAt: true,
      user: { select: { email: true } },
    },
  });
  if (!row || row.usedAt || row.expiresAt.getTime() <= now.getTime()) {
    return { ok: false, message: INVALID_LINK, fieldErrors: { token: [INVALID_LINK] } };
  }
  let passwordHash: string;
  try {
    passwordHash = await hashPassword(parsed.data.newPassword);
  } catch (error) {
    if (error instanceof HashQueueFullError)
      return { ok: false, message: error.message, fieldErrors: {} };
    throw error;
  }
  // Claim the token first: of two concurrent uses, only the one that flips usedAt proceeds.
  const claimed = await db.passwordResetToken.updateMany({
    where: { id: row.id, usedAt: null },
    data: { usedAt: now },
  });
  if (claimed.count !== 1)
    return { ok: false, message: INVALID_LINK, fieldErrors: { token: [INVALID_LINK] } };
  await db.$transaction([
    db.user.update({ where: { id: row.userId }, data: { passwordHash }, select: { id: true } }),
    db.passwordResetToken.deleteMany({ where: { userId: row.userId, id: { not: row.id } } }),
    db.authThrottle.deleteMany({ where: { key: `email:${row.user.email}` } }),
  ]);
  await revokeAllSessions({ userId: row.userId });
  return { ok: true, email: row.user.email };
}
