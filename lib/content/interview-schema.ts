import { z } from 'zod';
import { intentListSchema } from '@/lib/sim/intents';
import { contentIdSchema, lessonIdSchema, simulatorPresetIdSchema } from './schemas';

// Interview templates (content/interviews/<id>.json). Importable anywhere, including client
// components; cross-references to scenarios and presets are checked by the loader.

/** Rubric dimensions shared by every template (public system-design rubrics, notes/interviews-and-teams.md). */
export const INTERVIEW_DIMENSIONS = [
  'requirements',
  'design',
  'trade-offs',
  'security',
  'reliability',
  'communication',
] as const;
export const interviewDimensionSchema = z.enum(INTERVIEW_DIMENSIONS, {
  error: () => `must be one of ${INTERVIEW_DIMENSIONS.join(', ')}`,
});
export type InterviewDimension = z.infer<typeof interviewDimensionSchema>;

/** Phase kinds, in the order a session runs them. */
export const PHASE_KINDS = [
  'requirements',
  'high-level-design',
  'deep-dive',
  'trade-offs',
  'wrap-up',
] as const;
export const phaseKindSchema = z.enum(PHASE_KINDS, {
  error: () => `must be one of ${PHASE_KINDS.join(', ')}`,
});

const text = (max: number) =>
  z
    .string({ error: 'must be text' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` });

const questionSchema = z.strictObject({
  id: contentIdSchema,
  /** The scenario answered (decision + justification) and graded by the rubric grader. */
  scenarioId: contentIdSchema,
  /** How the interviewer frames the scenario (shown to the candidate above the scenario). */
  prompt: text(400),
  /** Rubric dimensions this question gives evidence for. */
  dimensions: z.array(interviewDimensionSchema).min(1, { error: 'must list at least one dimension' }),
  /** Interviewer only: nudges when the candidate stalls. */
  hints: z.array(text(300)).min(1, { error: 'must list at least one hint' }).max(5),
  /** Interviewer only: follow-up questions. */
  followUps: z.array(text(300)).min(1, { error: 'must list at least one follow-up' }).max(5),
});
export type InterviewQuestion = z.infer<typeof questionSchema>;

const phaseSchema = z.strictObject({
  kind: phaseKindSchema,
  title: text(80),
  /** Time box in minutes; it guides, it never cuts the candidate off. */
  minutes: z.int({ error: 'must be a whole number of minutes' }).min(1).max(30),
  questions: z.array(questionSchema).min(1, { error: 'must have 1..3 questions' }).max(3),
});
export type InterviewPhase = z.infer<typeof phaseSchema>;

const dimensionSpecSchema = z.strictObject({
  id: interviewDimensionSchema,
  /** What "senior" looks like on this dimension. */
  senior: text(400),
  /** What a weak answer looks like (interviewer calibration). */
  weak: text(300),
});

const faultSchema = z.strictObject({
  id: contentIdSchema,
  label: text(80),
  /** What the candidate should notice and explain (interviewer only). */
  expect: text(300),
  intents: intentListSchema.min(1, { error: 'must list at least one intent' }).max(6),
});
export type InterviewFault = z.infer<typeof faultSchema>;

/** A validated interview template. */
export const interviewTemplateSchema = z
  .strictObject({
    id: contentIdSchema,
    title: text(120),
    summary: text(400),
    minutes: z.int().min(10).max(90),
    audience: z.enum(['candidate', 'onboarding']),
    lessonIds: z.array(lessonIdSchema).min(1),
    dimensions: z.array(dimensionSpecSchema).min(3).max(6),
    phases: z.array(phaseSchema).min(2).max(5),
    simulator: z.strictObject({
      presetId: simulatorPresetIdSchema,
      seed: z.int().min(0).max(4294967295),
      /** Faults the interviewer can inject into the shared run, one button each. */
      faults: z.array(faultSchema).min(2).max(6),
    }),
  })
  .superRefine((template, ctx) => {
    const total = template.phases.reduce((sum, phase) => sum + phase.minutes, 0);
    if (total !== template.minutes)
      ctx.addIssue({ code: 'custom', path: ['minutes'], message: `must equal the sum of the phase time boxes (${total})` });
    let lastKind = -1;
    template.phases.forEach((phase, index) => {
      const kind = PHASE_KINDS.indexOf(phase.kind);
      if (kind <= lastKind) ctx.addIssue({ code: 'custom', path: ['phases', index, 'kind'], message: `phases must follow the order ${PHASE_KINDS.join(' → ')} without repeats` });
      lastKind = kind;
    });
    const dimensionIds = template.dimensions.map((d) => d.id);
    if (new Set(dimensionIds).size !== dimensionIds.length) ctx.addIssue({ code: 'custom', path: ['dimensions'], message: 'dimension ids must be unique' });
    const questionIds = new Set<string>();
    template.phases.forEach((phase, p) =>
      phase.questions.forEach((question, q) => {
        if (questionIds.has(question.id)) ctx.addIssue({ code: 'custom', path: ['phases', p, 'questions', q, 'id'], message: `duplicate question id "${question.id}"` });
        questionIds.add(question.id);
        question.dimensions.forEach((dimension, d) => {
          if (!dimensionIds.includes(dimension)) ctx.addIssue({ code: 'custom', path: ['phases', p, 'questions', q, 'dimensions', d], message: `"${dimension}" is not one of this template's dimensions` });
        });
      }),
    );
    for (const dimension of dimensionIds) {
      if (!template.phases.some((phase) => phase.questions.some((q) => q.dimensions.includes(dimension))))
        ctx.addIssue({ code: 'custom', path: ['dimensions'], message: `no question gives evidence for "${dimension}"` });
    }
    const faultIds = template.simulator.faults.map((f) => f.id);
    if (new Set(faultIds).size !== faultIds.length) ctx.addIssue({ code: 'custom', path: ['simulator', 'faults'], message: 'fault ids must be unique' });
  });
export type InterviewTemplate = z.infer<typeof interviewTemplateSchema>;

/** `<phase index>.<question index>` addresses a question inside a template. */
export function questionAt(
  template: InterviewTemplate,
  phaseIndex: number,
  questionIndex: number,
): InterviewQuestion | null {
  return template.phases[phaseIndex]?.questions[questionIndex] ?? null;
}
