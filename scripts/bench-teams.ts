/**
 * Manager-dashboard benchmark: a team of 200 members × a 30-item track, each member with a
 * year of generated FSRS review history (every deck card reviewed with ts-fsrs at its due
 * times, seeded grades), lesson completions and scenario attempts, on a fresh SQLite file.
 * Times the data the dashboard page and the readiness page load (derivation included).
 * Prints numbers only; it never passes or fails.
 *
 *   npm run bench:teams -- [--members 200] [--runs 40]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Rating, type Grade } from 'ts-fsrs';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '200' },
    runs: { type: 'string', default: '40' },
    keep: { type: 'string' },
  },
});
const memberCount = Math.max(1, Number(values.members));
const runs = Math.max(5, Number(values.runs));

// --keep <file>: generate into that file once and reuse it on later runs (faster iteration).
const keep = values.keep ? path.resolve(values.keep) : null;
const reuse = keep !== null && existsSync(keep);
const dir = mkdtempSync(path.join(tmpdir(), 'mesh-dojo-bench-teams-'));
const url = `file:${keep ?? path.join(dir, 'bench.db')}`;
if (!reuse)
  execFileSync(
    path.join(ROOT, 'node_modules/.bin/tsx'),
    [path.join(ROOT, 'scripts/migrate.ts'), 'deploy'],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, stdio: 'ignore' },
  );
process.env.DATABASE_URL = url;

const { db } = await import('@/lib/db');
const { runAsUser } = await import('@/lib/teams/access');
const { createTeam } = await import('@/lib/teams/teams');
const { getTeamDashboard, getReadinessMatrix } = await import('@/lib/teams/progress');
const { getTeamOverview } = await import('@/lib/teams/teams');
const { loadDeck } = await import('@/lib/content/deck');
const { getLessonPack } = await import('@/lib/content/lessons');
const { listScenarios } = await import('@/lib/content/scenarios');
const { initialCard } = await import('@/lib/srs/card');
const { schedulerFor } = await import('@/lib/srs/settings');
const { cardToRowData } = await import('@/lib/flashcards/card-state');
const { COMPETENCY_TAGS } = await import('@/lib/content/schemas');

// Deterministic PRNG (mulberry32) so every run generates the same history.
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const now = new Date(Date.UTC(2026, 11, 1, 12));
const yearAgo = new Date(now.getTime() - 365 * DAY);

try {
  const [deck, pack, scenarios] = await Promise.all([loadDeck(), getLessonPack(), listScenarios()]);
  const existing = reuse
    ? await db.user.findUnique({
        where: { email: 'manager@bench.test' },
        select: { id: true, email: true, name: true },
      })
    : null;
  const manager =
    existing ??
    (await db.user.create({
      data: { email: 'manager@bench.test', name: 'Manager' },
      select: { id: true, email: true, name: true },
    }));
  const { teamId } = existing
    ? {
        teamId: (
          await db.teamMember.findFirstOrThrow({
            where: { userId: manager.id },
            select: { teamId: true },
          })
        ).teamId,
      }
    : await runAsUser(manager, () => createTeam({ name: 'Bench team' }));
  // 30 items: 12 lessons, 7 flashcard competencies, 11 scenarios; due days 1..28.
  const items = [
    ...pack.lessons.map((l) => ({ kind: 'lesson', ref: l.id })),
    ...COMPETENCY_TAGS.map((c) => ({ kind: 'flashcards', ref: c, recallThreshold: 0.85 })),
    ...scenarios.slice(0, 11).map((s) => ({ kind: 'scenario', ref: s.id, passScore: 70 })),
  ].map((item, i) => ({
    ...item,
    id: `item${i}`,
    required: i % 6 !== 5,
    due: `day ${1 + Math.floor(i * 0.9)}`,
  }));
  let reviewLogs = 0;
  const genStart = performance.now();
  if (!existing) {
    const track = await db.track.create({
      data: { teamId, title: 'Bench track', items: JSON.stringify(items) },
      select: { id: true },
    });
    await db.trackAssignment.create({
      data: {
        trackId: track.id,
        teamId,
        userId: null,
        assignedById: manager.id,
        assignedAt: new Date(now.getTime() - 20 * DAY),
      },
    });

    const scheduler = schedulerFor({ desiredRetention: 0.9 });
    for (let m = 0; m < memberCount; m += 1) {
      const random = rng(1000 + m);
      const user = await db.user.create({
        data: { email: `member${m}@bench.test`, name: `Member ${String(m).padStart(3, '0')}` },
        select: { id: true },
      });
      await db.teamMember.create({
        data: {
          teamId,
          userId: user.id,
          role: 'member',
          joinedAt: new Date(now.getTime() - Math.floor(random() * 30) * DAY),
        },
      });
      const states: ReturnType<typeof cardToRowData>[] = [];
      const logs: Array<{
        userId: string;
        cardId: string;
        rating: number;
        state: number;
        due: Date;
        stability: number;
        difficulty: number;
        elapsedDays: number;
        lastElapsedDays: number;
        scheduledDays: number;
        learningSteps: number;
        review: Date;
        idempotencyKey: string;
      }> = [];
      const cardIds: string[] = [];
      for (const card of deck.cards) {
        if (random() < 0.15) continue; // some cards never studied
        let state = initialCard(new Date(yearAgo.getTime() + Math.floor(random() * 200) * DAY));
        let at = state.due;
        let n = 0;
        while (at < now && n < 40) {
          const r = random();
          const grade: Grade =
            r < 0.1 ? Rating.Again : r < 0.2 ? Rating.Hard : r < 0.9 ? Rating.Good : Rating.Easy;
          const result = scheduler.next(state, at, grade);
          logs.push({
            userId: user.id,
            cardId: card.id,
            rating: grade,
            state: result.log.state,
            due: result.log.due,
            stability: result.log.stability,
            difficulty: result.log.difficulty,
            elapsedDays: result.log.elapsed_days,
            lastElapsedDays: result.log.last_elapsed_days,
            scheduledDays: result.log.scheduled_days,
            learningSteps: result.log.learning_steps,
            review: at,
            idempotencyKey: `${card.id}-${n}`,
          });
          state = result.card;
          // Learners are late by 0–3 days.
          at = new Date(state.due.getTime() + Math.floor(random() * 3) * DAY);
          n += 1;
        }
        states.push(cardToRowData(state));
        cardIds.push(card.id);
      }
      await db.cardState.createMany({
        data: states.map((s, i) => ({ ...s, userId: user.id, cardId: cardIds[i]! })),
      });
      for (let i = 0; i < logs.length; i += 2000)
        await db.reviewLog.createMany({ data: logs.slice(i, i + 2000) });
      reviewLogs += logs.length;
      const lessons = pack.lessons.filter(() => random() < 0.6);
      await db.lessonProgress.createMany({
        data: lessons.map((l) => ({
          userId: user.id,
          lessonId: l.id,
          completedAt: new Date(now.getTime() - Math.floor(random() * 20) * DAY),
        })),
      });
      const attempts = scenarios
        .filter(() => random() < 0.4)
        .map((s) => ({
          userId: user.id,
          scenarioId: s.id,
          decision: '"x"',
          justification: 'x',
          score: Math.round(random() * 100),
          maxScore: 100,
          feedback: '{}',
          createdAt: new Date(now.getTime() - Math.floor(random() * 20) * DAY),
        }));
      await db.scenarioAttempt.createMany({ data: attempts });
    }
  }
  const genMs = performance.now() - genStart;

  // Wall time is what a request waits; CPU time (this process, SQLite included: it runs
  // in-process) is reported too because a shared, oversubscribed machine inflates wall time.
  async function time(label: string, work: () => Promise<unknown>) {
    await work(); // warm-up: content caches, statement cache, page cache
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await work();
      wall.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    const pct = (values: number[], p: number) => {
      const sorted = [...values].sort((a, b) => a - b);
      return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
    };
    console.log(
      `${label.padEnd(38)} wall p50 ${pct(wall, 50).toFixed(1)} ms · p99 ${pct(wall, 99).toFixed(1)} ms · cpu p50 ${pct(cpu, 50).toFixed(1)} ms · p99 ${pct(cpu, 99).toFixed(1)} ms (${runs} runs)`,
    );
  }

  console.log(
    `team: ${await db.teamMember.count({ where: { teamId, role: 'member' } })} members × 30 items · ${reviewLogs || (await db.reviewLog.count())} review log rows (a year) · ${await db.cardState.count()} card states · generated in ${(genMs / 1000).toFixed(1)} s`,
  );
  await runAsUser(manager, async () => {
    await time('dashboard page data (overview+grid)', () =>
      Promise.all([getTeamOverview({ teamId }), getTeamDashboard({ teamId, now })]),
    );
    await time('readiness matrix (today)', () => getReadinessMatrix({ teamId, at: 'today', now }));
    await time('readiness matrix (due dates)', () =>
      getReadinessMatrix({ teamId, at: 'due', now }),
    );
  });
  console.log(
    `target: p99 < 300 ms for the dashboard on SQLite · load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${cpus().length} CPUs`,
  );
} finally {
  await db.$disconnect();
  if (keep) console.log(`kept ${keep}`);
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
