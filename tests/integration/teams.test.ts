import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestUser, setupTestDatabase } from './helpers/test-db';
import { session } from './helpers/fake-session';

// Real SQLite, real content; only the session is faked.
vi.mock('@/lib/auth/session', () => import('./helpers/fake-session'));

type User = { id: string; email: string };
let cleanup: () => Promise<void>;
let db: typeof import('@/lib/db').db;
let teams: typeof import('@/lib/teams/teams');
let invites: typeof import('@/lib/teams/invites');
let tracks: typeof import('@/lib/teams/tracks');
let progress: typeof import('@/lib/teams/progress');
let calendar: typeof import('@/lib/teams/calendar');
let notifications: typeof import('@/lib/teams/notifications');
let owner: User, manager: User, member: User, outsider: User, otherOwner: User;
let teamId: string, otherTeamId: string, trackId: string, otherTrackId: string;

const as = (user: User | null) => {
  session.user = user ? { ...user, name: user.email.split('@')[0]! } : null;
};
const DAY = 86_400_000;

async function join(user: User, token: string) {
  as(user);
  return invites.acceptInvite({ token });
}

beforeAll(async () => {
  ({ cleanup } = await setupTestDatabase());
  ({ db } = await import('@/lib/db'));
  teams = await import('@/lib/teams/teams');
  invites = await import('@/lib/teams/invites');
  tracks = await import('@/lib/teams/tracks');
  progress = await import('@/lib/teams/progress');
  calendar = await import('@/lib/teams/calendar');
  notifications = await import('@/lib/teams/notifications');
  [owner, manager, member, outsider, otherOwner] = await Promise.all([
    createTestUser('owner@example.test'),
    createTestUser('manager@example.test'),
    createTestUser('member@example.test'),
    createTestUser('outsider@example.test'),
    createTestUser('other@example.test'),
  ]);
  as(owner);
  ({ teamId, trackId } = (await teams.createTeam({
    name: 'Platform',
    templateId: 'platform-mesh-onboarding',
  })) as { teamId: string; trackId: string });
  const managerLink = await invites.createLinkInvite({
    teamId,
    role: 'manager',
    expiresInDays: 7,
    maxUses: 1,
  });
  await join(manager, managerLink.token);
  as(owner);
  const memberLink = await invites.createLinkInvite({
    teamId,
    role: 'member',
    expiresInDays: 7,
    maxUses: 5,
  });
  await join(member, memberLink.token);
  as(otherOwner);
  ({ teamId: otherTeamId, trackId: otherTrackId } = (await teams.createTeam({
    name: 'Other',
    templateId: 'on-call-readiness',
  })) as { teamId: string; trackId: string });
});
afterAll(async () => cleanup());
beforeEach(() => as(null));

