import { describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { guardAuthRequest } from '@/lib/auth/route-guard';
import { HASH_POLICY, hashPassword } from '@/lib/auth/password';

const BASE = 'http://127.0.0.1:3000/api/auth';

async function guard(
  path: string,
  init: RequestInit = {},
  action = path.split('?')[0]?.split('/').filter(Boolean) ?? [],
) {
  return guardAuthRequest(new Request(`${BASE}/${path}`, init), action);
}

describe('guardAuthRequest (next-auth inputs it would answer with a 500)', () => {
  it('answers GET /callback/credentials with 405', async () => {
    const result = await guard('callback/credentials');
    expect(result).toBeInstanceOf(Response);
    expect((result as Response).status).toBe(405);
  });

  it('answers a non-ASCII error code or broken escapes with 400', async () => {
    expect(((await guard('error?error=%EF%BF%BD')) as Response).status).toBe(400);
    expect(((await guard('error?x=%FF')) as Response).status).toBe(400);
    expect(await guard('error?error=CredentialsSignin')).toBeInstanceOf(NextRequest);
  });

  it('drops a callbackUrl next-auth cannot parse, keeps a same-site one', async () => {
    const dropped = (await guard('signin?callbackUrl=http%3A%2F%2Fa%3Ab%2F')) as NextRequest;
    expect(dropped.nextUrl.searchParams.has('callbackUrl')).toBe(false);
    const kept = (await guard('signin?callbackUrl=%2Freview')) as NextRequest;
    expect(kept.nextUrl.searchParams.get('callbackUrl')).toBe('/review');
    const body = (await guard('signin/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'csrfToken=x&callbackUrl=http%3A%2F%2Fa%3Ab%2F',
    })) as NextRequest;
    expect(await body.text()).toBe('csrfToken=x');
  });

  it('refuses oversized bodies with 413', async () => {
    const result = await guard('callback/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `email=${'x'.repeat(20_000)}`,
    });
    expect((result as Response).status).toBe(413);
  });

  it('answers sign-ins with 429 and Retry-After while the hashing queue is full', async () => {
    const flood = Array.from({ length: HASH_POLICY.concurrency + HASH_POLICY.queue }, (_, i) =>
      hashPassword(`queue-filler-${i}`),
    );
    const result = (await guard('callback/credentials', {
      method: 'POST',
      body: 'a=1',
    })) as Response;
    expect(result.status).toBe(429);
    expect(Number(result.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    await Promise.all(flood);
    expect(await guard('callback/credentials', { method: 'POST', body: 'a=1' })).toBeInstanceOf(
      NextRequest,
    );
  });
});
