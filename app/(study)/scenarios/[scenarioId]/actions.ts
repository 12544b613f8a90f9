'use server';

import { z } from 'zod';
import type { RevealAnswerState, SubmitAttemptState } from '@/components/scenarios/attempt-state';
import { getCurrentUser } from '@/lib/auth/session';
import { getScenario } from '@/lib/content/scenarios';
import { contentIdSchema } from '@/lib/content/schemas';
import { hintsFor, shouldRevealModelAnswer } from '@/lib/grading/learning-flow';
import { hasAttempted, ScenarioError, submitScenarioAttempt } from '@/lib/scenarios/attempts';

// The user always comes from the session, never from the form. The grader validates the
// answer itself; here we only turn form strings into the scenario's answer shape.

const formSchema = z.object({
  scenarioId: contentIdSchema,
  decision: z.string().max(2000).default(''),
  justification: z.string().default(''),
  prediction: z.string().max(120).optional(),
  simulatorRunId: z.string().max(64).optional(),
});

const field = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === 'string' && value !== '' ? value : undefined;
};

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
  formData: FormData,
): Promise<SubmitAttemptState> {
  const parsed = formSchema.safeParse({
    scenarioId: field(formData, 'scenarioId'),
    decision: field(formData, 'decision'),
    justification: formData.get('justification') ?? undefined,
    prediction: field(formData, 'prediction'),
    simulatorRunId: field(formData, 'simulatorRunId'),
  });
  if (!parsed.success) {
    const scenarioIssue = parsed.error.issues.some((issue) => issue.path[0] === 'scenarioId');
    return {
      ok: false,
      message: scenarioIssue ? 'Unknown scenario.' : 'Check the highlighted fields.',
      fieldErrors: z.flattenError(parsed.error).fieldErrors,
    };
  }
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: 'Sign in to submit an answer.' };
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
    const result = await submitScenarioAttempt({
      userId: user.id,
      scenarioId: scenario.id,
      answer: {
        decision,
        justification: parsed.data.justification,
        prediction: parsed.data.prediction,
      },
      simulatorRunId: parsed.data.simulatorRunId ?? null,
    });
    if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors };
    // A first weak attempt gets hints and a retry; the model answer is not sent until then.
    const reveal = shouldRevealModelAnswer(result.result, result.attemptNumber);
    return {
      ok: true,
      attemptId: result.attempt.id,
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
