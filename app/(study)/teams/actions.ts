'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { env } from '@/lib/env';
import { INVALID_REQUEST } from '@/lib/security/action-input';
import type { TeamActionState } from '@/components/teams/action-state';
import { TeamError } from '@/lib/teams/access';
import { createCalendarFeed } from '@/lib/teams/calendar';
import {
  acceptEmailInvite,
  acceptInvite,
  createEmailInvite,
  createLinkInvite,
  declineEmailInvite,
  declineInvite,
  revokeInvite,
} from '@/lib/teams/invites';
import { sendInviteEmail } from '@/lib/teams/mail';
import { markNotificationsRead } from '@/lib/teams/notifications';
import {
  changeMemberRole,
  createTeam,
  leaveTeam,
  removeMember,
  transferOwnership,
} from '@/lib/teams/teams';
import {
  addTrackItem,
  assignTrack,
  createTrack,
  deleteTrack,
  moveTrackItem,
  removeTrackItem,
  unassignTrack,
  updateTrackDetails,
  updateTrackItem,
} from '@/lib/teams/tracks';

// Thin adapters: parse the form with zod, call lib/teams (which checks the user's role on
// every call), report the outcome. The user always comes from the session.

const id = z.string().trim().min(1).max(64);
// Actions can be called with any argument (a crafted request, not our forms): anything that is
// not a FormData reads as empty fields, which the schemas then reject with a form error.
const text = (formData: unknown, name: string) => {
  const value = formData instanceof FormData ? formData.get(name) : null;
  return typeof value === 'string' ? value : undefined;
};
const texts = (formData: unknown, name: string) =>
  formData instanceof FormData
    ? formData.getAll(name).filter((v): v is string => typeof v === 'string')
    : [];

async function run(
  work: () => Promise<string | TeamActionState>,
  revalidate?: string,
): Promise<TeamActionState> {
  try {
    const result = await work();
    if (revalidate) revalidatePath(revalidate, 'layout');
    return typeof result === 'string' ? { ok: true, message: result } : result;
  } catch (error) {
    if (error instanceof TeamError) return { ok: false, message: error.message };
    if (error instanceof z.ZodError)
      return { ok: false, message: error.issues[0]?.message ?? 'Check the form.' };
    console.error(error);
    return { ok: false, message: 'Something went wrong. Please try again.' };
  }
}

async function origin(): Promise<string> {
  // The configured public URL when there is one: links sent by email must not follow a Host header.
  const configured = env().NEXTAUTH_URL;
  if (configured) return configured.replace(/\/$/, '');
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? '127.0.0.1:3000';
  const proto =
    h.get('x-forwarded-proto') ??
    (host.startsWith('127.0.0.1') || host.startsWith('localhost') ? 'http' : 'https');
  return `${proto}://${host}`;
}

const createTeamSchema = z.object({
  name: z.string({ error: 'Enter a team name.' }),
  templateId: z.string().max(80).optional(),
});

export async function createTeamAction(
  _previous: TeamActionState,
  formData: unknown,
): Promise<TeamActionState> {
  const parsed = createTeamSchema.safeParse({
    name: text(formData, 'name'),
    templateId: text(formData, 'templateId') || undefined,
  });
  if (!parsed.success) return { ok: false, message: 'Enter a team name.' };
  let teamId: string | null = null;
  const state = await run(async () => {
    ({ teamId } = await createTeam(parsed.data));
    return 'Team created.';
  });
  if (teamId) redirect(`/teams/${teamId}`);
  return state;
}

const inviteIdSchema = z.object({ inviteId: id });

export async function acceptEmailInviteAction(
  _previous: TeamActionState,
  formData: unknown,
): Promise<TeamActionState> {
  const parsed = inviteIdSchema.safeParse({ inviteId: text(formData, 'inviteId') });
  if (!parsed.success) return { ok: false, message: 'Invitation not found.' };
  let teamId: string | null = null;
  const state = await run(async () => {
    ({ teamId } = await acceptEmailInvite(parsed.data));
    return 'Joined.';
  });
  if (teamId) redirect(`/teams/${teamId}`);
  return state;
}

export async function declineEmailInviteAction(
  _previous: TeamActionState,
  formData: unknown,
): Promise<TeamActionState> {
  const parsed = inviteIdSchema.safeParse({ inviteId: text(formData, 'inviteId') });
  if (!parsed.success) return { ok: false, message: 'Invitation not found.' };
  return run(async () => {
    await declineEmailInvite(parsed.data);
    return 'Invitation declined.';
  }, '/teams');
}

