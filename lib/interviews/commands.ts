import { z } from 'zod';
import type { InterviewTemplate } from '@/lib/content/interview-schema';
import { CONTROL_CHARS_RE } from './text-rules';
import { intentSchema } from '@/lib/sim/intents';
import { ratingsSchema, type EventBody, type StoredGrade } from './events';
import { nextPosition, type SessionState } from './reducer';
import type { Role } from './views';

// Commands: what a participant asks for. Each is validated (zod), checked against the role and
// the current state, and turned into the events to append. Pure: time and grading are injected.

const plainText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => !CONTROL_CHARS_RE.test(value), { error: 'remove control characters' });

export const idempotencyKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, { error: 'idempotency key: 8–64 letters, digits, - or _' });

/** Every command a browser may send. */
export const commandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start') }),
  z.object({ type: z.literal('advance') }),
  z.object({ type: z.literal('extend'), minutes: z.int().min(1).max(10) }),
  z.object({
    type: z.literal('save-answer'),
    questionId: z.string().min(1).max(64),
    decision: plainText(2000),
    justification: plainText(5000),
    final: z.boolean(),
  }),
  z.object({ type: z.literal('self-assess'), ratings: ratingsSchema }),
  z.object({ type: z.literal('inject-fault'), faultId: z.string().min(1).max(64) }),
  z.object({
    type: z.literal('apply-intent'),
    intent: intentSchema,
    advance: z.int().min(0).max(20).default(3),
  }),
  z.object({ type: z.literal('sim-advance'), steps: z.int().min(1).max(20) }),
  z.object({
    type: z.literal('propose-intent'),
    intent: intentSchema,
    label: plainText(120).optional(),
  }),
  z.object({
    type: z.literal('resolve-proposal'),
    proposalId: z.string().min(1).max(64),
    accepted: z.boolean(),
  }),
  z.object({
    type: z.literal('add-note'),
    text: plainText(2000).refine((t) => t.trim().length > 0, { error: 'write a note' }),
  }),
  z.object({ type: z.literal('end') }),
]);
export type Command = z.infer<typeof commandSchema>;
export type CommandType = Command['type'];

/** Which roles may send each command. */
const ALLOWED: Record<CommandType, readonly Role[]> = {
  start: ['interviewer'],
  advance: ['interviewer', 'solo'],
  extend: ['interviewer', 'solo'],
  'save-answer': ['candidate', 'solo'],
  'self-assess': ['solo'],
  'inject-fault': ['interviewer'],
  'apply-intent': ['interviewer', 'solo'],
  'sim-advance': ['interviewer', 'solo'],
  'propose-intent': ['candidate'],
  'resolve-proposal': ['interviewer'],
  'add-note': ['interviewer'],
  end: ['interviewer', 'solo'],
};

export type PlanResult =
  | { ok: true; bodies: EventBody[] }
  | { ok: false; code: 'forbidden' | 'conflict' | 'invalid'; message: string };

/** Steps a fault runs after it is injected, so its effect shows up at once. */
export const FAULT_ADVANCE_STEPS = 3;

const fail = (code: 'forbidden' | 'conflict' | 'invalid', message: string): PlanResult => ({
  ok: false,
  code,
  message,
});

