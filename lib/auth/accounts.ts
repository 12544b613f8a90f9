import 'server-only';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { DEMO_ACCOUNT, isDemoEnabled } from '@/lib/auth/demo';
import {
  HashQueueFullError,
  hashPassword,
  verifyAgainstDummy,
  verifyPassword,
} from '@/lib/auth/password';
import { signInSchema, signUpSchema } from '@/lib/auth/schemas';
import { clearSignInFailures, recordFailedSignIn, secondsLocked } from '@/lib/auth/throttle';
import { env } from '@/lib/env';
import { consumeRateLimit } from '@/lib/security/rate-limit';
import type { SessionUser } from '@/lib/auth/session-user';

export type FieldErrors = Partial<Record<'name' | 'email' | 'password', string[]>>;

export type CreateAccountResult =
  | { ok: true; created: boolean }
  | { ok: false; message: string; fieldErrors: FieldErrors; retryAfterSeconds?: number };

/** What the sign-up form receives: success, or the message and field errors to show. */
export type SignUpState = { ok: true } | Extract<CreateAccountResult, { ok: false }>;

const HOUR_MS = 60 * 60_000;

function busy(error: HashQueueFullError): Extract<CreateAccountResult, { ok: false }> {
  return {
    ok: false,
    message: error.message,
    fieldErrors: {},
    retryAfterSeconds: error.retryAfterSeconds,
  };
}

/**
 * Validates sign-up input and creates the account. The answer never says whether the email
 * already had an account: a duplicate spends the same hashing time and reports success
 * without writing anything (the following sign-in then fails unless the password matches).
 * Each client address may try SIGNUP_LIMIT_PER_HOUR sign-ups per hour.
 */
export async function createAccount(
  input: unknown,
  { ip = null, now = new Date() }: { ip?: string | null; now?: Date } = {},
): Promise<CreateAccountResult> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (field === 'name' || field === 'email' || field === 'password') {
        (fieldErrors[field] ??= []).push(issue.message);
      }
    }
    return { ok: false, message: 'Please fix the highlighted fields.', fieldErrors };
  }
  const limit = await consumeRateLimit({
    key: `signup:ip:${ip ?? 'unknown'}`,
    policy: { limit: env().SIGNUP_LIMIT_PER_HOUR, windowMs: HOUR_MS },
    now,
  });
  if (!limit.ok) {
    const minutes = Math.ceil(limit.retryAfterSeconds / 60);
    return {
      ok: false,
      message: `Too many new accounts from this network. Try again in ${minutes} min.`,
      fieldErrors: {},
      retryAfterSeconds: limit.retryAfterSeconds,
    };
  }
  const { name, email, password } = parsed.data;
  let passwordHash: string;
  try {
    passwordHash = await hashPassword(password);
  } catch (error) {
    if (error instanceof HashQueueFullError) return busy(error);
    throw error;
  }
  if (email === DEMO_ACCOUNT.email) return { ok: true, created: false };
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) return { ok: true, created: false };
  try {
    await db.user.create({ data: { name, email, passwordHash }, select: { id: true } });
    return { ok: true, created: true };
  } catch (error) {
    // Two sign-ups racing for one email: the unique index decides; the loser looks the same.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      return { ok: true, created: false };
    }
    throw error;
  }
}

export type AuthenticateResult =
  | { ok: true; user: SessionUser }
  | {
      ok: false;
      reason: 'invalid' | 'throttled' | 'busy';
      message: string;
      retryAfterSeconds?: number;
    };

const INVALID = 'Incorrect email or password.';

function throttled(seconds: number): AuthenticateResult {
  return {
    ok: false,
    reason: 'throttled',
    retryAfterSeconds: seconds,
    message: `Too many failed sign-in attempts. Try again in ${seconds} s.`,
  };
}

/**
 * Checks credentials with per-email and per-IP throttling. Locks are checked before any
 * hashing; an unknown email spends the same hashing time as a known one; a full hashing
 * queue answers "busy" without counting a failure. `now` is injected for tests.
 */
export async function authenticate(
  input: unknown,
  { ip, now = new Date() }: { ip: string | null; now?: Date },
): Promise<AuthenticateResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid', message: INVALID };
  const { email, password } = parsed.data;
  const keys = { email, ip };
  const locked = await secondsLocked(keys, now);
  if (locked > 0) return throttled(locked);

  const user =
    email === DEMO_ACCOUNT.email && !isDemoEnabled()
      ? null
      : await db.user.findUnique({
          where: { email },
          select: { id: true, name: true, email: true, passwordHash: true },
        });
  let valid: boolean;
  try {
    valid = user?.passwordHash
      ? await verifyPassword(password, user.passwordHash)
      : await verifyAgainstDummy(password);
  } catch (error) {
    if (!(error instanceof HashQueueFullError)) throw error;
    return {
      ok: false,
      reason: 'busy',
      message: error.message,
      retryAfterSeconds: error.retryAfterSeconds,
    };
  }
  if (!user || !valid) {
    const lock = await recordFailedSignIn(keys, now);
    return lock > 0 ? throttled(lock) : { ok: false, reason: 'invalid', message: INVALID };
  }
  await clearSignInFailures(email);
  return { ok: true, user: { id: user.id, name: user.name, email: user.email } };
}
