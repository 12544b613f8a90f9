/**
 * Review-submission benchmark: 1,000 `recordReview` calls through the data layer on a
 * fresh temporary SQLite file (migrated with scripts/migrate.ts). Prints p50/p99 in ms.
 * Prints numbers only; it never passes or fails.
 *
 *   npx tsx --conditions=react-server scripts/bench-review.ts [--reviews 1000] [--users 1] [--think-ms 0] [--synchronous full|normal]
 *
 * --users N spreads the submissions over N learners submitting at the same time (each one
 * reviews sequentially, like a person); --think-ms T makes each learner pause about T ms
 * between answers (deterministic jitter ±50%), which is how 50 real users load the server. The deck is content/service-mesh/cards (the fixture
 * deck when that is missing or MESH_DOJO_DECK_DIR says otherwise). --synchronous sets the
 * SQLite pragma on the benchmark's connection to show what fsync on every commit costs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    reviews: { type: 'string', default: '1000' },
    users: { type: 'string', default: '1' },
    synchronous: { type: 'string', default: 'full' },
    'think-ms': { type: 'string', default: '0' },
  },
});
const total = Number(values.reviews);
const userCount = Math.max(1, Number(values.users));
const thinkMs = Math.max(0, Number(values['think-ms']));
const synchronous = values.synchronous === 'normal' ? 'NORMAL' : 'FULL';

const dir = mkdtempSync(path.join(tmpdir(), 'mesh-dojo-bench-'));
const url = `file:${path.join(dir, 'bench.db')}`;
execFileSync(
  path.join(ROOT, 'node_modules/.bin/tsx'),
  [path.join(ROOT, 'scripts/migrate.ts'), 'deploy'],
  {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    stdio: 'ignore',
  },
);
process.env.DATABASE_URL = url;
const contentDeck = path.join(ROOT, 'content/service-mesh/cards');
process.env.MESH_DOJO_DECK_DIR ??= existsSync(contentDeck)
  ? contentDeck
  : path.join(ROOT, 'tests/fixtures/cards');

// Modules that open the database are imported only after DATABASE_URL points at the temp file.
const { db } = await import('@/lib/db');
const { recordReview } = await import('@/lib/flashcards/reviews');
const { loadDeck } = await import('@/lib/content/deck');

try {
  await db.$queryRawUnsafe(`PRAGMA synchronous = ${synchronous}`);
  const deck = await loadDeck();
  const cardIds = deck.cards.map((card) => card.id);
  const users = await Promise.all(
    Array.from({ length: userCount }, (_, u) =>
      db.user.create({
        data: { email: `bench-${u}@example.test`, name: `Bench ${u}` },
        select: { id: true },
      }),
    ),
  );
  const start = Date.UTC(2026, 0, 1);
  const durations: number[] = [];
  const perUser = Math.ceil(total / userCount);

  // Each learner grades the deck in order, cycling; their clock advances 30 s per review.
  async function learner(userId: string, offset: number) {
    // Learners start at staggered times, as people do, instead of all in the same millisecond.
    if (thinkMs > 0)
      await new Promise((resolve) => setTimeout(resolve, (thinkMs * offset) / userCount));
    for (let i = 0; i < perUser && durations.length < total; i += 1) {
      const t0 = performance.now();
      await recordReview({
        userId,
        cardId: cardIds[i % cardIds.length]!,
        grade: [3, 3, 4, 1, 2][(i + offset) % 5]!,
        idempotencyKey: `bench-${offset}-${i}-0000`,
        now: new Date(start + i * 30_000),
      });
      durations.push(performance.now() - t0);
      if (thinkMs > 0) {
        // Deterministic jitter so learners do not submit in lockstep.
        const jitter = 0.5 + (((i + 1) * 7919 + offset * 104729) % 1000) / 1000;
        await new Promise((resolve) => setTimeout(resolve, thinkMs * jitter));
      }
    }
  }
  // Warm-up: deck load, first statements, page cache.
  await recordReview({
    userId: users[0]!.id,
    cardId: cardIds[0]!,
    grade: 3,
    idempotencyKey: 'bench-warmup',
    now: new Date(start - 60_000),
  });
  const wall = performance.now();
  await Promise.all(users.map((user, u) => learner(user.id, u)));
  const wallMs = performance.now() - wall;

  durations.sort((a, b) => a - b);
  const pct = (p: number) =>
    durations[Math.min(durations.length - 1, Math.ceil((p / 100) * durations.length) - 1)]!;
  const logs = await db.reviewLog.count();
  console.log(
    `review submissions: ${durations.length} · learners ${userCount} · think ${thinkMs} ms · deck ${cardIds.length} cards · synchronous=${synchronous}`,
  );
  console.log(
    `p50 ${pct(50).toFixed(2)} ms · p90 ${pct(90).toFixed(2)} ms · p99 ${pct(99).toFixed(2)} ms · max ${durations.at(-1)!.toFixed(2)} ms`,
  );
  console.log(
    `throughput ${((durations.length / wallMs) * 1000).toFixed(0)} reviews/s · log rows ${logs} (incl. warm-up)`,
  );
} finally {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
}
