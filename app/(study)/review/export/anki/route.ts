import { getCurrentUser } from '@/lib/auth/session';
import { exportAnkiDeck } from '@/lib/flashcards/export';
import { exportResponse, unauthorized } from '@/lib/flashcards/export-response';

export const dynamic = 'force-dynamic';

export async function GET() {
  const user = await getCurrentUser();
  if (!user) return unauthorized();
  return exportResponse(
    await exportAnkiDeck({ userId: user.id }),
    'text/tab-separated-values',
    'mesh-dojo-anki.txt',
  );
}
