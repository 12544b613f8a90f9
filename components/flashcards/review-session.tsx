'use client';

import Link from '@/components/ui/app-link';
import { useCallback, useEffect, useRef, useState, useTransition } from 'react';
import type {
  ReviewActionInput,
  ReviewActionResult,
  UndoActionResult,
} from '@/lib/flashcards/action-types';
import { competencyLabel } from '@/lib/content/labels';
import type { ReviewSession as ReviewSessionData, SessionCard } from '@/lib/flashcards/session';
import { CardText } from './card-text';
import { useTwoButtonMode } from './use-two-button-mode';

type Props = {
  initialSession: ReviewSessionData;
  recordReviewAction: (input: ReviewActionInput) => Promise<ReviewActionResult>;
  undoLastReviewAction: () => Promise<UndoActionResult>;
};

const GRADE_BUTTONS = [
  { grade: 1, name: 'Again', key: '1' },
  { grade: 2, name: 'Hard', key: '2' },
  { grade: 3, name: 'Good', key: '3' },
  { grade: 4, name: 'Easy', key: '4' },
] as const;

type Tally = { reviewed: number; byGrade: Record<number, number> };
const EMPTY_TALLY: Tally = { reviewed: 0, byGrade: { 1: 0, 2: 0, 3: 0, 4: 0 } };

/** A fresh idempotency key per card presentation (randomUUID needs a secure context). */
function newPresentationKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

const NON_TEXT_INPUTS = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'range',
  'color',
  'file',
]);

/** Text fields keep every key for typing. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT')
    return true;
  return target instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(target.type);
}

/** Controls that handle Space/Enter themselves (buttons, links, checkboxes). */
function isActivatable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    target.closest('button, a, summary, input, label, [role="button"]') !== null
  );
}

