import 'server-only';
import { cache } from 'react';
import { getCurrentUser } from '@/lib/auth/session';
import { competencyLabel } from '@/lib/content/labels';
import { getScenario, listScenarios } from '@/lib/content/scenarios';
import type { Scenario } from '@/lib/content/scenario-schema';
import { db } from '@/lib/db';
import { cachedForUser, invalidateUserData } from '@/lib/cache/user-data';
import { Prisma } from '@/lib/generated/prisma/client';
import { consumeRateLimit, type RatePolicy } from '@/lib/security/rate-limit';
import { validateAttempt } from '@/lib/grading/answer-input';
import { gradeAttempt } from '@/lib/grading/grade-attempt';
import type { GradeResult } from '@/lib/grading/types';
import { judgeAttempt, judgeConfigFromEnv } from './llm-judge-client';
import { mistakeCardsFor } from './mistake-cards';
import {
  parseJsonColumn,
  storedDecisionSchema,
  storedGradeResultSchema,
  type StoredDecision,
} from './stored-feedback';

// Scenario attempts and the mistake cards they create. Every function re-checks that the
// signed-in user owns the rows it reads or writes (page checks do not protect actions).

export type ScenarioErrorCode = 'forbidden' | 'unknown-scenario' | 'unknown-run';

export class ScenarioError extends Error {
  readonly code: ScenarioErrorCode;
  constructor(code: ScenarioErrorCode, message: string) {
    super(message);
    this.name = 'ScenarioError';
    this.code = code;
  }
}

/** One stored attempt, parsed. */
export type ScenarioAttemptDto = {
  id: string;
  scenarioId: string;
  decision: StoredDecision | null;
  justification: string;
  prediction: string | null;
  score: number;
  simulatorRunId: string | null;
  createdAt: Date;
  result: GradeResult | null;
};

/** Per-scenario progress for lists and recommendations. */
export type ScenarioStats = {
  scenarioId: string;
  attempts: number;
  bestScore: number;
  lastAttemptAt: Date;
};

/** Graded attempts a user may submit per minute (grading and card creation cost work). */
export const ATTEMPT_RATE_POLICY: RatePolicy = { limit: 20, windowMs: 60_000 };

export type SubmitAttemptResult =
  | {
      ok: true;
      attempt: ScenarioAttemptDto;
      result: GradeResult;
      newCardCount: number;
      duplicate: boolean;
      /** 1 for the user's first attempt at this scenario, 2 for the second, … */
      attemptNumber: number;
    }
  | {
      ok: false;
      message: string;
      retryAfterSeconds?: number;
      fieldErrors: Partial<
        Record<'decision' | 'justification' | 'prediction' | 'simulatorRunId', string[]>
      >;
    };

async function authorize(userId: string): Promise<void> {
  const user = await getCurrentUser();
  if (!user || user.id !== userId)
    throw new ScenarioError('forbidden', 'You can only access your own scenario attempts.');
}

async function requireScenario(scenarioId: string): Promise<Scenario> {
  const scenario = await getScenario(scenarioId);
  if (!scenario) throw new ScenarioError('unknown-scenario', `Unknown scenario "${scenarioId}".`);
  return scenario;
}

const attemptSelect = {
  id: true,
  scenarioId: true,
  decision: true,
  justification: true,
  prediction: true,
  score: true,
  simulatorRunId: true,
  createdAt: true,
  feedback: true,
} as const;

type AttemptRow = {
  id: string;
  scenarioId: string;
  decision: string;
  justification: string;
  prediction: string | null;
  score: number;
  simulatorRunId: string | null;
  createdAt: Date;
  feedback: string;
};

function toDto(row: AttemptRow): ScenarioAttemptDto {
  return {
    id: row.id,
    scenarioId: row.scenarioId,
    decision: parseJsonColumn(storedDecisionSchema, row.decision),
    justification: row.justification,
    prediction: row.prediction,
    score: row.score,
    simulatorRunId: row.simulatorRunId,
    createdAt: row.createdAt,
    result: parseJsonColumn(storedGradeResultSchema, row.feedback),
  };
}

