import 'server-only';
import { InterviewError, STATUS_OF } from './sessions';

// Shared pieces of the interview route handlers: bounded JSON bodies and error responses.

/** Largest JSON body a command may have (a justification is at most 5,000 characters). */
export const MAX_BODY_BYTES = 32 * 1024;

/** Reads a JSON body of at most MAX_BODY_BYTES; throws an InterviewError (400/413) otherwise. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw new InterviewError('invalid', 'Request body too large.');
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw new InterviewError('invalid', 'Request body too large.');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new InterviewError('invalid', 'The body must be JSON.');
  }
}

/** A JSON error response for known errors; unknown errors are logged and become a plain 500-free 503. */
export function errorResponse(error: unknown): Response {
  if (error instanceof InterviewError)
    return Response.json(
      { error: error.message, code: error.code },
      { status: STATUS_OF[error.code] },
    );
  console.error(error);
  return Response.json(
    { error: 'The server could not handle this request; try again.' },
    { status: 503 },
  );
}
