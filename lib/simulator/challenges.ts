import 'server-only';
import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/session';
import { getSimulatorChallenge } from '@/lib/content/simulator-challenges';
import { db } from '@/lib/db';
import { invalidateUserData } from '@/lib/cache/user-data';
import { hasPassedChallenge, learnerPart } from '@/lib/sim/challenges';
import type { ChallengeVerdict } from '@/lib/sim/challenges';
import { intentSchema } from '@/lib/sim/intents';
import type { ScriptEntry } from '@/lib/sim/replay';
import { challengeJob, verdictOf } from './challenge-run';
import { replayInWorker } from './replay-pool';

// Challenge attempts: the server replays the learner's intents on the challenge's own preset
// (in the replay worker, with an event budget and a timeout), judges the run, and stores the
// result for signed-in users. Reads are for the signed-in owner only.

export { hasPassedChallenge };

/** Most steps a checked run may have. */
export const MAX_CHALLENGE_STEPS = 30;
/** Most stored attempts per user and challenge. */
export const MAX_ATTEMPTS_PER_CHALLENGE = 200;

export type ChallengeErrorCode = 'forbidden' | 'not-found' | 'budget' | 'invalid' | 'limit';

export class ChallengeError extends Error {
  readonly code: ChallengeErrorCode;
  constructor(code: ChallengeErrorCode, message: string) {
    super(message);
    this.name = 'ChallengeError';
    this.code = code;
  }
}

/** A submitted attempt (validated by the action, re-validated here). */
export const attemptSchema = z.object({
  challengeId: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .max(60),
  script: z
    .array(z.object({ at: z.number().int().min(0).max(MAX_CHALLENGE_STEPS), intent: intentSchema }))
    .max(40),
  steps: z
    .number()
    .int()
    .min(0)
    .max(MAX_CHALLENGE_STEPS, { error: `Checked runs have at most ${MAX_CHALLENGE_STEPS} steps.` }),
});

const verdictSchema = z.object({
  passed: z.boolean(),
  conditions: z.array(z.object({ label: z.string(), passed: z.boolean(), detail: z.string() })),
});

/** A stored result as its owner sees it. */
export type ChallengeResultDto = {
  id: string;
  challengeId: string;
  passed: boolean;
  steps: number;
  verdict: ChallengeVerdict;
  createdAt: Date;
};

/** Best result per challenge: passed if any attempt passed; the latest such attempt. */
export type BestChallengeResult = {
  challengeId: string;
  passed: boolean;
  attempts: number;
  lastAttemptAt: Date;
  passedAt: Date | null;
};

async function authorize(userId: string): Promise<void> {
  const user = await getCurrentUser();
  if (!user || user.id !== userId)
    throw new ChallengeError('forbidden', 'You can only see your own challenge results.');
}

/**
 * Checks an attempt: replays it on the server and returns the verdict. With a `userId` (which
 * must be the signed-in user) the result is stored.
 */
export async function checkChallengeAttempt(input: {
  userId: string | null;
  challengeId: string;
  script: ScriptEntry[];
  steps: number;
}): Promise<{ verdict: ChallengeVerdict; stored: boolean }> {
  const parsed = attemptSchema.safeParse(input);
  if (!parsed.success)
    throw new ChallengeError('invalid', parsed.error.issues[0]?.message ?? 'Invalid attempt.');
  if (input.userId !== null) await authorize(input.userId);
  const ch = await getSimulatorChallenge(parsed.data.challengeId);
  if (!ch) throw new ChallengeError('not-found', 'That challenge does not exist.');
  const mine = learnerPart(ch, parsed.data.script);
  if (!mine)
    throw new ChallengeError(
      'invalid',
      'This run does not start from the challenge’s situation; reset the simulator and try again.',
    );
  if (input.userId !== null) {
    const count = await db.challengeResult.count({
      where: { userId: input.userId, challengeId: ch.id },
    });
    if (count >= MAX_ATTEMPTS_PER_CHALLENGE)
      throw new ChallengeError('limit', `You have ${count} attempts stored for this challenge.`);
  }
  const outcome = await replayInWorker(challengeJob(ch, mine, parsed.data.steps));
  if (!outcome.ok)
    throw new ChallengeError('budget', `This run cannot be checked: ${outcome.message}.`);
  const verdict = verdictOf(ch, outcome, mine, parsed.data.steps);
  if (input.userId === null) return { verdict, stored: false };
  const userId = input.userId;
  await db.challengeResult
    .create({
      data: {
        userId,
        challengeId: ch.id,
        passed: verdict.passed,
        script: JSON.stringify(mine),
        steps: parsed.data.steps,
        verdict: JSON.stringify(verdict),
      },
    })
    .finally(() => invalidateUserData(userId));
  return { verdict, stored: true };
}

/** The owner's attempts at one challenge, newest first (at most 20). */
export async function listChallengeResults({
  userId,
  challengeId,
}: {
  userId: string;
  challengeId: string;
}): Promise<ChallengeResultDto[]> {
  await authorize(userId);
  const rows = await db.challengeResult.findMany({
    where: { userId, challengeId },
    orderBy: { createdAt: 'desc' },
    take: 20,
    select: {
      id: true,
      challengeId: true,
      passed: true,
      steps: true,
      verdict: true,
      createdAt: true,
    },
  });
  const out: ChallengeResultDto[] = [];
  for (const row of rows) {
    try {
      const verdict = verdictSchema.safeParse(JSON.parse(row.verdict));
      if (verdict.success) out.push({ ...row, verdict: verdict.data });
    } catch {
      continue;
    }
  }
  return out;
}

/**
 * The owner's best result per challenge they attempted (track items and progress use this with
 * `hasPassedChallenge`). Signed-in owner only.
 */
export async function bestChallengeResults(userId: string): Promise<BestChallengeResult[]> {
  await authorize(userId);
  const rows = await db.challengeResult.groupBy({
    by: ['challengeId', 'passed'],
    where: { userId },
    _count: { _all: true },
    _max: { createdAt: true },
  });
  const byId = new Map<string, BestChallengeResult>();
  for (const r of rows) {
    const at = r._max.createdAt ?? new Date(0);
    const cur = byId.get(r.challengeId) ?? {
      challengeId: r.challengeId,
      passed: false,
      attempts: 0,
      lastAttemptAt: at,
      passedAt: null,
    };
    cur.attempts += r._count._all;
    if (at > cur.lastAttemptAt) cur.lastAttemptAt = at;
    if (r.passed) {
      cur.passed = true;
      cur.passedAt = at;
    }
    byId.set(r.challengeId, cur);
  }
  return [...byId.values()].sort((a, b) => a.challengeId.localeCompare(b.challengeId));
}
