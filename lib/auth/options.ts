import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { authenticate } from '@/lib/auth/accounts';
import { authSecret } from '@/lib/auth/secret';
import { env } from '@/lib/env';
import { db } from '@/lib/db';
import { createSession, getSessionUser, revokeSession, SESSION_POLICY } from '@/lib/auth/sessions';
import { clientIpFrom } from '@/lib/security/request-client';

function headerOf(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = headers?.[name];
  return typeof value === 'string' ? value : undefined;
}

// Without NEXTAUTH_URL, derive the origin from the request's Host header, so the app works
// on whatever address it is served (localhost:3000, 127.0.0.1 in tests, a LAN name).
// Set NEXTAUTH_URL in production to pin it.
if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= 'true';

const oidcProfileSchema = z.object({
  sub: z.string(),
  email: z.email(),
  name: z.string().optional(),
});

function oidcProvider(): NextAuthOptions['providers'] {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_NAME } = env();
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET) return [];
  return [
    {
      id: 'oidc',
      name: OIDC_NAME,
      type: 'oauth',
      wellKnown: `${OIDC_ISSUER.replace(/\/$/, '')}/.well-known/openid-configuration`,
      clientId: OIDC_CLIENT_ID,
      clientSecret: OIDC_CLIENT_SECRET,
      authorization: { params: { scope: 'openid email profile' } },
      idToken: true,
      checks: ['pkce', 'state'],
      profile(profile: unknown) {
        const p = oidcProfileSchema.parse(profile);
        return { id: p.sub, email: p.email.toLowerCase(), name: p.name ?? p.email };
      },
    },
  ];
}

/** True when an OIDC provider is configured (the sign-in page shows its button). */
export function isOidcEnabled(): boolean {
  return oidcProvider().length > 0;
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(env().NEXTAUTH_SECRET),
  // The cookie lives as long as its session row; both roll forward while the user is active.
  session: { strategy: 'jwt', maxAge: SESSION_POLICY.maxAgeMs / 1000 },
  pages: { signIn: '/sign-in', error: '/sign-in' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      async authorize(credentials, req) {
        const headers = req?.headers as Record<string, unknown> | undefined;
        const result = await authenticate(credentials, {
          ip: clientIpFrom((name) => headerOf(headers, name)),
        });
        // next-auth passes a thrown message to the client as `error`.
        if (!result.ok) throw new Error(result.message);
        return { ...result.user, userAgent: headerOf(headers, 'user-agent') };
      },
    }),
    ...oidcProvider(),
  ],
  callbacks: {
    async signIn({ user, account }) {
      if (account?.provider !== 'oidc') return true;
      // OIDC accounts are linked by verified email; a first sign-in creates the user.
      const email = user.email?.toLowerCase();
      if (!email) return false;
      await db.user.upsert({
        where: { email },
        create: { email, name: user.name ?? email },
        update: {},
        select: { id: true },
      });
      return true;
    },
    async jwt({ token, user, account }) {
      if (user) {
        // A sign-in: open a session row and put its id in the token.
        const row =
          account?.provider === 'oidc' && user.email
            ? await db.user.findUnique({
                where: { email: user.email.toLowerCase() },
                select: { id: true, name: true, email: true },
              })
            : { id: user.id, name: user.name ?? '', email: user.email ?? '' };
        if (!row) return {};
        const userAgent = 'userAgent' in user ? String(user.userAgent ?? '') : '';
        const sid = await createSession({ userId: row.id, userAgent });
        return { uid: row.id, sid, name: row.name, email: row.email };
      }
      // Every later read (/api/auth/session) re-checks the row: a revoked session empties
      // the token, so the browser's header shows it signed out too.
      if (typeof token.uid !== 'string' || typeof token.sid !== 'string') return {};
      const live = await getSessionUser({ sessionId: token.sid, userId: token.uid });
      return live ? { ...token, name: live.name, email: live.email } : {};
    },
    async session({ session, token }) {
      if (typeof token.uid !== 'string') return { expires: session.expires };
      if (session.user) Object.assign(session.user, { id: token.uid });
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === 'string') await revokeSession({ sessionId: token.sid });
    },
  },
};
