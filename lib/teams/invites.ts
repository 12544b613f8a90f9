import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { DAY_MS } from '@/lib/srs/time';
import {
  MANAGING_ROLES,
  TeamError,
  hashToken,
  newToken,
  requireSignedIn,
  requireTeamRole,
  type TeamRole,
} from './access';
import { addMemberRows } from './teams';

export const MAX_INVITE_DAYS = 30;
export const MAX_INVITE_USES = 100;
export const MAX_OPEN_INVITES = 50;

export const linkInviteInputSchema = z.object({
  role: z.enum(['manager', 'member']).default('member'),
  expiresInDays: z.coerce
    .number()
    .int()
    .min(1, { error: 'At least 1 day.' })
    .max(MAX_INVITE_DAYS, { error: `At most ${MAX_INVITE_DAYS} days.` }),
  maxUses: z.coerce
    .number()
    .int()
    .min(1, { error: 'At least 1 use.' })
    .max(MAX_INVITE_USES, { error: `At most ${MAX_INVITE_USES} uses.` }),
});
export const emailInviteInputSchema = z.object({
  role: z.enum(['manager', 'member']).default('member'),
  email: z
    .email({ error: 'Enter an email address.' })
    .max(254)
    .transform((e) => e.toLowerCase()),
  expiresInDays: z.coerce.number().int().min(1).max(MAX_INVITE_DAYS).default(14),
});

export type InviteDto = {
  id: string;
  email: string | null;
  role: TeamRole;
  expiresAt: Date;
  maxUses: number;
  uses: number;
  status: InviteStatus;
  createdAt: Date;
};
export type InviteStatus = 'open' | 'expired' | 'used-up' | 'revoked' | 'declined';

type InviteRow = {
  id: string;
  teamId: string;
  email: string | null;
  role: string;
  expiresAt: Date;
  maxUses: number;
  uses: number;
  revokedAt: Date | null;
  declinedAt: Date | null;
  createdAt: Date;
};
const INVITE_SELECT = {
  id: true,
  teamId: true,
  email: true,
  role: true,
  expiresAt: true,
  maxUses: true,
  uses: true,
  revokedAt: true,
  declinedAt: true,
  createdAt: true,
} as const;

function inviteStatus(row: InviteRow, now: Date): InviteStatus {
  if (row.revokedAt) return 'revoked';
  if (row.declinedAt) return 'declined';
  if (row.uses >= row.maxUses) return 'used-up';
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'open';
}

const inviteRole = (role: string): TeamRole => (role === 'manager' ? 'manager' : 'member');

async function guardCreate(teamId: string, role: TeamRole) {
  const membership = await requireTeamRole(teamId, MANAGING_ROLES);
  if (role === 'manager' && membership.role !== 'owner')
    throw new TeamError('forbidden', 'Only the owner can invite managers.');
  const open = await db.teamInvite.count({
    where: { teamId, revokedAt: null, expiresAt: { gt: new Date() } },
  });
  if (open >= MAX_OPEN_INVITES)
    throw new TeamError(
      'limit',
      `At most ${MAX_OPEN_INVITES} open invitations; revoke some first.`,
    );
  return membership;
}

/** Managers: a shareable join link that expires and has a use limit. The token is returned once. */
export async function createLinkInvite(args: {
  teamId: string;
  role?: string;
  expiresInDays: unknown;
  maxUses: unknown;
  now?: Date;
}): Promise<{ inviteId: string; token: string }> {
  const parsed = linkInviteInputSchema.safeParse(args);
  if (!parsed.success)
    throw new TeamError('invalid', parsed.error.issues[0]?.message ?? 'Invalid invitation.');
  const membership = await guardCreate(args.teamId, parsed.data.role);
  const now = args.now ?? new Date();
  const { token, hash } = newToken();
  const invite = await db.teamInvite.create({
    data: {
      teamId: args.teamId,
      tokenHash: hash,
      role: parsed.data.role,
      expiresAt: new Date(now.getTime() + parsed.data.expiresInDays * DAY_MS),
      maxUses: parsed.data.maxUses,
      createdById: membership.user.id,
    },
    select: { id: true },
  });
  return { inviteId: invite.id, token };
}

