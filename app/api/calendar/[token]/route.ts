import { calendarForToken } from '@/lib/teams/calendar';

export const dynamic = 'force-dynamic';

// Calendar apps fetch this without cookies: the unguessable token in the URL is the credential.
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const url = new URL(request.url);
  const body = await calendarForToken({ token: token.replace(/\.ics$/, ''), baseUrl: url.origin });
  if (body === null)
    return new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Cache-Control': 'private, no-store',
      'Content-Disposition': 'inline; filename="mesh-dojo.ics"',
    },
  });
}
