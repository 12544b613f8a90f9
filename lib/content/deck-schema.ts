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

// A measured or published quantity ("0.20 vCPU", "24 hours", "64×") or a version fact ("Istio 1.23",
// "since 2.16"). Bare counts such as "3 replicas" and formulas such as "(1 + r)^d" do not match.
const STATED_NUMBER =
  /\d[\d,.]*\s*(?:%|ms\b|MB\b|MiB\b|GiB\b|GB\b|KiB\b|vCPU\b|rps\b|qps\b|hours?\b|h\b|minutes?\b|seconds?\b|(?<=\d )s\b|days?\b|×|x\b|sidecars\b|pods\b|services\b)/i;
const VERSION_FACT =
  /\b(?:Istio|Linkerd|Envoy|Cilium|Consul|Kuma|Kong Mesh|Kubernetes|Gateway API)\s+v?\d+(?:\.\d+)*|\basm-\d+|\b(?:since|in|until|up to|before|from)\s+v?\d+\.\d+/i;

/** The number or version fact a card's text states, if any (such a card must cite a source). */
export function statedFact(text: string): string | null {
  return (STATED_NUMBER.exec(text) ?? VERSION_FACT.exec(text))?.[0] ?? null;
}

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
    } else if (!card.source) {
      const fact = statedFact(`${card.front} ${card.back}`);
      if (fact) {
        ctx.addIssue({
          code: 'custom',
          path: ['source'],
          message: `is required: the card states a number or version fact ("${fact}")`,
        });
      }
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
