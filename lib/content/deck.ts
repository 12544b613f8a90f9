import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ContentError, formatZodIssues } from './content-error';
import type { ContentChecker } from './content-error';
import { deckFileSchema } from './deck-schema';
import { LESSON_IDS } from './schemas';
import type { DeckCard } from './deck-schema';
import { COMPETENCY_TAGS } from './schemas';

// File-system loader for the flashcard deck. Like lesson-pack.ts it has no `server-only`
// marker so `npm run content:check` (plain Node via tsx) can use it; it reads files with
// node:fs, so a client bundle that imported it would fail to build anyway. The fs calls are
// marked turbopackIgnore: the directory is chosen at run time (tests use a fixture deck), and
// without the marker Turbopack traces the whole project into the server output.

/** Default deck directory, relative to the repository root (the working directory of app and scripts). */
export const DECK_DIR = path.join('content', 'service-mesh', 'cards');

export type Deck = {
  /** Cards in introduction order: by lesson (chapter order), then competency, then file order. */
  cards: DeckCard[];
  byId: ReadonlyMap<string, DeckCard>;
};

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return (relative.startsWith('..') ? file : relative).split(path.sep).join('/');
}

/** Reads and validates every `<competency>.json` in `dir`; problems name the file and field. */
export async function readDeck(dir: string = DECK_DIR): Promise<{ deck: Deck | null; problems: string[] }> {
  const problems: string[] = [];
  let names: string[];
  try {
    names = (await readdir(/* turbopackIgnore: true */ dir)).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { deck: null, problems: [`${displayPath(dir)}: deck directory is missing`] };
    }
    throw error;
  }
  if (names.length === 0) problems.push(`${displayPath(dir)}: no <competency>.json card files found`);

  const cards: DeckCard[] = [];
  const seenIds = new Map<string, string>();
  for (const name of names) {
    const file = path.join(/* turbopackIgnore: true */ dir, name);
    const shown = displayPath(file);
    let json: unknown;
    try {
      json = JSON.parse(await readFile(/* turbopackIgnore: true */ file, 'utf8'));
    } catch (error) {
      problems.push(`${shown}: (root): invalid JSON (${(error as Error).message})`);
      continue;
    }
    const parsed = deckFileSchema.safeParse(json);
    if (!parsed.success) {
      problems.push(...formatZodIssues(shown, parsed.error.issues));
      continue;
    }
    const { competency } = parsed.data;
    if (name !== `${competency}.json`) {
      problems.push(`${shown}: competency: file must be named ${competency}.json`);
    }
    parsed.data.cards.forEach((card, index) => {
      const earlier = seenIds.get(card.id);
      if (earlier) {
        problems.push(`${shown}: cards[${index}].id: duplicate card id "${card.id}" (also in ${earlier})`);
        return;
      }
      seenIds.set(card.id, shown);
      cards.push({ ...card, competency });
    });
  }
  if (problems.length > 0) return { deck: null, problems };

  const lessonOrder = new Map<string, number>(LESSON_IDS.map((id, index) => [id, index]));
  const competencyOrder = new Map<string, number>(COMPETENCY_TAGS.map((tag, index) => [tag, index]));
  const fileOrder = new Map(cards.map((card, index) => [card.id, index]));
  cards.sort(
    (a, b) =>
      (lessonOrder.get(a.lessonId) ?? 0) - (lessonOrder.get(b.lessonId) ?? 0) ||
      (competencyOrder.get(a.competency) ?? 0) - (competencyOrder.get(b.competency) ?? 0) ||
      (fileOrder.get(a.id) ?? 0) - (fileOrder.get(b.id) ?? 0),
  );
  return { deck: { cards, byId: new Map(cards.map((card) => [card.id, card])) }, problems: [] };
}

const cache = new Map<string, Promise<Deck>>();

/**
 * The validated deck (cached per directory). Throws ContentError naming file and field.
 * `MESH_DOJO_DECK_DIR` overrides the directory (tests and benchmarks use a fixture deck).
 */
export function loadDeck(dir: string = process.env.MESH_DOJO_DECK_DIR ?? DECK_DIR): Promise<Deck> {
  let pending = cache.get(dir);
  if (!pending) {
    pending = readDeck(dir).then(({ deck, problems }) => {
      if (!deck) throw new ContentError(problems);
      return deck;
    });
    pending.catch(() => cache.delete(dir));
    cache.set(dir, pending);
  }
  return pending;
}

/** `npm run content:check` entry for the flashcard deck. */
export const deckChecker: ContentChecker = {
  name: 'flashcards',
  async check(contentRoot) {
    const { deck, problems } = await readDeck(path.join(contentRoot, 'service-mesh', 'cards'));
    if (!deck) return { problems };
    const perCompetency = COMPETENCY_TAGS.map(
      (tag) => `${tag} ${deck.cards.filter((card) => card.competency === tag).length}`,
    ).join(', ');
    return { problems: [], summary: `${deck.cards.length} cards (${perCompetency})` };
  },
};