/** Managers: an invitation for one email address (one use). The token is for the emailed link. */
export async function createEmailInvite(args: {
  teamId: string;
  email: unknown;
  role?: string;
  expiresInDays?: unknown;
  now?: Date;
}): Promise<{ inviteId: string; token: string; email: string; teamName: string }> {
  const parsed = emailInviteInputSchema.safeParse(args);
  if (!parsed.success)
    throw new TeamError('invalid', parsed.error.issues[0]?.message ?? 'Invalid invitation.');
  const membership = await guardCreate(args.teamId, parsed.data.role);
  const member = await db.teamMember.findFirst({
    where: { teamId: args.teamId, user: { email: parsed.data.email } },
    select: { id: true },
  });
  if (member) throw new TeamError('already-member', 'That person is already in the team.');
  const now = args.now ?? new Date();
  const { token, hash } = newToken();
  const invite = await db.teamInvite.create({
    data: {
      teamId: args.teamId,
      tokenHash: hash,
      email: parsed.data.email,
      role: parsed.data.role,
      expiresAt: new Date(now.getTime() + parsed.data.expiresInDays * DAY_MS),
      maxUses: 1,
      createdById: membership.user.id,
    },
    select: { id: true, team: { select: { name: true } } },
  });
  return { inviteId: invite.id, token, email: parsed.data.email, teamName: invite.team.name };
}

/** Managers: the team's invitations, newest first. */
export async function listInvites({
  teamId,
  now = new Date(),
}: {
  teamId: string;
  now?: Date;
}): Promise<InviteDto[]> {
  await requireTeamRole(teamId, MANAGING_ROLES);
  const rows = await db.teamInvite.findMany({
    where: { teamId },
    orderBy: { createdAt: 'desc' },
    take: 100,
    select: INVITE_SELECT,
  });
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    role: inviteRole(row.role),
    expiresAt: row.expiresAt,
    maxUses: row.maxUses,
    uses: row.uses,
    status: inviteStatus(row, now),
    createdAt: row.createdAt,
  }));
}

