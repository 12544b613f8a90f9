import 'server-only';
import { getCurrentUser } from '@/lib/auth/session';
import { LESSON_IDS } from '@/lib/content/schemas';
import { db } from '@/lib/db';
import { cachedForUser } from '@/lib/cache/user-data';
import type { FirstRunCounts } from './checklist';

/** The signed-in user's counts for the first-run checklist; throws for anyone else's id. */
export async function getFirstRunCounts({ userId }: { userId: string }): Promise<FirstRunCounts> {
  const user = await getCurrentUser();
  if (!user || user.id !== userId)
    throw new Error('forbidden: you can only read your own progress');
  return cachedForUser(userId, 'first-run', () => countFirstRunSteps(userId));
}

async function countFirstRunSteps(userId: string): Promise<FirstRunCounts> {
  // Four cheap indexed look-ups; `take: 10` bounds the review count (the step needs 10).
  const [firstLesson, reviews, attempt, run] = await Promise.all([
    db.lessonProgress.findFirst({
      where: { userId, lessonId: LESSON_IDS[0], completedAt: { not: null } },
      select: { id: true },
    }),
    db.reviewLog.findMany({ where: { userId, undoneAt: null }, select: { id: true }, take: 10 }),
    db.scenarioAttempt.findFirst({ where: { userId }, select: { id: true } }),
    db.simulatorRun.findFirst({ where: { userId, presetId: { not: null } }, select: { id: true } }),
  ]);
  return {
    hasReadFirstLesson: firstLesson !== null,
    reviews: reviews.length,
    scenarioAttempts: attempt ? 1 : 0,
    presetRuns: run ? 1 : 0,
  };
}
