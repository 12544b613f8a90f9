'use client';

import { useActionState, useRef } from 'react';
import type { SettingsActionState } from '@/lib/flashcards/action-types';

type Props = {
  action: (previous: SettingsActionState, formData: FormData) => Promise<SettingsActionState>;
  initial: {
    desiredRetention: number;
    newCardsPerDay: number;
    maxReviewsPerDay: number;
    interviewDate: string;
    timeZone: string;
    dayStartHour: number;
  };
  limits: { retentionMin: number; retentionMax: number; newMax: number; reviewsMax: number };
  /** IANA zones offered in the time zone list. */
  timeZones: readonly string[];
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
export function SrsSettingsForm({ action, initial, limits, timeZones }: Props) {
  const [state, formAction, isPending] = useActionState(action, null);
  const zoneRef = useRef<HTMLSelectElement>(null);
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
          className="input max-w-40"
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
            className="input max-w-40"
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
            className="input max-w-40"
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
          className="input max-w-56"
          type="date"
          defaultValue={state?.values?.interviewDate ?? initial.interviewDate}
        />
        <p id="srs-interviewDate-hint" className="hint">
          When set, cards you would likely not recall on that day come first, and the review page
          shows how many reviews remain before it. Leave empty to turn this off.
        </p>
        <FieldError id="srs-interviewDate-error" errors={errors.interviewDate} />
      </div>
      <fieldset className="space-y-4">
        <legend className="label">Your study day</legend>
        <div className="grid gap-5 sm:grid-cols-2">
          <div className="space-y-1">
            <label className="label" htmlFor="srs-timeZone">
              Time zone
            </label>
            <select
              {...field('timeZone')}
              ref={zoneRef}
              className="input max-w-72"
              defaultValue={state?.values?.timeZone ?? initial.timeZone}
            >
              {timeZones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replaceAll('_', ' ')}
                </option>
              ))}
            </select>
            <p id="srs-timeZone-hint" className="hint">
              Streaks, “today” and the daily limits follow this zone.{' '}
              <button
                type="button"
                className="underline"
                onClick={() => {
                  const detected = Intl.DateTimeFormat().resolvedOptions().timeZone;
                  if (zoneRef.current && timeZones.includes(detected))
                    zoneRef.current.value = detected;
                }}
              >
                Use this device’s zone
              </button>
            </p>
            <FieldError id="srs-timeZone-error" errors={errors.timeZone} />
          </div>
          <div className="space-y-1">
            <label className="label" htmlFor="srs-dayStartHour">
              New day starts at (hour)
            </label>
            <input
              {...field('dayStartHour')}
              className="input max-w-40"
              type="number"
              inputMode="numeric"
              min={0}
              max={23}
              defaultValue={state?.values?.dayStartHour ?? initial.dayStartHour}
              required
            />
            <p id="srs-dayStartHour-hint" className="hint">
              0 to 23. Reviews before this hour count for the day before (Anki uses 4, so a late
              night session does not break a streak).
            </p>
            <FieldError id="srs-dayStartHour-error" errors={errors.dayStartHour} />
          </div>
        </div>
      </fieldset>
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
