// Validation of a learner's attempt against the scenario's answer format. Pure (zod only).
import { z } from 'zod';
import type { GradableScenario } from './types';

/** Longest justification accepted, in characters. */
export const MAX_JUSTIFICATION_CHARS = 5000;

// C0 controls other than tab/newline/carriage return, DEL, and C1 controls.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Justification text rules shared by the grader and server actions. */
export const justificationSchema = z
  .string({ error: 'Write a justification.' })
  .refine((value) => !CONTROL_CHARS.test(value), {
    error: 'The justification contains control characters; remove them and try again.',
  })
  .refine((value) => value.trim().length > 0, {
    error: 'Write a justification: explain why you chose this decision.',
  })
  .refine((value) => value.length <= MAX_JUSTIFICATION_CHARS, {
    error: `Keep the justification under ${MAX_JUSTIFICATION_CHARS.toLocaleString('en-US')} characters.`,
  });

/** A validated attempt, narrowed to the scenario's answer type. */
export type ValidAttempt =
  | { type: 'choice'; decision: string; justification: string; prediction?: string | undefined }
  | { type: 'order'; decision: string[]; justification: string; prediction?: string | undefined }
  | { type: 'number'; decision: number; justification: string; prediction?: string | undefined };

/** Outcome of validation: a typed attempt or a message plus per-field errors. */
export type AttemptValidation =
  | { ok: true; attempt: ValidAttempt }
  | {
      ok: false;
      message: string;
      fieldErrors: Partial<Record<'decision' | 'justification' | 'prediction', string[]>>;
    };

function decisionSchemaFor(scenario: GradableScenario) {
  const spec = scenario.answer;
  if (spec.type === 'choice') {
    const ids = new Set(spec.options.map((option) => option.id));
    return z
      .string({ error: 'Choose one of the options.' })
      .refine((id) => ids.has(id), { error: 'Choose one of the listed options.' });
  }
  if (spec.type === 'order') {
    const ids = spec.items.map((item) => item.id);
    return z
      .array(z.string(), { error: 'Put the steps in order.' })
      .refine(
        (order) =>
          order.length === ids.length &&
          new Set(order).size === ids.length &&
          order.every((id) => ids.includes(id)),
        {
          error: `Order every step exactly once (${ids.length} steps).`,
        },
      );
  }
  return z
    .number({ error: `Enter a number (${spec.unit}).` })
    .refine((value) => Number.isFinite(value), { error: `Enter a finite number (${spec.unit}).` });
}

/** Validates an attempt; never throws. Messages are written for the learner. */
export function validateAttempt(scenario: GradableScenario, input: unknown): AttemptValidation {
  const predictionIds = new Set(
    scenario.simulator?.prediction?.options.map((option) => option.id) ?? [],
  );
  const schema = z.object({
    decision: decisionSchemaFor(scenario),
    justification: justificationSchema,
    prediction: z
      .string()
      .optional()
      .refine((id) => id === undefined || predictionIds.size === 0 || predictionIds.has(id), {
        error: 'Choose one of the prediction options.',
      }),
  });
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Partial<Record<'decision' | 'justification' | 'prediction', string[]>> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      const field =
        key === 'decision' || key === 'justification' || key === 'prediction' ? key : 'decision';
      (fieldErrors[field] ??= []).push(issue.message);
    }
    const first = parsed.error.issues[0]?.message ?? 'The answer is invalid.';
    return { ok: false, message: first, fieldErrors };
  }
  const { decision, justification, prediction } = parsed.data;
  const spec = scenario.answer;
  if (spec.type === 'choice' && typeof decision === 'string')
    return { ok: true, attempt: { type: 'choice', decision, justification, prediction } };
  if (spec.type === 'order' && Array.isArray(decision))
    return {
      ok: true,
      attempt: { type: 'order', decision: [...decision], justification, prediction },
    };
  if (spec.type === 'number' && typeof decision === 'number')
    return { ok: true, attempt: { type: 'number', decision, justification, prediction } };
  return {
    ok: false,
    message: 'The decision does not match this scenario’s answer format.',
    fieldErrors: { decision: ['Wrong answer format.'] },
  };
}
