import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import {
  MAX_TRACK_ITEMS,
  trackItemInputSchema,
  trackItemsSchema,
  type TrackItem,
} from '@/lib/tracks/schema';
import { MANAGING_ROLES, TeamError, newItemId, requireTeamRole } from './access';
import { getTrackTemplate, scenarioExists } from './content';
import { notifyAssigned } from './notify';

export const MAX_TRACKS_PER_TEAM = 50;

const titleSchema = z
  .string()
  .trim()
  .min(1, { error: 'Enter a title.' })
  .max(120, { error: 'Keep the title under 120 characters.' });
const descriptionSchema = z
  .string()
  .trim()
  .max(1000, { error: 'Keep the description under 1000 characters.' });

export type TrackSummary = {
  id: string;
  title: string;
  description: string;
  templateId: string | null;
  itemCount: number;
  assignedToTeam: boolean;
  assignedUserIds: string[];
};
export type TrackDetail = TrackSummary & { items: TrackItem[]; updatedAt: Date };

/** Parses Track.items; a corrupt column reads as no items rather than crashing a page. */
export function parseTrackItems(raw: string): TrackItem[] {
  try {
    const parsed = trackItemsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

const TRACK_SELECT = {
  id: true,
  title: true,
  description: true,
  templateId: true,
  items: true,
  updatedAt: true,
  assignments: { select: { userId: true } },
} as const;

type TrackRow = {
  id: string;
  title: string;
  description: string;
  templateId: string | null;
  items: string;
  updatedAt: Date;
  assignments: Array<{ userId: string | null }>;
};

function toDetail(row: TrackRow): TrackDetail {
  const items = parseTrackItems(row.items);
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    templateId: row.templateId,
    itemCount: items.length,
    items,
    updatedAt: row.updatedAt,
    assignedToTeam: row.assignments.some((a) => a.userId === null),
    assignedUserIds: row.assignments.flatMap((a) => (a.userId ? [a.userId] : [])),
  };
}

/** Managers: the team's tracks. */
export async function listTracks({ teamId }: { teamId: string }): Promise<TrackSummary[]> {
  await requireTeamRole(teamId, MANAGING_ROLES);
  const rows = await db.track.findMany({
    where: { teamId },
    orderBy: { createdAt: 'asc' },
    select: TRACK_SELECT,
  });
  return rows.map((row) => {
    const { items: _items, updatedAt: _u, ...summary } = toDetail(row);
    return summary;
  });
}

/** Managers: one track with its items and assignments. */
export async function getTrack({
  teamId,
  trackId,
}: {
  teamId: string;
  trackId: string;
}): Promise<TrackDetail> {
  await requireTeamRole(teamId, MANAGING_ROLES);
  const row = await db.track.findFirst({ where: { id: trackId, teamId }, select: TRACK_SELECT });
  if (!row) throw new TeamError('not-found', 'Track not found.');
  return toDetail(row);
}

/** Managers: a new track, empty or copied from a template (the copy is then the team's own). */
export async function createTrack(args: {
  teamId: string;
  title?: string;
  description?: string;
  templateId?: string | null;
}): Promise<{ trackId: string }> {
  await requireTeamRole(args.teamId, MANAGING_ROLES);
  const count = await db.track.count({ where: { teamId: args.teamId } });
  if (count >= MAX_TRACKS_PER_TEAM)
    throw new TeamError('limit', `A team has at most ${MAX_TRACKS_PER_TEAM} tracks.`);
  const template = args.templateId ? await getTrackTemplate(args.templateId) : null;
  if (args.templateId && !template) throw new TeamError('invalid', 'Unknown track template.');
  const title = titleSchema.safeParse(args.title ?? template?.title ?? '');
  if (!title.success)
    throw new TeamError('invalid', title.error.issues[0]?.message ?? 'Invalid title.');
  const description = descriptionSchema.safeParse(args.description ?? template?.summary ?? '');
  if (!description.success)
    throw new TeamError('invalid', description.error.issues[0]?.message ?? 'Invalid description.');
  const items = template ? template.items.map((item) => ({ ...item, id: newItemId() })) : [];
  const track = await db.track.create({
    data: {
      teamId: args.teamId,
      title: title.data,
      description: description.data,
      templateId: template?.id ?? null,
      items: JSON.stringify(items),
    },
    select: { id: true },
  });
  return { trackId: track.id };
}

/** Managers: renames a track or changes its description. */
export async function updateTrackDetails(args: {
  teamId: string;
  trackId: string;
  title: unknown;
  description: unknown;
}): Promise<void> {
  await requireTeamRole(args.teamId, MANAGING_ROLES);
  const title = titleSchema.safeParse(args.title);
  if (!title.success)
    throw new TeamError('invalid', title.error.issues[0]?.message ?? 'Invalid title.');
  const description = descriptionSchema.safeParse(args.description ?? '');
  if (!description.success)
    throw new TeamError('invalid', description.error.issues[0]?.message ?? 'Invalid description.');
  const updated = await db.track.updateMany({
    where: { id: args.trackId, teamId: args.teamId },
    data: { title: title.data, description: description.data },
  });
  if (updated.count === 0) throw new TeamError('not-found', 'Track not found.');
}

/** Managers: deletes a track and its assignments. */
export async function deleteTrack({
  teamId,
  trackId,
}: {
  teamId: string;
  trackId: string;
}): Promise<void> {
  await requireTeamRole(teamId, MANAGING_ROLES);
  const deleted = await db.track.deleteMany({ where: { id: trackId, teamId } });
  if (deleted.count === 0) throw new TeamError('not-found', 'Track not found.');
}

// Read-modify-write of the items column, guarded by updatedAt so two editors cannot silently
// overwrite each other.
async function editItems(
  teamId: string,
  trackId: string,
  edit: (items: TrackItem[]) => TrackItem[],
): Promise<void> {
  await requireTeamRole(teamId, MANAGING_ROLES);
  const row = await db.track.findFirst({
    where: { id: trackId, teamId },
    select: { items: true, updatedAt: true },
  });
  if (!row) throw new TeamError('not-found', 'Track not found.');
  const next = edit(parseTrackItems(row.items));
  if (next.length > MAX_TRACK_ITEMS)
    throw new TeamError('limit', `A track has at most ${MAX_TRACK_ITEMS} items.`);
  const checked = trackItemsSchema.safeParse(next);
  if (!checked.success) throw new TeamError('invalid', 'That change would make the track invalid.');
  const updated = await db.track.updateMany({
    where: { id: trackId, teamId, updatedAt: row.updatedAt },
    data: { items: JSON.stringify(checked.data) },
  });
  if (updated.count === 0)
    throw new TeamError(
      'invalid',
      'Someone else changed this track at the same time; reload and try again.',
    );
}

async function validateItem(input: unknown): Promise<z.infer<typeof trackItemInputSchema>> {
  const parsed = trackItemInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TeamError(
      'invalid',
      issue ? `${issue.path.join('.') || 'item'}: ${issue.message}` : 'Invalid item.',
    );
  }
  if (parsed.data.kind === 'scenario' && !(await scenarioExists(parsed.data.ref)))
    throw new TeamError('invalid', `Unknown scenario "${parsed.data.ref}".`);
  return parsed.data;
}

