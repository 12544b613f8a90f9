import 'server-only';
import { db } from '@/lib/db';

/*
 * Fixed-window rate limits kept in the database, so every app instance counts together.
 * A key names the subject and the action ("signup:ip:203.0.113.9", "attempt:user:<id>").
 */

export type RatePolicy = { limit: number; windowMs: number };

export type RateDecision =
  { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

/** Counts one request against `key`; refuses (without counting) once the window is full. */
export async function consumeRateLimit({
  key,
  policy,
  now = new Date(),
}: {
  key: string;
  policy: RatePolicy;
  now?: Date;
}): Promise<RateDecision> {
  return db.$transaction(async (tx) => {
    const row = await tx.rateLimit.findUnique({
      where: { key },
      select: { windowStart: true, count: true },
    });
    const expired = !row || now.getTime() - row.windowStart.getTime() >= policy.windowMs;
    if (expired) {
      const data = { windowStart: now, count: 1 };
      await tx.rateLimit.upsert({ where: { key }, create: { key, ...data }, update: data });
      return { ok: true, remaining: policy.limit - 1 } as const;
    }
    if (row.count >= policy.limit) {
      const endsAt = row.windowStart.getTime() + policy.windowMs;
      return {
        ok: false,
        retryAfterSeconds: Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000)),
      } as const;
    }
    await tx.rateLimit.update({ where: { key }, data: { count: row.count + 1 } });
    return { ok: true, remaining: policy.limit - row.count - 1 } as const;
  });
}

/** Removes expired counters (called opportunistically; the table stays small). */
export async function pruneRateLimits({ olderThan }: { olderThan: Date }): Promise<number> {
  const { count } = await db.rateLimit.deleteMany({ where: { windowStart: { lt: olderThan } } });
  return count;
}
