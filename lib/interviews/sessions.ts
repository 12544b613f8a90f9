import 'server-only';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Prisma } from '@/lib/generated/prisma/client';
import { getCurrentUser } from '@/lib/auth/session';
import { getInterviewTemplate } from '@/lib/content/interviews';
import type { InterviewTemplate } from '@/lib/content/interview-schema';
import type { Scenario } from '@/lib/content/scenario-schema';
import { listScenarios } from '@/lib/content/scenarios';
import { db } from '@/lib/db';
import { createPersonalCard } from '@/lib/flashcards/personal-cards';
import { safeGradeAttempt } from '@/lib/grading/grade-attempt';
import type { GradeResult } from '@/lib/grading/types';
import { conceptSourceKey, mistakeCardsFor } from '@/lib/scenarios/mistake-cards';
import { commandSchema, idempotencyKeySchema, planCommand } from './commands';
import { visibilityOf, type EventBody, type LoggedEvent, type SessionMode } from './events';
import { eventSelect, parseRow, readEvents } from './event-log';
import { announceInterviewEvents } from './live-feed';
import { reduceEvents, type SessionState } from './reducer';
import { computeScorecard, toStoredGrade, type Scorecard } from './scoring';
import {
  eventsForRole,
  interviewerTemplate,
  publicTemplate,
  stateForRole,
  type InterviewerTemplate,
  type PublicTemplate,
  type Role,
} from './views';

// Interview sessions: creation, invites, the append-only event log and the views built from it.
// Every exported function re-checks the signed-in user and their role in the session.

export type InterviewErrorCode =
  'unauthenticated' | 'not-found' | 'forbidden' | 'conflict' | 'invalid' | 'gone';

export class InterviewError extends Error {
  readonly code: InterviewErrorCode;
  constructor(code: InterviewErrorCode, message: string) {
    super(message);
    this.name = 'InterviewError';
    this.code = code;
  }
}

/** HTTP status for an error code (route handlers). */
export const STATUS_OF: Record<InterviewErrorCode, number> = {
  unauthenticated: 401,
  'not-found': 404,
  forbidden: 403,
  conflict: 409,
  invalid: 400,
  gone: 410,
};

/** Invite links stay valid this long, and admit one candidate. */
export const INVITE_TTL_MS = 24 * 60 * 60 * 1000;
/** Retries of an append that lost a race for its seq (a session has few concurrent writers). */
const MAX_APPEND_ATTEMPTS = 25;
/** Most events one session may hold: a budget against runaway clients. */
export const MAX_EVENTS_PER_SESSION = 5000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

async function requireSignedIn(userId: string): Promise<void> {
  const user = await getCurrentUser();
  if (!user) throw new InterviewError('unauthenticated', 'Sign in to continue.');
  if (user.id !== userId) throw new InterviewError('forbidden', 'You can only act as yourself.');
}

async function scenarioMap(): Promise<Map<string, Scenario>> {
  return new Map((await listScenarios()).map((s) => [s.id, s]));
}

export async function requireTemplate(templateId: string): Promise<InterviewTemplate> {
  const template = await getInterviewTemplate(templateId);
  if (!template) throw new InterviewError('invalid', `Unknown interview template "${templateId}".`);
  return template;
}

type SessionRow = {
  id: string;
  mode: string;
  templateId: string;
  hostId: string;
  candidateId: string | null;
  status: string;
  seed: number;
  inviteExpiresAt: Date | null;
  reportTokenHash: string | null;
  reportRevokedAt: Date | null;
  overallScore: number | null;
  createdAt: Date;
  endedAt: Date | null;
};
const sessionSelect = {
  id: true,
  mode: true,
  templateId: true,
  hostId: true,
  candidateId: true,
  status: true,
  seed: true,
  inviteExpiresAt: true,
  reportTokenHash: true,
  reportRevokedAt: true,
  overallScore: true,
  createdAt: true,
  endedAt: true,
} as const;

export const modeOf = (row: { mode: string }): SessionMode =>
  row.mode === 'live' ? 'live' : 'solo';

/** The user's role in a session; not-found (never "forbidden") for outsiders, so ids do not leak. */
function roleOf(row: SessionRow, userId: string): Role | null {
  if (row.hostId === userId) return row.mode === 'live' ? 'interviewer' : 'solo';
  if (row.mode === 'live' && row.candidateId === userId) return 'candidate';
  return null;
}

/** A session the user takes part in, with their role; throws not-found otherwise. */
export async function getSessionAccess({
  sessionId,
  userId,
}: {
  sessionId: string;
  userId: string;
}): Promise<{ session: SessionRow; role: Role }> {
  await requireSignedIn(userId);
  return accessWithoutSessionCheck(sessionId, userId);
}

