import { z } from 'zod';
import { PRESET_IDS } from '@/lib/sim/preset-ids';

// Shared ids (see formats.md). Importable anywhere, including client components.

export const COMPETENCY_TAGS = [
  'mtls',
  'traffic-policy',
  'resilience',
  'observability',
  'rollout',
  'mesh-choice',
  'adoption-cost',
] as const;
export const competencyTagSchema = z.enum(COMPETENCY_TAGS);
export type CompetencyTag = z.infer<typeof competencyTagSchema>;

/** Lesson ids of the service-mesh pack, in chapter order (formats.md); one list for all content. */
export const LESSON_IDS = [
  'why-service-mesh',
  'when-is-a-mesh-justified',
  'data-plane-and-control-plane',
  'resilience-retries-timeouts-circuit-breaking',
  'zero-trust-mtls-and-authorization',
  'observability-and-golden-telemetry',
  'rollout-strategy',
  'the-five-meshes',
  'choosing-a-mesh-stack',
  'production-patterns',
  'beyond-one-cluster',
  'common-mistakes',
  'related-topics-and-interview-playbook',
] as const;
export const lessonIdSchema = z.enum(LESSON_IDS, {
  error: () => `must be one of the lesson ids (${LESSON_IDS.join(', ')})`,
});

export const SIMULATOR_PRESET_IDS = PRESET_IDS;
export const simulatorPresetIdSchema = z.enum(SIMULATOR_PRESET_IDS, {
  error: () => `must be one of the simulator preset ids (${SIMULATOR_PRESET_IDS.join(', ')})`,
});

export const DIAGRAM_IDS = [
  'data-plane-vs-control-plane',
  'sidecar-request-path',
  'ambient-request-path',
  'mesh-adoption-timeline',
] as const;
export type DiagramId = (typeof DIAGRAM_IDS)[number];

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const contentIdSchema = z
  .string()
  .regex(KEBAB_ID, { error: 'must be a kebab-case id (a-z, 0-9 and single dashes)' });

const nonEmptyText = (max: number) =>
  z
    .string({ error: 'must be text' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` });

export const keyTermSchema = z.strictObject({
  term: nonEmptyText(80),
  definition: nonEmptyText(500),
});
export type KeyTerm = z.infer<typeof keyTermSchema>;

export const sourceSchema = z.strictObject({
  title: nonEmptyText(200),
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
});

const choiceQuestionSchema = z
  .strictObject({
    id: contentIdSchema,
    type: z.literal('choice'),
    prompt: nonEmptyText(400),
    options: z
      .array(nonEmptyText(300))
      .min(2, { error: 'must have at least 2 options' })
      .max(6, { error: 'must have at most 6 options' }),
    answer: z.int({ error: 'must be an integer index into options' }),
    explanation: nonEmptyText(1000),
  })
  .superRefine((question, ctx) => {
    if (question.answer < 0 || question.answer >= question.options.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['answer'],
        message: `must be an index into options (0..${question.options.length - 1})`,
      });
    }
  });

const shortQuestionSchema = z.strictObject({
  id: contentIdSchema,
  type: z.literal('short'),
  prompt: nonEmptyText(400),
  accept: z
    .array(nonEmptyText(100))
    .min(1, { error: 'must list at least one accepted phrase' })
    .max(12, { error: 'must list at most 12 accepted phrases' }),
  sampleAnswer: nonEmptyText(600),
  explanation: nonEmptyText(1000),
});

export const selfCheckQuestionSchema = z.discriminatedUnion('type', [choiceQuestionSchema, shortQuestionSchema], {
  error: 'type must be "choice" or "short"',
});
export type SelfCheckQuestion = z.infer<typeof selfCheckQuestionSchema>;
export type ChoiceQuestion = z.infer<typeof choiceQuestionSchema>;
export type ShortQuestion = z.infer<typeof shortQuestionSchema>;

export const lessonFrontmatterSchema = z
  .strictObject({
    id: contentIdSchema,
    title: nonEmptyText(120),
    summary: nonEmptyText(400),
    minutes: z
      .int({ error: 'must be an integer number of minutes' })
      .min(3, { error: 'must be between 3 and 40' })
      .max(40, { error: 'must be between 3 and 40' }),
    objectives: z
      .array(nonEmptyText(300))
      .min(2, { error: 'must have 2 to 6 objectives' })
      .max(6, { error: 'must have 2 to 6 objectives' }),
    keyTerms: z
      .array(keyTermSchema)
      .min(2, { error: 'must have 2 to 12 key terms' })
      .max(12, { error: 'must have 2 to 12 key terms' }),
    prerequisites: z.array(contentIdSchema).default([]),
    competencies: z.array(competencyTagSchema).min(1, { error: 'must name at least one competency' }),
    simulatorPreset: simulatorPresetIdSchema.optional(),
    sources: z.array(sourceSchema).max(10, { error: 'must have at most 10 sources' }).default([]),
    selfCheck: z
      .array(selfCheckQuestionSchema)
      .min(3, { error: 'must have 3 to 5 questions' })
      .max(5, { error: 'must have 3 to 5 questions' }),
    interviewSummary: nonEmptyText(1500),
  })
  .superRefine((lesson, ctx) => {
    const seenQuestions = new Set<string>();
    lesson.selfCheck.forEach((question, index) => {
      if (seenQuestions.has(question.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['selfCheck', index, 'id'],
          message: `duplicate question id "${question.id}"`,
        });
      }
      seenQuestions.add(question.id);
    });
    const seenTerms = new Set<string>();
    lesson.keyTerms.forEach((keyTerm, index) => {
      const key = keyTerm.term.toLowerCase();
      if (seenTerms.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['keyTerms', index, 'term'],
          message: `duplicate key term "${keyTerm.term}"`,
        });
      }
      seenTerms.add(key);
    });
    if (lesson.prerequisites.includes(lesson.id)) {
      ctx.addIssue({ code: 'custom', path: ['prerequisites'], message: 'a lesson cannot require itself' });
    }
  });
export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>;

export const relatedChapterSchema = z.strictObject({
  title: nonEmptyText(120),
  description: nonEmptyText(500),
});

export const chapterManifestSchema = z
  .strictObject({
    id: contentIdSchema,
    title: nonEmptyText(120),
    summary: nonEmptyText(800),
    objectives: z.array(nonEmptyText(300)).min(1, { error: 'must have at least one objective' }),
    lessons: z.array(contentIdSchema).min(1, { error: 'must list at least one lesson' }),
    relatedChapters: z.array(relatedChapterSchema).default([]),
  })
  .superRefine((manifest, ctx) => {
    const seen = new Set<string>();
    manifest.lessons.forEach((lessonId, index) => {
      if (seen.has(lessonId)) {
        ctx.addIssue({ code: 'custom', path: ['lessons', index], message: `duplicate lesson id "${lessonId}"` });
      }
      seen.add(lessonId);
    });
  });
export type ChapterManifest = z.infer<typeof chapterManifestSchema>;

/** A validated lesson: frontmatter plus its markdown body (not yet rendered). */
export type Lesson = LessonFrontmatter & {
  body: string;
  /** Repo-relative path, used in error messages. */
  file: string;
  /** Lines before the body in the file, to report body problems at file line numbers. */
  bodyLineOffset: number;
};

/** A validated chapter pack: manifest plus its lessons in manifest order. */
export type LessonPack = { manifest: ChapterManifest; lessons: Lesson[] };
