import 'server-only';
import { createPerUserCache } from './per-user';
import type { PerUserCache } from './per-user';

/**
 * How long a cached per-user value may be served without a write in this process: the lag
 * after which another instance's write (or a card falling due) shows up. docs/caching.md.
 */
export const USER_DATA_CACHE_TTL_MS = 5_000;

// On globalThis: route handlers, server actions and pages may be bundled with separate copies
// of this module, and an invalidation in one must reach the cache the others read.
const globalForCache = globalThis as unknown as { meshDojoUserData?: PerUserCache };

function cache(): PerUserCache {
  globalForCache.meshDojoUserData ??= createPerUserCache({
    maxUsers: 2_000,
    maxEntriesPerUser: 32,
    ttlMs: USER_DATA_CACHE_TTL_MS,
  });
  return globalForCache.meshDojoUserData;
}

/**
 * `compute()` cached for the user under `key` (at most USER_DATA_CACHE_TTL_MS). Call it only
 * after the caller's authorization check, with a key that names everything the value depends
 * on besides the user's own data (a fixed name, never unbounded input).
 */
export function cachedForUser<T>(
  userId: string,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  return cache().get(userId, key, compute);
}

/** Drops the user's cached data in this process; call after every write to it commits. */
export function invalidateUserData(userId: string): void {
  cache().invalidate(userId);
}
