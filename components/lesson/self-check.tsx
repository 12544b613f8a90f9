'use client';

import { useActionState, useCallback, useId, useState } from 'react';
import type { PublicSelfCheckQuestion } from '@/lib/content/self-check';
import type { SavedAnswer, SelfCheckAnswerAction } from './lesson-state';
import { SignUpInvite, useLessonUserState } from './lesson-user-state';

export function SelfCheck({
  questions,
  submitAnswer,
}: {
  questions: PublicSelfCheckQuestion[];
  submitAnswer: SelfCheckAnswerAction;
}) {
  const { state } = useLessonUserState();
  // Results of answers checked on this visit; saved answers fill in the rest.
  const [checked, setChecked] = useState<Record<string, boolean>>({});
  const onResult = useCallback(
    (questionId: string, isCorrect: boolean) =>
      setChecked((previous) => ({ ...previous, [questionId]: isCorrect })),
    [],
  );
  const outcomes = questions.map((question) =>
    question.id in checked
      ? checked[question.id]
      : state?.signedIn
        ? state.answers[question.id]?.result.isCorrect
        : undefined,
  );
  const answered = outcomes.filter((outcome) => outcome !== undefined).length;
  const correct = outcomes.filter((outcome) => outcome === true).length;
  return (
    <section
      aria-labelledby="self-check-heading"
      className="render-when-visible space-y-4"
      data-testid="self-check"
    >
      <div className="space-y-1">
        <h2 id="self-check-heading" className="text-2xl">
          Check yourself
        </h2>
        <p className="text-muted">
          {questions.length} quick questions. Each answer shows an explanation.
        </p>
        {state?.signedIn === false && <SignUpInvite what="save your answers" />}
      </div>
      <ol className="space-y-4">
        {questions.map((question, index) => {
          const saved = state?.signedIn ? state.answers[question.id] : undefined;
          return (
            <li key={`${question.id}-${saved ? 'saved' : 'new'}`}>
              <QuestionForm
                question={question}
                number={index + 1}
                saved={saved}
                submitAnswer={submitAnswer}
                onResult={onResult}
              />
            </li>
          );
        })}
      </ol>
      {answered > 0 && (
        <p className="card font-semibold" role="status" data-testid="self-check-score">
          Score: {correct} of {questions.length} correct
          {answered < questions.length ? ` (${questions.length - answered} still to answer)` : ''}
        </p>
      )}
    </section>
  );
}

function QuestionForm({
  question,
  number,
  saved,
  submitAnswer,
  onResult,
}: {
  question: PublicSelfCheckQuestion;
  number: number;
  saved: SavedAnswer | undefined;
  submitAnswer: SelfCheckAnswerAction;
  onResult: (questionId: string, isCorrect: boolean) => void;
}) {
  const { lessonId } = useLessonUserState();
  const [actionState, formAction, isPending] = useActionState<
    Awaited<ReturnType<SelfCheckAnswerAction>>,
    FormData
  >(async (previous, formData) => {
    const next = await submitAnswer(previous, formData);
    if (next?.ok) onResult(question.id, next.result.isCorrect);
    return next;
  }, null);
  const baseId = useId();
  const errorId = `${baseId}-error`;
  const result = actionState?.ok ? actionState.result : saved?.result;
  const lastAnswer = actionState?.ok ? actionState.answer : saved?.answer;
  const error = actionState?.ok === false ? actionState.message : null;

  return (
    <form action={formAction} className="card space-y-3" data-testid={`self-check-${question.id}`}>
      <input type="hidden" name="lessonId" value={lessonId} />
      <input type="hidden" name="questionId" value={question.id} />
      <fieldset className="space-y-2" aria-describedby={error ? errorId : undefined}>
        <legend className="font-semibold">
          <span className="text-muted">Question {number}. </span>
          {question.prompt}
        </legend>
        {question.type === 'choice' ? (
          <div className="space-y-1.5">
            {question.options.map((option, index) => (
              <label key={index} className="flex items-start gap-2">
                <input
                  type="radio"
                  name="answer"
                  value={String(index)}
                  defaultChecked={lastAnswer === String(index)}
                  className="mt-1.5"
                />
                <span>{option}</span>
              </label>
            ))}
          </div>
        ) : (
          <div>
            <label htmlFor={`${baseId}-answer`} className="label">
              Your answer
            </label>
            <textarea
              id={`${baseId}-answer`}
              name="answer"
              rows={3}
              maxLength={1000}
              defaultValue={lastAnswer}
              className="input"
              aria-invalid={error ? true : undefined}
            />
          </div>
        )}
      </fieldset>
      <button type="submit" className="btn btn-secondary" disabled={isPending}>
        {isPending ? 'Checking…' : 'Check answer'}
      </button>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      <div aria-live="polite">
        {result && (
          <div
            className={`rounded-lg border p-3 ${result.isCorrect ? 'border-success' : 'border-warning'}`}
            data-testid="self-check-result"
          >
            <p className={`font-semibold ${result.isCorrect ? 'text-success' : 'text-warning'}`}>
              {result.isCorrect ? 'Correct.' : 'Not quite.'}
            </p>
            {!result.isCorrect && result.reason && <p>{result.reason}</p>}
            {!result.isCorrect && (
              <p>
                <span className="font-medium">
                  {question.type === 'choice' ? 'Correct answer: ' : 'A model answer: '}
                </span>
                {result.correctAnswer}
              </p>
            )}
            {result.isCorrect && question.type === 'short' && (
              <p>
                <span className="font-medium">A model answer: </span>
                {result.correctAnswer}
              </p>
            )}
            <p className="mt-1">{result.explanation}</p>
            {actionState?.ok && actionState.saved && (
              <p className="mt-1 text-sm text-muted">Saved to your progress.</p>
            )}
          </div>
        )}
      </div>
    </form>
  );
}
