import { createHash } from 'node:crypto';
import { z } from 'zod';
import { hasSessionCookie } from '@/lib/auth/session-cookies';

/*
 * The rendered-page cache of the production front door (scripts/server.ts): a signed-in page
 * whose render read only invalidated cached values (lib/cache/render-scope.ts) is kept, per
 * request identity, for as long as the first of those values stays servable, and dropped by the
 * same invalidations. So it is never staler than the data caches it was rendered from
 * (docs/caching.md): a write through the app drops the user's pages at once, in every worker and
 * instance; what only time changes (cards falling due) shows within the data caches' 5 s.
 *
 * Pure logic, no Node server objects: the key of a request, whether a response may be stored,
 * the store itself (LRU by bytes, indexed by user) and the nonce rewrite on a hit.
 */

/** Request headers a page's output may depend on besides the URL (Next's Vary list and cookies). */
export const KEY_HEADERS = [
  'cookie',
  'rsc',
  'next-router-state-tree',
  'next-router-prefetch',
  'next-router-segment-prefetch',
  'next-url',
  'accept',
] as const;

/** Response headers that are not replayed from a stored page (set again per response). */
const PER_RESPONSE_HEADERS = new Set([
  'content-length',
  'content-security-policy',
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'x-upstream',
  'x-page-cache',
]);

export type RequestLike = {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
};

/**
 * The cache key of a request, or null when the request is never served from the cache: anything
 * but GET, API routes and assets, requests without a session cookie (anonymous pages are
 * prerendered or cheap), and oversized URLs or cookies.
 */
export function pageCacheKey(req: RequestLike): string | null {
  if (req.method !== 'GET') return null;
  const url = req.url ?? '/';
  if (url.length > 2048 || url.startsWith('/api/') || url.startsWith('/_next/')) return null;
  // The client asks for a fresh response (a reload, a hard reload): render, as an HTTP cache would.
  if (/\b(no-cache|no-store|max-age=0)\b/i.test(headerValue(req.headers['cache-control']) ?? '')) {
    return null;
  }
  if (/\bno-cache\b/i.test(headerValue(req.headers.pragma) ?? '')) return null;
  const cookie = headerValue(req.headers.cookie);
  if (!cookie || cookie.length > 16_384 || !hasSessionCookie(cookie)) return null;
  const hash = createHash('sha256');
  hash.update(url);
  for (const name of KEY_HEADERS) hash.update(`\n${name}:${headerValue(req.headers[name]) ?? ''}`);
  return hash.digest('base64url');
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

export type StoredHeaders = Array<[string, string | string[]]>;

export type StoredPage = {
  userId: string;
  status: number;
  headers: StoredHeaders;
  body: Buffer;
  /** The CSP nonce the body was rendered with (rewritten on every hit), if any. */
  nonce: string | null;
  expiresAt: number;
};

/**
 * Whether a finished response may be stored: a 200 HTML or RSC page, rendered for exactly one
 * user without touching the database, that sets no cookie and varies on no header the key does
 * not hold, still servable for at least 100 ms.
 */
export function storable(input: {
  status: number;
  headers: Record<string, number | string | string[] | undefined>;
  /** The one user the render was for (render-scope.ts `cacheableUser`), or null. */
  user: string | null;
  expiresAt: number;
  now: number;
  bodyBytes: number;
  maxBodyBytes: number;
}): boolean {
  if (input.status !== 200 || input.user === null) return false;
  if (!Number.isFinite(input.expiresAt) || input.expiresAt - input.now < 100) return false;
  if (input.bodyBytes === 0 || input.bodyBytes > input.maxBodyBytes) return false;
  if (input.headers['set-cookie'] !== undefined) return false;
  const type = String(input.headers['content-type'] ?? '');
  if (!type.startsWith('text/html') && !type.startsWith('text/x-component')) return false;
  if (input.headers['content-encoding'] !== undefined) return false;
  const vary = String(input.headers['vary'] ?? '')
    .toLowerCase()
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const keyed = new Set<string>([...KEY_HEADERS, 'accept-encoding']);
  return vary.every((name) => keyed.has(name));
}

/** The headers to replay from a finished response (without the per-response ones). */
export function replayHeaders(
  headers: Record<string, number | string | string[] | undefined>,
): StoredHeaders {
  const out: StoredHeaders = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || PER_RESPONSE_HEADERS.has(name.toLowerCase())) continue;
    out.push([name, typeof value === 'number' ? String(value) : value]);
  }
  return out;
}

