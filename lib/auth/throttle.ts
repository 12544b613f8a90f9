import 'server-only';
import { db } from '@/lib/db';

/*
 * Sign-in throttling, per email and per client IP. Counters live in the database (not
 * process memory) so every app instance enforces the same limits.
 * - Failures count within a rolling 15-minute window.
 * - From the 5th failure for an email (20th for an IP) the key is locked, starting at
 *   30 s and doubling with each further failure, capped at 15 minutes.
 */
export const THROTTLE_POLICY = {
  windowMs: 15 * 60_000,
  baseLockMs: 30_000,
  maxLockMs: 15 * 60_000,
  emailThreshold: 5,
  ipThreshold: 20,
} as const;

export type ThrottleKeys = { email: string; ip: string | null };

function keysFor({ email, ip }: ThrottleKeys): Array<{ key: string; threshold: number }> {
  const keys: Array<{ key: string; threshold: number }> = [
    { key: `email:${email}`, threshold: THROTTLE_POLICY.emailThreshold },
  ];
  if (ip) keys.push({ key: `ip:${ip}`, threshold: THROTTLE_POLICY.ipThreshold });
  return keys;
}

/** Seconds until sign-in may be tried again for these keys, or 0 when not locked. */
export async function secondsLocked(keys: ThrottleKeys, now: Date): Promise<number> {
  const rows = await db.authThrottle.findMany({
    where: { key: { in: keysFor(keys).map((k) => k.key) } },
    select: { lockedUntil: true },
  });
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil?.getTime() ?? 0));
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

function lockDuration(failures: number, threshold: number): number {
  const over = failures - threshold;
  if (over < 0) return 0;
  return Math.min(THROTTLE_POLICY.baseLockMs * 2 ** over, THROTTLE_POLICY.maxLockMs);
}

/** Counts one failed attempt against the email and IP; returns the resulting lock in seconds. */
export async function recordFailedSignIn(keys: ThrottleKeys, now: Date): Promise<number> {
  let lockMs = 0;
  await db.$transaction(async (tx) => {
    for (const { key, threshold } of keysFor(keys)) {
      const row = await tx.authThrottle.findUnique({
        where: { key },
        select: { failures: true, firstFailureAt: true },
      });
      const windowExpired =
        !row || now.getTime() - row.firstFailureAt.getTime() > THROTTLE_POLICY.windowMs;
      const failures = windowExpired ? 1 : row.failures + 1;
      const ms = lockDuration(failures, threshold);
      lockMs = Math.max(lockMs, ms);
      const data = {
        failures,
        firstFailureAt: windowExpired ? now : row.firstFailureAt,
        lockedUntil: ms > 0 ? new Date(now.getTime() + ms) : null,
      };
      await tx.authThrottle.upsert({ where: { key }, create: { key, ...data }, update: data });
    }
  });
  return Math.ceil(lockMs / 1000);
}

/** A successful sign-in clears the email's counter (the IP's keeps counting other emails). */
export async function clearSignInFailures(email: string): Promise<void> {
  await db.authThrottle.deleteMany({ where: { key: `email:${email}` } });
}
