import 'server-only';
import { LRUCache } from 'lru-cache';
import { db } from '@/lib/db';
import { invalidateUserData } from '@/lib/cache/user-data';
import { invalidatePages, noteUser } from '@/lib/cache/render-scope';
import {
  listenToOtherInstances,
  notifyOtherInstances,
  whenListening,
} from '@/lib/realtime/pg-notify';

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

/**
 * How long this process may trust a session row it read without reading it again. Revocation
 * in this process (sign-out, "sign out everywhere", password change or reset, account
 * deletion) drops the cached rows at once; a revocation made by another instance is seen here
 * within this time. docs/caching.md.
 */
export const SESSION_CACHE_TTL_MS = 5_000;

type CachedSession = {
  userId: string;
  expiresAt: Date;
  lastSeenAt: Date;
  user: { id: string; email: string; name: string };
};

// On globalThis so every bundle of this module (pages, actions, route handlers) shares it.
const globalForSessions = globalThis as unknown as {
  meshDojoSessions?: LRUCache<string, CachedSession>;
};

/**
 * PostgreSQL channel on which every instance announces revocations: `u:<userId>` (all of a
 * user's sessions, or the user's name changed) or `s:<sessionId>` (one session), each after the
 * sending instance's id.
 */
export const SESSION_CHANNEL = 'mesh_dojo_sessions';

function sessionCache(): LRUCache<string, CachedSession> {
  if (!globalForSessions.meshDojoSessions) {
    const created = new LRUCache<string, CachedSession>({
      max: 10_000,
      ttl: SESSION_CACHE_TTL_MS,
      // Wall-clock time, checked on every read (tests move the clock with fake timers).
      ttlResolution: 0,
      perf: { now: () => Date.now() },
    });
    globalForSessions.meshDojoSessions = created;
    // Another instance's revocation reaches this one as soon as its notification arrives; after
    // a (re)connect, when some may have been missed, every cached row is read again.
    listenToOtherInstances(SESSION_CHANNEL, {
      onMessage: (message) => {
        if (message.startsWith('u:')) dropUserSessions(created, message.slice(2));
        else if (message.startsWith('s:')) dropSession(created, message.slice(2));
      },
      onReconnect: () => {
        created.clear();
        invalidatePages(null);
      },
    });
  }
  return globalForSessions.meshDojoSessions;
}

/** Resolves once this process hears other instances' revocations (at once on SQLite). */
export function sessionsListening(): Promise<void> {
  sessionCache();
  return whenListening(SESSION_CHANNEL);
}

function dropUserSessions(cache: LRUCache<string, CachedSession>, userId: string): void {
  const mine = [...cache.entries()].filter(([, row]) => row.userId === userId);
  for (const [sessionId] of mine) cache.delete(sessionId);
  invalidatePages(userId);
}

/** Drops one cached session row, and the pages rendered for its user (all pages if unknown). */
function dropSession(cache: LRUCache<string, CachedSession>, sessionId: string): void {
  // peek: no recency bump, and a row past its TTL still names its user.
  const row = cache.peek(sessionId, { allowStale: true });
  cache.delete(sessionId);
  invalidatePages(row ? row.userId : null);
}

/** Drops one cached session row here and on every other instance. Never rejects. */
function forgetSession(sessionId: string): Promise<void> {
  dropSession(sessionCache(), sessionId);
  return notifyOtherInstances(SESSION_CHANNEL, `s:${sessionId}`);
}

/**
 * Forgets cached session rows of the user in this process and, on PostgreSQL, on every other
 * instance (revocation, rename, deletion).
 */
export function forgetUserSessions(userId: string): Promise<void> {
  dropUserSessions(sessionCache(), userId);
  return notifyOtherInstances(SESSION_CHANNEL, `u:${userId}`);
}

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
  if (extra.length) {
    await db.userSession.deleteMany({ where: { id: { in: extra.map((s) => s.id) } } });
    await Promise.all(extra.map(({ id }) => forgetSession(id)));
  }
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
  const cache = sessionCache();
  let row: CachedSession | null | undefined = cache.get(sessionId);
  if (!row) {
    row = await db.userSession.findUnique({
      where: { id: sessionId },
      select: {
        userId: true,
        expiresAt: true,
        lastSeenAt: true,
        user: { select: { id: true, email: true, name: true } },
      },
    });
    if (row) cache.set(sessionId, row);
  }
  if (!row || row.userId !== userId || row.expiresAt.getTime() <= now.getTime()) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > SESSION_POLICY.touchEveryMs) {
    const expiresAt = new Date(now.getTime() + SESSION_POLICY.maxAgeMs);
    const { count } = await db.userSession.updateMany({
      where: { id: sessionId },
      data: { lastSeenAt: now, expiresAt },
    });
    // Revoked meanwhile (by another instance): the row is gone, so is the session.
    if (count === 0) {
      cache.delete(sessionId);
      return null;
    }
    cache.set(sessionId, { ...row, lastSeenAt: now, expiresAt });
  }
  // A page rendered for this session may be kept while this row may be (render-scope.ts).
  noteUser(
    row.userId,
    Math.min(row.expiresAt.getTime(), Date.now() + cache.getRemainingTTL(sessionId)),
  );
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
  await forgetSession(sessionId);
}

/** Ends every session of a user ("sign out everywhere", password change, reset). */
export async function revokeAllSessions({ userId }: { userId: string }): Promise<number> {
  const { count } = await db.userSession.deleteMany({ where: { userId } });
  await forgetUserSessions(userId);
  return count;
}

/** Forgets everything any instance caches about a deleted or renamed user. Never rejects. */
export async function forgetUser(userId: string): Promise<void> {
  await Promise.all([forgetUserSessions(userId), invalidateUserData(userId)]);
}