// For callers that already checked the session cookie (the SSE route re-checks once per connection).
async function accessWithoutSessionCheck(
  sessionId: string,
  userId: string,
): Promise<{ session: SessionRow; role: Role }> {
  if (sessionId.length > 64) throw new InterviewError('not-found', 'No such interview session.');
  const session = await db.interviewSession.findUnique({
    where: { id: sessionId },
    select: sessionSelect,
  });
  const role = session ? roleOf(session, userId) : null;
  if (!session || !role) throw new InterviewError('not-found', 'No such interview session.');
  return { session, role };
}

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';

/**
 * Appends events after the current last one. `seq` comes from the log itself inside the
 * transaction; a concurrent writer on another instance makes the unique (sessionId, seq) insert
 * fail, and the whole append is retried on a fresh read.
 */
export async function appendBodies({
  sessionId,
  mode,
  actorId,
  idempotencyKey,
  plan,
}: {
  sessionId: string;
  mode: SessionMode;
  actorId: string;
  idempotencyKey: string | null;
  plan: (state: SessionState, events: LoggedEvent[]) => EventBody[];
}): Promise<{ seq: number; duplicate: boolean }> {
  // Optimistic: read and plan outside any transaction, then insert the planned rows in one short
  // batch transaction. A concurrent append (same seq) or a concurrent copy of this command (same
  // idempotency key) makes the insert fail on a unique index; then read again and re-plan.
  for (let attempt = 0; ; attempt++) {
    if (idempotencyKey) {
      const seen = await db.interviewEvent.findUnique({
        where: { sessionId_idempotencyKey: { sessionId, idempotencyKey } },
        select: { seq: true },
      });
      if (seen) return { seq: seen.seq, duplicate: true };
    }
    const rows = await db.interviewEvent.findMany({
      where: { sessionId },
      orderBy: { seq: 'asc' },
      select: eventSelect,
    });
    if (rows.length >= MAX_EVENTS_PER_SESSION)
      throw new InterviewError('conflict', 'This session has reached its event budget.');
    const events = rows.flatMap((row) => {
      const e = parseRow(row);
      return e ? [e] : [];
    });
    const bodies = plan(reduceEvents(events), events);
    const first = (rows.at(-1)?.seq ?? 0) + 1;
    if (bodies.length === 0) return { seq: first - 1, duplicate: false };
    const inserts = bodies.map((body, index) =>
      db.interviewEvent.create({
        data: {
          sessionId,
          seq: first + index,
          type: body.type,
          payload: JSON.stringify(body),
          visibility: visibilityOf(body, mode),
          actorId,
          // The key marks the first event of the command; the rest are inserted with it, atomically.
          idempotencyKey: index === 0 ? idempotencyKey : null,
        },
        select: { id: true },
      }),
    );
    const last = bodies.at(-1);
    const statusUpdate =
      last?.type === 'session.ended'
        ? [
            db.interviewSession.update({
              where: { id: sessionId },
              data: { status: 'ended', endedAt: new Date(), overallScore: last.overallScore },
              select: { id: true },
            }),
          ]
        : bodies.some((b) => b.type === 'phase.started')
          ? [
              db.interviewSession.update({
                where: { id: sessionId },
                data: { status: 'active' },
                select: { id: true },
              }),
            ]
          : [];
    try {
      await db.$transaction([...inserts, ...statusUpdate]);
    } catch (error) {
      if (isUniqueViolation(error) && attempt < MAX_APPEND_ATTEMPTS) {
        // Jittered backoff so writers racing for the same seq spread out instead of colliding again.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * (attempt + 1)));
        continue;
      }
      throw error;
    }
    // Appends do not wait for the next poll tick, here or (PostgreSQL NOTIFY) on other instances.
    announceInterviewEvents();
    return { seq: first + bodies.length - 1, duplicate: false };
  }
}

/** Starts a solo session on a template; the first phase's clock starts now. */
export async function createSoloSession({
  userId,
  templateId,
}: {
  userId: string;
  templateId: string;
}): Promise<{ sessionId: string }> {
  await requireSignedIn(userId);
  const template = await requireTemplate(templateId);
  const session = await db.interviewSession.create({
    data: {
      mode: 'solo',
      templateId,
      hostId: userId,
      status: 'active',
      seed: template.simulator.seed,
    },
    select: { id: true },
  });
  const durationMs = (template.phases[0]?.minutes ?? 0) * 60_000;
  await appendBodies({
    sessionId: session.id,
    mode: 'solo',
    actorId: userId,
    idempotencyKey: null,
    plan: () => [
      { type: 'session.created', mode: 'solo', templateId, seed: template.simulator.seed },
      { type: 'phase.started', phaseIndex: 0, durationMs, endsAt: Date.now() + durationMs },
    ],
  });
  return { sessionId: session.id };
}