const tokenSchema = z.object({ token: z.string().min(20).max(100) });

export async function acceptInviteAction(
  _previous: TeamActionState,
  formData: unknown,
): Promise<TeamActionState> {
  const parsed = tokenSchema.safeParse({ token: text(formData, 'token') });
  if (!parsed.success) return { ok: false, message: 'Invitation not found.' };
  let teamId: string | null = null;
  const state = await run(async () => {
    ({ teamId } = await acceptInvite(parsed.data));
    return 'Joined.';
  });
  if (teamId) redirect(`/teams/${teamId}`);
  return state;
}

export async function declineInviteAction(
  _previous: TeamActionState,
  formData: unknown,
): Promise<TeamActionState> {
  const parsed = tokenSchema.safeParse({ token: text(formData, 'token') });
  if (!parsed.success) return { ok: false, message: 'Invitation not found.' };
  const state = await run(async () => {
    await declineInvite(parsed.data);
    return 'Declined.';
  });
  if (state?.ok) redirect('/teams');
  return state;
}

const teamIdSchema = z.object({ teamId: id });

export async function createLinkInviteAction(
  _previous: TeamActionState,
  formData: unknown,
): Promise<TeamActionState> {
  const parsed = teamIdSchema.safeParse({ teamId: text(formData, 'teamId') });
  if (!parsed.success) return { ok: false, message: 'Team not found.' };
  return run(async () => {
    const { token } = await createLinkInvite({
      teamId: parsed.data.teamId,
      role: text(formData, 'role'),
      expiresInDays: text(formData, 'expiresInDays'),
      maxUses: text(formData, 'maxUses'),
    });
    return {
      ok: true,
      message: 'Invitation link created. Copy it now: it is not shown again.',
      link: `${await origin()}/teams/join/${token}`,
    };
  }, `/teams/${parsed.data.teamId}`);
}

export async function createEmailInviteAction(
  _previous: TeamActionState,
  formData: unknown,
): Promise<TeamActionState> {
  const parsed = teamIdSchema.safeParse({ teamId: text(formData, 'teamId') });
  if (!parsed.success) return { ok: false, message: 'Team not found.' };
  return run(async () => {
    const invite = await createEmailInvite({
      teamId: parsed.data.teamId,
      email: text(formData, 'email'),
      role: text(formData, 'role'),
    });
    const link = `${await origin()}/teams/join/${invite.token}`;
    const sent = await sendInviteEmail({ to: invite.email, teamName: invite.teamName, link });
    return {
      ok: true,
      message: sent
        ? `Invitation emailed to ${invite.email}. They also see it on their Teams page.`
        : `Invitation created for ${invite.email}: they see it on their Teams page after signing in with that address (email is not configured, so send them the link).`,
      link,
    };
  }, `/teams/${parsed.data.teamId}`);
}

export async function revokeInviteAction(
  _previous: TeamActionState,
  formData: unknown,
): Promise<TeamActionState> {
  const parsed = z
    .object({ teamId: id, inviteId: id })
    .safeParse({ teamId: text(formData, 'teamId'), inviteId: text(formData, 'inviteId') });
  if (!parsed.success) return { ok: false, message: 'Invitation not found.' };
  return run(async () => {
    await revokeInvite(parsed.data);
    return 'Invitation revoked.';
  }, `/teams/${parsed.data.teamId}`);
}

const memberSchema = z.object({ teamId: id, userId: id });

export async function changeRoleAction(
  _previous: TeamActionState,
  formData: unknown,
): Promise<TeamActionState> {
  const parsed = memberSchema.extend({ role: z.enum(['manager', 'member']) }).safeParse({
    teamId: text(formData, 'teamId'),
    userId: text(formData, 'userId'),
    role: text(formData, 'role'),
  });
  if (!parsed.success) return { ok: false, message: 'Choose manager or member.' };
  return run(async () => {
    await changeMemberRole(parsed.data);
    return 'Role changed.';
  }, `/teams/${parsed.data.teamId}`);
}

export async function removeMemberAction(
  _previous: TeamActionState,
  formData: unknown,
): Promise<TeamActionState> {
  const parsed = memberSchema.safeParse({
    teamId: text(formData, 'teamId'),
    userId: text(formData, 'userId'),
  });
  if (!parsed.success) return { ok: false, message: 'Member not found.' };
  return run(async () => {
    await removeMember(parsed.data);
    return 'Removed from the team.';
  }, `/teams/${parsed.data.teamId}`);
}

