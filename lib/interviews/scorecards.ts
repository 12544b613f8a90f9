import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { listScenarios } from '@/lib/content/scenarios';
import { db } from '@/lib/db';
import { readEvents } from './event-log';
import {
  hireSignalSchema,
  ratingsSchema,
  type HireSignal,
  type LoggedEvent,
  type Ratings,
} from './events';
import { reduceEvents, type SessionState } from './reducer';
import {
  appendBodies,
  getSessionAccess,
  InterviewError,
  modeOf,
  requireTemplate,
} from './sessions';
import { eventsForRole, publicTemplate, type PublicTemplate } from './views';

// The interviewer's scorecard (draft → submitted and locked → released to the candidate) and the
// read-only report link for a mentor or a panel. Drafts are visible to the interviewer only.

export const scorecardInputSchema = z.object({
  ratings: ratingsSchema,
  hireSignal: hireSignalSchema.nullable(),
  feedback: z.string().max(5000, { error: 'Keep the feedback under 5,000 characters.' }),
});
export type ScorecardInput = z.infer<typeof scorecardInputSchema>;

export type ScorecardDto = {
  ratings: Ratings;
  hireSignal: HireSignal | null;
  feedback: string;
  submittedAt: Date | null;
  releasedAt: Date | null;
};

const select = {
  scores: true,
  hireSignal: true,
  feedback: true,
  submittedAt: true,
  releasedAt: true,
} as const;

function toDto(row: {
  scores: string;
  hireSignal: string | null;
  feedback: string;
  submittedAt: Date | null;
  releasedAt: Date | null;
}): ScorecardDto {
  let ratings: Ratings = {};
  try {
    ratings = ratingsSchema.catch({}).parse(JSON.parse(row.scores));
  } catch {
    ratings = {};
  }
  const signal = hireSignalSchema.safeParse(row.hireSignal);
  return {
    ratings,
    hireSignal: signal.success ? signal.data : null,
    feedback: row.feedback,
    submittedAt: row.submittedAt,
    releasedAt: row.releasedAt,
  };
}

async function requireInterviewer(sessionId: string, userId: string) {
  const access = await getSessionAccess({ sessionId, userId });
  if (access.role !== 'interviewer')
    throw new InterviewError('forbidden', 'Only the interviewer can score this session.');
  return access;
}

function validate(input: unknown, dimensions: readonly string[]): ScorecardInput {
  const parsed = scorecardInputSchema.safeParse(input);
  if (!parsed.success)
    throw new InterviewError('invalid', parsed.error.issues[0]?.message ?? 'Invalid scorecard.');
  if (Object.keys(parsed.data.ratings).some((key) => !dimensions.includes(key)))
    throw new InterviewError('invalid', 'Rate only this interview’s dimensions.');
  return parsed.data;
}

/** Saves the draft (interviewer only; refused once submitted). */
export async function saveScorecardDraft({
  sessionId,
  userId,
  input,
}: {
  sessionId: string;
  userId: string;
  input: unknown;
}): Promise<ScorecardDto> {
  const { session } = await requireInterviewer(sessionId, userId);
  const template = await requireTemplate(session.templateId);
  const data = validate(
    input,
    template.dimensions.map((d) => d.id),
  );
  const existing = await db.interviewScorecard.findUnique({
    where: { sessionId },
    select: { submittedAt: true },
  });
  if (existing?.submittedAt)
    throw new InterviewError('conflict', 'The scorecard is submitted and locked.');
  const row = await db.interviewScorecard.upsert({
    where: { sessionId },
    create: {
      sessionId,
      scores: JSON.stringify(data.ratings),
      hireSignal: data.hireSignal,
      feedback: data.feedback,
    },
    update: {
      scores: JSON.stringify(data.ratings),
      hireSignal: data.hireSignal,
      feedback: data.feedback,
    },
    select,
  });
  return toDto(row);
}

/** Submits and locks the scorecard: every dimension rated and a hire signal are required. */
export async function submitScorecard({
  sessionId,
  userId,
  input,
}: {
  sessionId: string;
  userId: string;
  input: unknown;
}): Promise<ScorecardDto> {
  const { session } = await requireInterviewer(sessionId, userId);
  const template = await requireTemplate(session.templateId);
  const dimensions = template.dimensions.map((d) => d.id);
  const data = validate(input, dimensions);
  if (dimensions.some((d) => data.ratings[d] === undefined))
    throw new InterviewError('invalid', 'Rate every dimension before submitting.');
  if (!data.hireSignal)
    throw new InterviewError('invalid', 'Choose a hire signal before submitting.');
  const hireSignal = data.hireSignal;
  const now = new Date();
  // Conditional write: only a scorecard that is not yet submitted can be submitted (locks it).
  const locked = await db.$transaction(async (tx) => {
    const existing = await tx.interviewScorecard.findUnique({
      where: { sessionId },
      select: { submittedAt: true },
    });
    if (existing?.submittedAt) return false;
    await tx.interviewScorecard.upsert({
      where: { sessionId },
      create: {
        sessionId,
        scores: JSON.stringify(data.ratings),
        hireSignal,
        feedback: data.feedback,
        submittedAt: now,
      },
      update: {
        scores: JSON.stringify(data.ratings),
        hireSignal,
        feedback: data.feedback,
        submittedAt: now,
      },
      select: { sessionId: true },
    });
    return true;
  });
  if (!locked)
    throw new InterviewError('conflict', 'The scorecard is already submitted and locked.');
  await appendBodies({
    sessionId,
    mode: modeOf(session),
    actorId: userId,
    idempotencyKey: `scorecard-submit-${sessionId}`.slice(0, 64),
    plan: () => [
      { type: 'scorecard.submitted', ratings: data.ratings, hireSignal, feedback: data.feedback },
    ],
  });
  const row = await db.interviewScorecard.findUniqueOrThrow({ where: { sessionId }, select });
  return toDto(row);
}

