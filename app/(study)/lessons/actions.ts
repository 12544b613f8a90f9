'use server';

import { z } from 'zod';
import type {
  ChapterUserState,
  LessonUserState,
  MarkCompleteState,
  SavedAnswer,
  SelfCheckAnswerState,
} from '@/components/lesson/lesson-state';
import { getCurrentUser } from '@/lib/auth/session';
import { getLesson } from '@/lib/content/lessons';
import { contentIdSchema } from '@/lib/content/schemas';
import { parseActionForm } from '@/lib/security/action-input';
import { gradeSelfCheckAnswer, MAX_SHORT_ANSWER_LENGTH } from '@/lib/content/self-check';
import {
  getChapterProgress,
  listLessonProgress,
  listSelfCheckAnswers,
  markLessonComplete,
  ProgressError,
  recordSelfCheckAnswer,
} from '@/lib/progress/lessons';

// Lesson pages are static; these actions give their client islands the per-user parts.
// The user always comes from the session, never from the form.

const lessonIdSchema = contentIdSchema;

const answerFormSchema = z.object({
  lessonId: contentIdSchema,
  questionId: contentIdSchema,
  answer: z
    .string({ error: 'Choose or type an answer first.' })
    .trim()
    .min(1, { error: 'Choose or type an answer first.' })
    .max(MAX_SHORT_ANSWER_LENGTH, {
      error: `Keep the answer under ${MAX_SHORT_ANSWER_LENGTH} characters.`,
    }),
});

function failure(error: unknown): { ok: false; message: string } {
  if (error instanceof ProgressError) return { ok: false, message: error.message };
  console.error(error);
  return { ok: false, message: 'Something went wrong. Please try again.' };
}

export async function loadLessonStateAction(lessonId: string): Promise<LessonUserState> {
  const user = await getCurrentUser();
  const parsedId = lessonIdSchema.safeParse(lessonId);
  if (!user || !parsedId.success) return { signedIn: false };
  const lesson = await getLesson(parsedId.data);
  if (!lesson) return { signedIn: false };
  const [completions, saved] = await Promise.all([
    listLessonProgress({ userId: user.id }),
    listSelfCheckAnswers({ userId: user.id, lessonId: lesson.id }),
  ]);
  const answers: Record<string, SavedAnswer> = {};
  for (const row of saved) {
    const question = lesson.selfCheck.find((q) => q.id === row.questionId);
    const result = question ? gradeSelfCheckAnswer(question, row.answer) : null;
    if (result) answers[row.questionId] = { answer: row.answer, result };
  }
  return { signedIn: true, completed: completions.some((c) => c.lessonId === lesson.id), answers };
}

export async function loadChapterStateAction(): Promise<ChapterUserState> {
  const user = await getCurrentUser();
  if (!user) return { signedIn: false };
  const progress = await getChapterProgress({ userId: user.id });
  return {
    signedIn: true,
    completedLessonIds: progress.completedLessonIds,
    nextLessonId: progress.nextLesson?.id ?? null,
  };
}

export async function markLessonCompleteAction(
  _previous: MarkCompleteState,
  formData: unknown,
): Promise<MarkCompleteState> {
  const parsed = parseActionForm(
    z.object({ lessonId: lessonIdSchema }),
    formData,
    'Unknown lesson.',
  );
  if (!parsed.ok) return { ok: false, message: parsed.message, fieldErrors: parsed.fieldErrors };
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: 'Sign in to save your progress.' };
  try {
    await markLessonComplete({ userId: user.id, lessonId: parsed.data.lessonId });
    return { ok: true, completed: true };
  } catch (error) {
    return failure(error);
  }
}

export async function submitSelfCheckAnswerAction(
  _previous: SelfCheckAnswerState,
  formData: unknown,
): Promise<SelfCheckAnswerState> {
  const parsed = parseActionForm(answerFormSchema, formData, 'Invalid answer.');
  if (!parsed.ok) {
    const { fieldErrors } = parsed;
    return { ok: false, message: fieldErrors.answer?.[0] ?? parsed.message, fieldErrors };
  }
  const { lessonId, questionId, answer } = parsed.data;
  const user = await getCurrentUser();
  try {
    if (user) {
      const result = await recordSelfCheckAnswer({ userId: user.id, lessonId, questionId, answer });
      return { ok: true, result, saved: true, answer };
    }
    // Anonymous visitors still get feedback; nothing is stored.
    const lesson = await getLesson(lessonId);
    const question = lesson?.selfCheck.find((q) => q.id === questionId);
    const result = question ? gradeSelfCheckAnswer(question, answer) : null;
    if (!result) return { ok: false, message: 'That answer is not valid for this question.' };
    return { ok: true, result, saved: false, answer };
  } catch (error) {
    return failure(error);
  }
}
