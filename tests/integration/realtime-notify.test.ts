import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase, testProvider } from './helpers/test-db';

let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ cleanup } = await setupTestDatabase());
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
