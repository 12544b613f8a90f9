import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, setupTestDatabase, testProvider } from './helpers/test-db';

let cleanup: () => Promise<void>;
let url: string;
beforeAll(async () => {
  ({ cleanup, url } = await setupTestDatabase());
});
afterAll(async () => {
  await cleanup();
});

const waitFor = async (check: () => boolean, ms = 5_000) => {
  const until = Date.now() + ms;
  while (!check() && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  return check();
};

describe(`pg-notify on ${testProvider}`, () => {
  it(
    testProvider === 'postgresql'
      ? 'wakes a listener on its own connection when any client notifies the channel'
      : 'is a no-op on SQLite (the pollers alone deliver)',
    async () => {
      const { listenChannel, notifyChannel } = await import('@/lib/realtime/pg-notify');
      let wakes = 0;
      listenChannel('mesh_dojo_test_channel', () => (wakes += 1));
      await notifyChannel('mesh_dojo_test_channel');
      if (testProvider === 'sqlite') {
        expect(wakes).toBe(0);
        return;
      }
      // One wake when LISTEN is in place (rows may have landed meanwhile), then one per NOTIFY.
      expect(await waitFor(() => wakes >= 1)).toBe(true);
      const before = wakes;
      await notifyChannel('mesh_dojo_test_channel');
      expect(await waitFor(() => wakes > before)).toBe(true);
      expect(() => listenChannel('bad channel; drop', () => {})).toThrow(/bad channel/);
    },
  );
});

// Another instance is simulated by a second connection that only sends the NOTIFY another
// instance's write would send; the row changes are made behind this process's back, so only the
// notification (not the 5 s TTL: each wait is at most 2 s) can make this process see them.
describe.runIf(testProvider === 'postgresql')('cache invalidation across instances', () => {
  const otherInstance = async (channel: string, payload: string) => {
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('SELECT pg_notify($1, $2)', [channel, payload]);
    } finally {
      await client.end();
    }
  };

  it("drops this instance's cached per-user data when another instance writes", async () => {
    const { cachedForUser, USER_DATA_CHANNEL } = await import('@/lib/cache/user-data');
    const user = await createTestUser();
    let computed = 0;
    const read = () => cachedForUser(user.id, 'notify-test', async () => ++computed);
    expect(await read()).toBe(1);
    // The listener is connected once its first (re)connect wake has cleared the cache.
    expect(await waitForAsync(async () => (await read()) >= 2)).toBe(true);
    const settled = await read();
    expect(await read()).toBe(settled);
    await otherInstance(USER_DATA_CHANNEL, `other-instance ${user.id}`);
    expect(await waitForAsync(async () => (await read()) > settled, 2_000)).toBe(true);
    // Another user's notification leaves this user's copy alone.
    const now = await read();
    await otherInstance(USER_DATA_CHANNEL, 'other-instance someone-else');
    await new Promise((r) => setTimeout(r, 300));
    expect(await read()).toBe(now);
  });

  it('refuses a session revoked by another instance before the TTL runs out', async () => {
    const { db } = await import('@/lib/db');
    const sessions = await import('@/lib/auth/sessions');
    const user = await createTestUser();
    const [one, two] = [
      await sessions.createSession({ userId: user.id }),
      await sessions.createSession({ userId: user.id }),
    ];
    const live = (sessionId: string) => sessions.getSessionUser({ sessionId, userId: user.id });
    expect(await live(one)).not.toBeNull();
    expect(await live(two)).not.toBeNull();
    // Revoked elsewhere: rows deleted by the other instance, which then announces it.
    await db.userSession.deleteMany({ where: { id: one } });
    await otherInstance(sessions.SESSION_CHANNEL, `other-instance s:${one}`);
    expect(await waitForAsync(async () => (await live(one)) === null, 2_000)).toBe(true);
    expect(await live(two)).not.toBeNull();
    await db.userSession.deleteMany({ where: { userId: user.id } });
    await otherInstance(sessions.SESSION_CHANNEL, `other-instance u:${user.id}`);
    expect(await waitForAsync(async () => (await live(two)) === null, 2_000)).toBe(true);
  });
});

async function waitForAsync(check: () => Promise<boolean>, ms = 5_000): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return check();
}
