'use server';

import { revalidatePath } from 'next/cache';
import { getCurrentUser } from '@/lib/auth/session';
import type { ChallengeVerdict } from '@/lib/sim/challenges';
import { ChallengeError, attemptSchema, checkChallengeAttempt } from '@/lib/simulator/challenges';

/** Result of a check. */
export type CheckChallengeResult =
  { ok: true; verdict: ChallengeVerdict; stored: boolean } | { ok: false; message: string };

/** Checks the learner's run (the server replays it); stores the result when signed in. */
export async function checkChallengeAction(input: unknown): Promise<CheckChallengeResult> {
  const parsed = attemptSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, message: parsed.error.issues[0]?.message ?? 'Invalid run.' };
  const user = await getCurrentUser();
  try {
    const r = await checkChallengeAttempt({ userId: user?.id ?? null, ...parsed.data });
    if (r.stored) revalidatePath(`/simulator/challenges/${parsed.data.challengeId}`);
    return { ok: true, ...r };
  } catch (error) {
    if (error instanceof ChallengeError) return { ok: false, message: error.message };
    console.error(error);
    return { ok: false, message: 'Something went wrong. Please try again.' };
  }
}
