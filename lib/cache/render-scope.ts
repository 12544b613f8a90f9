import { AsyncLocalStorage } from 'node:async_hooks';

/*
 * What one page render read, for the rendered-page cache (lib/cache/page-cache.ts, wired in the
 * production front door, scripts/server.ts). The front door runs each cacheable request inside a
 * scope; data-access code reports into it:
 * - the session cache names the signed-in user (`noteUser`) and how long its row may be served;
 * - the per-user data cache reports whose value it served and when it stops being servable
 *   (`noteUserData`): a page that read another user's data is not kept (its invalidations
 *   would not reach the page);
 * - every use of the database client (`lib/db.ts`) marks the render as not servable from memory
 *   (`noteDatabase`): its output depends on something no cache invalidation covers.
 * A render is cacheable only if it named exactly one user, never touched the database and read
 * only cached values; the page then lives exactly as long as the first value it read, and is
 * dropped by the same invalidations (`invalidatePages`).
 *
 * No `server-only` and no Next imports: the front door (run by tsx, outside Next's bundles) and
 * the page code (inside them) each load their own copy of this module, so the shared state lives
 * on globalThis under one symbol.
 */

export type RenderScope = {
  /** Users the render was served for (cacheable only with exactly one). */
  users: Set<string>;
  /** Users whose cached data the render read (cacheable only if all are in `users`). */
  dataUsers: Set<string>;
  /** Earliest time (ms since epoch) at which a value the render read stops being servable. */
  expiresAt: number;
  /** The render read the database (or something else no invalidation covers). */
  uncacheable: boolean;
  /** Invalidation sequence number when the render started (see PageInvalidator). */
  startSeq: number;
};

/** Drops cached pages: of one user, or (`null`) all of them. */
export type PageInvalidator = (userId: string | null) => void;

type Shared = {
  storage: AsyncLocalStorage<RenderScope>;
  invalidators: Set<PageInvalidator>;
};

const KEY = Symbol.for('mesh-dojo.render-scope');

function shared(): Shared {
  const holder = globalThis as unknown as Record<symbol, Shared | undefined>;
  holder[KEY] ??= { storage: new AsyncLocalStorage<RenderScope>(), invalidators: new Set() };
  return holder[KEY];
}

/** Runs `fn` inside a fresh render scope (the front door, once per cacheable request). */
export function runInRenderScope<T>(scope: RenderScope, fn: () => T): T {
  return shared().storage.run(scope, fn);
}

export function newRenderScope(startSeq: number): RenderScope {
  return {
    users: new Set(),
    dataUsers: new Set(),
    expiresAt: Number.POSITIVE_INFINITY,
    uncacheable: false,
    startSeq,
  };
}

/** The session this request carries belongs to `userId`; its row may be served until `until`. */
export function noteUser(userId: string, until: number): void {
  const scope = shared().storage.getStore();
  if (!scope) return;
  scope.users.add(userId);
  if (until < scope.expiresAt) scope.expiresAt = until;
}

/** The render used a cached value of `userId`'s data, servable until `until` (ms since epoch). */
export function noteUserData(userId: string, until: number): void {
  const scope = shared().storage.getStore();
  if (!scope) return;
  scope.dataUsers.add(userId);
  if (until < scope.expiresAt) scope.expiresAt = until;
}

/**
 * Whether a finished render may be kept: it named exactly one user, read only that user's cached
 * data and never the database. Returns that user, or null.
 */
export function cacheableUser(scope: RenderScope): string | null {
  if (scope.uncacheable || scope.users.size !== 1) return null;
  const [user] = scope.users;
  for (const other of scope.dataUsers) if (other !== user) return null;
  return user ?? null;
}

/** The render read the database directly: its output must not be served from memory. */
export function noteDatabase(): void {
  const scope = shared().storage.getStore();
  if (scope) scope.uncacheable = true;
}

/** Registers the page cache's invalidator (the front door, once per process). */
export function onPageInvalidation(invalidator: PageInvalidator): () => void {
  const { invalidators } = shared();
  invalidators.add(invalidator);
  return () => invalidators.delete(invalidator);
}

/**
 * Drops cached pages of `userId` (or all with `null`) in this process. Called wherever the data
 * caches drop a user's values or sessions, here and when another worker or instance announces it.
 */
export function invalidatePages(userId: string | null): void {
  for (const invalidator of shared().invalidators) invalidator(userId);
}
