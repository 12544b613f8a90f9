import { NextResponse, type NextRequest } from 'next/server';
import { protectedRouteFor, signInUrlFor } from '@/lib/auth/protected-routes';
import { sanitizeCallbackCookie } from '@/lib/auth/callback-url';
import { SESSION_COOKIES } from '@/lib/auth/session-cookies';
import { checkActionRequest } from '@/lib/security/action-guard';

function decodes(value: string): boolean {
  try {
    decodeURIComponent(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Next 16's request proxy (formerly middleware):
 * - refuses server-action requests Next would answer with a 500 (lib/security/action-guard.ts);
 * - sends visitors without a session cookie from protected pages to sign-in, with a return
 *   address (lib/auth/protected-routes.ts). Pages still call requireUser(), which also
 *   catches revoked or expired cookies.
 */
export async function proxy(request: NextRequest) {
  // Next decodes route params after the proxy and answers a 500 for broken escapes.
  if (!decodes(request.nextUrl.pathname)) {
    return new NextResponse('Malformed URL encoding.\n', { status: 400 });
  }
  const rejected = await checkActionRequest(request);
  if (rejected) return rejected;
  const { pathname, search } = request.nextUrl;
  if (
    request.method === 'GET' &&
    // Page navigations only: export routes and other API-style GETs keep answering 401.
    (request.headers.get('accept') ?? '').includes('text/html') &&
    protectedRouteFor(pathname) &&
    !SESSION_COOKIES.some((name) => request.cookies.has(name))
  ) {
    const [target = '/sign-in', query] = signInUrlFor(`${pathname}${search}`).split('?');
    const url = request.nextUrl.clone();
    url.pathname = target;
    url.search = query ? `?${query}` : '';
    return NextResponse.redirect(url);
  }
  if (pathname.startsWith('/api/auth/')) {
    const cookie = sanitizeCallbackCookie(request.headers.get('cookie'), request.nextUrl.origin);
    if (cookie !== null) {
      const headers = new Headers(request.headers);
      headers.set('cookie', cookie);
      return NextResponse.next({ request: { headers } });
    }
  }
  return NextResponse.next();
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|api/health).*)'],
};
