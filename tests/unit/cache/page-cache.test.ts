import { describe, expect, it } from 'vitest';
import {
  createPageStore,
  pageCacheKey,
  pageCacheSettings,
  replayHeaders,
  storable,
  withNonce,
  type StoredPage,
} from '@/lib/cache/page-cache';

const SESSION = 'next-auth.session-token=abc.def; theme=dark';

function req(overrides: Partial<{ method: string; url: string }> = {}, headers = {}) {
  return {
    method: overrides.method ?? 'GET',
    url: overrides.url ?? '/dashboard',
    headers: { cookie: SESSION, ...headers } as Record<string, string | undefined>,
  };
}

function page(overrides: Partial<StoredPage> = {}): StoredPage {
  return {
    userId: 'alice',
    status: 200,
    headers: [['content-type', 'text/html; charset=utf-8']],
    body: Buffer.from('<html>alice</html>'),
    nonce: null,
    expiresAt: 10_000,
    ...overrides,
  };
}

describe('pageCacheKey', () => {
  it('keys a signed-in GET and gives the same key for the same request', () => {
    const key = pageCacheKey(req());
    expect(key).toMatch(/^[\w-]{20,}$/);
    expect(pageCacheKey(req())).toBe(key);
  });

  it('never keys what must always render: other methods, API routes, assets, anonymous', () => {
    expect(pageCacheKey(req({ method: 'POST' }))).toBeNull();
    expect(pageCacheKey(req({ method: 'HEAD' }))).toBeNull();
    expect(pageCacheKey(req({ url: '/api/health' }))).toBeNull();
    expect(pageCacheKey(req({ url: '/_next/static/x.js' }))).toBeNull();
    expect(pageCacheKey({ method: 'GET', url: '/dashboard', headers: {} })).toBeNull();
    expect(pageCacheKey(req({}, { cookie: 'theme=dark' }))).toBeNull();
    expect(pageCacheKey(req({ url: `/dashboard?${'x'.repeat(3000)}` }))).toBeNull();
  });

  it('renders afresh when the client asks for it (reload, hard reload)', () => {
    expect(pageCacheKey(req({}, { 'cache-control': 'no-cache' }))).toBeNull();
    expect(pageCacheKey(req({}, { 'cache-control': 'max-age=0' }))).toBeNull();
    expect(pageCacheKey(req({}, { 'cache-control': 'no-store' }))).toBeNull();
    expect(pageCacheKey(req({}, { pragma: 'no-cache' }))).toBeNull();
    expect(pageCacheKey(req({}, { 'cache-control': 'max-age=10' }))).not.toBeNull();
  });

  it('differs by URL, by any cookie and by the headers Next varies on', () => {
    const base = pageCacheKey(req());
    const others = [
      pageCacheKey(req({ url: '/review' })),
      pageCacheKey(req({ url: '/dashboard?tab=2' })),
      pageCacheKey(req({}, { cookie: 'next-auth.session-token=other' })),
      pageCacheKey(req({}, { cookie: `${SESSION}; tz=Europe/Paris` })),
      pageCacheKey(req({}, { rsc: '1' })),
      pageCacheKey(req({}, { rsc: '1', 'next-router-prefetch': '1' })),
      pageCacheKey(req({}, { rsc: '1', 'next-router-state-tree': '%5B%22%22%5D' })),
      pageCacheKey(req({}, { 'next-url': '/teams' })),
    ];
    expect(new Set([base, ...others]).size).toBe(others.length + 1);
  });
});

describe('storable', () => {
  const ok = {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', vary: 'RSC, Next-Router-State-Tree' },
    user: 'alice' as string | null,
    expiresAt: 5_000,
    now: 1_000,
    bodyBytes: 100,
    maxBodyBytes: 1_000,
  };
  it('keeps a 200 HTML or RSC page rendered for one user from cached data', () => {
    expect(storable(ok)).toBe(true);
    expect(storable({ ...ok, headers: { 'content-type': 'text/x-component' } })).toBe(true);
  });
  it('refuses everything else', () => {
    expect(storable({ ...ok, user: null })).toBe(false);
    expect(storable({ ...ok, status: 404 })).toBe(false);
    expect(storable({ ...ok, status: 307 })).toBe(false);
    expect(storable({ ...ok, expiresAt: Number.POSITIVE_INFINITY })).toBe(false);
    expect(storable({ ...ok, expiresAt: 1_050 })).toBe(false);
    expect(storable({ ...ok, bodyBytes: 0 })).toBe(false);
    expect(storable({ ...ok, bodyBytes: 1_001 })).toBe(false);
    expect(storable({ ...ok, headers: { ...ok.headers, 'set-cookie': ['a=b'] } })).toBe(false);
    expect(storable({ ...ok, headers: { 'content-type': 'application/json' } })).toBe(false);
    expect(storable({ ...ok, headers: { ...ok.headers, 'content-encoding': 'br' } })).toBe(false);
    expect(storable({ ...ok, headers: { ...ok.headers, vary: 'RSC, User-Agent' } })).toBe(false);
  });
});

