import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { cachedForUser } from '@/lib/cache/user-data';
import { loadDeck } from '@/lib/content/deck';
import type { CardKind, DeckCard } from '@/lib/content/deck-schema';

/** Personal cards join the queue under this id prefix: `personal:<PersonalCard.id>`. */
export const PERSONAL_PREFIX = 'personal:';

/** A card the learner can study: a deck card or one of their personal cards. */
export type StudyCard = {
  id: string;
  front: string;
  back: string;
  kind: CardKind | 'personal';
  lessonId: string | null;
  competency: string | null;
  tags: string[];
  source: { title: string; url: string } | null;
  isPersonal: boolean;
};

const tagsSchema = z.array(z.string()).catch([]);

const PERSONAL_SELECT = { id: true, front: true, back: true, lessonId: true, tags: true } as const;

function personalToStudyCard(row: {
  id: string;
  front: string;
  back: string;
  lessonId: string | null;
  tags: string;
}): StudyCard {
  let tags: string[] = [];
  try {
    tags = tagsSchema.parse(JSON.parse(row.tags));
  } catch {
    tags = [];
  }
  return {
    id: `${PERSONAL_PREFIX}${row.id}`,
    front: row.front,
    back: row.back,
    kind: 'personal',
    lessonId: row.lessonId,
    competency: tags[0] ?? null,
    tags,
    source: null,
    isPersonal: true,
  };
}

function deckToStudyCard(card: DeckCard): StudyCard {
  return {
    id: card.id,
    front: card.front,
    back: card.back,
    kind: card.kind,
    lessonId: card.lessonId,
    competency: card.competency,
    tags: [...card.tags],
    source: card.source ?? null,
    isPersonal: false,
  };
}

// The deck is loaded once per process; map it to study cards once per loaded deck, not per call.
const studyCardsOfDeck = new WeakMap<object, readonly StudyCard[]>();
function deckStudyCards(deck: { cards: readonly DeckCard[] }): readonly StudyCard[] {
  let cards = studyCardsOfDeck.get(deck);
  if (!cards) {
    cards = deck.cards.map(deckToStudyCard);
    studyCardsOfDeck.set(deck, cards);
  }
  return cards;
}

/**
 * Everything the user can study, in introduction order: their personal cards (oldest first;
 * they come from their own mistakes) and then the deck in chapter order.
 */
export async function listStudyCards({ userId }: { userId: string }): Promise<StudyCard[]> {
  const [deck, personal] = await Promise.all([
    loadDeck(),
    cachedForUser(userId, 'personal-cards', async () =>
      (
        await db.personalCard.findMany({
          where: { userId },
          select: PERSONAL_SELECT,
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        })
      ).map(personalToStudyCard),
    ),
  ]);
  return [...personal, ...deckStudyCards(deck)];
}

/** One study card the user may review, or null (unknown id, or another user's personal card). */
export async function getStudyCard({
  userId,
  cardId,
}: {
  userId: string;
  cardId: string;
}): Promise<StudyCard | null> {
  if (cardId.startsWith(PERSONAL_PREFIX)) {
    const id = cardId.slice(PERSONAL_PREFIX.length);
    if (!id) return null;
    const row = await db.personalCard.findFirst({ where: { id, userId }, select: PERSONAL_SELECT });
    return row ? personalToStudyCard(row) : null;
  }
  const card = (await loadDeck()).byId.get(cardId);
  return card ? deckToStudyCard(card) : null;
}
