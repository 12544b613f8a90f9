import { z } from 'zod';
import { LESSON_IDS, competencyTagSchema, sourceSchema } from './schemas';
import type { CompetencyTag } from './schemas';

// Flashcard deck format (formats.md, "Flashcards"). Importable anywhere, including client code.

export const CARD_KINDS = ['definition', 'trade-off', 'which-mesh', 'number', 'failure-mode', 'interview'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

const cardText = (max: number) =>
  z
    .string({ error: 'must be text' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` });

export const deckCardSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z-]+-\d{3}$/, { error: 'must look like <competency>-NNN, e.g. mtls-001' }),
    kind: z.enum(CARD_KINDS, { error: `must be one of ${CARD_KINDS.join(', ')}` }),
    front: cardText(300),
    back: cardText(600),
    lessonId: z.enum(LESSON_IDS, { error: 'must be a lesson id from formats.md' }),
    tags: z.array(competencyTagSchema).min(1, { error: 'must list at least one competency tag' }),
    source: sourceSchema.optional(),
  })
  .superRefine((card, ctx) => {
    if (card.kind === 'number' && !card.source) {
      ctx.addIssue({ code: 'custom', path: ['source'], message: 'is required when kind is "number"' });
    }
    if (new Set(card.tags).size !== card.tags.length) {
      ctx.addIssue({ code: 'custom', path: ['tags'], message: 'must not repeat a tag' });
    }
  });

/** One competency file: `content/service-mesh/cards/<competency>.json`. */
export const deckFileSchema = z
  .strictObject({
    competency: competencyTagSchema,
    cards: z.array(deckCardSchema).min(1, { error: 'must contain at least one card' }),
  })
  .superRefine((file, ctx) => {
    file.cards.forEach((card, index) => {
      if (!card.id.startsWith(`${file.competency}-`) || !/^\d{3}$/.test(card.id.slice(file.competency.length + 1))) {
        ctx.addIssue({
          code: 'custom',
          path: ['cards', index, 'id'],
          message: `must be "${file.competency}-NNN" in this file`,
        });
      }
      if (card.tags[0] !== file.competency) {
        ctx.addIssue({
          code: 'custom',
          path: ['cards', index, 'tags', 0],
          message: `the first tag must be the file's competency "${file.competency}"`,
        });
      }
    });
  });

export type DeckFile = z.infer<typeof deckFileSchema>;
type DeckCardInput = z.infer<typeof deckCardSchema>;

/** A validated deck card plus the competency of the file it came from. */
export type DeckCard = DeckCardInput & { competency: CompetencyTag };
