import type { PrismaClient } from '@/lib/generated/prisma/client';
import { hashPassword } from '@/lib/auth/password';
import { DEMO_ACCOUNT } from '@/lib/auth/demo';

export { DEMO_ACCOUNT } from '@/lib/auth/demo';

/**
 * Creates the demo account if it does not exist; leaves an existing one (and its progress)
 * untouched, so seeding is idempotent. Reused by integration tests.
 */
export async function seedDemoUser(db: PrismaClient): Promise<{ id: string; created: boolean }> {
  const existing = await db.user.findUnique({
    where: { email: DEMO_ACCOUNT.email },
    select: { id: true },
  });
  if (existing) return { id: existing.id, created: false };
  const user = await db.user.create({
    data: {
      name: DEMO_ACCOUNT.name,
      email: DEMO_ACCOUNT.email,
      passwordHash: await hashPassword(DEMO_ACCOUNT.password),
    },
    select: { id: true },
  });
  return { id: user.id, created: true };
}

/** Days of review history the demo account gets. */
export const DEMO_HISTORY_DAYS = 56;

/** Deterministic PRNG (mulberry32) so the demo history is the same on every seed. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Realistic history for the demo account so stats and the dashboard can be previewed:
 * eight weeks of FSRS-scheduled reviews (real scheduler, ~85 % pass), four lessons read,
 * graded scenario attempts and two saved simulator runs. Deterministic for a given `now`.
 */