/**
 * Grades and stores an attempt, and adds (once per mistake) a personal card for every missed
 * concept and a wrong prediction. Invalid answers return field errors and store nothing.
 */
export async function submitScenarioAttempt({
  userId,
  scenarioId,
  answer,
  simulatorRunId,
  idempotencyKey,
  now = new Date(),
}: {
  userId: string;
  scenarioId: string;
  answer: unknown;
  simulatorRunId?: string | null;
  /** Sent with each form render: a double submit returns the first attempt, stored once. */
  idempotencyKey?: string | null;
  now?: Date;
}): Promise<SubmitAttemptResult> {
  await authorize(userId);
  const scenario = await requireScenario(scenarioId);
  if (idempotencyKey) {
    const earlier = await db.scenarioAttempt.findUnique({
      where: { userId_idempotencyKey: { userId, idempotencyKey } },
      select: attemptSelect,
    });
    if (earlier) {
      const dto = toDto(earlier);
      if (dto.result)
        return {
          ok: true,
          attempt: dto,
          result: dto.result,
          newCardCount: 0,
          duplicate: true,
          attemptNumber: await countAttempts(userId, scenario.id),
        };
    }
  }
  const limit = await consumeRateLimit({
    key: `attempt:user:${userId}`,
    policy: ATTEMPT_RATE_POLICY,
    now,
  });
  if (!limit.ok) {
    return {
      ok: false,
      message: `You are submitting answers very quickly. Try again in ${limit.retryAfterSeconds} s.`,
      retryAfterSeconds: limit.retryAfterSeconds,
      fieldErrors: {},
    };
  }
  const validation = validateAttempt(scenario, answer);
  if (!validation.ok)
    return { ok: false, message: validation.message, fieldErrors: validation.fieldErrors };
  const { attempt } = validation;
  const rubricResult = gradeAttempt({ scenario, answer: attempt });
  const judge = judgeConfigFromEnv();
  const result = judge
    ? await judgeAttempt({ config: judge, scenario, answer: attempt, rubric: rubricResult })
    : rubricResult;
  if (simulatorRunId) {
    const run = await db.simulatorRun.findFirst({
      where: { id: simulatorRunId, userId },
      select: { id: true },
    });
    if (!run)
      return {
        ok: false,
        message: 'That saved simulator run was not found.',
        fieldErrors: { simulatorRunId: ['Choose one of your saved runs.'] },
      };
  }
  const cards = mistakeCardsFor(scenario, result);

  const { row, newCardCount } = await db
    .$transaction(async (tx) => {
      const created = await tx.scenarioAttempt.create({
        data: {
          userId,
          scenarioId: scenario.id,
          decision: JSON.stringify(attempt.decision),
          justification: attempt.justification,
          prediction: attempt.prediction ?? null,
          score: result.score,
          maxScore: result.maxScore,
          feedback: JSON.stringify(result),
          simulatorRunId: simulatorRunId ?? null,
          idempotencyKey: idempotencyKey ?? null,
        },
        select: attemptSelect,
      });
      let added = 0;
      if (cards.length > 0) {
        const existing = await tx.personalCard.findMany({
          where: { userId, sourceKey: { in: cards.map((card) => card.sourceKey) } },
          select: { sourceKey: true },
        });
        const known = new Set(existing.map((card) => card.sourceKey));
        for (const card of cards) {
          if (known.has(card.sourceKey)) continue;
          // upsert, not create: a concurrent submit of the same mistake must not fail or duplicate.
          await tx.personalCard.upsert({
            where: { userId_sourceKey: { userId, sourceKey: card.sourceKey } },
            create: { userId, ...card, tags: JSON.stringify(card.tags) },
            update: {},
            select: { id: true },
          });
          added += 1;
        }
      }
      return { row: created, newCardCount: added };
    })
    .catch(async (error: unknown) => {
      // Two concurrent submits with one key: the unique index lets one in; the other
      // returns the stored attempt.
      if (
        idempotencyKey &&
        error instanceof Prisma.PrismaClientKnownRequestError &&
        error.code === 'P2002'
      ) {
        const stored = await db.scenarioAttempt.findUnique({
          where: { userId_idempotencyKey: { userId, idempotencyKey } },
          select: attemptSelect,
        });
        if (stored) return { row: stored, newCardCount: -1 };
      }
      throw error;
    })
    // Scenario stats, the first-run checklist and the review queue (mistake cards) changed.
    .finally(() => invalidateUserData(userId));
  const attemptNumber = await countAttempts(userId, scenario.id);
  if (newCardCount === -1)
    return {
      ok: true,
      attempt: toDto(row),
      result,
      newCardCount: 0,
      duplicate: true,
      attemptNumber,
    };
  return { ok: true, attempt: toDto(row), result, newCardCount, duplicate: false, attemptNumber };
}

