import { z } from 'zod';
import {
  DESIRED_RETENTION_MAX,
  DESIRED_RETENTION_MIN,
  MAX_REVIEWS_PER_DAY_MAX,
  NEW_CARDS_PER_DAY_MAX,
} from '@/lib/srs/settings';

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
});

export type SrsSettingsInput = z.infer<typeof srsSettingsInputSchema>;
