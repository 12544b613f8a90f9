import { describe, expect, it } from 'vitest';
import { encode } from 'next-auth/jwt';

process.env.NEXTAUTH_SECRET = 'test-secret-that-is-at-least-32-characters-long';

describe('userIdFromSessionToken', () => {
  it('reads the uid of a valid token, rejects a forged or expired one', async () => {
    const { userIdFromSessionToken } = await import('@/lib/auth/session-token');
    const secret = process.env.NEXTAUTH_SECRET as string;
    const good = await encode({ token: { uid: 'user-1', name: 'A' }, secret, maxAge: 3600 });
    expect(await userIdFromSessionToken(good)).toBe('user-1');
    // Served from the cache the second time, still the same answer.
    expect(await userIdFromSessionToken(good)).toBe('user-1');
    const forged = await encode({ token: { uid: 'user-2' }, secret: `${secret}-other` });
    expect(await userIdFromSessionToken(forged)).toBeNull();
    expect(await userIdFromSessionToken('not-a-jwt')).toBeNull();
    // A cached token stops working once its own expiry has passed.
    expect(await userIdFromSessionToken(good, Date.now() + 2 * 3600_000)).toBeNull();
    const noUid = await encode({ token: { name: 'nobody' }, secret });
    expect(await userIdFromSessionToken(noUid)).toBeNull();
  });
});
