import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadLessonPack } from '@/lib/content/lesson-pack';
import type { Lesson } from '@/lib/content/schemas';
import { createTestUser, setupTestDatabase } from './helpers/test-db';
import { session } from './helpers/fake-session';

// The session is the only thing faked: data access, content and SQLite are real.
vi.mock('@/lib/auth/session', () => import('./helpers/fake-session'));

let cleanup: () => Promise<void>;
let progress: typeof import('@/lib/progress/lessons');
let actions: typeof import('@/app/(study)/lessons/actions');
let db: typeof import('@/lib/db').db;
let alice: { id: string; email: string };
let bob: { id: string; email: string };
let lesson: Lesson;
let untouchedLessonId: string;

const signInAs = (user: { id: string; email: string } | null) => {
  session.user = user ? { ...user, name: 'Test' } : null;
};
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};

beforeAll(async () => {
  ({ cleanup } = await setupTestDatabase());
  progress = await import('@/lib/progress/lessons');
  actions = await import('@/app/(study)/lessons/actions');
  ({ db } = await import('@/lib/db'));
  alice = await createTestUser();
  bob = await createTestUser();
  const pack = await loadLessonPack(
    path.resolve(import.meta.dirname, '../../content/service-mesh'),
  );
  const first = pack.lessons[0];
  if (!first) throw new Error('content pack has no lessons');
  lesson = first;
  untouchedLessonId = pack.lessons[2]?.id ?? 'missing';
});

afterAll(async () => cleanup());
beforeEach(() => signInAs(null));