/** Managers: appends an item (validated: kind, reference, due date, threshold or pass score). */
export async function addTrackItem(args: {
  teamId: string;
  trackId: string;
  item: unknown;
}): Promise<{ itemId: string }> {
  const item = await validateItem(args.item);
  const id = newItemId();
  await editItems(args.teamId, args.trackId, (items) => [...items, { ...item, id } as TrackItem]);
  return { itemId: id };
}

/** Managers: replaces an item's settings, keeping its id and position. */
export async function updateTrackItem(args: {
  teamId: string;
  trackId: string;
  itemId: string;
  item: unknown;
}): Promise<void> {
  const item = await validateItem(args.item);
  await editItems(args.teamId, args.trackId, (items) => {
    if (!items.some((i) => i.id === args.itemId))
      throw new TeamError('not-found', 'Item not found.');
    return items.map((i) => (i.id === args.itemId ? ({ ...item, id: i.id } as TrackItem) : i));
  });
}

/** Managers: moves an item one place up or down. */
export async function moveTrackItem(args: {
  teamId: string;
  trackId: string;
  itemId: string;
  direction: 'up' | 'down';
}): Promise<void> {
  await editItems(args.teamId, args.trackId, (items) => {
    const index = items.findIndex((i) => i.id === args.itemId);
    if (index < 0) throw new TeamError('not-found', 'Item not found.');
    const target = args.direction === 'up' ? index - 1 : index + 1;
    if (target < 0 || target >= items.length) return items;
    const next = [...items];
    [next[index], next[target]] = [next[target]!, next[index]!];
    return next;
  });
}

