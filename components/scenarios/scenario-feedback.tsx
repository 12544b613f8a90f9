import Link from 'next/link';
import type { GradeResult } from '@/lib/grading/types';

/** Graded feedback: score, decision, each criterion hit or missed with the lesson to reread. */
export function ScenarioFeedback({
  result,
  newCardCount,
  isSaved,
  scenarioId,
  why,
  modelAnswer,
  lessonTitles,
}: {
  result: GradeResult;
  newCardCount: number;
  /** False for a signed-out visitor: invite them to sign up to keep it. */
  isSaved: boolean;
  scenarioId: string;
  why: string;
  modelAnswer: { junior: string; senior: string };
  lessonTitles: Record<string, string>;
}) {
  const hits = result.criteria.filter((c) => c.status === 'hit');
  const missed = result.criteria.filter((c) => c.status === 'missed');
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
        <p className="text-muted">{result.summary}</p>
      </div>

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

      <div className="space-y-2">
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
                <span className="text-sm font-normal text-muted">(weight {criterion.weight})</span>
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

      <details className="space-y-2">
        <summary className="cursor-pointer font-semibold">Why, and model answers</summary>
        <div className="mt-2 space-y-3">
          <p>{why}</p>
          <div>
            <h3 className="font-semibold">Junior answer</h3>
            <p>{modelAnswer.junior}</p>
          </div>
          <div>
            <h3 className="font-semibold">Senior answer</h3>
            <p>{modelAnswer.senior}</p>
          </div>
        </div>
      </details>
    </section>
  );
}
