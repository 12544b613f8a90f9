import 'server-only';
import { db } from '@/lib/db';
import { COMPETENCY_TAGS } from '@/lib/content/schemas';
import { toCsv } from '@/lib/tracks/csv';
import { trackStart } from '@/lib/tracks/due';
import type { MemberEvidence, TrackContent } from '@/lib/tracks/evidence';
import { deriveTrackProgress, type ItemProgress, type TrackProgress } from '@/lib/tracks/progress';
import {
  competencyReadiness,
  meanOrNull,
  readinessLevel,
  type CompetencyReadiness,
  type ReadinessLevel,
} from '@/lib/tracks/readiness';
import type { TrackItem } from '@/lib/tracks/schema';
import {
  MANAGING_ROLES,
  TEAM_ROLES,
  TeamError,
  isManaging,
  requireSignedIn,
  requireTeamRole,
} from './access';
import { getTrackContent } from './content';
import { loadEvidence } from './evidence';
import { parseTrackItems } from './tracks';

// Everything here is derived on read from the learners' own rows; nothing is stored.

type Learner = { userId: string; name: string; role: string; joinedAt: Date };
type TeamTrack = {
  id: string;
  title: string;
  items: TrackItem[];
  teamAssignedAt: Date | null;
  personal: Map<string, Date>;
};

async function loadTeam(
  teamId: string,
): Promise<{ name: string; members: Learner[]; tracks: TeamTrack[] }> {
  const team = await db.team.findUnique({
    where: { id: teamId },
    select: {
      name: true,
      members: {
        orderBy: { joinedAt: 'asc' },
        select: { userId: true, role: true, joinedAt: true, user: { select: { name: true } } },
      },
      tracks: {
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          title: true,
          items: true,
          assignments: { select: { userId: true, assignedAt: true } },
        },
      },
    },
  });
  if (!team) throw new TeamError('not-found', 'Team not found.');
  return {
    name: team.name,
    members: team.members.map((m) => ({
      userId: m.userId,
      name: m.user.name,
      role: m.role,
      joinedAt: m.joinedAt,
    })),
    tracks: team.tracks.map((t) => ({
      id: t.id,
      title: t.title,
      items: parseTrackItems(t.items),
      teamAssignedAt: t.assignments.find((a) => a.userId === null)?.assignedAt ?? null,
      personal: new Map(
        t.assignments.flatMap((a) => (a.userId ? [[a.userId, a.assignedAt] as const] : [])),
      ),
    })),
  };
}

/** When `member` got `track`, or null if it does not apply (whole-team tracks apply to role "member"). */
function assignedAt(track: TeamTrack, member: Learner): Date | null {
  const personal = track.personal.get(member.userId) ?? null;
  const team = member.role === 'member' ? track.teamAssignedAt : null;
  if (personal && team) return personal < team ? personal : team;
  return personal ?? team;
}

function progressFor(
  track: TeamTrack,
  member: Learner,
  evidence: MemberEvidence | undefined,
  content: TrackContent,
  now: Date,
): TrackProgress | null {
  const at = assignedAt(track, member);
  if (!at || !evidence) return null;
  return deriveTrackProgress({
    items: track.items,
    start: trackStart(member.joinedAt, at),
    now,
    evidence,
    content,
  });
}

export type MyTrack = {
  teamId: string;
  teamName: string;
  trackId: string;
  title: string;
  progress: TrackProgress;
};

/** The signed-in user's assigned tracks in every team, items in order with derived status. */
export async function listMyTracks({ now = new Date() }: { now?: Date } = {}): Promise<MyTrack[]> {
  const user = await requireSignedIn();
  return listTracksForUser(user.id, now);
}

/**
 * A user's own tracks without a session check. Only for callers that authenticated that user
 * another way: the calendar feed (its token) and the reminder job (server-side).
 */
