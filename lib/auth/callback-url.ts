import { safeReturnPath } from '@/lib/auth/protected-routes';

/*
 * next-auth 4 passes callbackUrl (query, body or its callback-url cookie) to `new URL()`
 * and answers a 500 when that throws (`http://a:b/`). These pure helpers decide what
 * next-auth may see; proxy.ts and lib/auth/route-guard.ts apply them.
 */

export const CALLBACK_COOKIES = ['__Secure-next-auth.callback-url', 'next-auth.callback-url'];

/** A callbackUrl next-auth may see: a same-site path, or an absolute URL on our own origin. */
export function isAcceptableCallback(value: string, origin: string): boolean {
  if (safeReturnPath(value)) return true;
  // next-auth copies it into a Location header, which must be printable ASCII.
  if (!/^[\x21-\x7e]{1,512}$/.test(value)) return false;
  try {
    return new URL(value).origin === origin;
  } catch {
    return false;
  }
}

/** The Cookie header without a callback-url cookie next-auth would choke on; null if unchanged. */
export function sanitizeCallbackCookie(cookie: string | null, origin: string): string | null {
  if (!cookie) return null;
  const parts = cookie.split(';').map((part) => part.trim());
  const kept = parts.filter((part) => {
    const eq = part.indexOf('=');
    const name = eq === -1 ? part : part.slice(0, eq);
    if (!CALLBACK_COOKIES.includes(name)) return true;
    try {
      return isAcceptableCallback(decodeURIComponent(part.slice(eq + 1)), origin);
    } catch {
      return false;
    }
  });
  return kept.length === parts.length ? null : kept.join('; ');
}