describe('authorization matrix', () => {
  // Every read and write, for each role. "deny" = throws TeamError (not-found or forbidden).
  type Case = {
    name: string;
    run: () => Promise<unknown>;
    allowed: Array<'owner' | 'manager' | 'member'>;
  };
  const cases: Case[] = [
    {
      name: 'getTeamOverview',
      run: () => teams.getTeamOverview({ teamId }),
      allowed: ['owner', 'manager', 'member'],
    },
    {
      name: 'getTeamDashboard',
      run: () => progress.getTeamDashboard({ teamId }),
      allowed: ['owner', 'manager', 'member'],
    },
    {
      name: 'getReadinessMatrix',
      run: () => progress.getReadinessMatrix({ teamId }),
      allowed: ['owner', 'manager', 'member'],
    },
    { name: 'listTracks', run: () => tracks.listTracks({ teamId }), allowed: ['owner', 'manager'] },
    {
      name: 'getTrack',
      run: () => tracks.getTrack({ teamId, trackId }),
      allowed: ['owner', 'manager'],
    },
    {
      name: 'listInvites',
      run: () => invites.listInvites({ teamId }),
      allowed: ['owner', 'manager'],
    },
    {
      name: 'createLinkInvite',
      run: () => invites.createLinkInvite({ teamId, expiresInDays: 1, maxUses: 1 }),
      allowed: ['owner', 'manager'],
    },
    {
      name: 'createEmailInvite',
      run: () => invites.createEmailInvite({ teamId, email: `x${Math.random()}@example.test` }),
      allowed: ['owner', 'manager'],
    },
    {
      name: 'createTrack',
      run: () => tracks.createTrack({ teamId, title: 'Scratch' }),
      allowed: ['owner', 'manager'],
    },
    {
      name: 'updateTrackDetails',
      run: () =>
        tracks.updateTrackDetails({
          teamId,
          trackId,
          title: 'Platform onboarding',
          description: '',
        }),
      allowed: ['owner', 'manager'],
    },
    {
      name: 'addTrackItem',
      run: () =>
        tracks.addTrackItem({
          teamId,
          trackId,
          item: { kind: 'lesson', ref: 'common-mistakes', required: false, due: 'week 3' },
        }),
      allowed: ['owner', 'manager'],
    },
    {
      name: 'assignTrack',
      run: () => tracks.assignTrack({ teamId, trackId, target: { type: 'team' } }),
      allowed: ['owner', 'manager'],
    },
    {
      name: 'exportProgressCsv',
      run: () => progress.exportProgressCsv({ teamId }),
      allowed: ['owner', 'manager'],
    },
    {
      name: 'exportReadinessCsv',
      run: () => progress.exportReadinessCsv({ teamId }),
      allowed: ['owner', 'manager'],
    },
    {
      name: 'getMemberEvidence(member)',
      run: () => progress.getMemberEvidence({ teamId, userId: member.id }),
      allowed: ['owner', 'manager', 'member'],
    },
    {
      name: 'getMemberEvidence(manager)',
      run: () => progress.getMemberEvidence({ teamId, userId: manager.id }),
      allowed: ['owner', 'manager'],
    },
    {
      name: 'changeMemberRole',
      run: () => teams.changeMemberRole({ teamId, userId: member.id, role: 'member' }),
      allowed: ['owner'],
    },
  ];
  const people = () => ({ owner, manager, member, outsider, otherOwner });

  for (const c of cases) {
    it(`${c.name}: allowed for ${c.allowed.join(', ')}; denied otherwise`, async () => {
      for (const [role, user] of Object.entries(people())) {
        as(user);
        const outcome = await c.run().then(
          () => 'ok',
          (error: unknown) =>
            error instanceof Error && error.name === 'TeamError' ? 'denied' : error,
        );
        const expected = (c.allowed as string[]).includes(role) ? 'ok' : 'denied';
        expect(outcome, `${c.name} as ${role}`).toBe(expected);
      }
    });
  }

  it('signed out: every read and write is denied', async () => {
    as(null);
    for (const c of cases)
      await expect(c.run(), c.name).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('nobody reaches another team through ids of their own team', async () => {
    as(owner);
    await expect(progress.getTeamDashboard({ teamId: otherTeamId })).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(progress.exportProgressCsv({ teamId: otherTeamId })).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(
      tracks.getTrack({ teamId: otherTeamId, trackId: otherTrackId }),
    ).rejects.toMatchObject({ code: 'not-found' });
    await expect(tracks.getTrack({ teamId, trackId: otherTrackId })).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(
      tracks.removeTrackItem({ teamId, trackId: otherTrackId, itemId: 'x' }),
    ).rejects.toMatchObject({ code: 'not-found' });
    await expect(
      progress.getMemberEvidence({ teamId, userId: otherOwner.id }),
    ).rejects.toMatchObject({ code: 'not-found' });
    await expect(
      tracks.assignTrack({
        teamId,
        trackId,
        target: { type: 'members', userIds: [otherOwner.id] },
      }),
    ).rejects.toMatchObject({ code: 'invalid' });
    const before = await db.track.findUniqueOrThrow({
      where: { id: otherTrackId },
      select: { items: true },
    });
    await expect(tracks.deleteTrack({ teamId, trackId: otherTrackId })).rejects.toMatchObject({
      code: 'not-found',
    });
    expect(
      (await db.track.findUniqueOrThrow({ where: { id: otherTrackId }, select: { items: true } }))
        .items,
    ).toBe(before.items);
  });

  it('members see only their own row and the aggregate; managers see everyone', async () => {
    as(member);
    const mine = await progress.getTeamDashboard({ teamId });
    expect(mine.view).toBe('member');
    expect(mine.tracks[0]!.rows.map((r) => r.userId)).toEqual([member.id]);
    expect(mine.tracks[0]!.learnerCount).toBe(1);
    const overview = await teams.getTeamOverview({ teamId });
    expect(overview.members.find((m) => m.userId === owner.id)?.email).toBe('');
    as(manager);
    const all = await progress.getTeamDashboard({ teamId });
    expect(all.view).toBe('manager');
    expect(all.tracks[0]!.rows.map((r) => r.userId)).toEqual([member.id]);
  });

  it('managers cannot invite managers, remove managers or the owner; only the owner transfers', async () => {
    as(manager);
    await expect(
      invites.createLinkInvite({ teamId, role: 'manager', expiresInDays: 1, maxUses: 1 }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(teams.removeMember({ teamId, userId: owner.id })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(teams.transferOwnership({ teamId, userId: manager.id })).rejects.toMatchObject({
      code: 'forbidden',
    });
    as(owner);
    await expect(teams.leaveTeam({ teamId })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('invitations', () => {
  it('expire, respect the use limit, and cannot be reused by a member', async () => {
    const now = new Date();
    as(owner);
    const link = await invites.createLinkInvite({
      teamId,
      expiresInDays: 1,
      maxUses: 1,
      now: new Date(now.getTime() - 2 * DAY),
    });
    as(outsider);
    expect((await invites.getInvitePreview({ token: link.token }))?.status).toBe('expired');
    await expect(invites.acceptInvite({ token: link.token })).rejects.toMatchObject({
      code: 'invite-expired',
    });

    as(owner);
    const once = await invites.createLinkInvite({ teamId, expiresInDays: 1, maxUses: 1 });
    const [a, b] = await Promise.all([createTestUser(), createTestUser()]);
    const results = await Promise.allSettled([join(a, once.token), join(b, once.token)]);
    // Both joins ran under one fake session, so check the rows instead of who won.
    expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThanOrEqual(1);
    const row = await db.teamInvite.findFirstOrThrow({
      where: { id: once.inviteId },
      select: { uses: true },
    });
    expect(row.uses).toBe(1);
    const third = await createTestUser();
    await expect(join(third, once.token)).rejects.toMatchObject({ code: 'invite-used-up' });
    await expect(join(member, once.token)).rejects.toMatchObject({
      code: expect.stringMatching(/already-member|invite-used-up/),
    });

    as(outsider);
    await expect(invites.acceptInvite({ token: 'x'.repeat(43) })).rejects.toMatchObject({
      code: 'not-found',
    });
    expect(await invites.getInvitePreview({ token: 'short' })).toBeNull();
  });

  it('stores only a hash of the token', async () => {
    as(owner);
    const link = await invites.createLinkInvite({ teamId, expiresInDays: 1, maxUses: 1 });
    const row = await db.teamInvite.findUniqueOrThrow({
      where: { id: link.inviteId },
      select: { tokenHash: true },
    });
    expect(row.tokenHash).not.toContain(link.token);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(link.token.length).toBeGreaterThanOrEqual(43);
  });

  it('email invitations: only the addressee accepts; decline makes it unusable; revoked links fail', async () => {
    as(owner);
    const invitee = await createTestUser('invitee@example.test');
    const email = await invites.createEmailInvite({ teamId, email: 'Invitee@Example.test' });
    as(outsider);
    await expect(invites.acceptInvite({ token: email.token })).rejects.toMatchObject({
      code: 'invite-wrong-email',
    });
    await expect(invites.acceptEmailInvite({ inviteId: email.inviteId })).rejects.toMatchObject({
      code: 'not-found',
    });
    as(invitee);
    expect((await invites.listMyInvites()).map((i) => i.id)).toEqual([email.inviteId]);
    await invites.declineEmailInvite({ inviteId: email.inviteId });
    expect(await invites.listMyInvites()).toEqual([]);
    await expect(invites.acceptInvite({ token: email.token })).rejects.toMatchObject({
      code: 'invite-revoked',
    });

    as(owner);
    const second = await invites.createEmailInvite({ teamId, email: 'invitee@example.test' });
    as(invitee);
    await invites.acceptEmailInvite({ inviteId: second.inviteId });
    expect((await teams.listMyTeams()).map((t) => t.id)).toContain(teamId);

    as(owner);
    const revoked = await invites.createLinkInvite({ teamId, expiresInDays: 3, maxUses: 3 });
    await invites.revokeInvite({ teamId, inviteId: revoked.inviteId });
    await expect(join(outsider, revoked.token)).rejects.toMatchObject({ code: 'invite-revoked' });
    as(invitee);
    await teams.leaveTeam({ teamId });
  });

  it('rejects bad input without writing', async () => {
    as(owner);
    const before = await db.teamInvite.count();
    await expect(
      invites.createLinkInvite({ teamId, expiresInDays: 0, maxUses: 1 }),
    ).rejects.toMatchObject({ code: 'invalid' });
    await expect(
      invites.createLinkInvite({ teamId, expiresInDays: 5, maxUses: 10_000 }),
    ).rejects.toMatchObject({ code: 'invalid' });
    await expect(
      invites.createEmailInvite({ teamId, email: 'not-an-email' }),
    ).rejects.toMatchObject({ code: 'invalid' });
    expect(await db.teamInvite.count()).toBe(before);
  });
});

describe('tracks, due dates and derived progress', () => {
  it('relative due dates count from the later of joining and assignment', async () => {
    as(member);
    const [mine] = await progress.listMyTracks();
    const membership = await db.teamMember.findFirstOrThrow({
      where: { teamId, userId: member.id },
      select: { joinedAt: true },
    });
    const startDay = Date.UTC(
      membership.joinedAt.getUTCFullYear(),
      membership.joinedAt.getUTCMonth(),
      membership.joinedAt.getUTCDate(),
    );
    const first = mine!.progress.items[0]!; // "day 1"
    expect(first.dueAt.getTime()).toBe(startDay + DAY);
    const week1 = mine!.progress.items.find((i) => i.kind === 'flashcards' && i.ref === 'mtls')!; // "week 1"
    expect(week1.dueAt.getTime()).toBe(startDay + 7 * DAY);
  });

  it('a lesson, a scenario and flashcards complete from existing rows, with no copy kept', async () => {
    as(member);
    const before = (await progress.listMyTracks())[0]!;
    expect(before.progress.requiredDone).toBe(0);
    const lessonAt = new Date();
    await db.lessonProgress.create({
      data: { userId: member.id, lessonId: 'why-service-mesh', completedAt: lessonAt },
    });
    await db.scenarioAttempt.create({
      data: {
        userId: member.id,
        scenarioId: 'justify-three-service-startup',
        decision: '"x"',
        justification: 'x',
        score: 40,
        maxScore: 100,
        feedback: '{}',
      },
    });
    let now = (await progress.listMyTracks())[0]!;
    expect(now.progress.items[0]).toMatchObject({ status: 'done', completedAt: lessonAt });
    expect(now.progress.items[1]).toMatchObject({ kind: 'scenario', score: 40 });
    expect(now.progress.items[1]!.status).not.toBe('done');
    await db.scenarioAttempt.create({
      data: {
        userId: member.id,
        scenarioId: 'justify-three-service-startup',
        decision: '"x"',
        justification: 'x',
        score: 85,
        maxScore: 100,
        feedback: '{}',
      },
    });
    // mTLS cards all reviewed just now with long stability: recall ≈ 1.
    const { loadDeck } = await import('@/lib/content/deck');
    const deck = await loadDeck();
    const reviewAt = new Date();
    for (const card of deck.cards.filter((c) => c.competency === 'mtls')) {
      await db.cardState.create({
        data: {
          userId: member.id,
          cardId: card.id,
          due: new Date(reviewAt.getTime() + 30 * DAY),
          stability: 60,
          difficulty: 5,
          elapsedDays: 0,
          scheduledDays: 30,
          learningSteps: 0,
          reps: 3,
          lapses: 0,
          state: 2,
          lastReview: reviewAt,
        },
      });
    }
    now = (await progress.listMyTracks())[0]!;
    expect(now.progress.items[1]).toMatchObject({ status: 'done', score: 85 });
    const mtls = now.progress.items.find((i) => i.kind === 'flashcards' && i.ref === 'mtls')!;
    expect(mtls.status).toBe('done');
    expect(mtls.score).toBeGreaterThanOrEqual(99);
    expect(now.progress.requiredDone).toBe(3);
    // 120 days later the same cards have decayed below 85 %: the item is no longer done.
    const later = (
      await progress.listMyTracks({ now: new Date(reviewAt.getTime() + 120 * DAY) })
    )[0]!;
    expect(
      later.progress.items.find((i) => i.kind === 'flashcards' && i.ref === 'mtls')!.status,
    ).not.toBe('done');

    as(manager);
    const dash = await progress.getTeamDashboard({ teamId });
    expect(dash.tracks[0]!.rows[0]!.progress.requiredDone).toBe(3);
    const matrix = await progress.getReadinessMatrix({ teamId });
    const cell = matrix.rows[0]!.cells.find((c) => c.competency === 'mtls')!;
    expect(cell.cardsReviewed).toBe(deck.cards.filter((c) => c.competency === 'mtls').length);
    expect(cell.readiness).not.toBeNull();
  });

  it('recall summed by the database equals the JS forgetting curve', async () => {
    const { summarizeRecall } = await import('@/lib/teams/recall-summary');
    const { competencyRecall } = await import('@/lib/tracks/recall');
    const { getTrackContent } = await import('@/lib/teams/content');
    const content = await getTrackContent();
    const user = await createTestUser();
    const base = Date.UTC(2026, 5, 1, 9, 30);
    const ids = content.competencyCards.get('resilience')!.slice(0, 9);
    for (const [i, cardId] of ids.entries()) {
      await db.cardState.create({
        data: {
          userId: user.id,
          cardId,
          due: new Date(base),
          stability: [0.3, 1.7, 4, 9.5, 22, 60, 140, 365, 0][i]!,
          difficulty: 5,
          elapsedDays: 0,
          scheduledDays: 1,
          learningSteps: 0,
          reps: 1,
          lapses: 0,
          state: i === 8 ? 0 : 2,
          lastReview: new Date(base + i * 3_600_000 * 7),
        },
      });
    }
    const rows = await db.cardState.findMany({
      where: { userId: user.id },
      select: { cardId: true, state: true, stability: true, lastReview: true },
    });
    const cards = new Map(rows.map((r) => [r.cardId, r]));
    for (const days of [0, 0.5, 1, 3, 17.25, 90, 400]) {
      const at = new Date(base + days * DAY);
      const js = competencyRecall(content.competencyCards.get('resilience')!, cards, at);
      const sql = (await summarizeRecall([user.id], content, at)).get(user.id)!.get('resilience')!;
      expect(sql.reviewed).toBe(js.reviewed);
      expect(sql.recall).toBeCloseTo(js.recall, 7);
      expect(sql.lastReview?.getTime()).toBe(js.lastReview?.getTime());
    }
  });

  it('CSV: one row per member × item with status, due, completed at and score', async () => {
    as(owner);
    const csv = await progress.exportProgressCsv({ teamId });
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('member,track,position,item,kind,required,status,due,completed_at,score');
    const track = await tracks.getTrack({ teamId, trackId });
    const learners = (await progress.getTeamDashboard({ teamId })).tracks[0]!.rows.length;
    expect(lines.length - 1).toBe(track.items.length * learners);
    const scenarioLine = lines.find(
      (l) => l.includes('justify-three-service-startup') || l.includes(',scenario,'),
    )!;
    expect(scenarioLine.split(',')).toContain('done');
    expect(scenarioLine.endsWith(',85')).toBe(true);
    const readiness = (await progress.exportReadinessCsv({ teamId })).trimEnd().split('\r\n');
    expect(readiness[0]).toBe(
      'member,competency,readiness,level,recall,cards_reviewed,cards_total,rubric,scenarios_attempted',
    );
    expect(readiness.length - 1).toBe(7 * learners);
  });

  it('editing items validates input and keeps order', async () => {
    as(manager);
    await expect(
      tracks.addTrackItem({
        teamId,
        trackId,
        item: { kind: 'lesson', ref: 'no-such-lesson', required: true, due: 'day 1' },
      }),
    ).rejects.toMatchObject({ code: 'invalid' });
    await expect(
      tracks.addTrackItem({
        teamId,
        trackId,
        item: { kind: 'scenario', ref: 'no-such-scenario', required: true, due: 'day 1' },
      }),
    ).rejects.toMatchObject({ code: 'invalid' });
    await expect(
      tracks.addTrackItem({
        teamId,
        trackId,
        item: { kind: 'lesson', ref: 'rollout-strategy', required: true, due: 'tomorrow' },
      }),
    ).rejects.toMatchObject({ code: 'invalid' });
    const { itemId } = await tracks.addTrackItem({
      teamId,
      trackId,
      item: {
        kind: 'mock-interview',
        ref: 'design-a-mesh-rollout',
        required: true,
        due: '2030-01-31',
        passScore: 80,
      },
    });
    let track = await tracks.getTrack({ teamId, trackId });
    expect(track.items.at(-1)?.id).toBe(itemId);
    await tracks.moveTrackItem({ teamId, trackId, itemId, direction: 'up' });
    track = await tracks.getTrack({ teamId, trackId });
    expect(track.items.at(-2)?.id).toBe(itemId);
    await tracks.removeTrackItem({ teamId, trackId, itemId });
    expect((await tracks.getTrack({ teamId, trackId })).items.some((i) => i.id === itemId)).toBe(
      false,
    );
  });
});

describe('notifications, calendar feed, leaving', () => {
  it('new members are notified of whole-team tracks; due-soon/overdue sync is idempotent', async () => {
    as(member);
    const first = await notifications.listNotifications();
    expect(first.some((n) => n.kind === 'assigned')).toBe(true);
    const later = new Date(Date.now() + 20 * DAY);
    const count = await notifications.syncDueNotifications(member.id, later);
    expect(count).toBeGreaterThan(0);
    expect(await notifications.syncDueNotifications(member.id, later)).toBe(0);
  });

  it('the .ics feed works only with the current token and lists open items', async () => {
    as(member);
    const { token } = await calendar.createCalendarFeed();
    const ics = await calendar.calendarForToken({ token, baseUrl: 'http://127.0.0.1' });
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).not.toContain('Why'); // the completed first lesson is not listed
    const { token: replaced } = await calendar.createCalendarFeed();
    expect(await calendar.calendarForToken({ token, baseUrl: 'http://x' })).toBeNull();
    expect(
      await calendar.calendarForToken({ token: replaced, baseUrl: 'http://x' }),
    ).not.toBeNull();
  });

  it('leaving removes the manager’s access to that member', async () => {
    as(member);
    await teams.leaveTeam({ teamId });
    as(manager);
    await expect(progress.getMemberEvidence({ teamId, userId: member.id })).rejects.toMatchObject({
      code: 'not-found',
    });
    const dash = await progress.getTeamDashboard({ teamId });
    expect(dash.tracks[0]!.rows.some((r) => r.userId === member.id)).toBe(false);
    expect((await progress.exportProgressCsv({ teamId })).includes('member')).toBe(true);
    expect(
      (await progress.exportProgressCsv({ teamId }))
        .split('\r\n')
        .some((l) => l.startsWith('member,Platform')),
    ).toBe(false);
    as(member);
    await expect(teams.getTeamOverview({ teamId })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('ownership transfer swaps roles', async () => {
    as(owner);
    await teams.transferOwnership({ teamId, userId: manager.id });
    as(manager);
    expect((await teams.getTeamOverview({ teamId })).role).toBe('owner');
    as(owner);
    expect((await teams.getTeamOverview({ teamId })).role).toBe('manager');
    await teams.leaveTeam({ teamId });
    await expect(teams.getTeamOverview({ teamId })).rejects.toMatchObject({ code: 'not-found' });
  });
});
