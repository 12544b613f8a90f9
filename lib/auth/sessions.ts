import 'server-only';
import { db } from '@/lib/db';

/*
 * Server-side session rows. The JWT cookie only names a row (`sid`); deleting the row
 * revokes that browser at once, whatever the cookie says. Lifetime rolls: each use more
 * than SESSION_POLICY.touchEveryMs after the last one extends it to maxAgeMs from now.
 */
export const SESSION_POLICY = {
  maxAgeMs: 7 * 24 * 60 * 60_000,
  touchEveryMs: 60 * 60_000,
  maxPerUser: 20,
} as const;

export type SessionSummary = {
  id: string;
  userAgent: string;
  createdAt: Date;
  lastSeenAt: Date;
};

/** Opens a session row for a successful sign-in; the oldest beyond maxPerUser are dropped. */
export async function createSession({
  userId,
  userAgent,
  now = new Date(),
}: {
  userId: string;
  userAgent?: string;
  now?: Date;
}): Promise<string> {
  const row = await db.userSession.create({
    data: {
      userId,
      userAgent: (userAgent ?? '').slice(0, 200),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_POLICY.maxAgeMs),
    },
    select: { id: true },
  });
  const extra = await db.userSession.findMany({
    where: { userId },
    orderBy: { lastSeenAt: 'desc' },
    skip: SESSION_POLICY.maxPerUser,
    select: { id: true },
  });
  if (extra.length)
    await db.userSession.deleteMany({ where: { id: { in: extra.map((s) => s.id) } } });
  return row.id;
}

/**
 * The user of a live session (and rolls its lifetime), or null when the row is gone,
 * expired or belongs to someone else.
 */
export async function getSessionUser({
  sessionId,
  userId,
  now = new Date(),
}: {
  sessionId: string;
  userId: string;
  now?: Date;
}): Promise<{ id: string; email: string; name: string } | null> {
  const row = await db.userSession.findUnique({
    where: { id: sessionId },
    select: {
      userId: true,
      expiresAt: true,
      lastSeenAt: true,
      user: { select: { id: true, email: true, name: true } },
    },
  });
  if (!row || row.userId !== userId || row.expiresAt.getTime() <= now.getTime()) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > SESSION_POLICY.touchEveryMs) {
    await db.userSession.updateMany({
      where: { id: sessionId },
      data: { lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_POLICY.maxAgeMs) },
    });
  }
  return row.user;
}

/** The user's live sessions, most recent first. */
export async function listSessions({
  userId,
  now = new Date(),
}: {
  userId: string;
  now?: Date;
}): Promise<SessionSummary[]> {
  return db.userSession.findMany({
    where: { userId, expiresAt: { gt: now } },
    orderBy: { lastSeenAt: 'desc' },
    select: { id: true, userAgent: true, createdAt: true, lastSeenAt: true },
  });
}

/** Ends one session (sign-out). */
export async function revokeSession({ sessionId }: { sessionId: string }): Promise<void> {
  await db.userSession.deleteMany({ where: { id: sessionId } });
}

/** Ends every session of a user ("sign out everywhere", password change, reset). */
export async function revokeAllSessions({ userId }: { userId: string }): Promise<number> {
  const { count } = await db.userSession.deleteMany({ where: { userId } });
  return count;
}
