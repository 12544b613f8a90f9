// The learning flow around a graded attempt: when the model answer is revealed, which hints
// (questions about missed concepts) a first weak attempt gets, and what counts as a trade-off.
// Pure.
import type { GradeResult } from './types';

/** Score from which an attempt counts as passed and the model answer is shown at once. */
export const PASS_SCORE = 70;

/** Reveal the model answer after a passed attempt, or from the second attempt on. */
export function shouldRevealModelAnswer(result: GradeResult, attemptNumber: number): boolean {
  return result.score >= PASS_SCORE || attemptNumber >= 2;
}

/** One hint: a question about a missed (or reversed) rubric concept, and the lesson to reread. */
export type Hint = { criterionId: string; question: string; lessonId: string };

/** Hints for the missed concepts, heaviest first (at most `limit`). */
export function hintsFor(result: GradeResult, limit = 4): Hint[] {
  return result.criteria
    .filter((criterion) => criterion.status === 'missed' || criterion.appliedToCase === false)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, limit)
    .map((criterion) => ({
      criterionId: criterion.id,
      lessonId: criterion.lessonId,
      question: criterion.reversed
        ? `You wrote “${criterion.reversed}”. Is that really true here? Think again about: ${lowerFirst(criterion.concept)}.`
        : criterion.status === 'hit'
          ? `You named “${criterion.matched ?? criterion.concept}”. What does it mean for this case’s facts (its numbers, services and team)?`
          : `What does your answer say about this: ${lowerFirst(criterion.concept)}? Which fact of the case makes it matter?`,
    }));
}

/** Shown beside the trade-off count: what the grader (and an interviewer) counts as one. */
export const TRADE_OFF_EXPLANATION =
  'A trade-off names what you give up and what you get for it, in this case, and says why the gain ' +
  'wins here (for example: “the sidecars cost CPU on every pod, but the 250 ms budget absorbs it and we ' +
  'get uniform mTLS”). Listing pros and cons without weighing them, or naming a cost without saying ' +
  'why it is acceptable, does not count.';

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
