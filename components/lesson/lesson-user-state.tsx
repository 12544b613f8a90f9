'use client';

import Link from 'next/link';
import {
  createContext,
  startTransition,
  useActionState,
  useContext,
  useEffect,
  useState,
} from 'react';
import type { LessonUserState, LoadLessonStateAction, MarkCompleteAction } from './lesson-state';

// The lesson page is static and identical for everyone; this island asks the server for the
// visitor's own state (completion, saved self-check answers) after hydration.

type LessonUserContext = { state: LessonUserState | null; lessonId: string };
const Context = createContext<LessonUserContext | null>(null);

export function useLessonUserState(): LessonUserContext {
  const value = useContext(Context);
  if (!value) throw new Error('useLessonUserState must be used inside <LessonUserStateProvider>');
  return value;
}

export function LessonUserStateProvider({
  lessonId,
  loadState,
  children,
}: {
  lessonId: string;
  loadState: LoadLessonStateAction;
  children: React.ReactNode;
}) {
  const [state, setState] = useState<LessonUserState | null>(null);
  useEffect(() => {
    let isCurrent = true;
    // A transition: the page below hydrates in Suspense pieces, and an urgent context update
    // arriving before they are hydrated would force them to hydrate (or re-render) in one
    // long task; a transition waits for them instead.
    const show = (next: LessonUserState) => isCurrent && startTransition(() => setState(next));
    loadState(lessonId)
      .then(show)
      .catch(() => show({ signedIn: false }));
    return () => {
      isCurrent = false;
    };
  }, [lessonId, loadState]);
  return <Context value={{ state, lessonId }}>{children}</Context>;
}

export function SignUpInvite({ what }: { what: string }) {
  return (
    <p className="text-sm">
      <Link href="/sign-up">Create a free account</Link> or <Link href="/sign-in">sign in</Link> to{' '}
      {what}.
    </p>
  );
}

export function MarkCompleteButton({
  markComplete,
  nextLesson,
}: {
  markComplete: MarkCompleteAction;
  /** Shown as "Next lesson →" once this one is complete. */
  nextLesson: { id: string; title: string } | null;
}) {
  const { state, lessonId } = useLessonUserState();
  const [result, formAction, isPending] = useActionState(markComplete, null);
  const isCompleted = (state?.signedIn === true && state.completed) || result?.ok === true;

  return (
    <div className="space-y-2" data-testid="lesson-completion">
      {state === null ? (
        <p className="text-sm text-muted">Checking your progress…</p>
      ) : !state.signedIn ? (
        <SignUpInvite what="save your progress and mark lessons complete" />
      ) : isCompleted ? (
        <div className="space-y-2">
          <p role="status" className="font-semibold text-success">
            <span aria-hidden="true">✓ </span>You completed this lesson.
          </p>
          {nextLesson ? (
            <Link href={`/lessons/${nextLesson.id}`} className="btn btn-primary">
              Next lesson: {nextLesson.title} <span aria-hidden="true">→</span>
            </Link>
          ) : (
            <Link href="/lessons" className="btn btn-primary">
              Back to all lessons
            </Link>
          )}
        </div>
      ) : (
        <form action={formAction} className="space-y-2">
          <input type="hidden" name="lessonId" value={lessonId} />
          <button type="submit" className="btn btn-primary" disabled={isPending}>
            {isPending ? 'Saving…' : 'Mark lesson complete'}
          </button>
          {result?.ok === false && (
            <p role="alert" className="field-error">
              {result.message}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
