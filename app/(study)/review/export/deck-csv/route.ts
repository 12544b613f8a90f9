import { getCurrentUser } from '@/lib/auth/session';
import { exportDeckCsv } from '@/lib/flashcards/export';
import { exportResponse, unauthorized } from '@/lib/flashcards/export-response';

export const dynamic = 'force-dynamic';

export async function GET() {
  const user = await getCurrentUser();
  if (!user) return unauthorized();
  return exportResponse(await exportDeckCsv({ userId: user.id }), 'text/csv', 'mesh-dojo-deck.csv');
}