/** Creates a live session in the lobby and its invite link token (shown once; only its hash is stored). */
export async function createLiveSession({
  userId,
  templateId,
  now = new Date(),
}: {
  userId: string;
  templateId: string;
  now?: Date;
}): Promise<{ sessionId: string; inviteToken: string; inviteExpiresAt: Date }> {
  await requireSignedIn(userId);
  const template = await requireTemplate(templateId);
  const inviteToken = newToken();
  const inviteExpiresAt = new Date(now.getTime() + INVITE_TTL_MS);
  const session = await db.interviewSession.create({
    data: {
      mode: 'live',
      templateId,
      hostId: userId,
      status: 'lobby',
      seed: template.simulator.seed,
      inviteTokenHash: hashToken(inviteToken),
      inviteExpiresAt,
    },
    select: { id: true },
  });
  await appendBodies({
    sessionId: session.id,
    mode: 'live',
    actorId: userId,
    idempotencyKey: null,
    plan: () => [
      { type: 'session.created', mode: 'live', templateId, seed: template.simulator.seed },
    ],
  });
  return { sessionId: session.id, inviteToken, inviteExpiresAt };
}

/** Replaces the invite link (the old one stops working). Only while no candidate has joined. */
export async function renewInvite({
  sessionId,
  userId,
  now = new Date(),
}: {
  sessionId: string;
  userId: string;
  now?: Date;
}) {
  const { session, role } = await getSessionAccess({ sessionId, userId });
  if (role !== 'interviewer')
    throw new InterviewError('forbidden', 'Only the interviewer can manage the invite.');
  if (session.candidateId) throw new InterviewError('conflict', 'A candidate has already joined.');
  const inviteToken = newToken();
  const inviteExpiresAt = new Date(now.getTime() + INVITE_TTL_MS);
  await db.interviewSession.update({
    where: { id: sessionId },
    data: { inviteTokenHash: hashToken(inviteToken), inviteExpiresAt },
    select: { id: true },
  });
  return { inviteToken, inviteExpiresAt };
}

/**
 * Joins the session an invite token opens. Single use: the first signed-in user other than the
 * interviewer claims it (an atomic conditional update); anyone else is refused, the same user
 * again is let back in.
 */
export async function joinWithInvite({
  userId,
  token,
  now = new Date(),
}: {
  userId: string;
  token: string;
  now?: Date;
}): Promise<{ sessionId: string }> {
  await requireSignedIn(userId);
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token))
    throw new InterviewError('not-found', 'This invite link is not valid.');
  const session = await db.interviewSession.findUnique({
    where: { inviteTokenHash: hashToken(token) },
    select: { id: true, hostId: true, candidateId: true, inviteExpiresAt: true, status: true },
  });
  if (!session) throw new InterviewError('not-found', 'This invite link is not valid.');
  if (session.candidateId === userId) return { sessionId: session.id };
  if (session.hostId === userId)
    throw new InterviewError(
      'conflict',
      'You are the interviewer of this session; share the link with your candidate.',
    );
  if (session.candidateId)
    throw new InterviewError('gone', 'This invite has already been used by another candidate.');
  if (!session.inviteExpiresAt || session.inviteExpiresAt.getTime() <= now.getTime())
    throw new InterviewError(
      'gone',
      'This invite link has expired. Ask the interviewer for a new one.',
    );
  if (session.status === 'ended') throw new InterviewError('gone', 'This session has ended.');
  const claimed = await db.interviewSession.updateMany({
    where: { id: session.id, candidateId: null },
    data: { candidateId: userId },
  });
  if (claimed.count !== 1)
    throw new InterviewError('gone', 'This invite has already been used by another candidate.');
  const user = await db.user.findUnique({ where: { id: userId }, select: { name: true } });
  await appendBodies({
    sessionId: session.id,
    mode: 'live',
    actorId: userId,
    idempotencyKey: null,
    plan: () => [{ type: 'candidate.joined', name: user?.name ?? 'Candidate' }],
  });
  return { sessionId: session.id };
}

