import 'server-only';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '@/lib/auth/password';
import { signInSchema, signUpSchema } from '@/lib/auth/schemas';
import { clearSignInFailures, recordFailedSignIn, secondsLocked } from '@/lib/auth/throttle';
import type { SessionUser } from '@/lib/auth/session-user';

export type FieldErrors = Partial<Record<'name' | 'email' | 'password', string[]>>;

export type CreateAccountResult =
  { ok: true; user: SessionUser } | { ok: false; message: string; fieldErrors: FieldErrors };

/** What the sign-up form receives: success, or the message and field errors to show. */
export type SignUpState = { ok: true } | Extract<CreateAccountResult, { ok: false }>;

const DUPLICATE_EMAIL = 'An account with this email already exists. Sign in instead.';

/** Validates sign-up input and creates the account; duplicate emails never add a row. */
export async function createAccount(input: unknown): Promise<CreateAccountResult> {
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
  const { name, email, password } = parsed.data;
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing)
    return { ok: false, message: DUPLICATE_EMAIL, fieldErrors: { email: [DUPLICATE_EMAIL] } };
  const passwordHash = await hashPassword(password);
  try {
    const user = await db.user.create({
      data: { name, email, passwordHash },
      select: { id: true, name: true, email: true },
    });
    return { ok: true, user };
  } catch (error) {
    // Two sign-ups racing for one email: the unique index decides, the loser gets the message.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      return { ok: false, message: DUPLICATE_EMAIL, fieldErrors: { email: [DUPLICATE_EMAIL] } };
    }
    throw error;
  }
}

export type AuthenticateResult =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: 'invalid' | 'throttled'; message: string; retryAfterSeconds?: number };

const INVALID = 'Incorrect email or password.';

function throttled(seconds: number): AuthenticateResult {
  return {
    ok: false,
    reason: 'throttled',
    retryAfterSeconds: seconds,
    message: `Too many failed sign-in attempts. Try again in ${seconds} s.`,
  };
}

/** Checks credentials with per-email and per-IP throttling. `now` is injected for tests. */
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

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, passwordHash: true },
  });
  const valid = user?.passwordHash
    ? await verifyPassword(password, user.passwordHash)
    : await verifyAgainstDummy(password);
  if (!user || !valid) {
    const lock = await recordFailedSignIn(keys, now);
    return lock > 0 ? throttled(lock) : { ok: false, reason: 'invalid', message: INVALID };
  }
  await clearSignInFailures(email);
  return { ok: true, user: { id: user.id, name: user.name, email: user.email } };
}
