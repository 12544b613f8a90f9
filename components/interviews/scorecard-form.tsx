'use client';

import { useId, useState } from 'react';
import {
  HIRE_SIGNAL_LABELS,
  HIRE_SIGNALS,
  type HireSignal,
  type Ratings,
} from '@/lib/interviews/events';
import type { InterviewDimension } from '@/lib/content/interview-schema';

export type ScorecardValue = {
  ratings: Ratings;
  hireSignal: HireSignal | null;
  feedback: string;
  submittedAt: string | null;
  releasedAt: string | null;
};
export type ScorecardActions = {
  save: (input: {
    sessionId: string;
    ratings: Ratings;
    hireSignal: HireSignal | null;
    feedback: string;
  }) => Promise<{ ok: true; scorecard: ScorecardValue } | { ok: false; message: string }>;
  submit: (input: {
    sessionId: string;
    ratings: Ratings;
    hireSignal: HireSignal | null;
    feedback: string;
  }) => Promise<{ ok: true; scorecard: ScorecardValue } | { ok: false; message: string }>;
  release: (input: {
    sessionId: string;
  }) => Promise<{ ok: true; scorecard: ScorecardValue } | { ok: false; message: string }>;
};

const RATING_LABELS = ['1 – below the bar', '2 – mixed', '3 – solid', '4 – senior'];

/** The interviewer's scorecard: ratings per dimension, hire signal, feedback; locked once submitted. */
export function ScorecardForm({
  sessionId,
  dimensions,
  initial,
  actions,
}: {
  sessionId: string;
  dimensions: Array<{ id: InterviewDimension; label: string; senior: string }>;
  initial: ScorecardValue | null;
  actions: ScorecardActions;
}) {
  const id = useId();
  const [value, setValue] = useState<ScorecardValue>(
    initial ?? { ratings: {}, hireSignal: null, feedback: '', submittedAt: null, releasedAt: null },
  );
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const locked = value.submittedAt !== null;
  const input = {
    sessionId,
    ratings: value.ratings,
    hireSignal: value.hireSignal,
    feedback: value.feedback,
  };

  const act = async (which: 'save' | 'submit' | 'release', done: string) => {
    setPending(true);
    const result =
      which === 'release' ? await actions.release({ sessionId }) : await actions[which](input);
    setPending(false);
    if (result.ok) {
      setValue(result.scorecard);
      setMessage(done);
    } else setMessage(result.message);
  };

  return (
    <section aria-labelledby={`${id}-h`} className="card space-y-4" data-testid="scorecard-form">
      <h2 id={`${id}-h`} className="text-xl">
        Scorecard {locked ? '(submitted, locked)' : '(draft, only you see it)'}
      </h2>
      {dimensions.map((dimension) => (
        <fieldset key={dimension.id} disabled={locked} className="space-y-1">
          <legend className="font-semibold">{dimension.label}</legend>
          <p className="hint">Senior: {dimension.senior}</p>
          <div className="flex flex-wrap gap-3">
            {RATING_LABELS.map((label, index) => (
              <label key={label} className="flex items-center gap-1">
                <input
                  type="radio"
                  name={`${id}-${dimension.id}`}
                  checked={value.ratings[dimension.id] === index + 1}
                  onChange={() =>
                    setValue({ ...value, ratings: { ...value.ratings, [dimension.id]: index + 1 } })
                  }
                />
                {label}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <fieldset disabled={locked} className="space-y-1">
        <legend className="font-semibold">Hire signal</legend>
        <div className="flex flex-wrap gap-3">
          {HIRE_SIGNALS.map((signal) => (
            <label key={signal} className="flex items-center gap-1">
              <input
                type="radio"
                name={`${id}-signal`}
                checked={value.hireSignal === signal}
                onChange={() => setValue({ ...value, hireSignal: signal })}
              />
              {HIRE_SIGNAL_LABELS[signal]}
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <label className="label" htmlFor={`${id}-feedback`}>
          Written feedback for the candidate
        </label>
        <textarea
          id={`${id}-feedback`}
          className="input min-h-32"
          maxLength={5000}
          readOnly={locked}
          value={value.feedback}
          onChange={(e) => setValue({ ...value, feedback: e.target.value })}
        />
      </div>
      <div className="flex flex-wrap gap-2">
        {!locked && (
          <>
            <button
              type="button"
              className="btn btn-secondary"
              disabled={pending}
              onClick={() => act('save', 'Draft saved.')}
            >
              Save draft
            </button>
            <button
              type="button"
              className="btn btn-primary"
              disabled={pending}
              onClick={() => act('submit', 'Submitted and locked.')}
            >
              Submit scorecard
            </button>
          </>
        )}
        {locked && !value.releasedAt && (
          <button
            type="button"
            className="btn btn-primary"
            disabled={pending}
            onClick={() => act('release', 'Released to the candidate.')}
          >
            Release to the candidate
          </button>
        )}
        {value.releasedAt && <p data-testid="scorecard-released">Released to the candidate.</p>}
      </div>
      {message && (
        <p role="status" className="text-sm">
          {message}
        </p>
      )}
    </section>
  );
}
