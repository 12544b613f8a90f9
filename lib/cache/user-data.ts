import 'server-only';
import {
  listenToOtherInstances,
  notifyOtherInstances,
  whenListening,
} from '@/lib/realtime/pg-notify';
import { createPerUserCache } from './per-user';
import { invalidatePages, noteUserData } from './render-scope';
import type { PerUserCache } from './per-user';

/**
 * How long a cached per-user value may be served without a write in this process: the lag
 * after which a card falling due, a write behind the app's back, or (on PostgreSQL) a write
 * whose notification was lost shows up. docs/caching.md.
 */
export const USER_DATA_CACHE_TTL_MS = 5_000;

/** PostgreSQL channel on which every instance announces "user X's data changed" (`<instance> <userId>`). */
export const USER_DATA_CHANNEL = 'mesh_dojo_user_data';

// On globalThis: route handlers, server actions and pages may be bundled with separate copies
// of this module, and an invalidation in one must reach the cache the others read.
const globalForCache = globalThis as unknown as { meshDojoUserData?: PerUserCache };

function cache(): PerUserCache {
  if (!globalForCache.meshDojoUserData) {
    const created = createPerUserCache({
      maxUsers: 2_000,
      maxEntriesPerUser: 32,
      ttlMs: USER_DATA_CACHE_TTL_MS,
      // A page rendered from this value may be kept only as long as the value (render-scope.ts).
      onServe: noteUserData,
    });
    globalForCache.meshDojoUserData = created;
    // Several instances (PostgreSQL): another instance's write drops this one's copy as soon as
    // its notification arrives; after a (re)connect, when some may have been missed, drop all.
    listenToOtherInstances(USER_DATA_CHANNEL, {
      onMessage: (userId) => {
        created.invalidate(userId);
        invalidatePages(userId);
      },
      onReconnect: () => {
        created.clear();
        invalidatePages(null);
      },
    });
  }
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

/**
 * Drops the user's cached data in this process (at once, synchronously) and, on PostgreSQL,
 * tells every other instance to drop theirs; call after every write to it commits, and await it
 * before answering, so the notification is sent before the browser can make its next request.
 * Never rejects.
 */
export function invalidateUserData(userId: string): Promise<void> {
  cache().invalidate(userId);
  invalidatePages(userId);
  return notifyOtherInstances(USER_DATA_CHANNEL, userId);
}

/** Resolves once this process hears other instances' invalidations (at once on SQLite). */
export function userDataListening(): Promise<void> {
  cache();
  return whenListening(USER_DATA_CHANNEL);
}
