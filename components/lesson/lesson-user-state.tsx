'use client';

import Link from '@/components/ui/app-link';
import { createContext, useActionState, useContext, useEffect, useSyncExternalStore } from 'react';
import type { LessonUserState, LoadLessonStateAction, MarkCompleteAction } from './lesson-state';

// The lesson page is static and identical for everyone; this island asks the server for the
// visitor's own state (completion, saved self-check answers) after hydration.
//
// The state lives in a small external store read with useSyncExternalStore, not in a context
// value. The page hydrates in Suspense pieces, and a context value that changes while some of
// them are still dehydrated makes React hydrate — or, if it cannot in time, throw away and
// client-render — every piece below the provider (replacing the lesson body's DOM under the
// reader). A store update only reaches the components that are hydrated and subscribed; pieces
// that hydrate later render with the server snapshot (null, as on the server) and then catch up.
// The context below carries only the lesson id, which never changes for a mounted provider.

type Snapshot = { lessonId: string; state: LessonUserState } | null;
let snapshot: Snapshot = null;
const listeners = new Set<() => void>();

function publish(next: Snapshot): void {
  snapshot = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const serverSnapshot = (): Snapshot => null;

type LessonUserContext = { state: LessonUserState | null; lessonId: string };
const LessonIdContext = createContext<string | null>(null);

export function useLessonUserState(): LessonUserContext {
  const lessonId = useContext(LessonIdContext);
  if (lessonId === null) {
    throw new Error('useLessonUserState must be used inside <LessonUserStateProvider>');
  }
  const current = useSyncExternalStore(subscribe, () => snapshot, serverSnapshot);
  return { state: current?.lessonId === lessonId ? current.state : null, lessonId };
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
  useEffect(() => {
    let isCurrent = true;
    const show = (state: LessonUserState) => {
      if (isCurrent) publish({ lessonId, state });
    };
    loadState(lessonId)
      .then(show)
      .catch(() => show({ signedIn: false }));
    return () => {
      isCurrent = false;
      // The next lesson (or a remount) starts from "loading", never from another lesson's state.
      if (snapshot?.lessonId === lessonId) publish(null);
    };
  }, [lessonId, loadState]);
  return <LessonIdContext value={lessonId}>{children}</LessonIdContext>;
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