export async function listTracksForUser(userId: string, now: Date): Promise<MyTrack[]> {
  const memberships = await db.teamMember.findMany({
    where: { userId },
    orderBy: { joinedAt: 'asc' },
    select: { teamId: true },
  });
  if (memberships.length === 0) return [];
  const content = await getTrackContent();
  const evidence = (await loadEvidence([userId], content, { recallAt: now })).get(userId);
  const result: MyTrack[] = [];
  for (const { teamId } of memberships) {
    const team = await loadTeam(teamId);
    const me = team.members.find((m) => m.userId === userId);
    if (!me) continue;
    for (const track of team.tracks) {
      const progress = progressFor(track, me, evidence, content, now);
      if (progress)
        result.push({
          teamId,
          teamName: team.name,
          trackId: track.id,
          title: track.title,
          progress,
        });
    }
  }
  return result;
}

export type DashboardRow = { userId: string; name: string; progress: TrackProgress };
export type DashboardTrack = {
  id: string;
  title: string;
  items: Array<{
    id: string;
    title: string;
    kind: TrackItem['kind'];
    required: boolean;
    doneShare: number;
  }>;
  rows: DashboardRow[];
  learnerCount: number;
  doneShare: number;
};
export type OverdueEntry = {
  userId: string;
  name: string;
  trackId: string;
  trackTitle: string;
  item: ItemProgress;
};
export type AtRiskEntry = {
  userId: string;
  name: string;
  trackId: string;
  trackTitle: string;
  requiredDone: number;
  requiredTotal: number;
  elapsedShare: number;
  end: Date;
};
export type TeamDashboard = {
  teamName: string;
  /** "manager": rows per member; "member": team aggregate only (rows hold just the viewer). */
  view: 'manager' | 'member';
  tracks: DashboardTrack[];
  overdue: OverdueEntry[];
  atRisk: AtRiskEntry[];
};

/**
 * Members × items for managers; for members only the team aggregate (share done per item)
 * and their own row.
 */
export async function getTeamDashboard({
  teamId,
  now = new Date(),
}: {
  teamId: string;
  now?: Date;
}): Promise<TeamDashboard> {
  const membership = await requireTeamRole(teamId, TEAM_ROLES);
  const managing = isManaging(membership.role);
  const team = await loadTeam(teamId);
  const content = await getTrackContent();
  const evidence = await loadEvidence(
    team.members.map((m) => m.userId),
    content,
    { recallAt: now },
  );
  const tracks: DashboardTrack[] = [];
  const overdue: OverdueEntry[] = [];
  const atRisk: AtRiskEntry[] = [];
  for (const track of team.tracks) {
    const rows: DashboardRow[] = [];
    for (const member of team.members) {
      const progress = progressFor(track, member, evidence.get(member.userId), content, now);
      if (progress) rows.push({ userId: member.userId, name: member.name, progress });
    }
    const items = track.items.map((item, index) => ({
      id: item.id,
      title: rows[0]?.progress.items[index]?.title ?? item.title ?? item.ref,
      kind: item.kind,
      required: item.required,
      doneShare:
        rows.length === 0
          ? 0
          : rows.filter((r) => r.progress.items[index]?.status === 'done').length / rows.length,
    }));
    const totalDone = rows.reduce((s, r) => s + r.progress.requiredDone, 0);
    const totalRequired = rows.reduce((s, r) => s + r.progress.requiredTotal, 0);
    for (const row of rows) {
      for (const item of row.progress.items)
        if (item.required && item.status === 'overdue')
          overdue.push({
            userId: row.userId,
            name: row.name,
            trackId: track.id,
            trackTitle: track.title,
            item,
          });
      if (row.progress.status === 'at-risk')
        atRisk.push({
          userId: row.userId,
          name: row.name,
          trackId: track.id,
          trackTitle: track.title,
          requiredDone: row.progress.requiredDone,
          requiredTotal: row.progress.requiredTotal,
          elapsedShare: row.progress.elapsedShare,
          end: row.progress.end,
        });
    }
    tracks.push({
      id: track.id,
      title: track.title,
      items,
      rows: managing ? rows : rows.filter((r) => r.userId === membership.user.id),
      learnerCount: rows.length,
      doneShare: totalRequired === 0 ? 0 : totalDone / totalRequired,
    });
  }
  overdue.sort((a, b) => a.item.dueAt.getTime() - b.item.dueAt.getTime());
  return {
    teamName: team.name,
    view: managing ? 'manager' : 'member',
    tracks,
    overdue: managing ? overdue : overdue.filter((o) => o.userId === membership.user.id),
    atRisk: managing ? atRisk : atRisk.filter((o) => o.userId === membership.user.id),
  };
}