/** Managers: revokes an invitation of their team. */
export async function revokeInvite({
  teamId,
  inviteId,
}: {
  teamId: string;
  inviteId: string;
}): Promise<void> {
  await requireTeamRole(teamId, MANAGING_ROLES);
  const updated = await db.teamInvite.updateMany({
    where: { id: inviteId, teamId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (updated.count === 0) throw new TeamError('not-found', 'Invitation not found.');
}

export type InvitePreview = {
  teamName: string;
  role: TeamRole;
  expiresAt: Date;
  status: InviteStatus | 'wrong-email' | 'already-member';
};

async function findByToken(
  token: string,
): Promise<(InviteRow & { team: { name: string } }) | null> {
  if (typeof token !== 'string' || token.length < 20 || token.length > 100) return null;
  return db.teamInvite.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { ...INVITE_SELECT, team: { select: { name: true } } },
  });
}

async function checkInvite(
  row: InviteRow,
  user: { id: string; email: string },
  now: Date,
): Promise<InvitePreview['status']> {
  const status = inviteStatus(row, now);
  if (status !== 'open') return status;
  if (row.email && row.email !== user.email.toLowerCase()) return 'wrong-email';
  const member = await db.teamMember.findUnique({
    where: { teamId_userId: { teamId: row.teamId, userId: user.id } },
    select: { id: true },
  });
  return member ? 'already-member' : 'open';
}

/** What a join link offers the signed-in user; null for an unknown token. */
export async function getInvitePreview({
  token,
  now = new Date(),
}: {
  token: string;
  now?: Date;
}): Promise<InvitePreview | null> {
  const user = await requireSignedIn();
  const row = await findByToken(token);
  if (!row) return null;
  return {
    teamName: row.team.name,
    role: inviteRole(row.role),
    expiresAt: row.expiresAt,
    status: await checkInvite(row, user, now),
  };
}

const STATUS_ERRORS: Record<
  Exclude<InvitePreview['status'], 'open'>,
  [TeamError['code'], string]
> = {
  expired: ['invite-expired', 'This invitation has expired. Ask for a new one.'],
  'used-up': ['invite-used-up', 'This invitation has been used the maximum number of times.'],
  revoked: ['invite-revoked', 'This invitation was withdrawn.'],
  declined: ['invite-revoked', 'This invitation was declined.'],
  'wrong-email': ['invite-wrong-email', 'This invitation is for a different email address.'],
  'already-member': ['already-member', 'You are already in this team.'],
};

function statusError(status: Exclude<InvitePreview['status'], 'open'>): TeamError {
  const [code, message] = STATUS_ERRORS[status];
  return new TeamError(code, message);
}

async function accept(row: InviteRow, now: Date): Promise<{ teamId: string }> {
  const user = await requireSignedIn();
  const status = await checkInvite(row, user, now);
  if (status !== 'open') throw statusError(status);
  await db.$transaction(async (tx) => {
    // The conditional increment is the use-limit guard: two people racing for the last use
    // cannot both pass it.
    const claimed = await tx.teamInvite.updateMany({
      where: {
        id: row.id,
        revokedAt: null,
        declinedAt: null,
        expiresAt: { gt: now },
        uses: { lt: row.maxUses },
      },
      data: { uses: { increment: 1 } },
    });
    if (claimed.count === 0) throw statusError('used-up');
    await addMemberRows(tx, { teamId: row.teamId, userId: user.id, role: inviteRole(row.role) });
  });
  return { teamId: row.teamId };
}

/** Joins the team of a link or email invitation. */
export async function acceptInvite({
  token,
  now = new Date(),
}: {
  token: string;
  now?: Date;
}): Promise<{ teamId: string }> {
  await requireSignedIn();
  const row = await findByToken(token);
  if (!row) throw new TeamError('not-found', 'Invitation not found.');
  return accept(row, now);
}

/** Email invitations addressed to the signed-in user that are still open. */
export async function listMyInvites({ now = new Date() }: { now?: Date } = {}): Promise<
  Array<{ id: string; teamName: string; role: TeamRole; expiresAt: Date }>
> {
  const user = await requireSignedIn();
  const rows = await db.teamInvite.findMany({
    where: {
      email: user.email.toLowerCase(),
      revokedAt: null,
      declinedAt: null,
      expiresAt: { gt: now },
    },
    orderBy: { createdAt: 'desc' },
    take: 50,
    select: { ...INVITE_SELECT, team: { select: { name: true } } },
  });
  const open: Array<{ id: string; teamName: string; role: TeamRole; expiresAt: Date }> = [];
  for (const row of rows) {
    if ((await checkInvite(row, user, now)) === 'open')
      open.push({
        id: row.id,
        teamName: row.team.name,
        role: inviteRole(row.role),
        expiresAt: row.expiresAt,
      });
  }
  return open;
}

async function ownEmailInvite(inviteId: string) {
  const user = await requireSignedIn();
  const row = await db.teamInvite.findUnique({ where: { id: inviteId }, select: INVITE_SELECT });
  if (!row || !row.email || row.email !== user.email.toLowerCase())
    throw new TeamError('not-found', 'Invitation not found.');
  return row;
}

/** Accepts an email invitation addressed to the signed-in user. */
export async function acceptEmailInvite({
  inviteId,
  now = new Date(),
}: {
  inviteId: string;
  now?: Date;
}): Promise<{ teamId: string }> {
  return accept(await ownEmailInvite(inviteId), now);
}

/** Declines an email invitation addressed to the signed-in user (it cannot be used afterwards). */
export async function declineEmailInvite({ inviteId }: { inviteId: string }): Promise<void> {
  const row = await ownEmailInvite(inviteId);
  await db.teamInvite.update({
    where: { id: row.id },
    data: { declinedAt: new Date() },
    select: { id: true },
  });
}

/** Declines via the link: email invitations for you are marked declined; a shared link is simply not used. */
export async function declineInvite({ token }: { token: string }): Promise<void> {
  const user = await requireSignedIn();
  const row = await findByToken(token);
  if (!row) throw new TeamError('not-found', 'Invitation not found.');
  if (row.email && row.email === user.email.toLowerCase() && !row.declinedAt)
    await db.teamInvite.update({
      where: { id: row.id },
      data: { declinedAt: new Date() },
      select: { id: true },
    });
}