/** Parses a decision typed as text into the scenario's answer shape (choice id, order JSON, number). */
function decisionValue(scenario: Scenario, raw: string): unknown {
  if (scenario.answer.type === 'order') {
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  }
  if (scenario.answer.type === 'number')
    return raw.trim() === '' ? undefined : Number(raw.trim().replace(',', '.'));
  return raw || undefined;
}

/**
 * Validates and applies one command from a participant: zod → role → state → events. Returns the
 * last sequence number written; a repeated idempotency key returns the first result unchanged.
 */
export async function runCommand({
  sessionId,
  userId,
  input,
}: {
  sessionId: string;
  userId: string;
  input: unknown;
}): Promise<CommandResult> {
  await requireSignedIn(userId);
  return runCommandFor({ sessionId, userId, input });
}

export type CommandResult = { seq: number; duplicate: boolean; newCardCount: number };

/**
 * {@link runCommand} for the signed-in user, reading the session cookie once (route handlers
 * have no per-request React cache, and decoding the session token is the costliest step).
 */
export async function runCommandAsCurrentUser({
  sessionId,
  input,
}: {
  sessionId: string;
  input: unknown;
}): Promise<CommandResult> {
  const user = await getCurrentUser();
  if (!user) throw new InterviewError('unauthenticated', 'Sign in to take part.');
  return runCommandFor({ sessionId, userId: user.id, input });
}

async function runCommandFor({
  sessionId,
  userId,
  input,
}: {
  sessionId: string;
  userId: string;
  input: unknown;
}): Promise<CommandResult> {
  const { session, role } = await accessWithoutSessionCheck(sessionId, userId);
  const envelope = commandEnvelopeParse(input);
  const template = await requireTemplate(session.templateId);
  const scenarios = await scenarioMap();
  const mode = modeOf(session);
  const questions = template.phases.flatMap((p) => p.questions);
  const fullGrades: Array<{ scenario: Scenario; result: GradeResult }> = [];
  let failure: InterviewError | null = null;
  const result = await appendBodies({
    sessionId,
    mode,
    actorId: userId,
    idempotencyKey: envelope.idempotencyKey,
    plan: (state) => {
      // Re-planned on a retry: start from a clean slate each time.
      fullGrades.length = 0;
      failure = null;
      const planned = planCommand({
        template,
        state,
        role,
        command: envelope.command,
        now: Date.now(),
        newId: () => randomUUID(),
        grade: (questionId, decision, justification) => {
          const question = questions.find((q) => q.id === questionId);
          const scenario = question ? scenarios.get(question.scenarioId) : undefined;
          if (!scenario) return null;
          const graded = safeGradeAttempt({
            scenario,
            answer: { decision: decisionValue(scenario, decision), justification },
          });
          if (!graded.ok) return null;
          fullGrades.push({ scenario, result: graded.result });
          return toStoredGrade(graded.result);
        },
      });
      if (!planned.ok) {
        failure = new InterviewError(planned.code, planned.message);
        return [];
      }
      return planned.bodies;
    },
  });
  if (failure) throw failure;
  if (envelope.command.type === 'end' && mode === 'solo' && !result.duplicate)
    await settleSoloScore(sessionId, template);
  let newCardCount = 0;
  // Missed concepts become personal flashcards once per user (same keys as scenario attempts).
  if (mode === 'solo' && !result.duplicate)
    for (const { scenario, result: graded } of fullGrades)
      for (const card of mistakeCardsFor(scenario, graded)) {
        const { created } = await createPersonalCard({
          userId,
          input: { ...card, tags: scenario.competencies },
        });
        if (created) newCardCount += 1;
      }
  return { ...result, newCardCount };
}

// The overall score of a finished solo session, computed from its own log.
async function settleSoloScore(sessionId: string, template: InterviewTemplate): Promise<void> {
  const state = reduceEvents(await readEvents(sessionId));
  const overall = computeScorecard(template, state.grades, state.selfRatings).overall;
  await db.interviewSession.update({
    where: { id: sessionId },
    data: { overallScore: overall },
    select: { id: true },
  });
}

function commandEnvelopeParse(input: unknown) {
  const key = idempotencyKeySchema.safeParse(
    (input as { idempotencyKey?: unknown } | null)?.idempotencyKey,
  );
  if (!key.success)
    throw new InterviewError('invalid', key.error.issues[0]?.message ?? 'Missing idempotency key.');
  const command = commandSchema.safeParse(input);
  if (!command.success) {
    const issue = command.error.issues[0];
    throw new InterviewError(
      'invalid',
      issue ? `${issue.path.join('.') || 'command'}: ${issue.message}` : 'Invalid command.',
    );
  }
  return { idempotencyKey: key.data, command: command.data };
}

