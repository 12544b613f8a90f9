import 'server-only';

/** A download response; `no-store` because the body is the user's private data. */
export function exportResponse(body: string, contentType: string, filename: string): Response {
  return new Response(body, {
    headers: {
      'Content-Type': `${contentType}; charset=utf-8`,
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}

/** 401 JSON for a signed-out request to a route handler. */
export function unauthorized(): Response {
  return Response.json({ error: 'Sign in to export your data.' }, { status: 401 });
}
