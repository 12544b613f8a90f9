import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import {
  MANAGING_ROLES,
  TEAM_ROLES,
  TeamError,
  isManaging,
  newItemId,
  requireSignedIn,
  requireTeamRole,
  teamRoleSchema,
  type TeamRole,
} from './access';
import { getTrackTemplate } from './content';
import { notifyAssigned } from './notify';

export const MAX_TEAMS_PER_USER = 50;
export const MAX_MEMBERS_PER_TEAM = 500;

export const teamNameSchema = z
  .string({ error: 'Enter a team name.' })
  .trim()
  .min(1, { error: 'Enter a team name.' })
  .max(80, { error: 'Keep the name under 80 characters.' });

export type TeamSummary = {
  id: string;
  name: string;
  role: TeamRole;
  memberCount: number;
  joinedAt: Date;
};
export type TeamMemberDto = {
  userId: string;
  name: string;
  email: string;
  role: TeamRole;
  joinedAt: Date;
};
export type TeamOverview = { id: string; name: string; role: TeamRole; members: TeamMemberDto[] };

const parseRole = (role: string): TeamRole => teamRoleSchema.catch('member').parse(role);

/** Creates a team owned by the signed-in user; with a template, also its track assigned to the whole team. */
export async function createTeam({
  name,
  templateId,
}: {
  name: string;
  templateId?: string | null;
}): Promise<{ teamId: string; trackId: string | null }> {
  const user = await requireSignedIn();
  const parsedName = teamNameSchema.safeParse(name);
  if (!parsedName.success)
    throw new TeamError('invalid', parsedName.error.issues[0]?.message ?? 'Invalid name.');
  const template = templateId ? await getTrackTemplate(templateId) : null;
  if (templateId && !template) throw new TeamError('invalid', 'Unknown track template.');
  const count = await db.teamMember.count({ where: { userId: user.id } });
  if (count >= MAX_TEAMS_PER_USER)
    throw new TeamError('limit', `You can be in at most ${MAX_TEAMS_PER_USER} teams.`);
  return db.$transaction(async (tx) => {
    const team = await tx.team.create({ data: { name: parsedName.data }, select: { id: true } });
    await tx.teamMember.create({
      data: { teamId: team.id, userId: user.id, role: 'owner' },
      select: { id: true },
    });
    if (!template) return { teamId: team.id, trackId: null };
    const track = await tx.track.create({
      data: {
        teamId: team.id,
        title: template.title,
        description: template.summary,
        templateId: template.id,
        items: JSON.stringify(template.items.map((item) => ({ ...item, id: newItemId() }))),
      },
      select: { id: true },
    });
    await tx.trackAssignment.create({
      data: { trackId: track.id, teamId: team.id, userId: null, assignedById: user.id },
      select: { id: true },
    });
    return { teamId: team.id, trackId: track.id };
  });
}

/** Teams of the signed-in user. */
export async function listMyTeams(): Promise<TeamSummary[]> {
  const user = await requireSignedIn();
  const rows = await db.teamMember.findMany({
    where: { userId: user.id },
    orderBy: { joinedAt: 'asc' },
    select: {
      role: true,
      joinedAt: true,
      team: { select: { id: true, name: true, _count: { select: { members: true } } } },
    },
  });
  return rows.map((row) => ({
    id: row.team.id,
    name: row.team.name,
    role: parseRole(row.role),
    memberCount: row.team._count.members,
    joinedAt: row.joinedAt,
  }));
}

/** Team name, your role and the roster (any member; emails only for managers). */
export async function getTeamOverview({ teamId }: { teamId: string }): Promise<TeamOverview> {
  const membership = await requireTeamRole(teamId, TEAM_ROLES);
  const team = await db.team.findUnique({
    where: { id: teamId },
    select: {
      id: true,
      name: true,
      members: {
        orderBy: { joinedAt: 'asc' },
        select: {
          role: true,
          joinedAt: true,
          user: { select: { id: true, name: true, email: true } },
        },
      },
    },
  });
  if (!team) throw new TeamError('not-found', 'Team not found.');
  const showEmail = isManaging(membership.role);
  return {
    id: team.id,
    name: team.name,
    role: membership.role,
    members: team.members.map((m) => ({
      userId: m.user.id,
      name: m.user.name,
      email: showEmail || m.user.id === membership.user.id ? m.user.email : '',
      role: parseRole(m.role),
      joinedAt: m.joinedAt,
    })),
  };
}

