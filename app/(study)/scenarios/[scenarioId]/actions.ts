'use server';

import { z } from 'zod';
import type { RevealAnswerState, SubmitAttemptState } from '@/components/scenarios/attempt-state';
import { getCurrentUser } from '@/lib/auth/session';
import { getScenario } from '@/lib/content/scenarios';
import { contentIdSchema } from '@/lib/content/schemas';
import { hintsFor, shouldRevealModelAnswer } from '@/lib/grading/learning-flow';
import {
  ScenarioError,
  gradeAnonymousAttempt,
  hasAttempted,
  submitScenarioAttempt,
} from '@/lib/scenarios/attempts';
import { idempotencyKeyFieldSchema, parseActionForm } from '@/lib/security/action-input';
import { stripBidiControls } from '@/lib/security/text';

// The user always comes from the session, never from the form. The grader validates the
// answer itself; here we only turn form strings into the scenario's answer shape.

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const formSchema = z.object({
  scenarioId: contentIdSchema,
  decision: optional(z.string().max(2000)).transform((v) => v ?? ''),
  justification: z
    .string()
    .max(20_000)
    .default('')
    .transform((v) => stripBidiControls(v)),
  prediction: optional(z.string().max(120)),
  simulatorRunId: optional(z.string().max(64)),
  idempotencyKey: optional(idempotencyKeyFieldSchema),
});

function parseOrder(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** Grades and stores an attempt; returns feedback and the model answers, or field errors. */
export async function submitScenarioAttemptAction(
  _previous: SubmitAttemptState,
  formData: unknown,
): Promise<SubmitAttemptState> {
  const parsed = parseActionForm(formSchema, formData, 'Check the highlighted fields.');
  if (!parsed.ok) {
    return {
      ok: false,
      message: parsed.fieldErrors.scenarioId ? 'Unknown scenario.' : parsed.message,
      fieldErrors: parsed.fieldErrors,
    };
  }
  const user = await getCurrentUser();
  const scenario = await getScenario(parsed.data.scenarioId);
  if (!scenario) return { ok: false, message: 'Unknown scenario.' };

  const raw = parsed.data.decision;
  const decision =
    scenario.answer.type === 'order'
      ? parseOrder(raw)
      : scenario.answer.type === 'number'
        ? raw.trim() === ''
          ? undefined
          : Number(raw.trim().replace(',', '.'))
        : raw || undefined;
  try {
    if (!user) {
      // Signed-out visitors get graded feedback too; nothing is stored.
      const graded = await gradeAnonymousAttempt({
        scenarioId: scenario.id,
        answer: {
          decision,
          justification: parsed.data.justification,
          prediction: parsed.data.prediction,
        },
      });
      if (!graded.ok)
        return { ok: false, message: graded.message, fieldErrors: graded.fieldErrors };
      return {
        ok: true,
        attemptId: `unsaved-${crypto.randomUUID()}`,
        isSaved: false,
        result: graded.result,
        newCardCount: 0,
        // Nothing is stored for a visitor, so there is no later "show the answer": reveal it now.
        attemptNumber: 1,
        hints: [],
        revealed: { why: scenario.why, modelAnswer: scenario.modelAnswer },
      };
    }
    const result = await submitScenarioAttempt({
      userId: user.id,
      scenarioId: scenario.id,
      answer: {
        decision,
        justification: parsed.data.justification,
        prediction: parsed.data.prediction,
      },
      simulatorRunId: parsed.data.simulatorRunId ?? null,
      idempotencyKey: parsed.data.idempotencyKey ?? null,
    });
    if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors };
    // A first weak attempt gets hints and a retry; the model answer is not sent until then.
    const reveal = shouldRevealModelAnswer(result.result, result.attemptNumber);
    return {
      ok: true,
      attemptId: result.attempt.id,
      isSaved: true,
      result: result.result,
      newCardCount: result.newCardCount,
      attemptNumber: result.attemptNumber,
      hints: reveal ? [] : hintsFor(result.result),
      revealed: reveal ? { why: scenario.why, modelAnswer: scenario.modelAnswer } : null,
    };
  } catch (error) {
    if (error instanceof ScenarioError) return { ok: false, message: error.message };
    console.error(error);
    return { ok: false, message: 'Something went wrong. Please try again.' };
  }
}

/** Shows the model answer on request, once the user has made at least one attempt. */
export async function revealModelAnswerAction(scenarioId: unknown): Promise<RevealAnswerState> {
  const parsed = contentIdSchema.safeParse(scenarioId);
  if (!parsed.success) return { ok: false, message: 'Unknown scenario.' };
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: 'Sign in to see the model answer.' };
  const scenario = await getScenario(parsed.data);
  if (!scenario) return { ok: false, message: 'Unknown scenario.' };
  try {
    if (!(await hasAttempted({ userId: user.id, scenarioId: scenario.id })))
      return { ok: false, message: 'Submit an answer first; then the model answer can be shown.' };
    return { ok: true, why: scenario.why, modelAnswer: scenario.modelAnswer };
  } catch (error) {
    if (error instanceof ScenarioError) return { ok: false, message: error.message };
    console.error(error);
    return { ok: false, message: 'Something went wrong. Please try again.' };
  }
}
