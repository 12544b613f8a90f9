import { LRUCache } from 'lru-cache';

/*
 * In-process cache of per-user derived data (due counts, streak, progress, scenario stats …),
 * so a signed-in page does not recompute them from the database on every request.
 *
 * Correctness rules (docs/caching.md):
 * - The key always starts with the user id: one user's bucket is never read for another.
 * - Every write that changes a user's data calls `invalidate(userId)` after it commits, which
 *   drops the user's whole bucket in this process. A computation that started before the
 *   write stores its result in the dropped bucket, so it can never be served afterwards.
 * - Writes made by another process (another instance, a CLI script) are not seen here: every
 *   entry lives at most `ttlMs`, which bounds that lag (and the lag of time-dependent values
 *   such as "cards due now").
 * - Memory is bounded: at most `maxUsers` buckets (least recently used dropped first), each
 *   with at most `maxEntriesPerUser` entries.
 */

type Entry = { value: Promise<unknown>; storedAt: number };
type Bucket = Map<string, Entry>;

export type PerUserCacheOptions = {
  maxUsers: number;
  maxEntriesPerUser: number;
  ttlMs: number;
  /** Milliseconds clock (tests pass a fake one). */
  now?: () => number;
  /** Told, for every value served, whose it is and the time at which it stops being servable. */
  onServe?: (userId: string, expiresAt: number) => void;
};

export type PerUserCache = {
  /**
   * The cached value of `key` for `userId`, or the result of `compute()` (stored; concurrent
   * callers share one computation). A rejected computation is not stored.
   */
  get<T>(userId: string, key: string, compute: () => Promise<T>): Promise<T>;
  /** Drops everything cached for the user (call after every write to their data). */
  invalidate(userId: string): void;
  /** Drops everything. */
  clear(): void;
  /** Number of users with a bucket (for tests and diagnostics). */
  size(): number;
};

export function createPerUserCache({
  maxUsers,
  maxEntriesPerUser,
  ttlMs,
  now = () => Date.now(),
  onServe,
}: PerUserCacheOptions): PerUserCache {
  const buckets = new LRUCache<string, Bucket>({ max: maxUsers });
  return {
    get<T>(userId: string, key: string, compute: () => Promise<T>): Promise<T> {
      let bucket = buckets.get(userId);
      if (!bucket) {
        bucket = new Map();
        buckets.set(userId, bucket);
      }
      const hit = bucket.get(key);
      const at = now();
      if (hit && at - hit.storedAt < ttlMs) {
        onServe?.(userId, hit.storedAt + ttlMs);
        return hit.value as Promise<T>;
      }
      if (hit) bucket.delete(key);
      if (bucket.size >= maxEntriesPerUser) {
        const oldest = bucket.keys().next();
        if (!oldest.done) bucket.delete(oldest.value);
      }
      const value = compute();
      const entry: Entry = { value, storedAt: at };
      onServe?.(userId, at + ttlMs);
      const owner = bucket;
      owner.set(key, entry);
      value.catch(() => {
        if (owner.get(key) === entry) owner.delete(key);
      });
      return value;
    },
    invalidate(userId: string) {
      buckets.delete(userId);
    },
    clear() {
      buckets.clear();
    },
    size() {
      return buckets.size;
    },
  };
}
