/**
 * next-auth's session cookie names: the `__Secure-` variant when it was set over HTTPS. No
 * `server-only`: the proxy and the production front door (scripts/server.ts) read it too.
 */
export const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

/** Whether a raw `Cookie` header carries a session cookie (by name; its value is not checked). */
export function hasSessionCookie(header: string): boolean {
  return header.split(';').some((part) => {
    const name = part.split('=', 1)[0]?.trim() ?? '';
    return SESSION_COOKIES.includes(name);
  });
}