function countAttempts(userId: string, scenarioId: string): Promise<number> {
  return db.scenarioAttempt.count({ where: { userId, scenarioId } });
}

/**
 * Grades an attempt for a signed-out visitor: the same validation and grader, nothing
 * stored and no cards made (there is no one to save them for). Cost is bounded by the
 * answer limits (justification ≤ 5,000 characters) like a signed-in attempt.
 */
export async function gradeAnonymousAttempt({
  scenarioId,
  answer,
}: {
  scenarioId: string;
  answer: unknown;
}): Promise<
  | { ok: true; result: GradeResult }
  | {
      ok: false;
      message: string;
      fieldErrors: Extract<SubmitAttemptResult, { ok: false }>['fieldErrors'];
    }
> {
  const scenario = await requireScenario(scenarioId);
  const validation = validateAttempt(scenario, answer);
  if (!validation.ok)
    return { ok: false, message: validation.message, fieldErrors: validation.fieldErrors };
  return { ok: true, result: gradeAttempt({ scenario, answer: validation.attempt }) };
}

/** The user's attempts at one scenario, newest first. */
export async function listScenarioAttempts({
  userId,
  scenarioId,
  limit = 20,
}: {
  userId: string;
  scenarioId: string;
  limit?: number;
}): Promise<ScenarioAttemptDto[]> {
  await authorize(userId);
  const rows = await db.scenarioAttempt.findMany({
    where: { userId, scenarioId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: Math.min(Math.max(1, limit), 100),
    select: attemptSelect,
  });
  return rows.map(toDto);
}

// One groupBy per request: the dashboard card, the list page and the recommendation all ask;
// across requests, cached per user until their next attempt (lib/cache/user-data.ts).
const scenarioStatsFor = cache((userId: string): Promise<ScenarioStats[]> =>
  cachedForUser(userId, 'scenario-stats', () => computeScenarioStats(userId)),
);

async function computeScenarioStats(userId: string): Promise<ScenarioStats[]> {
  const groups = await db.scenarioAttempt.groupBy({
    by: ['scenarioId'],
    where: { userId },
    _count: { _all: true },
    _max: { score: true, createdAt: true },
  });
  return groups
    .map((group) => ({
      scenarioId: group.scenarioId,
      attempts: group._count._all,
      bestScore: group._max.score ?? 0,
      lastAttemptAt: group._max.createdAt ?? new Date(0),
    }))
    .sort((a, b) => a.scenarioId.localeCompare(b.scenarioId));
}

/** Attempts and best score per scenario the user has tried. */
export async function listScenarioStats({ userId }: { userId: string }): Promise<ScenarioStats[]> {
  await authorize(userId);
  return scenarioStatsFor(userId);
}

/** Competency score: mean best score over its scenarios (untried scenarios count as 0). */
export type CompetencyScore = { competency: string; score: number; tried: number; total: number };

/** Per-competency scores, weakest first (ties: fewer tried first, then name). */
export async function listCompetencyScores({
  userId,
}: {
  userId: string;
}): Promise<CompetencyScore[]> {
  await authorize(userId);
  return competencyScoresFor(userId);
}

// The dashboard card and the recommendation both need them; derived from the cached stats.
const competencyScoresFor = cache((userId: string): Promise<CompetencyScore[]> =>
  cachedForUser(userId, 'competency-scores', async () => {
    const [scenarios, stats] = await Promise.all([listScenarios(), scenarioStatsFor(userId)]);
    return competencyScores(scenarios, stats);
  }),
);

function competencyScores(
  scenarios: readonly Scenario[],
  stats: readonly ScenarioStats[],
): CompetencyScore[] {
  const best = new Map(stats.map((s) => [s.scenarioId, s.bestScore]));
  const byCompetency = new Map<string, { sum: number; tried: number; total: number }>();
  for (const scenario of scenarios) {
    for (const competency of scenario.competencies) {
      const entry = byCompetency.get(competency) ?? { sum: 0, tried: 0, total: 0 };
      const score = best.get(scenario.id);
      entry.total += 1;
      if (score !== undefined) {
        entry.sum += score;
        entry.tried += 1;
      }
      byCompetency.set(competency, entry);
    }
  }
  return [...byCompetency.entries()]
    .map(([competency, entry]) => ({
      competency,
      score: Math.round(entry.sum / entry.total),
      tried: entry.tried,
      total: entry.total,
    }))
    .sort(
      (a, b) => a.score - b.score || a.tried - b.tried || a.competency.localeCompare(b.competency),
    );
}

/**
 * Next recommended scenario: in the weakest competency, the easiest scenario not yet scored
 * ≥ 80, preferring untried ones. Null when every scenario is mastered.
 */
export async function getRecommendedScenario({
  userId,
}: {
  userId: string;
}): Promise<{ scenarioId: string; competency: string; reason: string } | null> {
  const [scenarios, stats, scores] = await Promise.all([
    listScenarios(),
    listScenarioStats({ userId }),
    competencyScoresFor(userId),
  ]);
  const best = new Map(stats.map((s) => [s.scenarioId, s.bestScore]));
  for (const { competency, score } of scores) {
    const candidates = scenarios
      .filter((s) => s.competencies.some((c) => c === competency) && (best.get(s.id) ?? -1) < 80)
      .sort(
        (a, b) =>
          Number(best.has(a.id)) - Number(best.has(b.id)) ||
          a.difficulty - b.difficulty ||
          a.id.localeCompare(b.id),
      );
    const pick = candidates[0];
    if (pick) {
      return {
        scenarioId: pick.id,
        competency,
        reason:
          stats.length === 0
            ? `A good first scenario: one of the easiest on ${competencyLabel(competency)}.`
            : `Your weakest competency is ${competencyLabel(competency)} (average best score ${score}).`,
      };
    }
  }
  return null;
}

/** The user's saved simulator runs (newest first) that a justification may cite. */
export async function listCitableRuns({
  userId,
  presetId,
}: {
  userId: string;
  presetId?: string;
}): Promise<Array<{ id: string; name: string; presetId: string | null; createdAt: Date }>> {
  await authorize(userId);
  return db.simulatorRun.findMany({
    where: presetId ? { userId, presetId } : { userId },
    orderBy: { createdAt: 'desc' },
    take: 20,
    select: { id: true, name: true, presetId: true, createdAt: true },
  });
}

/** True when the user has at least one attempt at the scenario (the model answer may be shown). */
export async function hasAttempted({
  userId,
  scenarioId,
}: {
  userId: string;
  scenarioId: string;
}): Promise<boolean> {
  await authorize(userId);
  return (await countAttempts(userId, scenarioId)) > 0;
}
