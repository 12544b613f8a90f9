import { z } from 'zod';
import { INTERVIEW_DIMENSIONS, interviewDimensionSchema } from '@/lib/content/interview-schema';
import { intentSchema } from '@/lib/sim/intents';

// The interview event log's vocabulary. Events are produced by the server (lib/interviews/
// commands.ts turns a validated command into events); this schema also re-validates every row
// read back, so a corrupt row can never reach a page. Pure: zod only.

const id = z.string().min(1).max(64);
const ms = z.number().int().nonnegative();
/** A 1..4 rating (1 = well below the bar, 4 = clearly senior). */
export const ratingSchema = z.int().min(1).max(4);
/** Per-dimension ratings; only the template's dimensions are accepted by the commands. */
export const ratingsSchema = z.partialRecord(interviewDimensionSchema, ratingSchema);
export type Ratings = z.infer<typeof ratingsSchema>;

export const HIRE_SIGNALS = ['strong-no', 'no', 'yes', 'strong-yes'] as const;
export const hireSignalSchema = z.enum(HIRE_SIGNALS);
export type HireSignal = z.infer<typeof hireSignalSchema>;
export const HIRE_SIGNAL_LABELS: Record<HireSignal, string> = {
  'strong-no': 'Strong no',
  no: 'No',
  yes: 'Yes',
  'strong-yes': 'Strong yes',
};

/** A grade summary stored with an answer: enough for scorecards and mistake cards. */
export const storedGradeSchema = z.object({
  score: z.number().min(0).max(100),
  decisionCorrect: z.boolean(),
  summary: z.string().max(2000),
  hit: z.array(z.object({ id, concept: z.string().max(200) })).max(16),
  missed: z
    .array(
      z.object({
        id,
        concept: z.string().max(200),
        lessonId: z.string().max(80),
        feedback: z.string().max(800),
      }),
    )
    .max(16),
});
export type StoredGrade = z.infer<typeof storedGradeSchema>;

/** Every event body, discriminated by `type`. */
export const eventBodySchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('session.created'),
    mode: z.enum(['solo', 'live']),
    templateId: id,
    seed: z.int(),
  }),
  z.object({ type: z.literal('candidate.joined'), name: z.string().max(120) }),
  z.object({
    type: z.literal('phase.started'),
    phaseIndex: z.int().min(0),
    durationMs: ms,
    endsAt: ms,
  }),
  z.object({
    type: z.literal('question.shown'),
    phaseIndex: z.int().min(0),
    questionIndex: z.int().min(0),
  }),
  z.object({ type: z.literal('timer.extended'), endsAt: ms, durationMs: ms }),
  z.object({
    type: z.literal('answer.saved'),
    questionId: id,
    decision: z.string().max(2000),
    justification: z.string().max(5000),
    final: z.boolean(),
  }),
  z.object({ type: z.literal('answer.graded'), questionId: id, grade: storedGradeSchema }),
  z.object({ type: z.literal('self.assessed'), ratings: ratingsSchema }),
  z.object({
    type: z.literal('sim.intent'),
    intent: intentSchema,
    label: z.string().max(120),
    source: z.enum(['fault', 'interviewer', 'proposal']),
    advance: z.int().min(0).max(20),
  }),
  z.object({ type: z.literal('sim.advanced'), steps: z.int().min(1).max(20) }),
  z.object({
    type: z.literal('sim.proposed'),
    proposalId: id,
    intent: intentSchema,
    label: z.string().max(120),
  }),
  z.object({ type: z.literal('sim.resolved'), proposalId: id, accepted: z.boolean() }),
  z.object({ type: z.literal('note.added'), text: z.string().min(1).max(2000) }),
  z.object({
    type: z.literal('scorecard.submitted'),
    ratings: ratingsSchema,
    hireSignal: hireSignalSchema,
    feedback: z.string().max(5000),
  }),
  z.object({ type: z.literal('scorecard.released') }),
  z.object({
    type: z.literal('session.ended'),
    overallScore: z.number().min(0).max(100).nullable(),
  }),
]);
export type EventBody = z.infer<typeof eventBodySchema>;
export type EventType = EventBody['type'];

/** A logged event: body plus its per-session sequence number and server time (ms since epoch). */
export type LoggedEvent = { seq: number; at: number; body: EventBody };

export type SessionMode = 'solo' | 'live';
export type Visibility = 'all' | 'interviewer';

/**
 * Who may see an event. Private notes and the scorecard draft are interviewer-only; in live mode
 * so are the grader's results (they are the interviewer's rubric aid). Solo sessions have one user.
 */
export function visibilityOf(body: EventBody, mode: SessionMode): Visibility {
  if (body.type === 'note.added' || body.type === 'scorecard.submitted') return 'interviewer';
  if (body.type === 'answer.graded' && mode === 'live') return 'interviewer';
  return 'all';
}

export { INTERVIEW_DIMENSIONS };
