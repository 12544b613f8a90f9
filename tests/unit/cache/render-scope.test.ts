import { describe, expect, it } from 'vitest';
import {
  cacheableUser,
  invalidatePages,
  newRenderScope,
  noteDatabase,
  noteUser,
  noteUserData,
  onPageInvalidation,
  runInRenderScope,
} from '@/lib/cache/render-scope';
import { createPerUserCache } from '@/lib/cache/per-user';

describe('render scope', () => {
  it('collects the user, the earliest expiry and database use of one render', async () => {
    const scope = newRenderScope(0);
    await runInRenderScope(scope, async () => {
      noteUser('alice', 9_000);
      await Promise.resolve();
      noteUserData('alice', 6_000);
      noteUserData('alice', 7_000);
    });
    expect(cacheableUser(scope)).toBe('alice');
    expect(scope.expiresAt).toBe(6_000);
    runInRenderScope(scope, () => noteDatabase());
    expect(cacheableUser(scope)).toBeNull();
  });

  it('keeps concurrent renders apart', async () => {
    const a = newRenderScope(0);
    const b = newRenderScope(0);
    const tick = () => new Promise((resolve) => setTimeout(resolve, 1));
    await Promise.all([
      runInRenderScope(a, async () => {
        await tick();
        noteUser('alice', 5_000);
      }),
      runInRenderScope(b, async () => {
        noteUser('bob', 5_000);
        await tick();
        noteDatabase();
      }),
    ]);
    expect(cacheableUser(a)).toBe('alice');
    expect(cacheableUser(b)).toBeNull();
    expect([...a.users]).toEqual(['alice']);
  });

  it("is not cacheable for no user, two users, or another user's data", () => {
    expect(cacheableUser(newRenderScope(0))).toBeNull();
    const two = newRenderScope(0);
    runInRenderScope(two, () => {
      noteUser('alice', 5_000);
      noteUser('bob', 5_000);
    });
    expect(cacheableUser(two)).toBeNull();
    const other = newRenderScope(0);
    runInRenderScope(other, () => {
      noteUser('alice', 5_000);
      noteUserData('bob', 5_000);
    });
    expect(cacheableUser(other)).toBeNull();
  });

  it('does nothing outside a render', () => {
    expect(() => {
      noteUser('alice', 1);
      noteUserData('alice', 1);
      noteDatabase();
    }).not.toThrow();
  });

  it('hands invalidations to every registered page cache', () => {
    const seen: Array<string | null> = [];
    const off = onPageInvalidation((user) => seen.push(user));
    invalidatePages('alice');
    invalidatePages(null);
    off();
    invalidatePages('bob');
    expect(seen).toEqual(['alice', null]);
  });

  it('learns from the per-user data cache whose value was served and until when', async () => {
    const clock = { t: 1_000 };
    const cache = createPerUserCache({
      maxUsers: 10,
      maxEntriesPerUser: 4,
      ttlMs: 5_000,
      now: () => clock.t,
      onServe: noteUserData,
    });
    const scope = newRenderScope(0);
    await runInRenderScope(scope, () => cache.get('alice', 'due', async () => 1));
    expect(scope.expiresAt).toBe(6_000);
    clock.t = 3_000;
    const later = newRenderScope(0);
    await runInRenderScope(later, () => cache.get('alice', 'due', async () => 2));
    expect(later.expiresAt).toBe(6_000);
    expect([...later.dataUsers]).toEqual(['alice']);
  });
});
