import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDatabase, createTestUser } from './helpers/test-db';

type Reviews = typeof import('@/lib/flashcards/reviews');
type Db = typeof import('@/lib/db');
type Errors = typeof import('@/lib/flashcards/errors');
type Personal = typeof import('@/lib/flashcards/personal-cards');
type Session = typeof import('@/lib/flashcards/session');

let cleanup: () => Promise<void>;
let reviews: Reviews;
let db: Db['db'];
let FlashcardError: Errors['FlashcardError'];
let personal: Personal;
let session: Session;

const T0 = new Date('2026-04-01T10:00:00.000Z');
let keyCounter = 0;
const key = () => `key-${process.pid}-${++keyCounter}-abcdef`;

beforeAll(async () => {
  process.env.MESH_DOJO_DECK_DIR = path.resolve(import.meta.dirname, '../fixtures/cards');
  ({ cleanup } = await setupTestDatabase());
  reviews = await import('@/lib/flashcards/reviews');
  ({ db } = await import('@/lib/db'));
  ({ FlashcardError } = await import('@/lib/flashcards/errors'));
  personal = await import('@/lib/flashcards/personal-cards');
  session = await import('@/lib/flashcards/session');
});

afterAll(async () => {
  await cleanup?.();
});

async function snapshotFor(userId: string) {
  const [states, logs] = await Promise.all([
    db.cardState.findMany({ where: { userId }, orderBy: { cardId: 'asc' } }),
    db.reviewLog.findMany({ where: { userId }, orderBy: { id: 'asc' } }),
  ]);
  return { states, logs };
}

describe('recordReview', () => {
  it('persists the card state and an append-only log row', async () => {
    const user = await createTestUser();
    const result = await reviews.recordReview({
      userId: user.id,
      cardId: 'mtls-001',
      grade: 3,
      idempotencyKey: key(),
      now: T0,
      durationMs: 4200,
    });
    expect(result.duplicate).toBe(false);
    expect(result.state).toBe('learning');
    expect(result.due.getTime()).toBe(T0.getTime() + 10 * 60_000);
    const { states, logs } = await snapshotFor(user.id);
    expect(states).toHaveLength(1);
    expect(states[0]).toMatchObject({ cardId: 'mtls-001', reps: 1, state: 1 });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({
      cardId: 'mtls-001',
      rating: 3,
      state: 0,
      durationMs: 4200,
      undoneAt: null,
    });

    const second = await reviews.recordReview({
      userId: user.id,
      cardId: 'mtls-001',
      grade: 3,
      idempotencyKey: key(),
      now: result.due,
    });
    expect(second.state).toBe('review');
    expect(second.due.getTime()).toBeGreaterThan(result.due.getTime() + 24 * 3_600_000 - 1);
    expect((await snapshotFor(user.id)).logs).toHaveLength(2);
  });

  it('records a double submit once and returns the first result', async () => {
    const user = await createTestUser();
    const idempotencyKey = key();
    const first = await reviews.recordReview({
      userId: user.id,
      cardId: 'mtls-002',
      grade: 4,
      idempotencyKey,
      now: T0,
    });
    const again = await reviews.recordReview({
      userId: user.id,
      cardId: 'mtls-002',
      grade: 1,
      idempotencyKey,
      now: new Date(T0.getTime() + 5000),
    });
    expect(again.duplicate).toBe(true);
    expect(again.reviewId).toBe(first.reviewId);
    expect(again.grade).toBe(4);
    expect(again.due.getTime()).toBe(first.due.getTime());
    const { states, logs } = await snapshotFor(user.id);
    expect(logs).toHaveLength(1);
    expect(states[0]!.reps).toBe(1);
  });

  it('records concurrent submissions of the same key once', async () => {
    const user = await createTestUser();
    const idempotencyKey = key();
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        reviews.recordReview({
          userId: user.id,
          cardId: 'resilience-001',
          grade: 3,
          idempotencyKey,
          now: T0,
        }),
      ),
    );
    expect(new Set(results.map((r) => r.reviewId)).size).toBe(1);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    const { states, logs } = await snapshotFor(user.id);
    expect(logs).toHaveLength(1);
    expect(states[0]!.reps).toBe(1);
  });

  it('keeps state and log consistent under 50 concurrent submissions for one user', async () => {
    const user = await createTestUser();
    const cards = ['mtls-001', 'mtls-002', 'mtls-003', 'resilience-001', 'resilience-002'];
    const submissions = Array.from({ length: 50 }, (_, i) => ({
      cardId: cards[i % cards.length]!,
      grade: ((i % 4) + 1) as 1 | 2 | 3 | 4,
      idempotencyKey: key(),
      now: new Date(T0.getTime() + i * 1000),
    }));
    const results = await Promise.all(
      submissions.map((s) => reviews.recordReview({ userId: user.id, ...s })),
    );
    expect(results.every((r) => !r.duplicate)).toBe(true);
    const { states, logs } = await snapshotFor(user.id);
    expect(logs).toHaveLength(50);
    expect(new Set(logs.map((l) => l.idempotencyKey)).size).toBe(50);
    expect(states).toHaveLength(cards.length);
    for (const state of states) {
      const cardLogs = logs.filter((l) => l.cardId === state.cardId);
      // Every submission was applied on top of the previous one: reps equals the log count
      // and each log's snapshot chains into the next.
      expect(state.reps).toBe(cardLogs.length);
      const snapshots = cardLogs
        .map(
          (l) =>
            JSON.parse(l.previousState!) as {
              before: { reps: number } | null;
              after: { reps: number; due: string };
            },
        )
        .sort((a, b) => a.after.reps - b.after.reps);
      snapshots.forEach((snap, index) => {
        expect(snap.after.reps).toBe(index + 1);
        expect(snap.before?.reps ?? 0).toBe(index);
      });
      expect(new Date(snapshots.at(-1)!.after.due).getTime()).toBe(state.due.getTime());
    }
  });

  it('rejects bad input with a typed error and writes nothing', async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    const { cardId: othersCard } = await personal.createPersonalCard({
      userId: other.id,
      input: { sourceKey: 'scenario:x:concept:y', front: 'Q?', back: 'A.', tags: ['mtls'] },
    });
    const attempts: Array<[Parameters<Reviews['recordReview']>[0], string]> = [
      [
        { userId: user.id, cardId: 'no-such-card-999', grade: 3, idempotencyKey: key(), now: T0 },
        'card-not-found',
      ],
      [
        { userId: user.id, cardId: othersCard, grade: 3, idempotencyKey: key(), now: T0 },
        'card-not-found',
      ],
      [
        { userId: user.id, cardId: 'personal:', grade: 3, idempotencyKey: key(), now: T0 },
        'card-not-found',
      ],
      [
        { userId: user.id, cardId: 'mtls-001', grade: 5, idempotencyKey: key(), now: T0 },
        'invalid-grade',
      ],
      [
        { userId: user.id, cardId: 'mtls-001', grade: 0, idempotencyKey: key(), now: T0 },
        'invalid-grade',
      ],
      [
        { userId: user.id, cardId: 'mtls-001', grade: 3, idempotencyKey: 'x', now: T0 },
        'invalid-input',
      ],
    ];
    for (const [input, code] of attempts) {
      const error = await reviews.recordReview(input).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(FlashcardError);
      expect((error as InstanceType<Errors['FlashcardError']>).code).toBe(code);
      expect((error as InstanceType<Errors['FlashcardError']>).status).toBeGreaterThanOrEqual(400);
      expect((error as InstanceType<Errors['FlashcardError']>).status).toBeLessThan(500);
    }
    const mine = await snapshotFor(user.id);
    expect(mine.states).toHaveLength(0);
    expect(mine.logs).toHaveLength(0);
    expect((await snapshotFor(other.id)).logs).toHaveLength(0);
  });

  it('lets a user review their own personal card in the same queue', async () => {
    const user = await createTestUser();
    const { cardId } = await personal.createPersonalCard({
      userId: user.id,
      input: {
        sourceKey: 'scenario:a:concept:b',
        front: 'Own Q?',
        back: 'Own A.',
        tags: ['resilience'],
      },
    });
    const repeat = await personal.createPersonalCard({
      userId: user.id,
      input: {
        sourceKey: 'scenario:a:concept:b',
        front: 'Own Q?',
        back: 'Own A.',
        tags: ['resilience'],
      },
    });
    expect(repeat).toEqual({ cardId, created: false });
    const current = await session.getReviewSession({ userId: user.id, now: T0 });
    expect(current.card?.id).toBe(cardId);
    expect(current.card?.isPersonal).toBe(true);
    expect(current.remaining.new).toBe(7);
    const result = await reviews.recordReview({
      userId: user.id,
      cardId,
      grade: 3,
      idempotencyKey: key(),
      now: T0,
    });
    expect(result.cardId).toBe(cardId);
  });
});

