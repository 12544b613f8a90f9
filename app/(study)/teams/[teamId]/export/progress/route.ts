import { exportResponse, unauthorized } from '@/lib/flashcards/export-response';
import { getCurrentUser } from '@/lib/auth/session';
import { TeamError } from '@/lib/teams/access';
import { exportProgressCsv } from '@/lib/teams/progress';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ teamId: string }> }) {
  if (!(await getCurrentUser())) return unauthorized();
  const { teamId } = await params;
  try {
    return exportResponse(await exportProgressCsv({ teamId }), 'text/csv', 'team-progress.csv');
  } catch (error) {
    if (error instanceof TeamError)
      return Response.json(
        { error: error.message },
        { status: error.code === 'forbidden' ? 403 : 404 },
      );
    throw error;
  }
}
