import { exportResponse, unauthorized } from '@/lib/flashcards/export-response';
import { getCurrentUser } from '@/lib/auth/session';
import { TeamError } from '@/lib/teams/access';
import { exportReadinessCsv } from '@/lib/teams/progress';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ teamId: string }> }) {
  if (!(await getCurrentUser())) return unauthorized();
  const { teamId } = await params;
  const at = new URL(request.url).searchParams.get('at') === 'due' ? 'due' : 'today';
  try {
    return exportResponse(
      await exportReadinessCsv({ teamId, at }),
      'text/csv',
      'team-readiness.csv',
    );
  } catch (error) {
    if (error instanceof TeamError)
      return Response.json(
        { error: error.message },
        { status: error.code === 'forbidden' ? 403 : 404 },
      );
    throw error;
  }
}