export async function transferOwnershipAction(
  _previous: TeamActionState,
  formData: unknown,
): Promise<TeamActionState> {
  const parsed = memberSchema.safeParse({
    teamId: text(formData, 'teamId'),
    userId: text(formData, 'userId'),
  });
  if (!parsed.success) return { ok: false, message: 'Member not found.' };
  return run(async () => {
    await transferOwnership(parsed.data);
    return 'Ownership transferred.';
  }, `/teams/${parsed.data.teamId}`);
}

export async function leaveTeamAction(
  _previous: TeamActionState,
  formData: unknown,
): Promise<TeamActionState> {
  const parsed = teamIdSchema.safeParse({ teamId: text(formData, 'teamId') });
  if (!parsed.success) return { ok: false, message: 'Team not found.' };
  const state = await run(async () => {
    await leaveTeam(parsed.data);
    return 'You left the team.';
  });
  if (state?.ok) redirect('/teams');
  return state;
}

export async function createTrackAction(
  _previous: TeamActionState,
  formData: unknown,
): Promise<TeamActionState> {
  const parsed = z
    .object({
      teamId: id,
      templateId: z.string().max(80).optional(),
      title: z.string().max(200).optional(),
    })
    .safeParse({
      teamId: text(formData, 'teamId'),
      templateId: text(formData, 'templateId') || undefined,
      title: text(formData, 'title') || undefined,
    });
  if (!parsed.success) return { ok: false, message: 'Check the form.' };
  if (!parsed.data.templateId && !parsed.data.title)
    return { ok: false, message: 'Enter a title or choose a template.' };
  let trackId: string | null = null;
  const state = await run(async () => {
    ({ trackId } = await createTrack(parsed.data));
    return 'Track created.';
  });
  if (trackId) redirect(`/teams/${parsed.data.teamId}/tracks/${trackId}`);
  return state;
}

const trackSchema = z.object({ teamId: id, trackId: id });
const trackFields = (formData: unknown) => ({
  teamId: text(formData, 'teamId'),
  trackId: text(formData, 'trackId'),
});
const trackPath = (t: { teamId: string; trackId: string }) =>
  `/teams/${t.teamId}/tracks/${t.trackId}`;

export async function updateTrackDetailsAction(
  _previous: TeamActionState,
  formData: unknown,
): Promise<TeamActionState> {
  const parsed = trackSchema.safeParse(trackFields(formData));
  if (!parsed.success) return { ok: false, message: 'Track not found.' };
  return run(async () => {
    await updateTrackDetails({
      ...parsed.data,
      title: text(formData, 'title'),
      description: text(formData, 'description') ?? '',
    });
    return 'Saved.';
  }, trackPath(parsed.data));
}

export async function deleteTrackAction(
  _previous: TeamActionState,
  formData: unknown,
): Promise<TeamActionState> {
  const parsed = trackSchema.safeParse(trackFields(formData));
  if (!parsed.success) return { ok: false, message: 'Track not found.' };
  const state = await run(async () => {
    await deleteTrack(parsed.data);
    return 'Deleted.';
  });
  if (state?.ok) redirect(`/teams/${parsed.data.teamId}/tracks`);
  return state;
}

const itemFormSchema = z.object({
  kind: z.string().max(40),
  ref: z.string().trim().max(80),
  due: z.string().max(40),
  required: z.string().optional(),
  title: z.string().trim().max(200).optional(),
  recallPercent: z.coerce.number({ error: 'Recall must be a number.' }).optional(),
  passScore: z.coerce.number({ error: 'Pass score must be a number.' }).optional(),
});

/** Form fields → the item shape lib/tracks validates (threshold entered as a percentage). */
function itemFromForm(formData: unknown): unknown {
  const parsed = itemFormSchema.parse({
    kind: text(formData, 'kind') ?? '',
    ref: text(formData, 'ref') ?? '',
    due: text(formData, 'due') ?? '',
    required: text(formData, 'required'),
    title: text(formData, 'title') || undefined,
    recallPercent: text(formData, 'recallPercent') || undefined,
    passScore: text(formData, 'passScore') || undefined,
  });
  const item: Record<string, unknown> = {
    kind: parsed.kind,
    ref: parsed.ref,
    due: parsed.due,
    required: parsed.required === 'on',
  };
  if (parsed.title) item.title = parsed.title;
  if (parsed.kind === 'flashcards' && parsed.recallPercent !== undefined)
    item.recallThreshold = parsed.recallPercent / 100;
  if (
    (parsed.kind === 'scenario' || parsed.kind === 'mock-interview') &&
    parsed.passScore !== undefined
  )
    item.passScore = parsed.passScore;
  return item;
}

