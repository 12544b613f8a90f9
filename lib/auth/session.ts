import 'server-only';
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { cache } from 'react';
import { cookies } from 'next/headers';
import { decode } from 'next-auth/jwt';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { authOptions } from '@/lib/auth/options';
import { signInUrlFor } from '@/lib/auth/protected-routes';
import { getSessionUser } from '@/lib/auth/sessions';
import { SESSION_COOKIES } from '@/lib/auth/session-cookies';
import type { SessionUser } from '@/lib/auth/session-user';

export type { SessionUser } from '@/lib/auth/session-user';

const tokenSchema = z.object({
  uid: z.string().min(1).max(64),
  sid: z.string().min(1).max(64),
  exp: z.number().optional(),
});

type SessionToken = { uid: string; sid: string };

// Decrypting the cookie (HKDF + JWE) is the same work for the same cookie every request: a
// valid decode is remembered by the cookie's hash until the token's own expiry. Whether the
// session is still live is checked separately (getSessionUser), so revocation is unaffected.
const globalForTokens = globalThis as unknown as {
  meshDojoTokens?: LRUCache<string, { uid: string; sid: string; expMs: number }>;
};
function tokenCache() {
  globalForTokens.meshDojoTokens ??= new LRUCache({ max: 10_000 });
  return globalForTokens.meshDojoTokens;
}

async function decodeSessionCookie(value: string): Promise<SessionToken | null> {
  const key = createHash('sha256').update(value).digest('base64url');
  const hit = tokenCache().get(key);
  if (hit && hit.expMs > Date.now()) return { uid: hit.uid, sid: hit.sid };
  try {
    const parsed = tokenSchema.safeParse(
      await decode({ token: value, secret: authOptions.secret ?? '' }),
    );
    if (!parsed.success) return null;
    const { uid, sid, exp } = parsed.data;
    // next-auth always sets `exp`; without one, trust the decode for this request only.
    if (exp !== undefined) tokenCache().set(key, { uid, sid, expMs: exp * 1000 });
    return { uid, sid };
  } catch {
    // A tampered or foreign cookie is simply no session.
    return null;
  }
}

/** The signed, unexpired session token of this request, or null. Cached per request. */
export const getSessionToken = cache(async (): Promise<SessionToken | null> => {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const value = jar.get(name)?.value;
    if (!value || value.length > 8192) continue;
    const token = await decodeSessionCookie(value);
    if (token) return token;
  }
  return null;
});

/**
 * The signed-in user, or null. The cookie must name a live session row (sign-out,
 * "sign out everywhere", a password change and account deletion remove rows), so a copied
 * cookie stops working the moment its session is revoked. Cached per request.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const token = await getSessionToken();
  if (!token) return null;
  return getSessionUser({ sessionId: token.sid, userId: token.uid });
});

/**
 * The signed-in user; otherwise redirects to sign-in, which comes back to `returnTo`
 * (the page's own path) and says why. Use in every protected page and action.
 */
export async function requireUser(returnTo?: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(signInUrlFor(returnTo));
  return user;
}
