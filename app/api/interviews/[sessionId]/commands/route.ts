import { errorResponse, readJsonBody } from '@/lib/interviews/http';
import { runCommandAsCurrentUser } from '@/lib/interviews/sessions';

// One command to a session (JSON with an idempotency key). Validation and authorization live in
// lib/interviews; the response carries the last sequence number written.
export const dynamic = 'force-dynamic';

export async function POST(
  request: Request,
  { params }: { params: Promise<{ sessionId: string }> },
) {
  const { sessionId } = await params;
  try {
    const input = await readJsonBody(request);
    const result = await runCommandAsCurrentUser({ sessionId, input });
    return Response.json(result, { status: result.duplicate ? 200 : 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