/** Turns a command into events, or says why not. */
export function planCommand({
  template,
  state,
  role,
  command,
  now,
  grade,
  newId,
}: {
  template: InterviewTemplate;
  state: SessionState;
  role: Role;
  command: Command;
  now: number;
  /** Grades a final answer (null when the answer cannot be graded, e.g. no decision). */
  grade: (questionId: string, decision: string, justification: string) => StoredGrade | null;
  newId: () => string;
}): PlanResult {
  if (!ALLOWED[command.type].includes(role))
    return fail('forbidden', `A ${role} cannot ${command.type.replace('-', ' ')}.`);
  if (state.status === 'ended') return fail('conflict', 'The session has ended.');
  const needsStarted =
    command.type !== 'start' && command.type !== 'add-note' && command.type !== 'end';
  if (needsStarted && state.status !== 'active')
    return fail('conflict', 'The session has not started yet.');

  const phaseStarted = (phaseIndex: number): EventBody => {
    const durationMs = (template.phases[phaseIndex]?.minutes ?? 0) * 60_000;
    return { type: 'phase.started', phaseIndex, durationMs, endsAt: now + durationMs };
  };

  switch (command.type) {
    case 'start': {
      if (state.status !== 'lobby') return fail('conflict', 'The session has already started.');
      return { ok: true, bodies: [phaseStarted(0)] };
    }
    case 'advance': {
      const next = nextPosition(template.phases, state);
      if (!next) return fail('conflict', 'This was the last question: end the session instead.');
      return {
        ok: true,
        bodies: [
          next.newPhase
            ? phaseStarted(next.phaseIndex)
            : {
                type: 'question.shown',
                phaseIndex: next.phaseIndex,
                questionIndex: next.questionIndex,
              },
        ],
      };
    }
    case 'extend': {
      if (state.phaseEndsAt === null) return fail('conflict', 'No phase is running.');
      const add = command.minutes * 60_000;
      return {
        ok: true,
        bodies: [
          {
            type: 'timer.extended',
            endsAt: Math.max(state.phaseEndsAt, now) + add,
            durationMs: state.phaseDurationMs + add,
          },
        ],
      };
    }
    case 'save-answer': {
      const known = template.phases
        .flatMap((p) => p.questions)
        .some((q) => q.id === command.questionId);
      if (!known) return fail('invalid', 'Unknown question.');
      const bodies: EventBody[] = [
        {
          type: 'answer.saved',
          questionId: command.questionId,
          decision: command.decision,
          justification: command.justification,
          final: command.final,
        },
      ];
      if (command.final) {
        const result = grade(command.questionId, command.decision, command.justification);
        if (!result)
          return fail('invalid', 'Choose a decision and write a justification before submitting.');
        bodies.push({ type: 'answer.graded', questionId: command.questionId, grade: result });
      }
      return { ok: true, bodies };
    }
    case 'self-assess': {
      const allowed = new Set(template.dimensions.map((d) => d.id));
      if (Object.keys(command.ratings).some((key) => !allowed.has(key as never)))
        return fail('invalid', 'Rate only this interview’s dimensions.');
      return { ok: true, bodies: [{ type: 'self.assessed', ratings: command.ratings }] };
    }
    case 'inject-fault': {
      const fault = template.simulator.faults.find((f) => f.id === command.faultId);
      if (!fault) return fail('invalid', 'Unknown fault.');
      return {
        ok: true,
        bodies: fault.intents.map((intent, i) => ({
          type: 'sim.intent' as const,
          intent,
          label: fault.label,
          source: 'fault' as const,
          advance: i === fault.intents.length - 1 ? FAULT_ADVANCE_STEPS : 0,
        })),
      };
    }
    case 'apply-intent':
      return {
        ok: true,
        bodies: [
          {
            type: 'sim.intent',
            intent: command.intent,
            label: command.intent.type,
            source: 'interviewer',
            advance: command.advance,
          },
        ],
      };
    case 'sim-advance':
      return { ok: true, bodies: [{ type: 'sim.advanced', steps: command.steps }] };
    case 'propose-intent': {
      if (state.sim.proposals.filter((p) => p.status === 'open').length >= 5)
        return fail('conflict', 'Wait for the interviewer to answer your open proposals.');
      return {
        ok: true,
        bodies: [
          {
            type: 'sim.proposed',
            proposalId: newId(),
            intent: command.intent,
            label: command.label ?? command.intent.type,
          },
        ],
      };
    }
    case 'resolve-proposal': {
      const proposal = state.sim.proposals.find((p) => p.proposalId === command.proposalId);
      if (!proposal) return fail('invalid', 'Unknown proposal.');
      if (proposal.status !== 'open')
        return fail('conflict', 'That proposal was already answered.');
      const bodies: EventBody[] = [
        { type: 'sim.resolved', proposalId: proposal.proposalId, accepted: command.accepted },
      ];
      if (command.accepted)
        bodies.push({
          type: 'sim.intent',
          intent: proposal.intent,
          label: `Candidate: ${proposal.label}`,
          source: 'proposal',
          advance: FAULT_ADVANCE_STEPS,
        });
      return { ok: true, bodies };
    }
    case 'add-note':
      return { ok: true, bodies: [{ type: 'note.added', text: command.text.trim() }] };
    case 'end':
      return { ok: true, bodies: [{ type: 'session.ended', overallScore: null }] };
  }
}
