'use client';

import Link from '@/components/ui/app-link';
import { useActionState, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { presetLabel } from '@/lib/content/labels';
import type { PublicScenario } from '@/lib/scenarios/public-scenario';
import type { RevealAnswerState, SubmitAttemptState } from './attempt-state';
import { OrderInput } from './order-input';
import { ScenarioFeedback } from './scenario-feedback';

type SubmitAction = (
  previous: SubmitAttemptState,
  formData: FormData,
) => Promise<SubmitAttemptState>;
type Step = 'predict' | 'run' | 'answer';

const MAX_CHARS = 5000;

/** Predict → run the preset → decide and justify → feedback; retries keep the last answer. */
export function ScenarioAttemptFlow({
  scenario,
  submit,
  reveal,
  lessonTitles,
  citableRuns,
  simulator,
}: {
  scenario: PublicScenario;
  submit: SubmitAction;
  reveal: (scenarioId: string) => Promise<RevealAnswerState>;
  lessonTitles: Record<string, string>;
  citableRuns: Array<{ id: string; name: string }>;
  /** The embedded simulator for the preset, rendered by the page (null when none). */
  simulator: ReactNode;
}) {
  const [step, setStep] = useState<Step>(scenario.prediction ? 'predict' : 'answer');
  const [prediction, setPrediction] = useState('');
  const [decision, setDecision] = useState('');
  const [order, setOrder] = useState(() =>
    scenario.answer.type === 'order' ? scenario.answer.items.map((item) => item.id) : [],
  );
  const [justification, setJustification] = useState('');
  const [state, formAction, isPending] = useActionState(submit, null);
  const baseId = useId();
  const feedbackRef = useRef<HTMLDivElement>(null);
  // One key per answer sent: a double click or a resent request reuses it and the server
  // stores the attempt once; each answer from the server starts a new key.
  const attemptKeyRef = useRef<string | null>(null);

  useEffect(() => {
    attemptKeyRef.current = null;
    if (state?.ok) feedbackRef.current?.querySelector<HTMLElement>('#feedback-heading')?.focus();
  }, [state]);

  function submitWithKey(formData: FormData) {
    attemptKeyRef.current ??= newAttemptKey();
    formData.set('idempotencyKey', attemptKeyRef.current);
    formAction(formData);
  }

  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  const errorId = (field: string) => `${baseId}-${field}-error`;
  const predictionLabel = scenario.prediction?.options.find((o) => o.id === prediction)?.label;

  return (
    <div className="space-y-6">
      {scenario.prediction && (
        <section
          aria-labelledby={`${baseId}-predict`}
          className="card space-y-3"
          data-testid="prediction-step"
        >
          <h2 id={`${baseId}-predict`} className="text-xl">
            1. Predict
          </h2>
          {step === 'predict' ? (
            <>
              <fieldset className="space-y-2">
                <legend className="font-semibold">{scenario.prediction.prompt}</legend>
                {scenario.prediction.options.map((option) => (
                  <label key={option.id} className="flex items-start gap-2">
                    <input
                      type="radio"
                      name="prediction-choice"
                      value={option.id}
                      checked={prediction === option.id}
                      onChange={() => setPrediction(option.id)}
                      className="mt-1.5"
                    />
                    <span>{option.label}</span>
                  </label>
                ))}
              </fieldset>
              <button
                type="button"
                className="btn btn-primary"
                disabled={prediction === ''}
                onClick={() => setStep('run')}
              >
                Lock in my prediction
              </button>
            </>
          ) : (
            <p data-testid="locked-prediction">
              Your prediction: <strong>{predictionLabel}</strong>
            </p>
          )}
        </section>
      )}

      {scenario.presetId && (
        <section
          aria-labelledby={`${baseId}-run`}
          className="card space-y-3"
          data-testid="simulator-step"
        >
          <h2 id={`${baseId}-run`} className="text-xl">
            {scenario.prediction ? '2. Run the simulator' : 'Try it in the simulator'}
          </h2>
          {step === 'predict' ? (
            <p className="text-muted">
              Lock in a prediction first, then run the preset to check it.
            </p>
          ) : (
            <>
              {simulator ?? (
                <p>
                  <Link
                    href={`/simulator?preset=${encodeURIComponent(scenario.presetId)}`}
                    target="_blank"
                    rel="noopener"
                  >
                    Open the “{presetLabel(scenario.presetId)}” preset in the simulator (new tab)
                  </Link>
                </p>
              )}
              {step === 'run' && (
                <button
                  type="button"
                  className="btn btn-secondary"
                  onClick={() => setStep('answer')}
                >
                  Continue to my answer
                </button>
              )}
            </>
          )}
        </section>
      )}

      {step === 'answer' && (
        <form
          action={submitWithKey}
          className="card space-y-4"
          data-testid="attempt-form"
          noValidate
        >
          <h2 className="text-xl">
            {scenario.prediction ? '3. Decide and justify' : 'Decide and justify'}
          </h2>
          <input type="hidden" name="scenarioId" value={scenario.id} />
          {prediction !== '' && <input type="hidden" name="prediction" value={prediction} />}

          {scenario.answer.type === 'choice' && (
            <fieldset
              className="space-y-2"
              aria-describedby={errors.decision ? errorId('decision') : undefined}
            >
              <legend className="font-semibold">{scenario.question}</legend>
              {scenario.answer.options.map((option) => (
                <label key={option.id} className="flex items-start gap-2">
                  <input
                    type="radio"
                    name="decision"
                    value={option.id}
                    checked={decision === option.id}
                    onChange={() => setDecision(option.id)}
                    className="mt-1.5"
                  />
                  <span>{option.label}</span>
                </label>
              ))}
            </fieldset>
          )}
          {scenario.answer.type === 'order' && (
            <fieldset className="space-y-2">
              <legend className="font-semibold">{scenario.question}</legend>
              <p className="text-sm text-muted">
                Use the arrow buttons to put the steps in order, first step at the top.
              </p>
              <OrderInput
                name="decision"
                items={scenario.answer.items}
                order={order}
                onChange={setOrder}
                describedBy={errors.decision ? errorId('decision') : undefined}
              />
            </fieldset>
          )}
          {scenario.answer.type === 'number' && (
            <div className="space-y-1">
              <label htmlFor={`${baseId}-number`} className="label">
                {scenario.question} ({scenario.answer.unit})
              </label>
              <input
                id={`${baseId}-number`}
                name="decision"
                type="text"
                inputMode="decimal"
                className="input max-w-xs"
                value={decision}
                onChange={(event) => setDecision(event.target.value)}
                aria-invalid={errors.decision ? true : undefined}
                aria-describedby={errors.decision ? errorId('decision') : undefined}
              />
            </div>
          )}
          {errors.decision && (
            <p id={errorId('decision')} className="field-error">
              {errors.decision[0]}
            </p>
          )}

          <div className="space-y-1">
            <label htmlFor={`${baseId}-justification`} className="label">
              Justification
            </label>
            <p id={`${baseId}-justification-hint`} className="text-sm text-muted">
              Explain your decision in sentences: name the concepts that matter here, the
              trade-offs, and the evidence.
            </p>
            <textarea
              id={`${baseId}-justification`}
              name="justification"
              rows={8}
              className="input"
              value={justification}
              maxLength={MAX_CHARS}
              onChange={(event) => setJustification(event.target.value)}
              aria-invalid={errors.justification ? true : undefined}
              aria-describedby={`${baseId}-justification-hint ${baseId}-count${errors.justification ? ` ${errorId('justification')}` : ''}`}
            />
            <p id={`${baseId}-count`} className="text-sm text-muted">
              {justification.length} / {MAX_CHARS} characters
            </p>
            {errors.justification && (
              <p id={errorId('justification')} className="field-error">
                {errors.justification[0]}
              </p>
            )}
          </div>

          {citableRuns.length > 0 && (
            <div className="space-y-1">
              <label htmlFor={`${baseId}-run-select`} className="label">
                Cite a saved simulator run (optional)
              </label>
              <select
                id={`${baseId}-run-select`}
                name="simulatorRunId"
                className="input max-w-md"
                defaultValue=""
              >
                <option value="">No run</option>
                {citableRuns.map((run) => (
                  <option key={run.id} value={run.id}>
                    {run.name}
                  </option>
                ))}
              </select>
            </div>
          )}

          {state?.ok === false && (
            <p className="field-error" role="alert">
              {state.message}
            </p>
          )}
          <button type="submit" className="btn btn-primary" disabled={isPending}>
            {isPending ? 'Grading…' : state?.ok ? 'Submit again' : 'Submit answer'}
          </button>
        </form>
      )}

      <div ref={feedbackRef}>
        {state?.ok && (
          <ScenarioFeedback
            key={state.attemptId}
            result={state.result}
            newCardCount={state.newCardCount}
            isSaved={state.isSaved}
            scenarioId={scenario.id}
            hints={state.hints}
            revealed={state.revealed}
            reveal={() => reveal(scenario.id)}
            lessonTitles={lessonTitles}
          />
        )}
      </div>
    </div>
  );
}

/** 128 random bits as hex (getRandomValues works outside secure contexts, randomUUID does not). */
function newAttemptKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