/** Anki-style review loop: Space/Enter reveals, 1–4 grade, `u` undoes. */
export function ReviewSession({ initialSession, recordReviewAction, undoLastReviewAction }: Props) {
  const [session, setSession] = useState(initialSession);
  const [revealed, setRevealed] = useState(false);
  const [presentationKey, setPresentationKey] = useState(newPresentationKey);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [tally, setTally] = useState<Tally>(EMPTY_TALLY);
  const [canUndo, setCanUndo] = useState(initialSession.reviewedToday > 0);
  const [isPending, startTransition] = useTransition();
  const [twoButtonMode, setTwoButtonMode] = useTwoButtonMode();
  const shownAt = useRef(0);
  const revealButton = useRef<HTMLButtonElement>(null);
  const goodButton = useRef<HTMLButtonElement>(null);
  const focusAfterUpdate = useRef<'reveal' | 'good' | null>(null);

  const card = session.card;

  useEffect(() => {
    shownAt.current = performance.now();
  }, [presentationKey]);

  useEffect(() => {
    if (focusAfterUpdate.current === 'good') goodButton.current?.focus();
    if (focusAfterUpdate.current === 'reveal') revealButton.current?.focus();
    focusAfterUpdate.current = null;
  });

  const present = useCallback((next: ReviewSessionData, message: string) => {
    setSession(next);
    setRevealed(false);
    setPresentationKey(newPresentationKey());
    setAnnouncement(
      next.card
        ? `${message} Next card: ${next.card.front}`
        : `${message} No more cards due right now.`,
    );
    focusAfterUpdate.current = 'reveal';
  }, []);

  const reveal = useCallback(() => {
    if (!card || revealed) return;
    setRevealed(true);
    setAnnouncement(`Answer: ${card.back}`);
    focusAfterUpdate.current = 'good';
  }, [card, revealed]);

  const grade = useCallback(
    (value: number) => {
      if (!card || !revealed || isPending) return;
      // Capped at an hour: a card left on screen overnight says nothing about recall time.
      const durationMs = Math.min(Math.round(performance.now() - shownAt.current), 3_600_000);
      startTransition(async () => {
        try {
          const result = await recordReviewAction({
            cardId: card.id,
            grade: value,
            idempotencyKey: presentationKey,
            durationMs,
          });
          if (!result.ok) {
            setError(result.message);
            setAnnouncement(`Not saved: ${result.message}`);
            return;
          }
          setError(null);
          setCanUndo(true);
          if (!result.duplicate) {
            setTally((t) => ({
              reviewed: t.reviewed + 1,
              byGrade: { ...t.byGrade, [value]: (t.byGrade[value] ?? 0) + 1 },
            }));
          }
          const name = GRADE_BUTTONS.find((b) => b.grade === value)?.name ?? 'Graded';
          present(result.session, `Recorded ${name}.`);
        } catch {
          // Network failure or timeout: keep the same key so a retry cannot record twice.
          setError(
            'Could not reach the server. Press the grade again to retry; it will be recorded once.',
          );
        }
      });
    },
    [card, revealed, isPending, recordReviewAction, presentationKey, present],
  );

  const undo = useCallback(() => {
    if (isPending || !canUndo) return;
    startTransition(async () => {
      try {
        const result = await undoLastReviewAction();
        if (!result.ok) {
          setError(result.message);
          setAnnouncement(result.message);
          setCanUndo(false);
          return;
        }
        setError(null);
        setTally((t) => ({
          reviewed: Math.max(0, t.reviewed - 1),
          byGrade: {
            ...t.byGrade,
            [result.undone.grade]: Math.max(0, (t.byGrade[result.undone.grade] ?? 0) - 1),
          },
        }));
        const name =
          GRADE_BUTTONS.find((b) => b.grade === result.undone.grade)?.name ?? 'the last grade';
        present(result.session, `Undid ${name}.`);
      } catch {
        setError('Could not reach the server to undo. Please try again.');
      }
    });
  }, [isPending, canUndo, undoLastReviewAction, present]);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (isTextEntry(event.target)) return;
      const key = event.key;
      if (key === 'u' || key === 'U') {
        event.preventDefault();
        undo();
        return;
      }
      if (!card) return;
      const isConfirm = key === ' ' || key === 'Enter';
      // A focused button or link already handles Space/Enter natively.
      if (isConfirm && isActivatable(event.target)) return;
      if (!revealed) {
        if (isConfirm) {
          event.preventDefault();
          reveal();
        }
        return;
      }
      if (isConfirm) {
        event.preventDefault();
        grade(3);
        return;
      }
      const button = GRADE_BUTTONS.find((b) => b.key === key);
      if (button && (!twoButtonMode || button.grade === 1 || button.grade === 3)) {
        event.preventDefault();
        grade(button.grade);
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [card, revealed, reveal, grade, undo, twoButtonMode]);

  const remaining = session.remaining.learning + session.remaining.review + session.remaining.new;
  const buttons = twoButtonMode
    ? GRADE_BUTTONS.filter((b) => b.grade === 1 || b.grade === 3)
    : GRADE_BUTTONS;

  return (
    <div className="space-y-6">
      <div aria-live="polite" role="status" className="sr-only" data-testid="review-announcer">
        {announcement}
      </div>

      <div className="flex flex-wrap items-center justify-between gap-4">
        <div className="space-y-1">
          <p className="text-sm" data-testid="review-counts">
            <span className="badge">New {session.remaining.new}</span>{' '}
            <span className="badge">Learning {session.remaining.learning}</span>{' '}
            <span className="badge">Review {session.remaining.review}</span>
          </p>
          <label className="flex items-center gap-2 text-sm">
            <span>Session progress</span>
            <progress
              max={tally.reviewed + remaining}
              value={tally.reviewed}
              className="meter w-40"
            >
              {tally.reviewed} of {tally.reviewed + remaining}
            </progress>
            <span className="text-muted" data-testid="review-progress">
              {tally.reviewed} done, {remaining} left
            </span>
          </label>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={twoButtonMode}
              onChange={(e) => setTwoButtonMode(e.target.checked)}
            />
            Two buttons (Again / Good)
          </label>
          <button
            type="button"
            className="btn btn-ghost"
            onClick={undo}
            disabled={!canUndo || isPending}
            aria-keyshortcuts="u"
          >
            Undo <kbd className="key-hint ml-1 text-xs">U</kbd>
          </button>
        </div>
      </div>

      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}

      {card ? (
        <CardView
          card={card}
          revealed={revealed}
          isPending={isPending}
          buttons={buttons}
          onReveal={reveal}
          onGrade={grade}
          revealButtonRef={revealButton}
          goodButtonRef={goodButton}
        />
      ) : (
        <SessionSummary session={session} tally={tally} />
      )}

      <p className="key-hint text-sm text-muted">
        Keys: <kbd>Space</kbd> or <kbd>Enter</kbd> shows the answer, <kbd>1</kbd>–<kbd>4</kbd> grade
        (Again, Hard, Good, Easy), <kbd>U</kbd> undoes the last review.
      </p>
    </div>
  );
}

