'use client';

import { useActionState } from 'react';
import type { SettingsActionState } from '@/lib/flashcards/action-types';

type Props = {
  action: (previous: SettingsActionState, formData: FormData) => Promise<SettingsActionState>;
  initial: {
    desiredRetention: number;
    newCardsPerDay: number;
    maxReviewsPerDay: number;
    interviewDate: string;
  };
  limits: { retentionMin: number; retentionMax: number; newMax: number; reviewsMax: number };
};

function FieldError({ id, errors }: { id: string; errors: string[] | undefined }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="field-error">
      {errors[0]}
    </p>
  );
}

/** Scheduling settings form: retention, daily limits, interview date. */
export function SrsSettingsForm({ action, initial, limits }: Props) {
  const [state, formAction, isPending] = useActionState(action, null);
  const errors = state?.fieldErrors ?? {};
  const field = (name: keyof Props['initial']) => ({
    id: `srs-${name}`,
    name,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': `srs-${name}-hint${errors[name] ? ` srs-${name}-error` : ''}`,
  });
  return (
    <form action={formAction} className="card space-y-5" noValidate>
      <div className="space-y-1">
        <label className="label" htmlFor="srs-desiredRetention">
          Desired retention
        </label>
        <input
          {...field('desiredRetention')}
          className="input"
          type="number"
          inputMode="decimal"
          step="0.01"
          min={limits.retentionMin}
          max={limits.retentionMax}
          defaultValue={state?.values?.desiredRetention ?? initial.desiredRetention}
          required
        />
        <p id="srs-desiredRetention-hint" className="hint">
          Between {limits.retentionMin} and {limits.retentionMax}. The chance you still remember a
          card when it comes due. Higher means shorter intervals and more reviews; see the table
          below.
        </p>
        <FieldError id="srs-desiredRetention-error" errors={errors.desiredRetention} />
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <div className="space-y-1">
          <label className="label" htmlFor="srs-newCardsPerDay">
            New cards per day
          </label>
          <input
            {...field('newCardsPerDay')}
            className="input"
            type="number"
            inputMode="numeric"
            min={0}
            max={limits.newMax}
            defaultValue={state?.values?.newCardsPerDay ?? initial.newCardsPerDay}
            required
          />
          <p id="srs-newCardsPerDay-hint" className="hint">
            Each new card brings several reviews over the next weeks.
          </p>
          <FieldError id="srs-newCardsPerDay-error" errors={errors.newCardsPerDay} />
        </div>
        <div className="space-y-1">
          <label className="label" htmlFor="srs-maxReviewsPerDay">
            Maximum reviews per day
          </label>
          <input
            {...field('maxReviewsPerDay')}
            className="input"
            type="number"
            inputMode="numeric"
            min={1}
            max={limits.reviewsMax}
            defaultValue={state?.values?.maxReviewsPerDay ?? initial.maxReviewsPerDay}
            required
          />
          <p id="srs-maxReviewsPerDay-hint" className="hint">
            A cap for busy days; cards over the cap wait until tomorrow.
          </p>
          <FieldError id="srs-maxReviewsPerDay-error" errors={errors.maxReviewsPerDay} />
        </div>
      </div>
      <div className="space-y-1">
        <label className="label" htmlFor="srs-interviewDate">
          Interview date (optional)
        </label>
        <input
          {...field('interviewDate')}
          className="input"
          type="date"
          defaultValue={state?.values?.interviewDate ?? initial.interviewDate}
        />
        <p id="srs-interviewDate-hint" className="hint">
          When set, cards you would likely not recall on that day come first, and the review page
          shows how many reviews remain before it. Leave empty to turn this off.
        </p>
        <FieldError id="srs-interviewDate-error" errors={errors.interviewDate} />
      </div>
      <div className="flex items-center gap-4">
        <button type="submit" className="btn btn-primary" disabled={isPending}>
          {isPending ? 'Saving…' : 'Save settings'}
        </button>
        <p
          role="status"
          aria-live="polite"
          className={state && !state.ok ? 'field-error' : 'text-sm'}
        >
          {state?.message ?? ''}
        </p>
      </div>
    </form>
  );
}
