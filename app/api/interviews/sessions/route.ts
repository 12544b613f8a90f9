import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/session';
import { contentIdSchema } from '@/lib/content/schemas';
import { errorResponse, readJsonBody } from '@/lib/interviews/http';
import { createLiveSession, createSoloSession, InterviewError } from '@/lib/interviews/sessions';

// Creates a session (solo or live). Pages use server actions for the same functions; this route
// serves scripts such as the live benchmark.
export const dynamic = 'force-dynamic';

const bodySchema = z.object({ templateId: contentIdSchema, mode: z.enum(['solo', 'live']) });

export async function POST(request: Request) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'Sign in to start an interview.' }, { status: 401 });
  try {
    const parsed = bodySchema.safeParse(await readJsonBody(request));
    if (!parsed.success)
      throw new InterviewError('invalid', 'Send { templateId, mode: "solo" | "live" }.');
    const { templateId, mode } = parsed.data;
    if (mode === 'solo')
      return Response.json(await createSoloSession({ userId: user.id, templateId }), {
        status: 201,
      });
    const live = await createLiveSession({ userId: user.id, templateId });
    return Response.json(
      {
        sessionId: live.sessionId,
        inviteToken: live.inviteToken,
        inviteExpiresAt: live.inviteExpiresAt.toISOString(),
      },
      { status: 201 },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
