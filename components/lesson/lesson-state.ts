import type { SelfCheckResult } from '@/lib/content/self-check';

// Shapes exchanged between the lesson pages' server actions and their client islands.

export type FieldErrors = Record<string, string[] | undefined>;
export type ActionFailure = { ok: false; message: string; fieldErrors?: FieldErrors };

export type SavedAnswer = { answer: string; result: SelfCheckResult };

export type LessonUserState =
  | { signedIn: false }
  | { signedIn: true; completed: boolean; answers: Record<string, SavedAnswer> };

export type ChapterUserState =
  | { signedIn: false }
  | { signedIn: true; completedLessonIds: string[]; nextLessonId: string | null };

export type MarkCompleteState = { ok: true; completed: true } | ActionFailure | null;
export type SelfCheckAnswerState =
  { ok: true; result: SelfCheckResult; saved: boolean; answer: string } | ActionFailure | null;

export type LoadLessonStateAction = (lessonId: string) => Promise<LessonUserState>;
export type LoadChapterStateAction = () => Promise<ChapterUserState>;
export type MarkCompleteAction = (
  previous: MarkCompleteState,
  formData: FormData,
) => Promise<MarkCompleteState>;
export type SelfCheckAnswerAction = (
  previous: SelfCheckAnswerState,
  formData: FormData,
) => Promise<SelfCheckAnswerState>;
