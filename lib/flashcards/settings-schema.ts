import { z } from 'zod';
import {
  DESIRED_RETENTION_MAX,
  DESIRED_RETENTION_MIN,
  MAX_REVIEWS_PER_DAY_MAX,
  NEW_CARDS_PER_DAY_MAX,
} from '@/lib/srs/settings';
import { isValidTimeZone, studyDayKey, studyDayNumber } from '@/lib/srs/time';

// Shared by the settings action (server) and the settings form (client hints).

/** Settings form input. Numbers arrive as strings from FormData, so they are coerced. */
export const srsSettingsInputSchema = z.object({
  desiredRetention: z.coerce
    .number({ error: 'Enter a number such as 0.9' })
    .min(DESIRED_RETENTION_MIN, {
      error: `Desired retention must be at least ${DESIRED_RETENTION_MIN}`,
    })
    .max(DESIRED_RETENTION_MAX, {
      error: `Desired retention must be at most ${DESIRED_RETENTION_MAX}`,
    }),
  newCardsPerDay: z.coerce
    .number({ error: 'Enter a whole number' })
    .int({ error: 'Enter a whole number' })
    .min(0, { error: 'Must be 0 or more' })
    .max(NEW_CARDS_PER_DAY_MAX, { error: `Must be at most ${NEW_CARDS_PER_DAY_MAX}` }),
  maxReviewsPerDay: z.coerce
    .number({ error: 'Enter a whole number' })
    .int({ error: 'Enter a whole number' })
    .min(1, { error: 'Must be at least 1' })
    .max(MAX_REVIEWS_PER_DAY_MAX, { error: `Must be at most ${MAX_REVIEWS_PER_DAY_MAX}` }),
  /** `YYYY-MM-DD` or empty for no interview date. */
  interviewDate: z
    .string()
    .trim()
    .refine(
      (value) =>
        value === '' ||
        (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))),
      {
        error: 'Use a date like 2026-12-01, or leave it empty',
      },
    )
    .transform((value) => (value === '' ? null : new Date(`${value}T00:00:00.000Z`))),
  /** IANA zone; absent (older forms, API callers) means UTC. */
  timeZone: z
    .string()
    .trim()
    .max(64)
    .default('UTC')
    .refine((value) => isValidTimeZone(value), {
      error: 'Choose a time zone from the list, like Europe/Berlin',
    }),
  dayStartHour: z.coerce
    .number({ error: 'Enter an hour from 0 to 23' })
    .int({ error: 'Enter a whole hour from 0 to 23' })
    .min(0, { error: 'Enter an hour from 0 to 23' })
    .max(23, { error: 'Enter an hour from 0 to 23' })
    .default(0),
});

/**
 * The settings input as of `now`: as above, and an interview date must not be in the past
 * (today, in the learner's chosen zone, is allowed).
 */
export function srsSettingsInputSchemaAt(now: Date) {
  return srsSettingsInputSchema.superRefine((value, ctx) => {
    if (!value.interviewDate) return;
    const today = studyDayKey(studyDayNumber(now, { timeZone: value.timeZone, dayStartHour: 0 }));
    if (value.interviewDate.toISOString().slice(0, 10) < today) {
      ctx.addIssue({
        code: 'custom',
        path: ['interviewDate'],
        message: `The interview date is in the past; pick ${today} or later, or leave it empty`,
      });
    }
  });
}

export type SrsSettingsInput = z.infer<typeof srsSettingsInputSchema>;
