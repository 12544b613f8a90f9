'use server';

import { z } from 'zod';
import { requireUser } from '@/lib/auth/session';
import { FlashcardError } from '@/lib/flashcards/errors';
import {
  cardIdSchema,
  idempotencyKeySchema,
  recordReview,
  undoLastReview,
} from '@/lib/flashcards/reviews';
import { getReviewSession } from '@/lib/flashcards/session';
import type {
  ActionFailure,
  ReviewActionResult,
  SettingsActionState,
  UndoActionResult,
} from '@/lib/flashcards/action-types';
import { updateSrsSettings } from '@/lib/flashcards/settings';
import { srsSettingsInputSchemaAt } from '@/lib/flashcards/settings-schema';
import { INVALID_REQUEST } from '@/lib/security/action-input';

const recordReviewInputSchema = z.object({
  cardId: cardIdSchema,
  grade: z
    .number()
    .int()
    .min(1, { error: 'grade must be 1..4' })
    .max(4, { error: 'grade must be 1..4' }),
  idempotencyKey: idempotencyKeySchema,
  durationMs: z.number().nonnegative().finite().nullish(),
});

function failure(error: unknown): ActionFailure {
  if (error instanceof FlashcardError) return { ok: false, message: error.message };
  console.error(error);
  return { ok: false, message: 'Something went wrong while saving. Please try again.' };
}

/** Grades the card on screen and returns the next step of the session. */
export async function recordReviewAction(input: unknown): Promise<ReviewActionResult> {
  const user = await requireUser();
  const parsed = recordReviewInputSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      message: 'Invalid review.',
      fieldErrors: z.flattenError(parsed.error).fieldErrors,
    };
  }
  try {
    const now = new Date();
    const result = await recordReview({ userId: user.id, ...parsed.data, now });
    const session = await getReviewSession({ userId: user.id, now });
    return {
      ok: true,
      duplicate: result.duplicate,
      reviewed: { cardId: result.cardId, grade: result.grade, due: result.due.toISOString() },
      session,
    };
  } catch (error) {
    return failure(error);
  }
}

/** Undoes the last review; the undone card becomes the current card again. */
export async function undoLastReviewAction(...args: unknown[]): Promise<UndoActionResult> {
  // It takes no input: a call that sends some is not from our page, so it changes nothing.
  if (args.length > 0) return { ok: false, message: INVALID_REQUEST };
  const user = await requireUser();
  try {
    const now = new Date();
    const undone = await undoLastReview({ userId: user.id, now });
    const session = await getReviewSession({ userId: user.id, now });
    return { ok: true, undone: { cardId: undone.cardId, grade: undone.grade }, session };
  } catch (error) {
    return failure(error);
  }
}

/** Saves the scheduling settings form (useActionState). */
export async function updateSrsSettingsAction(
  _previous: SettingsActionState,
  formData: unknown,
): Promise<SettingsActionState> {
  const user = await requireUser('/review/settings');
  if (!(formData instanceof FormData)) {
    return { ok: false, message: INVALID_REQUEST, fieldErrors: {}, values: {} };
  }
  const raw = {
    desiredRetention: formData.get('desiredRetention'),
    newCardsPerDay: formData.get('newCardsPerDay'),
    maxReviewsPerDay: formData.get('maxReviewsPerDay'),
    interviewDate: formData.get('interviewDate') ?? '',
    timeZone: formData.get('timeZone') ?? 'UTC',
    dayStartHour: formData.get('dayStartHour') ?? '0',
  };
  const values = Object.fromEntries(
    Object.entries(raw).map(([name, value]) => [
      name,
      typeof value === 'string' ? value.slice(0, 40) : '',
    ]),
  );
  const now = new Date();
  const parsed = srsSettingsInputSchemaAt(now).safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      message: 'Please fix the highlighted fields.',
      fieldErrors: z.flattenError(parsed.error).fieldErrors,
      values,
    };
  }
  try {
    await updateSrsSettings({ userId: user.id, input: raw, now });
    return { ok: true, message: 'Settings saved.', values };
  } catch (error) {
    return { ...failure(error), values };
  }
}
