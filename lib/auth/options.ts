import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { authenticate } from '@/lib/auth/accounts';
import { authSecret } from '@/lib/auth/secret';
import { env } from '@/lib/env';
import { db } from '@/lib/db';

// Without NEXTAUTH_URL, derive the origin from the request's Host header, so the app works
// on whatever address it is served (localhost:3000, 127.0.0.1 in tests, a LAN name).
// Set NEXTAUTH_URL in production to pin it.
if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= 'true';

function clientIp(headers: Record<string, unknown> | undefined): string | null {
  const forwarded = headers?.['x-forwarded-for'];
  if (typeof forwarded !== 'string') return null;
  const hops = forwarded
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  // Behind a trusted proxy the first hop is the client. Otherwise only the last hop (added
  // by the server in front of us) is not client-controlled; the per-email limit still holds
  // when a client spoofs the header.
  return (env().AUTH_TRUST_PROXY === '1' ? hops[0] : hops.at(-1)) ?? null;
}

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
  session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: '/sign-in', error: '/sign-in' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      async authorize(credentials, req) {
        const result = await authenticate(credentials, { ip: clientIp(req?.headers) });
        // next-auth passes a thrown message to the client as `error`.
        if (!result.ok) throw new Error(result.message);
        return result.user;
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
      if (user && account?.provider === 'oidc' && user.email) {
        const row = await db.user.findUnique({
          where: { email: user.email.toLowerCase() },
          select: { id: true, name: true, email: true },
        });
        if (row) Object.assign(token, { uid: row.id, name: row.name, email: row.email });
      } else if (user) {
        Object.assign(token, { uid: user.id, name: user.name, email: user.email });
      }
      return token;
    },
    async session({ session, token }) {
      if (session.user && typeof token.uid === 'string') {
        Object.assign(session.user, { id: token.uid });
      }
      return session;
    },
  },
};
