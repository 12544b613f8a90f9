import { describe, expect, it } from 'vitest';
import { FIRST_RUN_REVIEWS, firstRunChecklist, isNewUser } from '@/lib/progress/checklist';

const none = { hasReadFirstLesson: false, reviews: 0, scenarioAttempts: 0, presetRuns: 0 };

describe('first-run checklist', () => {
  it('lists the four steps in order, all open for a new user', () => {
    const steps = firstRunChecklist(none);
    expect(steps.map((s) => s.id)).toEqual([
      'read-lesson',
      'review-cards',
      'attempt-scenario',
      'run-preset',
    ]);
    expect(steps.every((s) => !s.isDone)).toBe(true);
    expect(steps[0]?.href).toBe('/lessons/why-service-mesh');
    expect(isNewUser(none)).toBe(true);
  });

  it('marks steps done from stored counts; reviews need the full ten', () => {
    const nine = firstRunChecklist({
      ...none,
      reviews: FIRST_RUN_REVIEWS - 1,
      scenarioAttempts: 1,
    });
    expect(nine.find((s) => s.id === 'review-cards')).toMatchObject({
      isDone: false,
      progress: '9 of 10',
    });
    expect(nine.find((s) => s.id === 'attempt-scenario')?.isDone).toBe(true);
    const ten = firstRunChecklist({ ...none, reviews: FIRST_RUN_REVIEWS });
    expect(ten.find((s) => s.id === 'review-cards')?.isDone).toBe(true);
    expect(isNewUser({ ...none, presetRuns: 1 })).toBe(false);
  });
});
