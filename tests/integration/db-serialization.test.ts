import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from './helpers/test-db';

let cleanup: () => Promise<void>;
let db: typeof import('@/lib/db').db;

beforeAll(async () => {
  ({ cleanup } = await setupTestDatabase());
  ({ db } = await import('@/lib/db'));
});

afterAll(async () => cleanup());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SQLite client: plain queries never join another request’s transaction', () => {
  it('keeps a concurrent plain write when an interactive transaction rolls back', async () => {
    const rolledBack = db
      .$transaction(async (tx) => {
        await tx.user.create({ data: { email: 'inside-tx@example.test', name: 'Inside' } });
        await sleep(150);
        throw new Error('roll back on purpose');
      })
      .catch((error: Error) => error.message);
    await sleep(30);
    await db.user.create({ data: { email: 'outside-tx@example.test', name: 'Outside' } });
    expect(await rolledBack).toBe('roll back on purpose');
    expect(await db.user.count({ where: { email: 'inside-tx@example.test' } })).toBe(0);
    expect(await db.user.count({ where: { email: 'outside-tx@example.test' } })).toBe(1);
  });

  it('does not let a plain read see rows a transaction later rolls back', async () => {
    const tx = db
      .$transaction(async (t) => {
        await t.user.create({ data: { email: 'dirty@example.test', name: 'Pending' } });
        await sleep(150);
        throw new Error('roll back on purpose');
      })
      .catch(() => undefined);
    await sleep(30);
    // Without serialization this read runs inside the open transaction and sees 1.
    const seenDuringTx = await db.user.count({ where: { email: 'dirty@example.test' } });
    await tx;
    expect(seenDuringTx).toBe(0);
  });
});