/** Owner only: makes a member a manager or a manager a member. */
export async function changeMemberRole({
  teamId,
  userId,
  role,
}: {
  teamId: string;
  userId: string;
  role: 'manager' | 'member';
}): Promise<void> {
  const membership = await requireTeamRole(teamId, ['owner']);
  if (role !== 'manager' && role !== 'member')
    throw new TeamError('invalid', 'Role must be manager or member.');
  if (userId === membership.user.id)
    throw new TeamError('invalid', 'Transfer ownership to change your own role.');
  const updated = await db.teamMember.updateMany({
    where: { teamId, userId, role: { in: ['manager', 'member'] } },
    data: { role },
  });
  if (updated.count === 0) throw new TeamError('not-found', 'That person is not in this team.');
}

/**
 * Removes someone from the team: managers remove members, the owner removes anyone but
 * themselves. Their personal assignments go with them.
 */
export async function removeMember({
  teamId,
  userId,
}: {
  teamId: string;
  userId: string;
}): Promise<void> {
  const membership = await requireTeamRole(teamId, MANAGING_ROLES);
  if (userId === membership.user.id)
    throw new TeamError('invalid', 'Use "Leave team" to remove yourself.');
  const target = await db.teamMember.findUnique({
    where: { teamId_userId: { teamId, userId } },
    select: { role: true },
  });
  if (!target) throw new TeamError('not-found', 'That person is not in this team.');
  const role = parseRole(target.role);
  if (role === 'owner' || (role === 'manager' && membership.role !== 'owner'))
    throw new TeamError(
      'forbidden',
      'Only the owner can remove a manager, and nobody can remove the owner.',
    );
  await leaveRows(teamId, userId);
}

/** The signed-in user leaves; the owner must transfer ownership first. */
export async function leaveTeam({ teamId }: { teamId: string }): Promise<void> {
  const membership = await requireTeamRole(teamId, TEAM_ROLES);
  if (membership.role === 'owner')
    throw new TeamError('forbidden', 'Transfer ownership before leaving the team.');
  await leaveRows(teamId, membership.user.id);
}

async function leaveRows(teamId: string, userId: string): Promise<void> {
  // Deleting the membership is what ends every manager's access to this person's data.
  await db.$transaction(async (tx) => {
    await tx.trackAssignment.deleteMany({ where: { teamId, userId } });
    await tx.notification.deleteMany({ where: { teamId, userId } });
    await tx.teamMember.delete({ where: { teamId_userId: { teamId, userId } } });
  });
}

/** Owner only: hands the team to another member, who becomes owner; the old owner becomes a manager. */
export async function transferOwnership({
  teamId,
  userId,
}: {
  teamId: string;
  userId: string;
}): Promise<void> {
  const membership = await requireTeamRole(teamId, ['owner']);
  if (userId === membership.user.id) throw new TeamError('invalid', 'You already own this team.');
  await db.$transaction(async (tx) => {
    const target = await tx.teamMember.updateMany({
      where: { teamId, userId },
      data: { role: 'owner' },
    });
    if (target.count === 0) throw new TeamError('not-found', 'That person is not in this team.');
    await tx.teamMember.update({
      where: { teamId_userId: { teamId, userId: membership.user.id } },
      data: { role: 'manager' },
    });
  });
}

/** Adds the user to the team (used by invitations) and notifies them of whole-team tracks. */
export async function addMemberRows(
  tx: Parameters<Parameters<typeof db.$transaction>[0]>[0],
  args: { teamId: string; userId: string; role: TeamRole },
): Promise<void> {
  const count = await tx.teamMember.count({ where: { teamId: args.teamId } });
  if (count >= MAX_MEMBERS_PER_TEAM)
    throw new TeamError('limit', `A team has at most ${MAX_MEMBERS_PER_TEAM} members.`);
  await tx.teamMember.create({ data: args, select: { id: true } });
  if (args.role !== 'member') return;
  const team = await tx.team.findUnique({ where: { id: args.teamId }, select: { name: true } });
  const assignments = await tx.trackAssignment.findMany({
    where: { teamId: args.teamId, userId: null },
    select: { track: { select: { id: true, title: true } } },
  });
  for (const { track } of assignments) {
    await notifyAssigned(tx, {
      userIds: [args.userId],
      teamId: args.teamId,
      teamName: team?.name ?? 'your team',
      trackId: track.id,
      trackTitle: track.title,
    });
  }
}