export type ReadinessAt = 'today' | 'due';
export type ReadinessRow = { userId: string; name: string; at: Date; cells: CompetencyReadiness[] };
export type ReadinessMatrix = {
  competencies: readonly string[];
  rows: ReadinessRow[];
  /** Team mean per competency (members with evidence only). */
  average: Array<{
    competency: string;
    readiness: number | null;
    level: ReadinessLevel;
    withEvidence: number;
  }>;
  view: 'manager' | 'member';
};

/** The date a competency is judged on for one member: its flashcard item's due date, else the track end. */
function readinessDate(progresses: readonly TrackProgress[], competency: string, now: Date): Date {
  let latest: Date | null = null;
  for (const progress of progresses) {
    const item = progress.items.find((i) => i.kind === 'flashcards' && i.ref === competency);
    const candidate = item?.dueAt ?? progress.end;
    if (!latest || candidate > latest) latest = candidate;
  }
  return latest && latest > now ? latest : now;
}

/**
 * Competency readiness, member × competency, on today's date or on each member's due date
 * (the competency's flashcard item, else the end of their track). Members see the team
 * average and their own row only.
 */
export async function getReadinessMatrix({
  teamId,
  at = 'today',
  now = new Date(),
}: {
  teamId: string;
  at?: ReadinessAt;
  now?: Date;
}): Promise<ReadinessMatrix> {
  const membership = await requireTeamRole(teamId, TEAM_ROLES);
  const managing = isManaging(membership.role);
  const team = await loadTeam(teamId);
  const content = await getTrackContent();
  const learners = team.members.filter(
    (m) => m.role === 'member' || team.tracks.some((t) => t.personal.has(m.userId)),
  );
  // On due dates each member is judged at their own instants: load the cards themselves.
  const evidence = await loadEvidence(
    learners.map((m) => m.userId),
    content,
    at === 'today' ? { recallAt: now } : {},
  );
  const rows: ReadinessRow[] = learners.map((member) => {
    const ev = evidence.get(member.userId)!;
    const progresses =
      at === 'due'
        ? team.tracks.flatMap((track) => progressFor(track, member, ev, content, now) ?? [])
        : [];
    const cells = COMPETENCY_TAGS.map((competency) =>
      competencyReadiness({
        competency,
        evidence: ev,
        content,
        at: at === 'due' ? readinessDate(progresses, competency, now) : now,
      }),
    );
    return { userId: member.userId, name: member.name, at: now, cells };
  });
  const average = COMPETENCY_TAGS.map((competency, index) => {
    const values = rows.map((r) => r.cells[index]?.readiness ?? null);
    const readiness = meanOrNull(values);
    return {
      competency,
      readiness,
      level: readinessLevel(readiness),
      withEvidence: values.filter((v) => v !== null).length,
    };
  });
  return {
    competencies: COMPETENCY_TAGS,
    rows: managing ? rows : rows.filter((r) => r.userId === membership.user.id),
    average,
    view: managing ? 'manager' : 'member',
  };
}

export type MemberEvidenceView = {
  name: string;
  tracks: Array<{ trackId: string; title: string; progress: TrackProgress }>;
  competencies: CompetencyReadiness[];
  scenarios: Array<{
    scenarioId: string;
    title: string;
    best: number;
    attempts: number;
    lastAt: Date;
  }>;
  lessons: Array<{ lessonId: string; title: string; completedAt: Date }>;
};

