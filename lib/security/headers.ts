import { createHash } from 'node:crypto';

/*
 * Response security headers, built by pure functions so tests can check them and
 * scripts/server.ts can apply them to every response.
 *
 * Scripts: Next's App Router inlines its RSC payload as <script> elements, so a policy
 * without 'unsafe-inline' needs a nonce or a hash for each. A nonce must be fresh per
 * request, which forces dynamic rendering (Next docs, "Content Security Policy"); that
 * would turn the prerendered lesson pages into per-request renders. So:
 * - prerendered pages get the SHA-256 hashes of their own inline scripts, computed once
 *   from the build output at start-up (the bytes are fixed at build time);
 * - dynamically rendered pages get a per-request nonce, which Next applies to its scripts
 *   when it finds it in the request's Content-Security-Policy header.
 */

/** SHA-256 CSP source for an inline script's exact text. */
export function scriptHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/** Hash sources for every inline script in an HTML document, deduplicated, in order. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    const body = match[1] ?? '';
    if (body.length > 0) hashes.add(scriptHash(body));
  }
  return [...hashes];
}

/** The Content-Security-Policy value. Either `nonce` or `scriptHashes` (or both) allow inline scripts. */
export function contentSecurityPolicy({
  nonce,
  scriptHashes = [],
}: {
  nonce?: string;
  scriptHashes?: readonly string[];
}): string {
  const scripts = ["'self'", ...(nonce ? [`'nonce-${nonce}'`] : []), ...scriptHashes];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(' ')}`,
    // Inline style attributes (charts, progress bars) need this; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers added to every response. HSTS only when the request arrived over TLS. */
export function securityHeaders({ https }: { https: boolean }): Array<[string, string]> {
  const headers: Array<[string, string]> = [
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['X-Frame-Options', 'DENY'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    [
      'Permissions-Policy',
      'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()',
    ],
  ];
  if (https) headers.push(['Strict-Transport-Security', 'max-age=63072000; includeSubDomains']);
  return headers;
}