export async function seedDemoHistory(db: PrismaClient, userId: string, now: Date): Promise<void> {
  // Imported here so the plain account seed (used by tests) stays light.
  const [
    { loadDeck },
    { applyReview },
    { cardToRowData },
    { listScenarios },
    { gradeAttempt },
    presets,
    runs,
  ] = await Promise.all([
    import('@/lib/content/deck'),
    import('@/lib/srs/review'),
    import('@/lib/flashcards/card-state'),
    import('@/lib/content/scenarios'),
    import('@/lib/grading/grade-attempt'),
    import('@/lib/content/simulator-presets'),
    import('@/lib/simulator/run-summary'),
  ]);
  const random = mulberry32(20261201);
  const settings = { desiredRetention: 0.9 };
  const deck = await loadDeck();
  const dayMs = 86_400_000;
  const start = now.getTime() - DEMO_HISTORY_DAYS * dayMs;
  type Card = ReturnType<typeof applyReview>['card'];
  const cards = new Map<string, Card>();
  const logs: ReturnType<typeof logRow>[] = [];
  let key = 0;
  for (let day = 0; day < DEMO_HISTORY_DAYS; day++) {
    // Some days off, as real learners have — but never the last two, so the demo always shows a
    // live streak (which days the draw skipped used to depend on the time of day of the seed).
    if (random() < 0.15 && day < DEMO_HISTORY_DAYS - 2) continue;
    const dayStart = start + day * dayMs + 18 * 3_600_000; // evenings, UTC
    let minute = 0;
    const at = () => new Date(dayStart + (minute += 1 + Math.floor(random() * 2)) * 60_000);
    // Due reviews first, then a handful of new cards (about 6 a day).
    for (const [cardId, card] of cards) {
      if (card.due.getTime() > dayStart + 3 * 3_600_000) continue;
      const grade = random() < 0.86 ? (random() < 0.8 ? 3 : random() < 0.5 ? 2 : 4) : 1;
      const applied = applyReview(card, grade, at(), settings);
      cards.set(cardId, applied.card);
      logs.push(logRow(userId, cardId, applied, ++key));
    }
    const fresh = deck.cards.filter((c) => !cards.has(c.id)).slice(0, 4 + Math.floor(random() * 4));
    for (const deckCard of fresh) {
      let applied = applyReview(null, random() < 0.3 ? 1 : 3, at(), settings);
      logs.push(logRow(userId, deckCard.id, applied, ++key));
      // Learning steps come back within minutes the same evening.
      while (applied.card.state === 1 || applied.card.state === 3) {
        minute += 9;
        applied = applyReview(applied.card, 3, at(), settings);
        logs.push(logRow(userId, deckCard.id, applied, ++key));
      }
      cards.set(deckCard.id, applied.card);
    }
  }
  await db.$transaction([
    db.reviewLog.createMany({ data: logs }),
    db.cardState.createMany({
      data: [...cards].map(([cardId, card]) => ({ userId, cardId, ...cardToRowData(card) })),
    }),
  ]);

  const lessons = [
    'why-service-mesh',
    'when-is-a-mesh-justified',
    'data-plane-and-control-plane',
    'resilience-retries-timeouts-circuit-breaking',
  ];
  await db.lessonProgress.createMany({
    data: lessons.map((lessonId, i) => ({
      userId,
      lessonId,
      completedAt: new Date(start + (i * 9 + 1) * dayMs),
    })),
  });

  const scenarios = (await listScenarios()).slice(0, 4);
  const attempts = scenarios.map((scenario, i) => {
    const spec = scenario.answer;
    const decision =
      spec.type === 'choice'
        ? (spec.correct[0] ?? '')
        : spec.type === 'order'
          ? [...spec.correct]
          : spec.correct;
    const justification =
      i % 2 === 0
        ? scenario.modelAnswer.junior
        : `${scenario.modelAnswer.junior.split('.')[0] ?? ''}.`;
    const answer = { type: spec.type, decision, justification } as Parameters<
      typeof gradeAttempt
    >[0]['answer'];
    const result = gradeAttempt({ scenario, answer });
    return {
      userId,
      scenarioId: scenario.id,
      decision: JSON.stringify(decision),
      justification,
      score: result.score,
      maxScore: result.maxScore,
      feedback: JSON.stringify(result),
      createdAt: new Date(start + (i * 12 + 5) * dayMs),
    };
  });
  await db.scenarioAttempt.createMany({ data: attempts });

  for (const [i, presetId] of ['retry-storm', 'timeout-rescue'].entries()) {
    const preset = await presets.getSimulatorPreset(presetId);
    if (!preset) continue;
    const summary = runs.replaySummary(preset.config, preset.seed, [], 20);
    await db.simulatorRun.create({
      data: {
        userId,
        name: `${preset.title} (first look)`,
        presetId,
        config: JSON.stringify(preset.config),
        seed: preset.seed,
        intents: '[]',
        summary: JSON.stringify(summary),
        createdAt: new Date(start + (i * 20 + 10) * dayMs),
      },
      select: { id: true },
    });
  }
}

function logRow(
  userId: string,
  cardId: string,
  { log, snapshot }: { log: import('ts-fsrs').ReviewLog; snapshot: unknown },
  key: number,
) {
  return {
    userId,
    cardId,
    rating: log.rating,
    state: log.state,
    due: log.due,
    stability: log.stability,
    difficulty: log.difficulty,
    elapsedDays: log.elapsed_days,
    lastElapsedDays: log.last_elapsed_days,
    scheduledDays: log.scheduled_days,
    learningSteps: log.learning_steps,
    review: log.review,
    durationMs: 4_000 + (key % 7) * 1_500,
    previousState: JSON.stringify(snapshot),
    idempotencyKey: `demo-seed-${key}`,
  };
}

/**
 * On an instance configured for production: removes the demo account's public password
 * and ends its sessions, so nobody can sign in with the documented credentials.
 */
export async function disableDemoUser(db: PrismaClient): Promise<boolean> {
  const existing = await db.user.findUnique({
    where: { email: DEMO_ACCOUNT.email },
    select: { id: true },
  });
  if (!existing) return false;
  await db.user.update({
    where: { id: existing.id },
    data: { passwordHash: null },
    select: { id: true },
  });
  await db.userSession.deleteMany({ where: { userId: existing.id } });
  return true;
}