/** Drill-down: the evidence behind a member's cells. Managers of the team, or the member themself. */
export async function getMemberEvidence({
  teamId,
  userId,
  now = new Date(),
}: {
  teamId: string;
  userId: string;
  now?: Date;
}): Promise<MemberEvidenceView> {
  const membership = await requireTeamRole(teamId, TEAM_ROLES);
  if (!isManaging(membership.role) && membership.user.id !== userId)
    throw new TeamError('forbidden', 'You can only see your own progress.');
  const team = await loadTeam(teamId);
  const member = team.members.find((m) => m.userId === userId);
  if (!member) throw new TeamError('not-found', 'That person is not in this team.');
  const content = await getTrackContent();
  const evidence = (await loadEvidence([userId], content, { recallAt: now })).get(userId)!;
  const tracks = team.tracks.flatMap((track) => {
    const progress = progressFor(track, member, evidence, content, now);
    return progress ? [{ trackId: track.id, title: track.title, progress }] : [];
  });
  return {
    name: member.name,
    tracks,
    competencies: COMPETENCY_TAGS.map((competency) =>
      competencyReadiness({ competency, evidence, content, at: now }),
    ),
    scenarios: [...evidence.scenarios.entries()]
      .map(([scenarioId, attempts]) => ({
        scenarioId,
        title: content.titles.get(scenarioId) ?? scenarioId,
        best: Math.round(Math.max(...attempts.map((a) => a.score))),
        attempts: attempts.length,
        lastAt: attempts.reduce((l, a) => (a.at > l ? a.at : l), attempts[0]!.at),
      }))
      .sort((a, b) => a.title.localeCompare(b.title)),
    lessons: [...evidence.lessons.entries()]
      .map(([lessonId, completedAt]) => ({
        lessonId,
        title: content.titles.get(lessonId) ?? lessonId,
        completedAt,
      }))
      .sort((a, b) => a.completedAt.getTime() - b.completedAt.getTime()),
  };
}

const iso = (date: Date | null) => (date ? date.toISOString() : '');

/** Managers: one CSV row per member × item: status, due, completed at, score. */
export async function exportProgressCsv({
  teamId,
  now = new Date(),
}: {
  teamId: string;
  now?: Date;
}): Promise<string> {
  await requireTeamRole(teamId, MANAGING_ROLES);
  const dashboard = await getTeamDashboard({ teamId, now });
  const rows: Array<Array<string | number | null>> = [
    [
      'member',
      'track',
      'position',
      'item',
      'kind',
      'required',
      'status',
      'due',
      'completed_at',
      'score',
    ],
  ];
  for (const track of dashboard.tracks) {
    for (const row of track.rows) {
      row.progress.items.forEach((item, index) => {
        rows.push([
          row.name,
          track.title,
          index + 1,
          item.title,
          item.kind,
          item.required ? 'yes' : 'no',
          item.status,
          iso(item.dueAt),
          iso(item.completedAt),
          item.score,
        ]);
      });
    }
  }
  return toCsv(rows);
}

/** Managers: the readiness matrix as CSV (one row per member × competency). */
export async function exportReadinessCsv({
  teamId,
  at = 'today',
  now = new Date(),
}: {
  teamId: string;
  at?: ReadinessAt;
  now?: Date;
}): Promise<string> {
  await requireTeamRole(teamId, MANAGING_ROLES);
  const matrix = await getReadinessMatrix({ teamId, at, now });
  const round = (v: number | null) => (v === null ? null : Number(v.toFixed(3)));
  const rows: Array<Array<string | number | null>> = [
    [
      'member',
      'competency',
      'readiness',
      'level',
      'recall',
      'cards_reviewed',
      'cards_total',
      'rubric',
      'scenarios_attempted',
    ],
  ];
  for (const row of matrix.rows)
    for (const cell of row.cells)
      rows.push([
        row.name,
        cell.competency,
        round(cell.readiness),
        cell.level,
        round(cell.recall),
        cell.cardsReviewed,
        cell.cardsTotal,
        round(cell.rubric),
        cell.scenariosAttempted,
      ]);
  return toCsv(rows);
}
