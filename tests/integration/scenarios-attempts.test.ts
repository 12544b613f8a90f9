import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Scenario } from '@/lib/content/scenario-schema';
import { createTestUser, setupTestDatabase } from './helpers/test-db';
import { session } from './helpers/fake-session';

// The session is the only thing faked: data access, content, the grader and SQLite are real.
vi.mock('@/lib/auth/session', () => import('./helpers/fake-session'));

const SCENARIO_ID = 'diagnose-retry-storm-failing-leaf';

let cleanup: () => Promise<void>;
let attempts: typeof import('@/lib/scenarios/attempts');
let actions: typeof import('@/app/(study)/scenarios/[scenarioId]/actions');
let db: typeof import('@/lib/db').db;
let scenario: Scenario;
let alice: { id: string; email: string };
let bob: { id: string; email: string };
let carol: { id: string; email: string };
let dave: { id: string; email: string };

const signInAs = (user: { id: string; email: string } | null) => {
  session.user = user ? { ...user, name: 'Test' } : null;
};

beforeAll(async () => {
  ({ cleanup } = await setupTestDatabase());
  attempts = await import('@/lib/scenarios/attempts');
  actions = await import('@/app/(study)/scenarios/[scenarioId]/actions');
  ({ db } = await import('@/lib/db'));
  const { getScenario } = await import('@/lib/content/scenarios');
  const found = await getScenario(SCENARIO_ID);
  if (!found) throw new Error(`content scenario ${SCENARIO_ID} is missing`);
  scenario = found;
  alice = await createTestUser();
  bob = await createTestUser();
  carol = await createTestUser();
  dave = await createTestUser();
});

afterAll(async () => cleanup());
beforeEach(() => signInAs(null));

/** The prediction key from the content (not hard-coded: it once said 9× while the preset measures 27×). */
const correctPrediction = (): string => {
  const key = scenario.simulator?.prediction?.correct;
  if (!key) throw new Error(`${SCENARIO_ID} has no simulator prediction`);
  return key;
};

const weakAnswer = {
  decision: 'retry-storm',
  justification: 'The retries are the problem here.',
  prediction: 'x3',
};

