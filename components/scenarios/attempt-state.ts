import type { Hint } from '@/lib/grading/learning-flow';
import type { GradeResult } from '@/lib/grading/types';

/** The model answers, revealed after a passed attempt, a retry, or on request. */
export type RevealedAnswer = { why: string; modelAnswer: { junior: string; senior: string } };

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
      attemptNumber: number;
      /** Hints (questions about missed concepts) shown before the model answer is revealed. */
      hints: Hint[];
      /** Null until revealed: a first weak attempt gets hints and a retry first. */
      revealed: RevealedAnswer | null;
    }
  | { ok: false; message: string; fieldErrors?: Partial<Record<string, string[]>> };

/** Result of asking to see the model answer without another attempt. */
export type RevealAnswerState = ({ ok: true } & RevealedAnswer) | { ok: false; message: string };
