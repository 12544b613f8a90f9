import { z } from 'zod';
import type { GradeResult } from '@/lib/grading/types';

// ScenarioAttempt.feedback and .decision are JSON text columns: parse them with zod on the
// way out. Importable anywhere (no server-only) so client components can share the types.

const criterionSchema = z.object({
  id: z.string(),
  concept: z.string(),
  weight: z.number(),
  status: z.enum(['hit', 'missed']),
  matched: z.string().optional(),
  negatedMention: z.string().optional(),
  reversed: z.string().optional(),
  appliedToCase: z.boolean().optional(),
  lessonId: z.string(),
  feedback: z.string(),
});

/** Shape of a stored grading result (GradeResult as JSON). */
export const storedGradeResultSchema = z.object({
  score: z.number(),
  maxScore: z.literal(100),
  decision: z.object({ correct: z.boolean(), credit: z.number(), feedback: z.string() }),
  criteria: z.array(criterionSchema),
  wrongTurns: z.array(z.object({ id: z.string(), feedback: z.string(), matched: z.string() })),
  penalties: z.array(
    z.object({
      id: z.string(),
      kind: z.enum([
        'wrong-turn',
        'contradiction',
        'keyword-stuffing',
        'reversed-point',
        'false-claim',
      ]),
      points: z.number(),
      reason: z.string(),
    }),
  ),
  tradeOffsNamed: z.number(),
  capApplied: z
    .object({
      reason: z.enum([
        'wrong-decision',
        'keyword-stuffing',
        'reversed-point',
        'false-claim',
        'hedged',
        'no-argument',
        'overclaim',
        'ungrounded',
        'partial-decision',
      ]),
      cap: z.number(),
      message: z.string(),
    })
    .optional(),
  prediction: z
    .object({
      answered: z.boolean(),
      correct: z.boolean(),
      expected: z.string(),
      feedback: z.string(),
    })
    .optional(),
  breakdown: z.object({
    decision: z.number(),
    coverage: z.number(),
    tradeOffs: z.number(),
    reasoning: z.number(),
    penalties: z.number(),
    uncapped: z.number(),
    // Older stored results have no case-facts component.
    caseFacts: z.number().default(0),
  }),
  summary: z.string(),
  falseClaims: z
    .array(
      z.object({
        mesh: z.string(),
        capabilityId: z.string(),
        evidence: z.string(),
        message: z.string(),
      }),
    )
    .optional(),
  caseFactsCited: z.number().optional(),
  hedged: z.boolean().optional(),
  language: z.object({ language: z.string(), message: z.string() }).optional(),
  gradedBy: z.enum(['rubric', 'model']).optional(),
  judgeNote: z.string().optional(),
}) satisfies z.ZodType<GradeResult>;

/** A stored decision: option id, ordered ids or a number. */
export const storedDecisionSchema = z.union([z.string(), z.array(z.string()), z.number()]);
export type StoredDecision = z.infer<typeof storedDecisionSchema>;

/** Parses a JSON text column with a schema; null when the text is not valid JSON or does not match. */
export function parseJsonColumn<T>(schema: z.ZodType<T>, text: string): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
