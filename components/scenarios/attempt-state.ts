import type { GradeResult } from '@/lib/grading/types';

/** State returned by the submit-attempt server action to the attempt form. */
export type SubmitAttemptState =
  | null
  | {
      ok: true;
      /** Stored attempt id; for a signed-out visitor a one-off id (nothing is stored). */
      attemptId: string;
      /** False for a signed-out visitor: graded, shown, not saved. */
      isSaved: boolean;
      result: GradeResult;
      newCardCount: number;
      why: string;
      modelAnswer: { junior: string; senior: string };
    }
  | { ok: false; message: string; fieldErrors?: Partial<Record<string, string[]>> };
