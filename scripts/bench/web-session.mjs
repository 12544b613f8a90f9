// Shared by bench:web and profile:web: wait for the app's health check, and sign the seeded demo
// account in through next-auth's credentials callback (returns the session cookie header).

export const DEMO = { email: 'demo@meshdojo.dev', password: 'mesh-dojo-demo-1' };

/** Polls `${base}/api/health` for up to a minute. */
export async function waitForServer(base) {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('server did not start');
}

/** Signs the demo account in; returns the `next-auth.session-token=…` cookie. */
export async function signInDemo(base) {
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = await csrfResponse.json();
  const csrfCookie = csrfResponse.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, ...DEMO, json: 'true' }),
  });
  const session = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('next-auth.session-token='));
  if (!session) throw new Error('demo sign-in failed');
  return session;
}
