'use client';

import Link from '@/components/ui/app-link';
import { useState, useTransition } from 'react';
import { TRADE_OFF_EXPLANATION, type Hint } from '@/lib/grading/learning-flow';
import type { GradeResult } from '@/lib/grading/types';
import type { RevealAnswerState, RevealedAnswer } from './attempt-state';

/**
 * Graded feedback: score (and who graded it), decision, each criterion hit or missed beside the
 * learner's own self-assessment, hints before the model answer, and the model answer once revealed.
 */
export function ScenarioFeedback({
  result,
  newCardCount,
  isSaved,
  scenarioId,
  hints,
  revealed: initiallyRevealed,
  reveal,
  lessonTitles,
}: {
  result: GradeResult;
  newCardCount: number;
  /** False for a signed-out visitor: invite them to sign up to keep it. */
  isSaved: boolean;
  scenarioId: string;
  hints: Hint[];
  revealed: RevealedAnswer | null;
  /** Asks the server for the model answer (allowed after any attempt). */
  reveal: () => Promise<RevealAnswerState>;
  lessonTitles: Record<string, string>;
}) {
  const hits = result.criteria.filter((c) => c.status === 'hit');
  const missed = result.criteria.filter((c) => c.status === 'missed');
  const [revealed, setRevealed] = useState(initiallyRevealed);
  const [revealError, setRevealError] = useState<string | null>(null);
  const [isRevealing, startReveal] = useTransition();
  const [selfChecked, setSelfChecked] = useState<Record<string, boolean>>({});
  const selfCount = Object.values(selfChecked).filter(Boolean).length;
  const agreements = result.criteria.filter(
    (c) => (selfChecked[c.id] ?? false) === (c.status === 'hit'),
  ).length;
  return (
    <section
      aria-labelledby="feedback-heading"
      className="card space-y-5"
      data-testid="scenario-feedback"
    >
      <div className="space-y-1">
        <h2 id="feedback-heading" className="text-2xl" tabIndex={-1}>
          Score: <span data-testid="scenario-score">{result.score}</span> / {result.maxScore}
        </h2>
        <p className="text-sm" data-testid="graded-by">
          Graded by:{' '}
          <strong>{result.gradedBy === 'model' ? 'the model judge' : 'the rubric grader'}</strong>
          {result.judgeNote ? ` — ${result.judgeNote}` : ''}
        </p>
        <p className="text-muted">{result.summary}</p>
      </div>

      {result.language && (
        <p
          role="status"
          className="rounded-md border border-border p-3"
          data-testid="language-notice"
        >
          {result.language.message}
        </p>
      )}

      <div className="space-y-1">
        <h3 className="text-lg">
          Decision:{' '}
          <span
            className={
              result.decision.correct
                ? 'text-success'
                : result.decision.credit > 0
                  ? 'text-fg'
                  : 'text-danger'
            }
          >
            {result.decision.correct
              ? 'right'
              : result.decision.credit > 0
                ? 'partly right'
                : 'wrong'}
          </span>
        </h3>
        <p>{result.decision.feedback}</p>
      </div>

      {result.prediction && (
        <div className="space-y-1" data-testid="prediction-feedback">
          <h3 className="text-lg">
            Prediction:{' '}
            <span className={result.prediction.correct ? 'text-success' : 'text-danger'}>
              {result.prediction.correct ? 'right' : 'missed'}
            </span>
          </h3>
          <p>{result.prediction.feedback}</p>
        </div>
      )}

      <div className="grid gap-4 md:grid-cols-2">
        <div className="space-y-2" data-testid="grader-verdict">
          <h3 className="text-lg">
            Concepts named: {hits.length} of {result.criteria.length}
          </h3>
          <ul className="space-y-2" data-testid="criteria-list">
            {result.criteria.map((criterion) => (
              <li
                key={criterion.id}
                className="rounded-md border border-border p-3"
                data-testid={`criterion-${criterion.id}`}
                data-status={criterion.status}
              >
                <p className="font-semibold">
                  <span aria-hidden="true">{criterion.status === 'hit' ? '✓ ' : '✗ '}</span>
                  <span className="sr-only">
                    {criterion.status === 'hit' ? 'Named: ' : 'Missed: '}
                  </span>
                  {criterion.concept}{' '}
                  <span className="text-sm font-normal text-muted">
                    (weight {criterion.weight})
                  </span>
                </p>
                {criterion.status === 'hit' ? (
                  <p className="text-sm text-muted">You wrote “{criterion.matched}”.</p>
                ) : (
                  <>
                    <p className="text-sm">{criterion.feedback}</p>
                    <p className="text-sm">
                      Reread:{' '}
                      <Link href={`/lessons/${criterion.lessonId}`}>
                        {lessonTitles[criterion.lessonId] ?? criterion.lessonId}
                      </Link>
                    </p>
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>

        <fieldset className="space-y-2" data-testid="self-assessment">
          <legend className="text-lg">Your self-assessment</legend>
          <p className="text-sm text-muted">
            Tick each point you think your answer covered and applied to this case, then compare
            with the grader’s verdict.
          </p>
          <ul className="space-y-2">
            {result.criteria.map((criterion) => (
              <li key={criterion.id}>
                <label className="flex items-start gap-2">
                  <input
                    type="checkbox"
                    className="mt-1.5"
                    checked={selfChecked[criterion.id] ?? false}
                    onChange={(event) =>
                      setSelfChecked((previous) => ({
                        ...previous,
                        [criterion.id]: event.target.checked,
                      }))
                    }
                  />
                  <span>{criterion.concept}</span>
                </label>
              </li>
            ))}
          </ul>
          <p className="text-sm" aria-live="polite" data-testid="self-assessment-agreement">
            {selfCount === 0
              ? 'Nothing ticked yet.'
              : `You and the grader agree on ${agreements} of ${result.criteria.length} points.`}
          </p>
        </fieldset>
      </div>

      <div className="space-y-1" data-testid="trade-offs">
        <h3 className="text-lg">Trade-offs argued: {result.tradeOffsNamed}</h3>
        <p className="text-sm">{TRADE_OFF_EXPLANATION}</p>
      </div>

      {result.wrongTurns.length > 0 && (
        <div className="space-y-2" data-testid="wrong-turns">
          <h3 className="text-lg">Wrong turns</h3>
          <ul className="space-y-2">
            {result.wrongTurns.map((turn) => (
              <li key={turn.id} className="rounded-md border border-danger p-3">
                <p className="text-sm">
                  <span className="font-semibold">“{turn.matched}”</span> — {turn.feedback}
                </p>
              </li>
            ))}
          </ul>
        </div>
      )}

      {(result.penalties.some((p) => p.kind !== 'wrong-turn') || result.capApplied) && (
        <div className="space-y-1">
          <h3 className="text-lg">Deductions</h3>
          <ul className="list-disc space-y-1 pl-6 text-sm">
            {result.penalties
              .filter((p) => p.kind !== 'wrong-turn')
              .map((penalty) => (
                <li key={penalty.id}>
                  −{penalty.points}: {penalty.reason}
                </li>
              ))}
            {result.capApplied && <li>{result.capApplied.message}</li>}
          </ul>
        </div>
      )}

      {isSaved ? null : (
        <p
          className="callout rounded-lg border-l-4 border-accent bg-surface-2 p-3"
          data-testid="save-invite"
        >
          This attempt is not saved.{' '}
          <Link href={`/sign-up?callbackUrl=${encodeURIComponent(`/scenarios/${scenarioId}`)}`}>
            Create a free account
          </Link>{' '}
          to keep your attempts and turn each missed concept into a flashcard.
        </p>
      )}
      <p className="text-sm" data-testid="new-cards" hidden={!isSaved}>
        {newCardCount > 0 ? (
          <>
            {newCardCount} mistake card{newCardCount === 1 ? '' : 's'} added to your{' '}
            <Link href="/review">review queue</Link>.
          </>
        ) : missed.length > 0 || result.prediction?.correct === false ? (
          'Your mistakes here are already in your review queue.'
        ) : (
          'No new mistake cards.'
        )}
      </p>

      {revealed ? (
        <div className="space-y-3" data-testid="model-answer">
          <h3 className="text-lg">Why, and model answers</h3>
          <p>{revealed.why}</p>
          <div>
            <h4 className="font-semibold">Junior answer</h4>
            <p>{revealed.modelAnswer.junior}</p>
          </div>
          <div>
            <h4 className="font-semibold">Senior answer</h4>
            <p>{revealed.modelAnswer.senior}</p>
          </div>
        </div>
      ) : (
        <div className="space-y-3" data-testid="hints">
          <h3 className="text-lg">Before you see the model answer</h3>
          <p>
            Revise your answer above and submit it again. These questions point at what is missing:
          </p>
          <ul className="list-disc space-y-1 pl-6">
            {hints.map((hint) => (
              <li key={hint.criterionId}>
                {hint.question}{' '}
                <Link href={`/lessons/${hint.lessonId}`} className="text-sm">
                  ({lessonTitles[hint.lessonId] ?? hint.lessonId})
                </Link>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="btn btn-secondary"
            disabled={isRevealing}
            onClick={() =>
              startReveal(async () => {
                const answer = await reveal();
                if (answer.ok) {
                  setRevealed({ why: answer.why, modelAnswer: answer.modelAnswer });
                  setRevealError(null);
                } else setRevealError(answer.message);
              })
            }
          >
            {isRevealing ? 'Loading…' : 'Show the model answer now'}
          </button>
          {revealError && (
            <p className="field-error" role="alert">
              {revealError}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
