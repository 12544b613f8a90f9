import { describe, expect, it } from 'vitest';
import {
  HASH_POLICY,
  HashQueueFullError,
  hashPassword,
  isHashQueueFull,
  verifyPassword,
} from '@/lib/auth/password';

describe('password hashing (scrypt)', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const hash = await hashPassword('correct horse 42');
    expect(await verifyPassword('correct horse 42', hash)).toBe(true);
    expect(await verifyPassword('correct horse 43', hash)).toBe(false);
  });

  it('salts every hash and stores its parameters', async () => {
    const [a, b] = await Promise.all([
      hashPassword('same-password-1'),
      hashPassword('same-password-1'),
    ]);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]{86}==$/);
  });

  it('treats unicode-equivalent passwords alike (NFKC) and rejects malformed hashes', async () => {
    const hash = await hashPassword('caf\u00e9-latte-9');
    expect(await verifyPassword('cafe\u0301-latte-9', hash)).toBe(true);
    expect(await verifyPassword('x', 'bcrypt$whatever')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$0$8$1$AA==$AA==')).toBe(false);
  });

  it('runs at most HASH_POLICY.concurrency hashes, queues a few and refuses the rest with a retry time', async () => {
    const total = HASH_POLICY.concurrency + HASH_POLICY.queue + 5;
    const attempts = Array.from({ length: total }, (_, i) => hashPassword(`flood-password-${i}`));
    expect(isHashQueueFull()).toBe(true);
    const settled = await Promise.allSettled(attempts);
    const refused = settled.filter((r) => r.status === 'rejected');
    expect(settled.filter((r) => r.status === 'fulfilled')).toHaveLength(
      HASH_POLICY.concurrency + HASH_POLICY.queue,
    );
    expect(refused).toHaveLength(5);
    for (const r of refused) {
      const reason = (r as PromiseRejectedResult).reason as HashQueueFullError;
      expect(reason).toBeInstanceOf(HashQueueFullError);
      expect(reason.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    }
    expect(isHashQueueFull()).toBe(false);
  });

  it('refuses a stored hash that asks for more work than the current parameters', async () => {
    const hash = await hashPassword('correct horse 42');
    expect(
      await verifyPassword('correct horse 42', hash.replace('scrypt$32768$', 'scrypt$1048576$')),
    ).toBe(false);
  });
});
