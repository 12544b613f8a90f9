import 'server-only';
import { decode } from 'next-auth/jwt';
import { authSecret } from '@/lib/auth/secret';
import { env } from '@/lib/env';

// Decoding next-auth's encrypted JWT costs an HKDF key derivation and an AES-GCM decryption
// on every request; getServerSession adds its whole handler on top. The signed-in pages only
// need the user id, so decode the cookie directly and remember the answer per token (until
// the token's own expiry) in a small bounded map. The user row is still re-read per request
// (lib/auth/session.ts), so a deleted account stops working at once.

/** next-auth's session cookie names (the `__Secure-` one on HTTPS). */
export const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

const MAX_ENTRIES = 2_000;
const decoded = new Map<string, { userId: string | null; expiresAtMs: number }>();

/** The user id in a session token, or null when it is invalid or expired. */
export async function userIdFromSessionToken(
  token: string,
  nowMs = Date.now(),
): Promise<string | null> {
  const hit = decoded.get(token);
  if (hit && hit.expiresAtMs > nowMs) return hit.userId;
  let userId: string | null = null;
  let expiresAtMs = nowMs + 60_000; // an invalid token is re-checked after a minute at most
  try {
    const payload = await decode({ token, secret: authSecret(env().NEXTAUTH_SECRET) });
    if (payload && typeof payload.uid === 'string' && payload.uid.length > 0) {
      userId = payload.uid;
      expiresAtMs = typeof payload.exp === 'number' ? payload.exp * 1000 : expiresAtMs;
    }
  } catch {
    userId = null;
  }
  if (expiresAtMs <= nowMs) return null;
  if (decoded.size >= MAX_ENTRIES) decoded.delete(decoded.keys().next().value as string);
  decoded.set(token, { userId, expiresAtMs });
  return userId;
}
