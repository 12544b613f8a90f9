import 'server-only';
import { NextRequest } from 'next/server';
import { isAcceptableCallback as acceptableCallback } from '@/lib/auth/callback-url';
import { hashRetryAfterSeconds, isHashQueueFull } from '@/lib/auth/password';

/*
 * A guard in front of next-auth's route handler for inputs next-auth 4 answers with a 500
 * (a GET to the credentials callback, malformed percent-encoding, a callbackUrl its URL
 * parser throws on) and for sign-in floods (429 + Retry-After while the hashing queue is
 * full). Returns a Response to send, or the (possibly sanitised) Request to pass on.
 */

const AUTH_BODY_LIMIT = 16 * 1024;

function plain(status: number, message: string, headers: Record<string, string> = {}): Response {
  return new Response(`${message}\n`, {
    status,
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
      ...headers,
    },
  });
}

function decodes(value: string): boolean {
  try {
    decodeURIComponent(value);
    return true;
  } catch {
    return false;
  }
}

export async function guardAuthRequest(
  request: Request,
  action: readonly string[],
): Promise<Response | NextRequest> {
  const url = new URL(request.url);
  if (!decodes(url.search) || !decodes(url.pathname)) return plain(400, 'Malformed URL encoding.');
  // next-auth puts `error` into a redirect's Location header: ASCII words only (its own codes).
  const error = url.searchParams.get('error');
  if (error !== null && !/^[A-Za-z0-9_-]{0,64}$/.test(error))
    return plain(400, 'Unknown error code.');
  const [first, second] = action;
  if (first === 'callback' && second === 'credentials' && request.method !== 'POST') {
    return plain(405, 'Use POST to sign in.', { allow: 'POST' });
  }
  if (
    request.method === 'POST' &&
    first === 'callback' &&
    second === 'credentials' &&
    isHashQueueFull()
  ) {
    const seconds = hashRetryAfterSeconds();
    return plain(429, `Too many sign-in requests right now. Try again in ${seconds} s.`, {
      'retry-after': String(seconds),
    });
  }

  let changed = false;
  const callback = url.searchParams.get('callbackUrl');
  if (callback !== null && !acceptableCallback(callback, url.origin)) {
    url.searchParams.delete('callbackUrl');
    changed = true;
  }
  // The callback-url cookie is cleaned in proxy.ts (next-auth reads cookies from next/headers).
  const headers = new Headers(request.headers);

  let body: string | undefined;
  if (request.method === 'POST') {
    const length = Number(request.headers.get('content-length') ?? 0);
    if (length > AUTH_BODY_LIMIT) return plain(413, 'Request body too large.');
    body = await request.text();
    if (body.length > AUTH_BODY_LIMIT) return plain(413, 'Request body too large.');
    const type = request.headers.get('content-type') ?? '';
    if (type.startsWith('application/x-www-form-urlencoded')) {
      if (!decodes(body.replace(/\+/g, ' '))) return plain(400, 'Malformed form body.');
      const form = new URLSearchParams(body);
      const bodyCallback = form.get('callbackUrl');
      if (bodyCallback !== null && !acceptableCallback(bodyCallback, url.origin)) {
        form.delete('callbackUrl');
        body = form.toString();
      }
    }
    changed = true;
  }
  if (!changed) return request instanceof NextRequest ? request : new NextRequest(request);
  headers.delete('content-length');
  return new NextRequest(url, { method: request.method, headers, body });
}
