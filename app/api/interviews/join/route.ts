import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/session';
import { errorResponse, readJsonBody } from '@/lib/interviews/http';
import { InterviewError, joinWithInvite } from '@/lib/interviews/sessions';

// Claims an invite token for the signed-in user (single candidate per invite).
export const dynamic = 'force-dynamic';

const bodySchema = z.object({ token: z.string().min(1).max(200) });

export async function POST(request: Request) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'Sign in to join.' }, { status: 401 });
  try {
    const parsed = bodySchema.safeParse(await readJsonBody(request));
    if (!parsed.success) throw new InterviewError('invalid', 'Send { token }.');
    return Response.json(await joinWithInvite({ userId: user.id, token: parsed.data.token }));
  } catch (error) {
    return errorResponse(error);
  }
}
