import 'server-only';
import { cache } from 'react';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { db } from '@/lib/db';
import { SESSION_COOKIES, userIdFromSessionToken } from '@/lib/auth/session-token';
import type { SessionUser } from '@/lib/auth/session-user';

export type { SessionUser } from '@/lib/auth/session-user';

/**
 * The signed-in user, or null. Re-reads the user row so a deleted account's JWT stops
 * working immediately. Cached per request.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const jar = await cookies();
  const token = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  if (!token) return null;
  const userId = await userIdFromSessionToken(token);
  if (!userId) return null;
  return db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true },
  });
});

/** The signed-in user; redirects to /sign-in otherwise. Use in every protected page and action. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in');
  return user;
}
