import 'server-only';
import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { authOptions } from '@/lib/auth/options';
import { db } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/session-user';

export type { SessionUser } from '@/lib/auth/session-user';

const sessionSchema = z.object({ user: z.object({ id: z.string().min(1) }) });

/**
 * The signed-in user, or null. Re-reads the user row so a deleted account's JWT stops
 * working immediately. Cached per request.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const parsed = sessionSchema.safeParse(await getServerSession(authOptions));
  if (!parsed.success) return null;
  return db.user.findUnique({
    where: { id: parsed.data.user.id },
    select: { id: true, email: true, name: true },
  });
});

/** The signed-in user; redirects to /sign-in otherwise. Use in every protected page and action. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in');
  return user;
}
