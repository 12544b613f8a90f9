import 'server-only';
import { getCurrentUser } from '@/lib/auth/session';
import { getLesson, getLessonPack, getSelfCheckQuestion } from '@/lib/content/lessons';
import { gradeSelfCheckAnswer, type SelfCheckResult } from '@/lib/content/self-check';
import { db } from '@/lib/db';
import { cachedForUser, invalidateUserData } from '@/lib/cache/user-data';

// Lesson progress and self-check answers. Every function re-checks that the signed-in user
// is the user whose rows it touches (a page-level check does not protect server actions),
// and validates lesson/question ids against the content pack: the database only ever holds
// ids that exist in content.

export type ProgressErrorCode =
  'forbidden' | 'unknown-lesson' | 'unknown-question' | 'invalid-answer';

export class ProgressError extends Error {
  readonly code: ProgressErrorCode;
  constructor(code: ProgressErrorCode, message: string) {
    super(message);
    this.name = 'ProgressError';
    this.code = code;
  }
}

export type LessonCompletion = { lessonId: string; completedAt: Date };
export type ChapterProgress = {
  completedLessonIds: string[];
  completedCount: number;
  totalCount: number;
  /** First lesson in chapter order that is not complete yet; null when all are done. */
  nextLesson: { id: string; title: string } | null;
};
export type SavedSelfCheckAnswer = { questionId: string; answer: string; isCorrect: boolean };

async function authorize(userId: string): Promise<void> {
  const user = await getCurrentUser();
  if (!user || user.id !== userId)
    throw new ProgressError('forbidden', 'You can only access your own progress.');
}

async function requireLesson(lessonId: string) {
  const lesson = await getLesson(lessonId);
  if (!lesson) throw new ProgressError('unknown-lesson', `Unknown lesson "${lessonId}".`);
  return lesson;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'P2002';
}

/** Marks a lesson complete. Idempotent: completing twice keeps the first completion time. */
export async function markLessonComplete({
  userId,
  lessonId,
}: {
  userId: string;
  lessonId: string;
}): Promise<LessonCompletion> {
  await authorize(userId);
  await requireLesson(lessonId);
  const now = new Date();
  const write = async () => {
    const row = await db.lessonProgress.upsert({
      where: { userId_lessonId: { userId, lessonId } },
      create: { userId, lessonId, completedAt: now },
      update: {},
      select: { completedAt: true },
    });
    if (row.completedAt) return row.completedAt;
    const updated = await db.lessonProgress.update({
      where: { userId_lessonId: { userId, lessonId } },
      data: { completedAt: now },
      select: { completedAt: true },
    });
    return updated.completedAt ?? now;
  };
  let completedAt: Date;
  try {
    completedAt = await write();
  } catch (error) {
    // Two concurrent first completions: the loser's insert hits the unique index; the row exists now.
    if (!isUniqueViolation(error)) throw error;
    completedAt = await write();
  } finally {
    await invalidateUserData(userId);
  }
  return { lessonId, completedAt };
}

/** Completed lessons of the user, limited to lessons that still exist in content. */
export async function listLessonProgress({
  userId,
}: {
  userId: string;
}): Promise<LessonCompletion[]> {
  await authorize(userId);
  const { lessons } = await getLessonPack();
  const known = new Set(lessons.map((lesson) => lesson.id));
  const rows = await cachedForUser(userId, 'lesson-progress', () =>
    db.lessonProgress.findMany({
      where: { userId, completedAt: { not: null } },
      select: { lessonId: true, completedAt: true },
    }),
  );
  return rows
    .filter((row): row is LessonCompletion => row.completedAt !== null && known.has(row.lessonId))
    .map((row) => ({ lessonId: row.lessonId, completedAt: row.completedAt }));
}

/** Completion counts for the chapter plus the next lesson to read. */
export async function getChapterProgress({ userId }: { userId: string }): Promise<ChapterProgress> {
  const completions = await listLessonProgress({ userId });
  const { lessons } = await getLessonPack();
  const done = new Set(completions.map((c) => c.lessonId));
  const next = lessons.find((lesson) => !done.has(lesson.id));
  return {
    completedLessonIds: lessons.filter((lesson) => done.has(lesson.id)).map((lesson) => lesson.id),
    completedCount: done.size,
    totalCount: lessons.length,
    nextLesson: next ? { id: next.id, title: next.title } : null,
  };
}

/** Grades and stores one self-check answer; returns the verdict with the explanation. */
export async function recordSelfCheckAnswer({
  userId,
  lessonId,
  questionId,
  answer,
}: {
  userId: string;
  lessonId: string;
  questionId: string;
  answer: string;
}): Promise<SelfCheckResult & { questionId: string }> {
  await authorize(userId);
  await requireLesson(lessonId);
  const question = await getSelfCheckQuestion(lessonId, questionId);
  if (!question)
    throw new ProgressError(
      'unknown-question',
      `Lesson "${lessonId}" has no question "${questionId}".`,
    );
  const result = gradeSelfCheckAnswer(question, answer);
  if (!result)
    throw new ProgressError('invalid-answer', 'That answer is not valid for this question.');
  await db.selfCheckAnswer
    .create({
      data: { userId, lessonId, questionId, answer: answer.trim(), isCorrect: result.isCorrect },
      select: { id: true },
    })
    .finally(() => invalidateUserData(userId));
  return { ...result, questionId };
}

/** The latest saved answer per question of one lesson. */
export async function listSelfCheckAnswers({
  userId,
  lessonId,
}: {
  userId: string;
  lessonId: string;
}): Promise<SavedSelfCheckAnswer[]> {
  await authorize(userId);
  const lesson = await requireLesson(lessonId);
  const rows = await db.selfCheckAnswer.findMany({
    where: { userId, lessonId },
    // cuid ids grow within a millisecond, so they break createdAt ties between quick answers.
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { questionId: true, answer: true, isCorrect: true },
  });
  const known = new Set(lesson.selfCheck.map((q) => q.id));
  const latest = new Map<string, SavedSelfCheckAnswer>();
  for (const row of rows) {
    if (known.has(row.questionId) && !latest.has(row.questionId)) latest.set(row.questionId, row);
  }
  return [...latest.values()];
}
