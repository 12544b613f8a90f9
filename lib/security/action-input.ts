import { z } from 'zod';

/*
 * One way to read a server action's argument. A server action is a public POST endpoint:
 * anyone can call it with any serialisable value, not only the FormData the page sends.
 * These helpers turn "not a FormData", missing fields, files where text was expected and
 * schema failures into a form error, never a thrown TypeError (a 500).
 */

export type FieldErrors = Record<string, string[]>;

export type ActionParse<T> =
  { ok: true; data: T } | { ok: false; message: string; fieldErrors: FieldErrors };

export const INVALID_REQUEST = 'That request was not valid. Reload the page and try again.';

function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string') (errors[field] ??= []).push(issue.message);
  }
  return errors;
}

/**
 * Reads the schema's fields from a FormData argument (text values only; a file or a
 * missing field becomes `undefined`) and validates them. Anything that is not a FormData
 * is rejected with INVALID_REQUEST.
 */
export function parseActionForm<S extends z.ZodObject>(
  schema: S,
  input: unknown,
  message = 'Please fix the highlighted fields.',
): ActionParse<z.infer<S>> {
  if (!(input instanceof FormData)) return { ok: false, message: INVALID_REQUEST, fieldErrors: {} };
  const raw: Record<string, string | undefined> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = input.get(key);
    raw[key] = typeof value === 'string' ? value : undefined;
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, message, fieldErrors: fieldErrorsOf(parsed.error) };
}

/** Validates a non-FormData action argument (a plain object sent by a client component). */
export function parseActionInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  message = INVALID_REQUEST,
): ActionParse<z.infer<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, message, fieldErrors: fieldErrorsOf(parsed.error) };
}

/** An idempotency key sent with a form: a client-generated UUID or similar token. */
export const idempotencyKeyFieldSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'Invalid request key.');