export type SessionSnapshot = {
  sessionId: string;
  mode: SessionMode;
  role: Role;
  status: string;
  createdAt: string;
  events: LoggedEvent[];
  state: SessionState;
  template: PublicTemplate | InterviewerTemplate;
  isInterviewerView: boolean;
  serverNow: number;
  hasReportLink: boolean;
};

/**
 * Everything a participant's page needs, built for their role: a candidate gets the public
 * template and only "all" events (the log is filtered before it is reduced).
 */
export async function getSessionSnapshot({
  sessionId,
  userId,
}: {
  sessionId: string;
  userId: string;
}): Promise<SessionSnapshot> {
  const { session, role } = await getSessionAccess({ sessionId, userId });
  return snapshotFor(session, role);
}

async function snapshotFor(session: SessionRow, role: Role): Promise<SessionSnapshot> {
  const template = await requireTemplate(session.templateId);
  const scenarios = await scenarioMap();
  const mode = modeOf(session);
  const events = eventsForRole(await readEvents(session.id), mode, role);
  const isInterviewerView = role === 'interviewer';
  return {
    sessionId: session.id,
    mode,
    role,
    status: session.status,
    createdAt: session.createdAt.toISOString(),
    events,
    state: stateForRole(reduceEvents(events), role),
    template: isInterviewerView
      ? interviewerTemplate(template, scenarios)
      : publicTemplate(template, scenarios),
    isInterviewerView,
    serverNow: Date.now(),
    hasReportLink:
      isInterviewerView && session.reportTokenHash !== null && session.reportRevokedAt === null,
  };
}

/** Events after `afterSeq` that `role` may see (SSE catch-up and gap filling). */
export async function listEventsForRole({
  sessionId,
  mode,
  role,
  afterSeq,
  take = 500,
}: {
  sessionId: string;
  mode: SessionMode;
  role: Role;
  afterSeq: number;
  take?: number;
}): Promise<LoggedEvent[]> {
  return eventsForRole(await readEvents(sessionId, afterSeq, take), mode, role);
}

/** For the SSE route: the role of an already-authenticated user (the route read the session once). */
export async function getStreamAccess({
  sessionId,
  userId,
}: {
  sessionId: string;
  userId: string;
}) {
  const { session, role } = await accessWithoutSessionCheck(sessionId, userId);
  return { mode: modeOf(session), role };
}

/** The solo scorecard of a session (any time; final once ended) and how many of its missed concepts have cards. */
export async function getSoloScorecard({
  sessionId,
  userId,
}: {
  sessionId: string;
  userId: string;
}): Promise<{
  scorecard: Scorecard;
  template: InterviewTemplate;
  cardsForMissed: number;
}> {
  const { session, role } = await getSessionAccess({ sessionId, userId });
  if (role !== 'solo')
    throw new InterviewError('forbidden', 'Scorecards of live sessions come from the interviewer.');
  const template = await requireTemplate(session.templateId);
  const state = reduceEvents(await readEvents(sessionId));
  const scorecard = computeScorecard(template, state.grades, state.selfRatings);
  const keys = scorecard.missed.map((m) => {
    const grade = state.grades[m.questionId];
    const criterion = grade?.missed.find((c) => c.concept === m.concept);
    return conceptSourceKey(m.scenarioId, criterion?.id ?? '');
  });
  const cardsForMissed =
    keys.length === 0
      ? 0
      : await db.personalCard.count({ where: { userId, sourceKey: { in: keys } } });
  return { scorecard, template, cardsForMissed };
}

export type HistoryEntry = {
  id: string;
  mode: SessionMode;
  role: Role;
  templateId: string;
  status: string;
  overallScore: number | null;
  createdAt: Date;
  endedAt: Date | null;
};

/** The user's sessions (solo, hosted and joined), newest first. */
export async function listInterviewHistory({
  userId,
  limit = 50,
}: {
  userId: string;
  limit?: number;
}): Promise<HistoryEntry[]> {
  await requireSignedIn(userId);
  const rows = await db.interviewSession.findMany({
    where: { OR: [{ hostId: userId }, { candidateId: userId, mode: 'live' }] },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: Math.min(Math.max(1, limit), 200),
    select: sessionSelect,
  });
  return rows.flatMap((row) => {
    const role = roleOf(row, userId);
    return role
      ? [
          {
            id: row.id,
            mode: modeOf(row),
            role,
            templateId: row.templateId,
            status: row.status,
            overallScore: row.overallScore,
            createdAt: row.createdAt,
            endedAt: row.endedAt,
          },
        ]
      : [];
  });
}