describe('replayHeaders', () => {
  it('drops the per-response headers and keeps the rest', () => {
    const headers = replayHeaders({
      'content-type': 'text/html',
      'content-length': 10,
      'content-security-policy': "script-src 'nonce-x'",
      'x-page-cache': 'miss',
      date: 'now',
      vary: 'RSC',
      'cache-control': 'private, no-cache, no-store',
    });
    expect(Object.fromEntries(headers)).toEqual({
      'content-type': 'text/html',
      vary: 'RSC',
      'cache-control': 'private, no-cache, no-store',
    });
  });
});

describe('withNonce', () => {
  it('replaces every occurrence of the stored nonce with the new one', () => {
    const stored = page({
      nonce: 'OLD+nonce/==',
      body: Buffer.from('<script nonce="OLD+nonce/==">a</script><script nonce="OLD+nonce/==">b'),
    });
    expect(withNonce(stored, 'NEW').toString()).toBe(
      '<script nonce="NEW">a</script><script nonce="NEW">b',
    );
    expect(stored.body.toString()).toContain('OLD+nonce/==');
  });
  it('leaves a body without a nonce alone', () => {
    const stored = page({ nonce: null });
    expect(withNonce(stored, 'NEW')).toBe(stored.body);
  });
});

describe('createPageStore', () => {
  it('serves a page until it expires', () => {
    const store = createPageStore(1 << 20);
    store.set('k', page({ expiresAt: 2_000 }));
    expect(store.get('k', 1_999)?.userId).toBe('alice');
    expect(store.get('k', 2_000)).toBeNull();
    expect(store.stats()).toMatchObject({ entries: 0, hits: 1, misses: 1 });
  });

  it("drops exactly one user's pages on that user's invalidation, every page on a clear", () => {
    const store = createPageStore(1 << 20);
    store.set('a1', page());
    store.set('a2', page());
    store.set('b1', page({ userId: 'bob' }));
    store.invalidate('alice');
    expect(store.get('a1', 0)).toBeNull();
    expect(store.get('a2', 0)).toBeNull();
    expect(store.get('b1', 0)?.userId).toBe('bob');
    store.invalidate(null);
    expect(store.get('b1', 0)).toBeNull();
  });

  it('tells whether an invalidation happened after a render started', () => {
    const store = createPageStore(1 << 20);
    const started = store.seq();
    expect(store.invalidatedSince('alice', started)).toBe(false);
    store.invalidate('bob');
    expect(store.invalidatedSince('alice', started)).toBe(false);
    store.invalidate('alice');
    expect(store.invalidatedSince('alice', started)).toBe(true);
    const later = store.seq();
    expect(store.invalidatedSince('alice', later)).toBe(false);
    store.invalidate(null);
    expect(store.invalidatedSince('carol', later)).toBe(true);
  });

  it('stays within its byte budget, dropping the least recently used first', () => {
    const body = Buffer.alloc(1_000);
    const store = createPageStore(3 * (1_000 + 512));
    store.set('1', page({ body }));
    store.set('2', page({ body }));
    store.set('3', page({ body }));
    store.get('1', 0);
    store.set('4', page({ body }));
    expect(store.get('2', 0)).toBeNull();
    expect(store.get('1', 0)).not.toBeNull();
    expect(store.get('4', 0)).not.toBeNull();
    expect(store.stats().bytes).toBeLessThanOrEqual(3 * 1_512);
  });
});

describe('pageCacheSettings', () => {
  it('defaults to on with 64 MB', () => {
    expect(pageCacheSettings({})).toMatchObject({ enabled: true, maxBytes: 64 * 1024 * 1024 });
    expect(pageCacheSettings({ PAGE_CACHE: '0' }).enabled).toBe(false);
  });
  it('refuses bad values with the variable named', () => {
    expect(() => pageCacheSettings({ PAGE_CACHE: 'yes' })).toThrow(/PAGE_CACHE must be 0 or 1/);
    expect(() => pageCacheSettings({ PAGE_CACHE_MAX_MB: '0' })).toThrow(/PAGE_CACHE_MAX_MB/);
    expect(() => pageCacheSettings({ PAGE_CACHE_MAX_MB: 'lots' })).toThrow(/PAGE_CACHE_MAX_MB/);
  });
});