describe('submitScenarioAttempt', () => {
  it('stores a double submit with one idempotency key once, also when the two race', async () => {
    const carol = await createTestUser();
    signInAs(carol);
    const submit = (idempotencyKey: string) =>
      attempts.submitScenarioAttempt({
        userId: carol.id,
        scenarioId: SCENARIO_ID,
        answer: weakAnswer,
        idempotencyKey,
      });
    const [a, b] = await Promise.all([submit('key-aaaaaaaa'), submit('key-aaaaaaaa')]);
    if (!a.ok || !b.ok) throw new Error('expected both to succeed');
    expect(a.attempt.id).toBe(b.attempt.id);
    expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
    const again = await submit('key-aaaaaaaa');
    expect(again).toMatchObject({ ok: true, duplicate: true, newCardCount: 0 });
    expect(await db.scenarioAttempt.count({ where: { userId: carol.id } })).toBe(1);
    expect((await submit('key-bbbbbbbb')).ok).toBe(true);
    expect(await db.scenarioAttempt.count({ where: { userId: carol.id } })).toBe(2);
  });

  it('limits attempts per user per minute, then stores nothing until the window ends', async () => {
    const dave = await createTestUser();
    signInAs(dave);
    const now = new Date('2026-07-01T12:00:00Z');
    const { limit, windowMs } = attempts.ATTEMPT_RATE_POLICY;
    for (let i = 0; i < limit; i += 1) {
      const result = await attempts.submitScenarioAttempt({
        userId: dave.id,
        scenarioId: SCENARIO_ID,
        answer: weakAnswer,
        now,
      });
      expect(result.ok).toBe(true);
    }
    const over = await attempts.submitScenarioAttempt({
      userId: dave.id,
      scenarioId: SCENARIO_ID,
      answer: weakAnswer,
      now,
    });
    expect(over).toMatchObject({ ok: false, retryAfterSeconds: 60 });
    expect(await db.scenarioAttempt.count({ where: { userId: dave.id } })).toBe(limit);
    const later = new Date(now.getTime() + windowMs);
    expect(
      (
        await attempts.submitScenarioAttempt({
          userId: dave.id,
          scenarioId: SCENARIO_ID,
          answer: weakAnswer,
          now: later,
        })
      ).ok,
    ).toBe(true);
  }, 60_000);

  it('stores every attempt and creates each mistake card once across retries', async () => {
    signInAs(alice);
    const first = await attempts.submitScenarioAttempt({
      userId: alice.id,
      scenarioId: SCENARIO_ID,
      answer: weakAnswer,
    });
    if (!first.ok) throw new Error(first.message);
    const missed = first.result.criteria.filter((c) => c.status === 'missed');
    expect(missed.length).toBeGreaterThan(0);
    expect(first.result.prediction).toMatchObject({ answered: true, correct: false });
    expect(first.newCardCount).toBe(missed.length + 1);

    const second = await attempts.submitScenarioAttempt({
      userId: alice.id,
      scenarioId: SCENARIO_ID,
      answer: weakAnswer,
    });
    if (!second.ok) throw new Error(second.message);
    expect(second.newCardCount).toBe(0);

    const cards = await db.personalCard.findMany({
      where: { userId: alice.id },
      select: { sourceKey: true, scenarioId: true, lessonId: true, tags: true },
    });
    expect(cards).toHaveLength(missed.length + 1);
    expect(cards.map((c) => c.sourceKey).sort()).toEqual(
      [
        ...missed.map((c) => `scenario:${SCENARIO_ID}:concept:${c.id}`),
        `scenario:${SCENARIO_ID}:prediction`,
      ].sort(),
    );
    expect(cards.every((c) => c.scenarioId === SCENARIO_ID && c.lessonId !== null)).toBe(true);
    expect(JSON.parse(cards[0]?.tags ?? '[]')).toEqual(scenario.competencies);
    expect(await db.scenarioAttempt.count({ where: { userId: alice.id } })).toBe(2);
  });

  it('adds cards only for newly missed concepts when a later attempt misses something else', async () => {
    signInAs(bob);
    const strong = await attempts.submitScenarioAttempt({
      userId: bob.id,
      scenarioId: SCENARIO_ID,
      answer: {
        decision: 'retry-storm',
        justification: scenario.modelAnswer.senior,
        prediction: correctPrediction(),
      },
    });
    if (!strong.ok) throw new Error(strong.message);
    expect(strong.newCardCount).toBe(0);
    expect(strong.result.score).toBeGreaterThanOrEqual(80);
    const weak = await attempts.submitScenarioAttempt({
      userId: bob.id,
      scenarioId: SCENARIO_ID,
      answer: weakAnswer,
    });
    if (!weak.ok) throw new Error(weak.message);
    expect(weak.newCardCount).toBeGreaterThan(0);
    expect(await db.personalCard.count({ where: { userId: bob.id } })).toBe(weak.newCardCount);
  });

  it('returns field errors for invalid answers and stores nothing', async () => {
    signInAs(alice);
    const before = await db.scenarioAttempt.count();
    const result = await attempts.submitScenarioAttempt({
      userId: alice.id,
      scenarioId: SCENARIO_ID,
      answer: { decision: 'retry-storm', justification: '   ' },
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: {
        justification: ['Write a justification: explain why you chose this decision.'],
      },
    });
    expect(await db.scenarioAttempt.count()).toBe(before);
  });

  it('refuses to act for another user and rejects unknown scenarios', async () => {
    signInAs(bob);
    await expect(
      attempts.submitScenarioAttempt({
        userId: alice.id,
        scenarioId: SCENARIO_ID,
        answer: weakAnswer,
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      attempts.listScenarioAttempts({ userId: alice.id, scenarioId: SCENARIO_ID }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      attempts.submitScenarioAttempt({ userId: bob.id, scenarioId: 'nope', answer: weakAnswer }),
    ).rejects.toMatchObject({ code: 'unknown-scenario' });
  });

  it('only lets a justification cite the user’s own saved simulator run', async () => {
    const run = await db.simulatorRun.create({
      data: {
        userId: alice.id,
        name: 'storm',
        presetId: 'retry-storm',
        config: '{}',
        seed: 1,
        summary: '{}',
      },
      select: { id: true },
    });
    signInAs(bob);
    const foreign = await attempts.submitScenarioAttempt({
      userId: bob.id,
      scenarioId: SCENARIO_ID,
      answer: weakAnswer,
      simulatorRunId: run.id,
    });
    expect(foreign).toMatchObject({
      ok: false,
      fieldErrors: { simulatorRunId: ['Choose one of your saved runs.'] },
    });
    signInAs(alice);
    const own = await attempts.submitScenarioAttempt({
      userId: alice.id,
      scenarioId: SCENARIO_ID,
      answer: weakAnswer,
      simulatorRunId: run.id,
    });
    expect(own.ok && own.attempt.simulatorRunId).toBe(run.id);
    expect(
      (await attempts.listCitableRuns({ userId: alice.id, presetId: 'retry-storm' })).map(
        (r) => r.id,
      ),
    ).toEqual([run.id]);
  });
});

describe('attempt history, stats and recommendations', () => {
  it('lists attempts newest first with parsed feedback and reports the best score', async () => {
    signInAs(alice);
    const list = await attempts.listScenarioAttempts({ userId: alice.id, scenarioId: SCENARIO_ID });
    expect(list.length).toBe(3);
    expect(list[0]?.result?.criteria.length).toBe(scenario.rubric.length);
    expect(list[0]?.decision).toBe('retry-storm');
    const stats = await attempts.listScenarioStats({ userId: alice.id });
    expect(stats).toEqual([
      expect.objectContaining({
        scenarioId: SCENARIO_ID,
        attempts: 3,
        bestScore: Math.max(...list.map((a) => a.score)),
      }),
    ]);
  });

  it('recommends an untried scenario from the weakest competency', async () => {
    signInAs(bob);
    const recommendation = await attempts.getRecommendedScenario({ userId: bob.id });
    expect(recommendation).not.toBeNull();
    expect(recommendation?.scenarioId).not.toBe(SCENARIO_ID);
    const scores = await attempts.listCompetencyScores({ userId: bob.id });
    expect(recommendation?.competency).toBe(scores[0]?.competency);
  });
});

describe('submitScenarioAttemptAction', () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields)) data.set(key, value);
    return data;
  };

  it('grades a signed-out attempt without storing anything', async () => {
    signInAs(null);
    const attemptsBefore = await db.scenarioAttempt.count();
    const cardsBefore = await db.personalCard.count();
    const state = await actions.submitScenarioAttemptAction(
      null,
      form({
        scenarioId: SCENARIO_ID,
        decision: 'retry-storm',
        justification: scenario.modelAnswer.junior,
      }),
    );
    if (!state?.ok) throw new Error(state?.message ?? 'no state');
    expect(state).toMatchObject({ isSaved: false, newCardCount: 0 });
    expect(state.result.score).toBeGreaterThan(0);
    expect(await db.scenarioAttempt.count()).toBe(attemptsBefore);
    expect(await db.personalCard.count()).toBe(cardsBefore);
    // Bad input from a visitor is a field error, as for a member.
    const bad = await actions.submitScenarioAttemptAction(
      null,
      form({ scenarioId: SCENARIO_ID, decision: 'no-such-option', justification: 'x' }),
    );
    expect(bad).toMatchObject({ ok: false, fieldErrors: { decision: expect.any(Array) } });
  });

  it('grades a form submission and returns feedback plus the model answers', async () => {
    signInAs(alice);
    const state = await actions.submitScenarioAttemptAction(
      null,
      form({
        scenarioId: SCENARIO_ID,
        decision: 'retry-storm',
        justification: scenario.modelAnswer.senior,
        prediction: correctPrediction(),
      }),
    );
    if (!state?.ok) throw new Error(state?.message ?? 'no state');
    expect(state.result.score).toBeGreaterThanOrEqual(70);
    expect(state.revealed?.modelAnswer.senior).toBe(scenario.modelAnswer.senior);
    expect(state.hints).toEqual([]);
  });

  it('holds the model answer back after a first weak attempt: hints, then a retry reveals it', async () => {
    signInAs(dave);
    const weak = form({
      scenarioId: SCENARIO_ID,
      decision: 'retry-storm',
      justification: 'Something is slow, so we should look at it more closely.',
    });
    const first = await actions.submitScenarioAttemptAction(null, weak);
    if (!first?.ok) throw new Error(first?.message ?? 'no state');
    expect(first.attemptNumber).toBe(1);
    expect(first.revealed).toBeNull();
    expect(first.hints.length).toBeGreaterThan(0);
    expect(first.hints[0]?.question).toMatch(/\?/);
    expect(JSON.stringify(first)).not.toContain(scenario.modelAnswer.senior);
    const second = await actions.submitScenarioAttemptAction(null, weak);
    if (!second?.ok) throw new Error(second?.message ?? 'no state');
    expect(second.attemptNumber).toBe(2);
    expect(second.revealed?.modelAnswer.senior).toBe(scenario.modelAnswer.senior);
  });

  it('reveals the model answer on request only after an attempt', async () => {
    signInAs(carol);
    expect(await actions.revealModelAnswerAction(SCENARIO_ID)).toMatchObject({ ok: false });
    expect(await actions.revealModelAnswerAction({ not: 'an id' })).toMatchObject({
      ok: false,
      message: 'Unknown scenario.',
    });
    await actions.submitScenarioAttemptAction(
      null,
      form({
        scenarioId: SCENARIO_ID,
        decision: 'retry-storm',
        justification: 'Too many retries.',
      }),
    );
    expect(await actions.revealModelAnswerAction(SCENARIO_ID)).toMatchObject({
      ok: true,
      modelAnswer: scenario.modelAnswer,
    });
  });

  it('returns field errors for bad input without throwing', async () => {
    signInAs(alice);
    const state = await actions.submitScenarioAttemptAction(
      null,
      form({ scenarioId: SCENARIO_ID, decision: 'retry-storm', justification: 'x'.repeat(10_000) }),
    );
    expect(state).toMatchObject({
      ok: false,
      fieldErrors: { justification: ['Keep the justification under 5,000 characters.'] },
    });
    const unknown = await actions.submitScenarioAttemptAction(
      null,
      form({ scenarioId: '../etc', decision: 'a', justification: 'x' }),
    );
    expect(unknown).toMatchObject({ ok: false, message: 'Unknown scenario.' });
  });

  it('answers a non-FormData argument or a bad idempotency key with a form error, storing nothing', async () => {
    signInAs(alice);
    const before = await db.scenarioAttempt.count();
    for (const input of [null, 'x', 42, { scenarioId: SCENARIO_ID }, [1, 2]]) {
      const state = await actions.submitScenarioAttemptAction(null, input);
      expect(state).toMatchObject({ ok: false });
    }
    const badKey = await actions.submitScenarioAttemptAction(
      null,
      form({
        scenarioId: SCENARIO_ID,
        decision: 'retry-storm',
        justification: 'x',
        idempotencyKey: '../../',
      }),
    );
    expect(badKey).toMatchObject({
      ok: false,
      fieldErrors: { idempotencyKey: [expect.any(String)] },
    });
    expect(await db.scenarioAttempt.count()).toBe(before);
  });
});
