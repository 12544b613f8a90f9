import { LESSON_IDS } from '@/lib/content/schemas';

// The first-run checklist: four first steps, each derived from rows the user already has.

/** What the checklist is computed from (counts of the user's stored rows). */
export type FirstRunCounts = {
  /** Whether the first lesson of the chapter is marked complete. */
  hasReadFirstLesson: boolean;
  /** Reviews recorded and not undone. */
  reviews: number;
  scenarioAttempts: number;
  /** Saved simulator runs started from a preset. */
  presetRuns: number;
};

export type ChecklistStep = {
  id: string;
  label: string;
  href: string;
  isDone: boolean;
  progress?: string;
};

/** Reviews the "review 10 cards" step asks for. */
export const FIRST_RUN_REVIEWS = 10;

/** The four first-run steps in order, each marked done from `counts`. */
export function firstRunChecklist(counts: FirstRunCounts): ChecklistStep[] {
  return [
    {
      id: 'read-lesson',
      label: 'Read lesson 1 and mark it complete',
      href: `/lessons/${LESSON_IDS[0]}`,
      isDone: counts.hasReadFirstLesson,
    },
    {
      id: 'review-cards',
      label: `Review ${FIRST_RUN_REVIEWS} flashcards`,
      href: '/review',
      isDone: counts.reviews >= FIRST_RUN_REVIEWS,
      progress: `${Math.min(counts.reviews, FIRST_RUN_REVIEWS)} of ${FIRST_RUN_REVIEWS}`,
    },
    {
      id: 'attempt-scenario',
      label: 'Answer one design scenario',
      href: '/scenarios',
      isDone: counts.scenarioAttempts > 0,
    },
    {
      id: 'run-preset',
      label: 'Run a simulator preset and save the run',
      href: '/simulator',
      isDone: counts.presetRuns > 0,
    },
  ];
}

/** True when the user has done nothing yet (a "Welcome", not a "Welcome back"). */
export function isNewUser(counts: FirstRunCounts): boolean {
  return (
    !counts.hasReadFirstLesson &&
    counts.reviews === 0 &&
    counts.scenarioAttempts === 0 &&
    counts.presetRuns === 0
  );
}
