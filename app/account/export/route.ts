import { exportAccountData } from '@/lib/auth/account';
import { getCurrentUser } from '@/lib/auth/session';

/** GET /account/export: everything stored about the signed-in user, as a JSON download. */
export async function GET() {
  const user = await getCurrentUser();
  if (!user) return new Response('Sign in to download your data.\n', { status: 401 });
  const data = await exportAccountData({ userId: user.id });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="mesh-dojo-account-${day}.json"`,
      'cache-control': 'no-store',
    },
  });
}
