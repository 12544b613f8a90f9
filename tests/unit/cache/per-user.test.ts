import { describe, expect, it } from 'vitest';
import { createPerUserCache } from '@/lib/cache/per-user';

function setup(options: Partial<Parameters<typeof createPerUserCache>[0]> = {}) {
  const clock = { t: 1_000 };
  const cache = createPerUserCache({
    maxUsers: 3,
    maxEntriesPerUser: 2,
    ttlMs: 5_000,
    now: () => clock.t,
    ...options,
  });
  let calls = 0;
  const compute = (value: string) => async () => {
    calls += 1;
    return value;
  };
  return { cache, clock, compute, calls: () => calls };
}

describe('createPerUserCache', () => {
  it('computes once and serves the stored value within the TTL', async () => {
    const { cache, clock, compute, calls } = setup();
    expect(await cache.get('alice', 'due', compute('v1'))).toBe('v1');
    clock.t += 4_999;
    expect(await cache.get('alice', 'due', compute('v2'))).toBe('v1');
    expect(calls()).toBe(1);
  });

  it('recomputes once the TTL has passed', async () => {
    const { cache, clock, compute } = setup();
    await cache.get('alice', 'due', compute('v1'));
    clock.t += 5_000;
    expect(await cache.get('alice', 'due', compute('v2'))).toBe('v2');
  });

  it('never serves one user another user’s value under the same key', async () => {
    const { cache, compute } = setup();
    await cache.get('alice', 'due', compute('alice-value'));
    expect(await cache.get('bob', 'due', compute('bob-value'))).toBe('bob-value');
    expect(await cache.get('alice', 'due', compute('x'))).toBe('alice-value');
  });

  it('invalidate drops every key of that user only', async () => {
    const { cache, compute } = setup();
    await cache.get('alice', 'due', compute('a1'));
    await cache.get('alice', 'streak', compute('a2'));
    await cache.get('bob', 'due', compute('b1'));
    cache.invalidate('alice');
    expect(await cache.get('alice', 'due', compute('a1-new'))).toBe('a1-new');
    expect(await cache.get('alice', 'streak', compute('a2-new'))).toBe('a2-new');
    expect(await cache.get('bob', 'due', compute('b1-new'))).toBe('b1');
  });

  it('does not serve a value whose computation overlapped an invalidation', async () => {
    const { cache } = setup();
    let finish!: (value: string) => void;
    const slow = cache.get(
      'alice',
      'due',
      () =>
        new Promise<string>((resolve) => {
          finish = resolve;
        }),
    );
    cache.invalidate('alice'); // a write commits while the old read is still running
    finish('read-before-write');
    expect(await slow).toBe('read-before-write'); // its own caller still gets it
    expect(await cache.get('alice', 'due', async () => 'read-after-write')).toBe(
      'read-after-write',
    );
  });

  it('shares one computation between concurrent callers', async () => {
    const { cache, compute, calls } = setup();
    const values = await Promise.all([1, 2, 3].map(() => cache.get('alice', 'due', compute('v'))));
    expect(values).toEqual(['v', 'v', 'v']);
    expect(calls()).toBe(1);
  });

  it('does not keep a failed computation', async () => {
    const { cache, compute } = setup();
    await expect(
      cache.get('alice', 'due', async () => {
        throw new Error('database busy');
      }),
    ).rejects.toThrow('database busy');
    expect(await cache.get('alice', 'due', compute('v'))).toBe('v');
  });

  it('is bounded: least recently used users and oldest keys are dropped', async () => {
    const { cache, compute } = setup();
    for (const user of ['u1', 'u2', 'u3']) await cache.get(user, 'k', compute(user));
    await cache.get('u1', 'k', compute('x')); // u1 is now the most recent
    await cache.get('u4', 'k', compute('u4'));
    expect(cache.size()).toBe(3);
    expect(await cache.get('u2', 'k', compute('u2-new'))).toBe('u2-new'); // u2 was dropped
    expect(await cache.get('u1', 'k', compute('x'))).toBe('u1');

    await cache.get('u1', 'k2', compute('second'));
    await cache.get('u1', 'k3', compute('third')); // over 2 keys: the oldest (k) goes
    expect(await cache.get('u1', 'k', compute('k-new'))).toBe('k-new');
  });
});
