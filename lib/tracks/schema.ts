import { z } from 'zod';
import {
  COMPETENCY_TAGS,
  competencyTagSchema,
  contentIdSchema,
  lessonIdSchema,
} from '@/lib/content/schemas';

// Track items and templates. Importable anywhere (client forms use the kinds and limits).

/** Item kinds. Simulator challenges and mock interviews come from other areas of the app. */
export const TRACK_ITEM_KINDS = [
  'lesson',
  'flashcards',
  'scenario',
  'simulator-challenge',
  'mock-interview',
] as const;
export type TrackItemKind = (typeof TRACK_ITEM_KINDS)[number];

export const TRACK_ITEM_KIND_LABELS: Readonly<Record<TrackItemKind, string>> = {
  lesson: 'Lesson',
  flashcards: 'Flashcard competency',
  scenario: 'Scenario',
  'simulator-challenge': 'Simulator challenge',
  'mock-interview': 'Mock interview',
};

export const MAX_TRACK_ITEMS = 60;
export const DEFAULT_RECALL_THRESHOLD = 0.85;
export const DEFAULT_PASS_SCORE = 70;

/**
 * A due date: relative to the member's start on the track ("day 3" = end of the third day,
 * day 1 being the start day; "week 2" = end of day 14) or an absolute UTC date
 * ("2026-12-15" = end of that day).
 */
export type DueSpec = { type: 'relative'; days: number } | { type: 'absolute'; date: string };

const DUE_PATTERN = /^(?:(day|week)\s+(\d{1,3})|(\d{4}-\d{2}-\d{2}))$/i;
export const MAX_RELATIVE_DAYS = 730;

/** Parses "day 3", "week 2" or "2026-12-15"; null when the text is none of those. */
export function parseDueSpec(text: string): DueSpec | null {
  const match = DUE_PATTERN.exec(text.trim());
  if (!match) return null;
  if (match[3]) {
    const date = match[3];
    const parsed = new Date(`${date}T00:00:00Z`);
    if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) return null;
    return { type: 'absolute', date };
  }
  const n = Number(match[2]);
  const days = match[1]?.toLowerCase() === 'week' ? n * 7 : n;
  if (n < 1 || days > MAX_RELATIVE_DAYS) return null;
  return { type: 'relative', days };
}

/** The canonical text of a due spec ("day 3", "week 2", "2026-12-15"). */
export function formatDueSpec(spec: DueSpec): string {
  if (spec.type === 'absolute') return spec.date;
  return spec.days % 7 === 0 ? `week ${spec.days / 7}` : `day ${spec.days}`;
}

export const dueTextSchema = z
  .string({ error: 'must be text' })
  .trim()
  .refine((text) => parseDueSpec(text) !== null, {
    error: `must be "day N", "week N" (N ≥ 1, up to ${MAX_RELATIVE_DAYS} days) or a date YYYY-MM-DD`,
  });

const titleSchema = z
  .string()
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(120, { error: 'must be at most 120 characters' });

const base = {
  required: z.boolean({ error: 'must be true or false' }),
  due: dueTextSchema,
  title: titleSchema.optional(),
};

const passScoreSchema = z
  .int({ error: 'must be an integer 1..100' })
  .min(1, { error: 'must be 1..100' })
  .max(100, { error: 'must be 1..100' })
  .default(DEFAULT_PASS_SCORE);

function itemUnion<Extra extends z.ZodRawShape>(extra: Extra) {
  return z.discriminatedUnion(
    'kind',
    [
      z.strictObject({ kind: z.literal('lesson'), ref: lessonIdSchema, ...base, ...extra }),
      z.strictObject({
        kind: z.literal('flashcards'),
        ref: competencyTagSchema,
        recallThreshold: z
          .number({ error: 'must be a number' })
          .min(0.5, { error: 'must be ≥ 0.5' })
          .max(0.99, { error: 'must be ≤ 0.99' })
          .default(DEFAULT_RECALL_THRESHOLD),
        ...base,
        ...extra,
      }),
      z.strictObject({
        kind: z.literal('scenario'),
        ref: contentIdSchema,
        passScore: passScoreSchema,
        ...base,
        ...extra,
      }),
      z.strictObject({
        kind: z.literal('simulator-challenge'),
        ref: contentIdSchema,
        ...base,
        ...extra,
      }),
      z.strictObject({
        kind: z.literal('mock-interview'),
        ref: contentIdSchema,
        passScore: passScoreSchema,
        ...base,
        ...extra,
      }),
    ],
    { error: () => `kind must be one of ${TRACK_ITEM_KINDS.join(', ')}` },
  );
}

/** One item of a track as authored in templates and sent by the track editor. */
export const trackItemInputSchema = itemUnion({});
export type TrackItemInput = z.input<typeof trackItemInputSchema>;

/** A stored item (Track.items): the input plus a stable id within its track. */
export const trackItemSchema = itemUnion({ id: z.string().regex(/^[a-z0-9]{1,24}$/) });
export type TrackItem = z.infer<typeof trackItemSchema>;

export const trackItemsSchema = z
  .array(trackItemSchema)
  .max(MAX_TRACK_ITEMS)
  .superRefine((items, ctx) => {
    const ids = new Set<string>();
    items.forEach((item, index) => {
      if (ids.has(item.id))
        ctx.addIssue({ code: 'custom', path: [index, 'id'], message: 'duplicate item id' });
      ids.add(item.id);
    });
  });

/** A track template file: `content/tracks/<id>.json`. */
export const trackTemplateSchema = z.strictObject({
  id: contentIdSchema,
  title: titleSchema,
  summary: z.string().trim().min(1).max(400),
  items: z
    .array(trackItemInputSchema)
    .min(1, { error: 'must have at least one item' })
    .max(MAX_TRACK_ITEMS, { error: `must have at most ${MAX_TRACK_ITEMS} items` }),
});
export type TrackTemplate = z.infer<typeof trackTemplateSchema>;

/** Competencies, re-exported for forms. */
export const TRACK_COMPETENCIES = COMPETENCY_TAGS;
