import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { SessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';

// Every lib/teams function starts here: the signed-in user and their role in the team are
// read from the database on each call (a page-level check does not protect server actions).

export const TEAM_ROLES = ['owner', 'manager', 'member'] as const;
export const teamRoleSchema = z.enum(TEAM_ROLES);
export type TeamRole = z.infer<typeof teamRoleSchema>;
export const MANAGING_ROLES: readonly TeamRole[] = ['owner', 'manager'];

export type TeamErrorCode =
  | 'unauthenticated'
  | 'not-found'
  | 'forbidden'
  | 'invalid'
  | 'invite-expired'
  | 'invite-used-up'
  | 'invite-revoked'
  | 'invite-wrong-email'
  | 'already-member'
  | 'limit';

export class TeamError extends Error {
  readonly code: TeamErrorCode;
  constructor(code: TeamErrorCode, message: string) {
    super(message);
    this.name = 'TeamError';
    this.code = code;
  }
}

// Scripts (benchmark, jobs) have no HTTP session; they act as a user through this.
const actingUser = new AsyncLocalStorage<SessionUser>();

/**
 * Runs `work` as `user` for code with no request (benchmarks, CLI jobs). Never call it from a
 * route or action: those must take the user from the session.
 */
export function runAsUser<T>(user: SessionUser, work: () => Promise<T>): Promise<T> {
  return actingUser.run(user, work);
}

export async function requireSignedIn(): Promise<SessionUser> {
  // Loaded lazily so scripts that act through runAsUser never load next-auth and Next's
  // request APIs (they cannot run outside a request).
  const user =
    actingUser.getStore() ?? (await (await import('@/lib/auth/session')).getCurrentUser());
  if (!user) throw new TeamError('unauthenticated', 'Sign in first.');
  return user;
}

export type Membership = { user: SessionUser; teamId: string; role: TeamRole; joinedAt: Date };

/**
 * The signed-in user's membership of `teamId` with one of `roles`. Non-members get
 * "not-found" (a team's existence is not revealed); members without the role get "forbidden".
 */
export async function requireTeamRole(
  teamId: string,
  roles: readonly TeamRole[],
): Promise<Membership> {
  const user = await requireSignedIn();
  const row = await db.teamMember.findUnique({
    where: { teamId_userId: { teamId, userId: user.id } },
    select: { role: true, joinedAt: true },
  });
  if (!row) throw new TeamError('not-found', 'Team not found.');
  const role = teamRoleSchema.catch('member').parse(row.role);
  if (!roles.includes(role))
    throw new TeamError('forbidden', 'Your role in this team does not allow that.');
  return { user, teamId, role, joinedAt: row.joinedAt };
}

export const isManaging = (role: TeamRole) => MANAGING_ROLES.includes(role);

/** A URL-safe random token (256 bits) and the SHA-256 hex that is stored instead of it. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A short id for track items (unique within a track). */
export function newItemId(): string {
  return randomBytes(6).toString('hex');
}
