import type { GradeResult } from '@/lib/grading/types';

/** State returned by the submit-attempt server action to the attempt form. */
export type SubmitAttemptState =
  | null
  | {
      ok: true;
      attemptId: string;
      result: GradeResult;
      newCardCount: number;
      why: string;
      modelAnswer: { junior: string; senior: string };
    }
  | { ok: false; message: string; fieldErrors?: Partial<Record<string, string[]>> };