function CardView({
  card,
  revealed,
  isPending,
  buttons,
  onReveal,
  onGrade,
  revealButtonRef,
  goodButtonRef,
}: {
  card: SessionCard;
  revealed: boolean;
  isPending: boolean;
  buttons: ReadonlyArray<(typeof GRADE_BUTTONS)[number]>;
  onReveal: () => void;
  onGrade: (grade: number) => void;
  revealButtonRef: React.RefObject<HTMLButtonElement | null>;
  goodButtonRef: React.RefObject<HTMLButtonElement | null>;
}) {
  return (
    <article
      className="card space-y-6"
      aria-labelledby="review-front"
      data-testid="review-card"
      data-card-id={card.id}
    >
      <div className="flex flex-wrap gap-2 text-xs">
        <span className="badge">{card.isPersonal ? 'Your card' : card.kind}</span>
        {card.competency ? <span className="badge">{competencyLabel(card.competency)}</span> : null}
        <span className="badge">{card.state}</span>
      </div>
      <h2 id="review-front" className="text-xl leading-relaxed">
        <CardText text={card.front} />
      </h2>
      {revealed ? (
        <div className="space-y-3 border-t border-border pt-4" data-testid="review-answer">
          <h3 className="sr-only">Answer</h3>
          <p className="text-lg leading-relaxed">
            <CardText text={card.back} />
          </p>
          {card.source ? (
            <p className="text-sm text-muted">
              Source: <a href={card.source.url}>{card.source.title}</a>
            </p>
          ) : null}
          {card.lessonId ? (
            <p className="text-sm">
              <Link href={`/lessons/${card.lessonId}`}>Reread the lesson</Link>
            </p>
          ) : null}
          {/* On phones the grades sit in a fixed bottom bar of equal buttons, within thumb
              reach; the spacer keeps the bar from covering the end of the answer. */}
          <div className="h-20 sm:hidden" aria-hidden="true" />
          <div
            role="group"
            aria-label="Grade your recall"
            data-testid="grade-bar"
            className={`fixed inset-x-0 bottom-0 z-20 grid gap-2 border-t border-border bg-surface p-2 pb-[max(0.5rem,env(safe-area-inset-bottom))] sm:static sm:flex sm:flex-wrap sm:border-0 sm:bg-transparent sm:p-0 ${
              buttons.length === 2 ? 'grid-cols-2' : 'grid-cols-4'
            }`}
          >
            {buttons.map((button) => (
              <button
                key={button.grade}
                ref={button.grade === 3 ? goodButtonRef : undefined}
                type="button"
                className={`${button.grade === 3 ? 'btn btn-primary' : 'btn btn-secondary'} min-w-0 px-2 sm:px-4`}
                onClick={() => onGrade(button.grade)}
                disabled={isPending}
                aria-keyshortcuts={button.key}
                data-testid={`grade-${button.grade}`}
              >
                <span className="flex flex-col items-center leading-tight">
                  <span>
                    {button.name} <kbd className="key-hint text-xs">{button.key}</kbd>
                  </span>
                  <span className="text-xs">
                    <span className="sr-only">, next review in </span>
                    {card.intervals[button.grade]}
                  </span>
                </span>
              </button>
            ))}
          </div>
        </div>
      ) : (
        <button
          ref={revealButtonRef}
          type="button"
          className="btn btn-primary"
          onClick={onReveal}
          aria-keyshortcuts="Space Enter"
          data-testid="reveal"
        >
          Show answer
        </button>
      )}
    </article>
  );
}

function SessionSummary({ session, tally }: { session: ReviewSessionData; tally: Tally }) {
  const again = tally.byGrade[1] ?? 0;
  const passRate =
    tally.reviewed > 0 ? Math.round(((tally.reviewed - again) / tally.reviewed) * 100) : null;
  return (
    <section
      className="card space-y-4"
      aria-labelledby="summary-heading"
      data-testid="review-summary"
    >
      <h2 id="summary-heading" className="text-xl">
        {tally.reviewed > 0 ? 'Session complete' : 'Nothing due right now'}
      </h2>
      {tally.reviewed > 0 ? (
        <dl className="grid grid-cols-2 gap-2 sm:grid-cols-5">
          <div>
            <dt className="text-sm text-muted">Reviewed</dt>
            <dd className="text-2xl" data-testid="summary-reviewed">
              {tally.reviewed}
            </dd>
          </div>
          {GRADE_BUTTONS.map((button) => (
            <div key={button.grade}>
              <dt className="text-sm text-muted">{button.name}</dt>
              <dd className="text-2xl">{tally.byGrade[button.grade] ?? 0}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {passRate !== null ? <p>You recalled {passRate}% of the cards in this session.</p> : null}
      {session.learningLaterCount > 0 && session.nextLearningDue ? (
        <p>
          {session.learningLaterCount} learning{' '}
          {session.learningLaterCount === 1 ? 'card comes' : 'cards come'} back later today (next at{' '}
          <time dateTime={session.nextLearningDue}>
            {new Date(session.nextLearningDue).toLocaleTimeString([], {
              hour: '2-digit',
              minute: '2-digit',
            })}
          </time>
          ).
        </p>
      ) : null}
      {session.newAvailable > 0 && session.remaining.new === 0 ? (
        <p className="text-muted">
          {session.newAvailable} new cards are waiting; today&apos;s new-card limit is reached. You
          can change it in the settings.
        </p>
      ) : null}
      <p className="flex flex-wrap gap-3">
        <Link href="/review/stats" className="btn btn-secondary">
          See your stats
        </Link>
        <Link href="/review/settings" className="btn btn-ghost">
          Settings
        </Link>
      </p>
    </section>
  );
}