/** Managers: removes an item. */
export async function removeTrackItem(args: {
  teamId: string;
  trackId: string;
  itemId: string;
}): Promise<void> {
  await editItems(args.teamId, args.trackId, (items) => {
    if (!items.some((i) => i.id === args.itemId))
      throw new TeamError('not-found', 'Item not found.');
    return items.filter((i) => i.id !== args.itemId);
  });
}

/**
 * Managers: assigns a track to the whole team (members who join later get it too) or to
 * chosen members of the team. Assigned people are notified.
 */
export async function assignTrack(args: {
  teamId: string;
  trackId: string;
  target: { type: 'team' } | { type: 'members'; userIds: readonly string[] };
}): Promise<void> {
  const membership = await requireTeamRole(args.teamId, MANAGING_ROLES);
  const track = await db.track.findFirst({
    where: { id: args.trackId, teamId: args.teamId },
    select: { id: true, title: true, team: { select: { name: true } } },
  });
  if (!track) throw new TeamError('not-found', 'Track not found.');
  await db.$transaction(async (tx) => {
    let notify: string[];
    if (args.target.type === 'team') {
      const existing = await tx.trackAssignment.findFirst({
        where: { trackId: track.id, userId: null },
        select: { id: true },
      });
      if (!existing)
        await tx.trackAssignment.create({
          data: {
            trackId: track.id,
            teamId: args.teamId,
            userId: null,
            assignedById: membership.user.id,
          },
          select: { id: true },
        });
      const members = await tx.teamMember.findMany({
        where: { teamId: args.teamId, role: 'member' },
        select: { userId: true },
      });
      notify = members.map((m) => m.userId);
    } else {
      const ids = [...new Set(args.target.userIds)].slice(0, 1000);
      const members = await tx.teamMember.findMany({
        where: { teamId: args.teamId, userId: { in: ids } },
        select: { userId: true },
      });
      if (members.length !== ids.length)
        throw new TeamError('invalid', 'Everyone you assign must be in this team.');
      for (const { userId } of members) {
        await tx.trackAssignment.upsert({
          where: { trackId_userId: { trackId: track.id, userId } },
          create: {
            trackId: track.id,
            teamId: args.teamId,
            userId,
            assignedById: membership.user.id,
          },
          update: {},
          select: { id: true },
        });
      }
      notify = members.map((m) => m.userId);
    }
    await notifyAssigned(tx, {
      userIds: notify,
      teamId: args.teamId,
      teamName: track.team.name,
      trackId: track.id,
      trackTitle: track.title,
    });
  });
}

/** Managers: withdraws the whole-team assignment (userId null) or one member's. */
export async function unassignTrack(args: {
  teamId: string;
  trackId: string;
  userId: string | null;
}): Promise<void> {
  await requireTeamRole(args.teamId, MANAGING_ROLES);
  const deleted = await db.trackAssignment.deleteMany({
    where: { trackId: args.trackId, teamId: args.teamId, userId: args.userId },
  });
  if (deleted.count === 0) throw new TeamError('not-found', 'Assignment not found.');
}
