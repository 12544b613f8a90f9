import { z } from 'zod';
import { analyzeText } from '@/lib/grading/text';
import type { ErrorClaim } from '@/lib/grading/types';
import {
  COMPETENCY_TAGS,
  competencyTagSchema,
  contentIdSchema,
  lessonIdSchema,
  simulatorPresetIdSchema,
} from './schemas';

// Scenario frontmatter (formats.md "Scenarios"). Importable anywhere, including client components.

/** Scenario kinds and the answer type each one uses. */
export const SCENARIO_KINDS = ['justify', 'choose', 'rollout', 'diagnose', 'estimate'] as const;
export const scenarioKindSchema = z.enum(SCENARIO_KINDS, { error: () => `must be one of ${SCENARIO_KINDS.join(', ')}` });
export type ScenarioKind = z.infer<typeof scenarioKindSchema>;
const ANSWER_TYPE_BY_KIND: Record<ScenarioKind, 'choice' | 'order' | 'number'> = {
  justify: 'choice',
  choose: 'choice',
  diagnose: 'choice',
  rollout: 'order',
  estimate: 'number',
};

const text = (max: number) =>
  z
    .string({ error: 'must be text' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` });

// YAML turns unquoted ids like `no` into strings with gray-matter's default schema, but
// numbers (e.g. `1`) into numbers: accept both and keep ids as strings.
const optionIdSchema = z.union([z.string(), z.number()]).transform(String).pipe(contentIdSchema);
const optionSchema = z.strictObject({ id: optionIdSchema, label: text(200) });

const choiceAnswerSchema = z.strictObject({
  type: z.literal('choice'),
  options: z.array(optionSchema).min(2, { error: 'must have at least 2 options' }).max(6, { error: 'must have at most 6 options' }),
  correct: z.array(optionIdSchema).min(1, { error: 'must list at least one correct option id' }),
});
const orderAnswerSchema = z.strictObject({
  type: z.literal('order'),
  items: z.array(optionSchema).min(3, { error: 'must have at least 3 steps' }).max(8, { error: 'must have at most 8 steps' }),
  correct: z.array(optionIdSchema),
});
const numberAnswerSchema = z.strictObject({
  type: z.literal('number'),
  unit: text(40),
  correct: z.number({ error: 'must be a number' }).refine((value) => Number.isFinite(value) && value !== 0, {
    error: 'must be a finite, non-zero number (the tolerance is relative)',
  }),
  tolerance: z.number({ error: 'must be a number' }).gt(0, { error: 'must be > 0' }).max(1, { error: 'must be ≤ 1 (relative, 0.15 = ±15 %)' }),
});
const answerSchema = z.discriminatedUnion('type', [choiceAnswerSchema, orderAnswerSchema, numberAnswerSchema], {
  error: () => 'type must be one of choice, order, number',
});

const phraseSchema = text(80).refine((phrase) => analyzeText(phrase).tokens.length > 0, {
  error: 'must contain at least one word',
});

const rubricCriterionSchema = z.strictObject({
  id: contentIdSchema,
  concept: text(120),
  weight: z.int({ error: 'must be an integer 1..3' }).min(1, { error: 'must be 1..3' }).max(3, { error: 'must be 1..3' }),
  phrases: z.array(phraseSchema).min(1, { error: 'must list at least one phrase' }).max(24, { error: 'must list at most 24 phrases' }),
  lessonId: lessonIdSchema,
  missedFeedback: text(600),
});

const wrongTurnSchema = z.strictObject({
  id: contentIdSchema,
  phrases: z.array(phraseSchema).min(1, { error: 'must list at least one phrase' }).max(16, { error: 'must list at most 16 phrases' }),
  feedback: text(600),
});

const predictionSchema = z.strictObject({
  prompt: text(300),
  options: z.array(optionSchema).min(2, { error: 'must have at least 2 options' }).max(6, { error: 'must have at most 6 options' }),
  correct: optionIdSchema,
  explanation: text(800),
});

/** Scenario frontmatter with cross-field checks (kind ↔ answer type, ids exist, no duplicates). */
export const scenarioFrontmatterSchema = z
  .strictObject({
    id: contentIdSchema,
    kind: scenarioKindSchema,
    title: text(120),
    difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: 'must be 1, 2 or 3' }),
    competencies: z.array(competencyTagSchema, { error: `must be a list of competency tags (${COMPETENCY_TAGS.join(', ')})` }).min(1, { error: 'must list at least one competency' }),
    lessonIds: z.array(lessonIdSchema).min(1, { error: 'must list at least one lesson id' }),
    question: text(400),
    answer: answerSchema,
    why: text(1200),
    rubric: z.array(rubricCriterionSchema).min(3, { error: 'must have 3..8 criteria' }).max(8, { error: 'must have 3..8 criteria' }),
    wrongTurns: z.array(wrongTurnSchema).min(1, { error: 'must have 1..5 wrong turns' }).max(5, { error: 'must have 1..5 wrong turns' }),
    modelAnswer: z.strictObject({ junior: text(2000), senior: text(4000) }),
    simulator: z
      .strictObject({
        presetId: simulatorPresetIdSchema,
        prediction: predictionSchema.optional(),
      })
      .optional(),
  })
  .superRefine((scenario, ctx) => {
    const expectedType = ANSWER_TYPE_BY_KIND[scenario.kind];
    if (scenario.answer.type !== expectedType) {
      ctx.addIssue({ code: 'custom', path: ['answer', 'type'], message: `a ${scenario.kind} scenario needs answer type "${expectedType}"` });
    }
    const answer = scenario.answer;
    if (answer.type === 'choice' || answer.type === 'order') {
      const list = answer.type === 'choice' ? answer.options : answer.items;
      const listName = answer.type === 'choice' ? 'options' : 'items';
      const ids = new Set<string>();
      list.forEach((option, index) => {
        if (ids.has(option.id)) ctx.addIssue({ code: 'custom', path: ['answer', listName, index, 'id'], message: `duplicate id "${option.id}"` });
        ids.add(option.id);
      });
      answer.correct.forEach((id, index) => {
        if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: ['answer', 'correct', index], message: `"${id}" is not one of the ${listName} ids` });
      });
      if (answer.type === 'order' && (answer.correct.length !== list.length || new Set(answer.correct).size !== list.length)) {
        ctx.addIssue({ code: 'custom', path: ['answer', 'correct'], message: 'must list every item id exactly once, in the right order' });
      }
      if (answer.type === 'choice' && new Set(answer.correct).size !== answer.correct.length) {
        ctx.addIssue({ code: 'custom', path: ['answer', 'correct'], message: 'must not repeat an id' });
      }
    }
    const rubricIds = new Set<string>();
    scenario.rubric.forEach((criterion, index) => {
      if (rubricIds.has(criterion.id)) ctx.addIssue({ code: 'custom', path: ['rubric', index, 'id'], message: `duplicate rubric id "${criterion.id}"` });
      rubricIds.add(criterion.id);
    });
    const wrongTurnIds = new Set<string>();
    scenario.wrongTurns.forEach((wrongTurn, index) => {
      if (wrongTurnIds.has(wrongTurn.id)) ctx.addIssue({ code: 'custom', path: ['wrongTurns', index, 'id'], message: `duplicate wrong turn id "${wrongTurn.id}"` });
      wrongTurnIds.add(wrongTurn.id);
    });
    const prediction = scenario.simulator?.prediction;
    if (prediction) {
      const ids = prediction.options.map((option) => option.id);
      if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['simulator', 'prediction', 'options'], message: 'option ids must be unique' });
      if (!ids.includes(prediction.correct)) {
        ctx.addIssue({ code: 'custom', path: ['simulator', 'prediction', 'correct'], message: `"${prediction.correct}" is not one of the prediction option ids` });
      }
    }
  });
export type ScenarioFrontmatter = z.infer<typeof scenarioFrontmatterSchema>;

/** A validated scenario: frontmatter plus its context (markdown body, not yet rendered). */
export type Scenario = ScenarioFrontmatter & {
  context: string;
  file: string;
  /** The expert error catalogue (content/service-mesh/error-catalogue/<id>.md), when one exists. */
  errorClaims?: ErrorClaim[];
};