describe('markLessonComplete', () => {
  it('is idempotent: completing twice keeps one row and the first completion time', async () => {
    signInAs(alice);
    const first = await progress.markLessonComplete({ userId: alice.id, lessonId: lesson.id });
    await new Promise((resolve) => setTimeout(resolve, 15));
    const second = await progress.markLessonComplete({ userId: alice.id, lessonId: lesson.id });
    expect(second.completedAt.getTime()).toBe(first.completedAt.getTime());
    expect(await db.lessonProgress.count({ where: { userId: alice.id } })).toBe(1);
    expect(await progress.listLessonProgress({ userId: alice.id })).toEqual([
      { lessonId: lesson.id, completedAt: first.completedAt },
    ]);
  });

  it('survives concurrent first completions', async () => {
    signInAs(bob);
    const lessonIds = (
      await loadLessonPack(path.resolve(import.meta.dirname, '../../content/service-mesh'))
    ).lessons.map((l) => l.id);
    const target = lessonIds[1] ?? lesson.id;
    await Promise.all(
      Array.from({ length: 5 }, () =>
        progress.markLessonComplete({ userId: bob.id, lessonId: target }),
      ),
    );
    expect(await db.lessonProgress.count({ where: { userId: bob.id, lessonId: target } })).toBe(1);
  });

  it('rejects a lesson id that is not in the content pack', async () => {
    signInAs(alice);
    await expect(
      progress.markLessonComplete({ userId: alice.id, lessonId: 'no-such-lesson' }),
    ).rejects.toMatchObject({
      code: 'unknown-lesson',
    });
    expect(await db.lessonProgress.count({ where: { lessonId: 'no-such-lesson' } })).toBe(0);
  });

  it("refuses to write another user's progress", async () => {
    signInAs(alice);
    const before = await db.lessonProgress.count({ where: { userId: bob.id } });
    await expect(
      progress.markLessonComplete({ userId: bob.id, lessonId: lesson.id }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(progress.listLessonProgress({ userId: bob.id })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(await db.lessonProgress.count({ where: { userId: bob.id } })).toBe(before);
  });

  it('refuses anonymous callers', async () => {
    await expect(
      progress.markLessonComplete({ userId: alice.id, lessonId: lesson.id }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('recordSelfCheckAnswer', () => {
  it('grades against content, stores the verdict and returns the explanation', async () => {
    signInAs(alice);
    const question = lesson.selfCheck.find((q) => q.type === 'choice');
    if (!question || question.type !== 'choice') throw new Error('lesson has no choice question');
    const wrong = (question.answer + 1) % question.options.length;
    const right = await progress.recordSelfCheckAnswer({
      userId: alice.id,
      lessonId: lesson.id,
      questionId: question.id,
      answer: String(question.answer),
    });
    const miss = await progress.recordSelfCheckAnswer({
      userId: alice.id,
      lessonId: lesson.id,
      questionId: question.id,
      answer: String(wrong),
    });
    expect(right).toMatchObject({ isCorrect: true, explanation: question.explanation });
    expect(miss).toMatchObject({
      isCorrect: false,
      correctAnswer: question.options[question.answer],
    });
    const saved = await progress.listSelfCheckAnswers({ userId: alice.id, lessonId: lesson.id });
    expect(saved).toEqual([{ questionId: question.id, answer: String(wrong), isCorrect: false }]);
  });

  it('rejects unknown lessons, unknown questions and malformed answers without writing', async () => {
    signInAs(alice);
    const before = await db.selfCheckAnswer.count();
    const questionId = lesson.selfCheck[0]?.id ?? 'q1';
    await expect(
      progress.recordSelfCheckAnswer({
        userId: alice.id,
        lessonId: 'nope',
        questionId,
        answer: '0',
      }),
    ).rejects.toMatchObject({ code: 'unknown-lesson' });
    await expect(
      progress.recordSelfCheckAnswer({
        userId: alice.id,
        lessonId: lesson.id,
        questionId: 'q99',
        answer: '0',
      }),
    ).rejects.toMatchObject({ code: 'unknown-question' });
    const choice = lesson.selfCheck.find((q) => q.type === 'choice');
    if (choice) {
      await expect(
        progress.recordSelfCheckAnswer({
          userId: alice.id,
          lessonId: lesson.id,
          questionId: choice.id,
          answer: '42',
        }),
      ).rejects.toMatchObject({ code: 'invalid-answer' });
    }
    expect(await db.selfCheckAnswer.count()).toBe(before);
  });

  it('refuses to record an answer for another user', async () => {
    signInAs(bob);
    const questionId = lesson.selfCheck[0]?.id ?? 'q1';
    await expect(
      progress.recordSelfCheckAnswer({
        userId: alice.id,
        lessonId: lesson.id,
        questionId,
        answer: '0',
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('lesson server actions', () => {
  it('take the user from the session, never from the form', async () => {
    signInAs(bob);
    const target = untouchedLessonId;
    const result = await actions.markLessonCompleteAction(
      null,
      form({ lessonId: target, userId: alice.id }),
    );
    expect(result).toEqual({ ok: true, completed: true });
    expect(await db.lessonProgress.count({ where: { userId: bob.id, lessonId: target } })).toBe(1);
    expect(await db.lessonProgress.count({ where: { userId: alice.id, lessonId: target } })).toBe(
      0,
    );
  });

  it('invite anonymous visitors to sign in instead of saving', async () => {
    const result = await actions.markLessonCompleteAction(null, form({ lessonId: lesson.id }));
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('Sign in') });
    const state = await actions.loadLessonStateAction(lesson.id);
    expect(state).toEqual({ signedIn: false });
  });

  it('grade anonymous self-check answers without storing them', async () => {
    const question = lesson.selfCheck[0];
    if (!question) throw new Error('no question');
    const before = await db.selfCheckAnswer.count();
    const answer =
      question.type === 'choice' ? String(question.answer) : (question.accept[0] ?? 'x');
    const result = await actions.submitSelfCheckAnswerAction(
      null,
      form({ lessonId: lesson.id, questionId: question.id, answer }),
    );
    expect(result).toMatchObject({ ok: true, saved: false, result: { isCorrect: true } });
    expect(await db.selfCheckAnswer.count()).toBe(before);
  });

  it('return field errors for bad input instead of throwing', async () => {
    signInAs(alice);
    const empty = await actions.submitSelfCheckAnswerAction(
      null,
      form({ lessonId: lesson.id, questionId: 'q1', answer: '  ' }),
    );
    expect(empty).toMatchObject({ ok: false, fieldErrors: { answer: [expect.any(String)] } });
    const badId = await actions.markLessonCompleteAction(null, form({ lessonId: '../etc/passwd' }));
    expect(badId).toMatchObject({ ok: false, fieldErrors: { lessonId: [expect.any(String)] } });
    const unknown = await actions.markLessonCompleteAction(
      null,
      form({ lessonId: 'no-such-lesson' }),
    );
    expect(unknown).toMatchObject({
      ok: false,
      message: expect.stringContaining('Unknown lesson'),
    });
  });

  it("load the signed-in user's own lesson and chapter state", async () => {
    signInAs(alice);
    const state = await actions.loadLessonStateAction(lesson.id);
    expect(state).toMatchObject({ signedIn: true, completed: true });
    const chapter = await actions.loadChapterStateAction();
    expect(chapter).toMatchObject({ signedIn: true, completedLessonIds: [lesson.id] });
  });
});
