import { getCurrentUser } from '@/lib/auth/session';
import { exportHistoryCsv } from '@/lib/flashcards/export';
import { exportResponse, unauthorized } from '@/lib/flashcards/export-response';

export const dynamic = 'force-dynamic';

export async function GET() {
  const user = await getCurrentUser();
  if (!user) return unauthorized();
  return exportResponse(
    await exportHistoryCsv({ userId: user.id }),
    'text/csv',
    'mesh-dojo-review-history.csv',
  );
}
