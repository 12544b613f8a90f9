'use client';

import Link from '@/components/ui/app-link';
import { createContext, useContext, useEffect, useState } from 'react';
import type { ChapterUserState, LoadChapterStateAction } from './lesson-state';
import { ProgressBar } from './progress-bar';

// The lesson list is static; completion marks and the progress bar fill in after hydration.

const Context = createContext<ChapterUserState | null>(null);

export function ChapterProgressProvider({
  loadState,
  children,
}: {
  loadState: LoadChapterStateAction;
  children: React.ReactNode;
}) {
  const [state, setState] = useState<ChapterUserState | null>(null);
  useEffect(() => {
    let isCurrent = true;
    loadState()
      .then((loaded) => isCurrent && setState(loaded))
      .catch(() => isCurrent && setState({ signedIn: false }));
    return () => {
      isCurrent = false;
    };
  }, [loadState]);
  return <Context value={state}>{children}</Context>;
}

export function ChapterProgressSummary({
  totalCount,
  chapterTitle,
}: {
  totalCount: number;
  chapterTitle: string;
}) {
  const state = useContext(Context);
  if (state === null) return <p className="text-sm text-muted">Loading your progress…</p>;
  if (!state.signedIn) {
    return (
      <p className="text-sm">
        <Link href="/sign-up">Create a free account</Link> or <Link href="/sign-in">sign in</Link>{' '}
        to track which lessons you have finished.
      </p>
    );
  }
  return (
    <div data-testid="chapter-progress">
      <ProgressBar
        label={`${chapterTitle} progress`}
        value={state.completedLessonIds.length}
        max={totalCount}
      />
    </div>
  );
}

export function LessonCompletionMark({ lessonId }: { lessonId: string }) {
  const state = useContext(Context);
  if (!state?.signedIn) return null;
  if (state.completedLessonIds.includes(lessonId)) {
    return (
      <span className="badge" data-testid={`completed-${lessonId}`}>
        <span aria-hidden="true">✓</span> Completed
      </span>
    );
  }
  if (state.nextLessonId === lessonId) return <span className="badge">Up next</span>;
  return null;
}