/** The body with every occurrence of the stored nonce replaced by this response's one. */
export function withNonce(page: StoredPage, nonce: string | null): Buffer {
  if (!page.nonce || !nonce || nonce === page.nonce) return page.body;
  // Nonces are 16 random bytes in base64: a byte-level replace cannot hit anything else.
  const from = Buffer.from(page.nonce);
  const to = Buffer.from(nonce);
  const parts: Buffer[] = [];
  let start = 0;
  for (let at = page.body.indexOf(from); at !== -1; at = page.body.indexOf(from, start)) {
    parts.push(page.body.subarray(start, at), to);
    start = at + from.length;
  }
  if (start === 0) return page.body;
  parts.push(page.body.subarray(start));
  return Buffer.concat(parts);
}

export type PageCacheSettings = { enabled: boolean; maxBytes: number; maxBodyBytes: number };

const settingsSchema = z.object({
  PAGE_CACHE: z.enum(['0', '1'], { message: 'PAGE_CACHE must be 0 or 1' }).default('1'),
  PAGE_CACHE_MAX_MB: z.coerce
    .number({ message: 'PAGE_CACHE_MAX_MB must be a whole number from 1 to 4096' })
    .int('PAGE_CACHE_MAX_MB must be a whole number from 1 to 4096')
    .min(1, 'PAGE_CACHE_MAX_MB must be a whole number from 1 to 4096')
    .max(4096, 'PAGE_CACHE_MAX_MB must be a whole number from 1 to 4096')
    .default(64),
});

/** PAGE_CACHE (1 = on, the default; 0 = off) and PAGE_CACHE_MAX_MB (64); throws a readable error. */
export function pageCacheSettings(source: Record<string, string | undefined>): PageCacheSettings {
  const parsed = settingsSchema.safeParse({
    PAGE_CACHE: source.PAGE_CACHE?.trim() || undefined,
    PAGE_CACHE_MAX_MB: source.PAGE_CACHE_MAX_MB?.trim() || undefined,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  const maxBytes = parsed.data.PAGE_CACHE_MAX_MB * 1024 * 1024;
  return {
    enabled: parsed.data.PAGE_CACHE === '1',
    maxBytes,
    maxBodyBytes: Math.min(2 * 1024 * 1024, Math.floor(maxBytes / 8)),
  };
}

export type PageStore = {
  get(key: string, now: number): StoredPage | null;
  set(key: string, page: StoredPage): void;
  /** Drops the pages of one user, or (`null`) every page. */
  invalidate(userId: string | null): void;
  /** Increases with every invalidation: a render that started before one must not be stored. */
  seq(): number;
  /** Whether `userId`'s pages (or all) were invalidated at or after sequence number `since`. */
  invalidatedSince(userId: string, since: number): boolean;
  stats(): { entries: number; bytes: number; hits: number; misses: number };
};

/** An in-memory store bounded by total bytes (least recently used dropped first). */
export function createPageStore(maxBytes: number): PageStore {
  // A Map iterates in insertion order; re-inserting on a hit makes it an LRU.
  const pages = new Map<string, StoredPage>();
  const byUser = new Map<string, Set<string>>();
  const userSeq = new Map<string, number>();
  let clearedSeq = -1;
  let counter = 0;
  let bytes = 0;
  let hits = 0;
  let misses = 0;

  const size = (page: StoredPage) => page.body.length + 512;
  const drop = (key: string) => {
    const page = pages.get(key);
    if (!page) return;
    pages.delete(key);
    bytes -= size(page);
    const keys = byUser.get(page.userId);
    keys?.delete(key);
    if (keys && keys.size === 0) byUser.delete(page.userId);
  };

  return {
    get(key, now) {
      const page = pages.get(key);
      if (!page || page.expiresAt <= now) {
        if (page) drop(key);
        misses += 1;
        return null;
      }
      pages.delete(key);
      pages.set(key, page);
      hits += 1;
      return page;
    },
    set(key, page) {
      drop(key);
      if (size(page) > maxBytes) return;
      pages.set(key, page);
      bytes += size(page);
      let keys = byUser.get(page.userId);
      if (!keys) {
        keys = new Set();
        byUser.set(page.userId, keys);
      }
      keys.add(key);
      while (bytes > maxBytes) {
        const oldest = pages.keys().next();
        if (oldest.done) break;
        drop(oldest.value);
      }
    },
    invalidate(userId) {
      counter += 1;
      if (userId === null) {
        clearedSeq = counter;
        pages.clear();
        byUser.clear();
        userSeq.clear();
        bytes = 0;
        return;
      }
      userSeq.set(userId, counter);
      // Bounded memory: past this many users, forget who and treat it as a clear for renders
      // still in flight (they are then not stored; nothing stale can be).
      if (userSeq.size > 10_000) {
        clearedSeq = counter;
        userSeq.clear();
      }
      for (const key of [...(byUser.get(userId) ?? [])]) drop(key);
    },
    seq: () => counter,
    invalidatedSince(userId, since) {
      return clearedSeq > since || (userSeq.get(userId) ?? -1) > since;
    },
    stats: () => ({ entries: pages.size, bytes, hits, misses }),
  };
}