describe('undoLastReview', () => {
  it('restores the exact previous state and marks the log row undone', async () => {
    const user = await createTestUser();
    await reviews.recordReview({
      userId: user.id,
      cardId: 'mtls-001',
      grade: 3,
      idempotencyKey: key(),
      now: T0,
    });
    const before = (await snapshotFor(user.id)).states[0]!;
    const later = new Date(T0.getTime() + 11 * 60_000);
    await reviews.recordReview({
      userId: user.id,
      cardId: 'mtls-001',
      grade: 1,
      idempotencyKey: key(),
      now: later,
    });
    const undone = await reviews.undoLastReview({ userId: user.id, now: later });
    expect(undone).toMatchObject({ cardId: 'mtls-001', grade: 1 });
    const after = await snapshotFor(user.id);
    const { updatedAt: _a, ...restored } = after.states[0]!;
    const { updatedAt: _b, ...original } = before;
    expect(restored).toEqual(original);
    expect(after.logs).toHaveLength(2);
    expect(after.logs.filter((l) => l.undoneAt !== null)).toHaveLength(1);

    // Undoing the first review removes the state entirely: the card is new again.
    await reviews.undoLastReview({ userId: user.id, now: later });
    expect((await snapshotFor(user.id)).states).toHaveLength(0);
    await expect(reviews.undoLastReview({ userId: user.id, now: later })).rejects.toMatchObject({
      code: 'nothing-to-undo',
    });
  });

  it("never touches another user's reviews", async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    await reviews.recordReview({
      userId: other.id,
      cardId: 'mtls-001',
      grade: 3,
      idempotencyKey: key(),
      now: T0,
    });
    await expect(reviews.undoLastReview({ userId: user.id, now: T0 })).rejects.toMatchObject({
      code: 'nothing-to-undo',
    });
    expect((await snapshotFor(other.id)).logs[0]!.undoneAt).toBeNull();
  });
});