export async function addTrackItemAction(
  _previous: TeamActionState,
  formData: unknown,
): Promise<TeamActionState> {
  const parsed = trackSchema.safeParse(trackFields(formData));
  if (!parsed.success) return { ok: false, message: 'Track not found.' };
  return run(async () => {
    await addTrackItem({ ...parsed.data, item: itemFromForm(formData) });
    return 'Item added.';
  }, trackPath(parsed.data));
}

export async function updateTrackItemAction(
  _previous: TeamActionState,
  formData: unknown,
): Promise<TeamActionState> {
  const parsed = trackSchema
    .extend({ itemId: id })
    .safeParse({ ...trackFields(formData), itemId: text(formData, 'itemId') });
  if (!parsed.success) return { ok: false, message: 'Item not found.' };
  return run(async () => {
    await updateTrackItem({ ...parsed.data, item: itemFromForm(formData) });
    return 'Item saved.';
  }, trackPath(parsed.data));
}

export async function moveTrackItemAction(
  _previous: TeamActionState,
  formData: unknown,
): Promise<TeamActionState> {
  const parsed = trackSchema.extend({ itemId: id, direction: z.enum(['up', 'down']) }).safeParse({
    ...trackFields(formData),
    itemId: text(formData, 'itemId'),
    direction: text(formData, 'direction'),
  });
  if (!parsed.success) return { ok: false, message: 'Item not found.' };
  return run(async () => {
    await moveTrackItem(parsed.data);
    return 'Moved.';
  }, trackPath(parsed.data));
}

export async function removeTrackItemAction(
  _previous: TeamActionState,
  formData: unknown,
): Promise<TeamActionState> {
  const parsed = trackSchema
    .extend({ itemId: id })
    .safeParse({ ...trackFields(formData), itemId: text(formData, 'itemId') });
  if (!parsed.success) return { ok: false, message: 'Item not found.' };
  return run(async () => {
    await removeTrackItem(parsed.data);
    return 'Removed.';
  }, trackPath(parsed.data));
}

export async function assignTrackAction(
  _previous: TeamActionState,
  formData: unknown,
): Promise<TeamActionState> {
  const parsed = trackSchema
    .extend({ target: z.enum(['team', 'members']), userIds: z.array(id).max(1000) })
    .safeParse({
      ...trackFields(formData),
      target: text(formData, 'target'),
      userIds: texts(formData, 'userIds'),
    });
  if (!parsed.success) return { ok: false, message: 'Choose the whole team or some members.' };
  if (parsed.data.target === 'members' && parsed.data.userIds.length === 0)
    return { ok: false, message: 'Choose at least one member.' };
  return run(async () => {
    await assignTrack({
      teamId: parsed.data.teamId,
      trackId: parsed.data.trackId,
      target:
        parsed.data.target === 'team'
          ? { type: 'team' }
          : { type: 'members', userIds: parsed.data.userIds },
    });
    return 'Assigned.';
  }, trackPath(parsed.data));
}

export async function unassignTrackAction(
  _previous: TeamActionState,
  formData: unknown,
): Promise<TeamActionState> {
  const parsed = trackSchema
    .extend({ userId: z.string().max(64) })
    .safeParse({ ...trackFields(formData), userId: text(formData, 'userId') ?? '' });
  if (!parsed.success) return { ok: false, message: 'Assignment not found.' };
  return run(async () => {
    await unassignTrack({
      ...parsed.data,
      userId: parsed.data.userId === '' ? null : parsed.data.userId,
    });
    return 'Assignment withdrawn.';
  }, trackPath(parsed.data));
}

export async function createCalendarFeedAction(
  _previous: TeamActionState,
  formData: unknown,
): Promise<TeamActionState> {
  // No fields, but our form always posts one: any other argument is not from our page.
  if (!(formData instanceof FormData)) return { ok: false, message: INVALID_REQUEST };
  return run(async () => {
    const { token } = await createCalendarFeed();
    return {
      ok: true,
      message:
        'Calendar feed created. Subscribe to this address in your calendar app; any older address stops working.',
      link: `${await origin()}/api/calendar/${token}`,
    };
  });
}

export async function markNotificationsReadAction(): Promise<TeamActionState> {
  return run(async () => {
    await markNotificationsRead();
    return 'Marked as read.';
  }, '/tracks');
}
