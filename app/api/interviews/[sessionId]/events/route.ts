import { getCurrentUser } from '@/lib/auth/session';
import { errorResponse } from '@/lib/interviews/http';
import { openSessionStream, streamLimiter } from '@/lib/interviews/live-stream';
import { getStreamAccess } from '@/lib/interviews/sessions';
import { parseLastEventId, SSE_HEADERS } from '@/lib/realtime/sse';

// Server-Sent Events for one interview session. Resumes after the Last-Event-ID header (sent by
// EventSource on reconnect) or `?after=`; the stream stops when the client goes away.
export const dynamic = 'force-dynamic';

export async function GET(
  request: Request,
  { params }: { params: Promise<{ sessionId: string }> },
) {
  const { sessionId } = await params;
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'Sign in to follow this session.' }, { status: 401 });
  let access: Awaited<ReturnType<typeof getStreamAccess>>;
  try {
    access = await getStreamAccess({ sessionId, userId: user.id });
  } catch (error) {
    return errorResponse(error);
  }
  const release = streamLimiter().tryAcquire(user.id);
  if (!release)
    return Response.json(
      { error: 'Too many open live connections; close another tab.' },
      { status: 429, headers: { 'Retry-After': '5' } },
    );
  const afterSeq = parseLastEventId(
    request.headers.get('last-event-id') ?? new URL(request.url).searchParams.get('after'),
  );
  const body = openSessionStream({
    sessionId,
    mode: access.mode,
    role: access.role,
    afterSeq,
    signal: request.signal,
    release,
  });
  return new Response(body, { headers: SSE_HEADERS });
}
