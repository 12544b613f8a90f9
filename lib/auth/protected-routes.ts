/*
 * The one list of pages that need a signed-in user, with the line the sign-in page shows
 * when it is reached from them. proxy.ts redirects requests without a session cookie from
 * these prefixes; requireUser() redirects the same way when a cookie is present but no
 * longer valid. A new protected area adds one entry here (see docs/security.md).
 */
export const PROTECTED_ROUTES = [
  { prefix: '/dashboard', reason: 'Sign in to see your dashboard.' },
  { prefix: '/review', reason: 'Sign in to review your cards.' },
  { prefix: '/account', reason: 'Sign in to manage your account.' },
  { prefix: '/interviews', reason: 'Sign in to practise or host a mock interview.' },
  { prefix: '/teams', reason: 'Sign in to see your teams.' },
  { prefix: '/tracks', reason: 'Sign in to see the tracks assigned to you.' },
] as const satisfies ReadonlyArray<{ prefix: string; reason: string }>;

export type ProtectedRoute = (typeof PROTECTED_ROUTES)[number];

/** The protected route a path belongs to, or null. */
export function protectedRouteFor(pathname: string): ProtectedRoute | null {
  return (
    PROTECTED_ROUTES.find(
      (route) => pathname === route.prefix || pathname.startsWith(`${route.prefix}/`),
    ) ?? null
  );
}

const SAFE_PATH = /^\/(?!\/)[\w\-./?=&%~+]*$/;

/**
 * A same-site path usable as a post-sign-in destination, or null. Absolute URLs,
 * protocol-relative `//host`, backslashes and control characters are refused (no open
 * redirect, nothing next-auth's URL parser can choke on).
 */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 512 || !SAFE_PATH.test(value)) return null;
  try {
    decodeURIComponent(value);
  } catch {
    return null;
  }
  return value;
}

/** The sign-in URL that comes back to `returnTo` afterwards. */
export function signInUrlFor(returnTo: string | null | undefined): string {
  const path = safeReturnPath(returnTo);
  return path ? `/sign-in?callbackUrl=${encodeURIComponent(path)}` : '/sign-in';
}

/** The "why" line for the sign-in page, derived from the return path (never from the URL text). */
export function signInReasonFor(returnTo: string | null | undefined): string | null {
  const path = safeReturnPath(returnTo);
  return path ? (protectedRouteFor(path.split('?')[0] ?? path)?.reason ?? null) : null;
}