/** Releases a submitted scorecard to the candidate. */
export async function releaseScorecard({
  sessionId,
  userId,
}: {
  sessionId: string;
  userId: string;
}): Promise<ScorecardDto> {
  const { session } = await requireInterviewer(sessionId, userId);
  const row = await db.interviewScorecard.findUnique({ where: { sessionId }, select });
  if (!row?.submittedAt)
    throw new InterviewError('conflict', 'Submit the scorecard before releasing it.');
  if (row.releasedAt) return toDto(row);
  const updated = await db.interviewScorecard.update({
    where: { sessionId },
    data: { releasedAt: new Date() },
    select,
  });
  await appendBodies({
    sessionId,
    mode: modeOf(session),
    actorId: userId,
    idempotencyKey: `scorecard-release-${sessionId}`.slice(0, 64),
    plan: () => [{ type: 'scorecard.released' }],
  });
  return toDto(updated);
}

/**
 * The scorecard as the user may see it: the interviewer always (draft included), the candidate
 * only once released, nobody else.
 */
export async function getScorecard({
  sessionId,
  userId,
}: {
  sessionId: string;
  userId: string;
}): Promise<ScorecardDto | null> {
  const { role } = await getSessionAccess({ sessionId, userId });
  const row = await db.interviewScorecard.findUnique({ where: { sessionId }, select });
  if (!row) return null;
  if (role === 'interviewer') return toDto(row);
  if (role === 'candidate' && row.releasedAt && row.submittedAt) return toDto(row);
  return null;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Creates (or replaces) the read-only report link; the token is shown once. Host only. */
export async function createReportLink({
  sessionId,
  userId,
}: {
  sessionId: string;
  userId: string;
}): Promise<{ token: string }> {
  const { role } = await getSessionAccess({ sessionId, userId });
  if (role === 'candidate')
    throw new InterviewError('forbidden', 'Only the interviewer can share the report.');
  const token = randomBytes(32).toString('base64url');
  await db.interviewSession.update({
    where: { id: sessionId },
    data: { reportTokenHash: hashToken(token), reportRevokedAt: null },
    select: { id: true },
  });
  return { token };
}

/** Revokes the report link (the token stops working at once). */
export async function revokeReportLink({
  sessionId,
  userId,
}: {
  sessionId: string;
  userId: string;
}): Promise<void> {
  const { role } = await getSessionAccess({ sessionId, userId });
  if (role === 'candidate')
    throw new InterviewError('forbidden', 'Only the interviewer can revoke the report.');
  await db.interviewSession.update({
    where: { id: sessionId },
    data: { reportRevokedAt: new Date(), reportTokenHash: null },
    select: { id: true },
  });
}

export type SessionReport = {
  sessionId: string;
  mode: 'solo' | 'live';
  template: PublicTemplate;
  events: LoggedEvent[];
  state: SessionState;
  scorecard: ScorecardDto | null;
  createdAt: Date;
};

/**
 * The read-only report behind a report token: what the candidate may see (no private notes, no
 * drafts) plus the submitted scorecard. Null for unknown or revoked tokens. No sign-in needed.
 */
export async function getReportByToken({
  token,
}: {
  token: string;
}): Promise<SessionReport | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const session = await db.interviewSession.findUnique({
    where: { reportTokenHash: hashToken(token) },
    select: { id: true, mode: true, templateId: true, reportRevokedAt: true, createdAt: true },
  });
  if (!session || session.reportRevokedAt) return null;
  const template = await requireTemplate(session.templateId);
  const scenarios = new Map((await listScenarios()).map((s) => [s.id, s]));
  const mode = modeOf(session);
  const events = eventsForRole(await readEvents(session.id), mode, 'candidate');
  const row = await db.interviewScorecard.findUnique({ where: { sessionId: session.id }, select });
  return {
    sessionId: session.id,
    mode,
    template: publicTemplate(template, scenarios),
    events,
    state: reduceEvents(events),
    scorecard: row?.submittedAt ? toDto(row) : null,
    createdAt: session.createdAt,
  };
}
