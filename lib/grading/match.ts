// Phrase matching over analysed text, with negation awareness. Pure and deterministic.
//
// Phrase syntax (rubric phrases are plain words; the lexicon uses the rest):
//   words        matched by stem or lemma stem ("retries" ~ "retry", "ran" ~ "run")
//   a|b          either word in this slot
//   encrypt*     any word starting with "encrypt" (encrypts, encryption, encrypted)
//   ~            a gap of up to 4 words inside the same sentence
import { lemmaOfWord } from './lemmas';
import {
  SKIPPABLE,
  analyzeText,
  isPostNegated,
  stemWord,
  type AnalyzedText,
  type TextToken,
} from './text';

/** One occurrence of a phrase in the text; `negated` when the clause denies it. */
export type PhraseOccurrence = {
  phrase: string;
  /** Token range [start, end). */
  start: number;
  end: number;
  /** The learner's words (from the normalised text). */
  text: string;
  negated: boolean;
};

/** One position of a compiled phrase: a set of accepted stems, prefixes, or a gap. */
export type PhraseSlot =
  | { kind: 'word'; stems: ReadonlySet<string>; prefixes: readonly string[]; isSkippable: boolean }
  | { kind: 'gap'; max: number };

/** A phrase prepared for matching: slot sequences (the written form plus a joined variant). */
export type CompiledPhrase = { phrase: string; variants: PhraseSlot[][] };

/** Words a gap may span. */
export const GAP_WORDS = 4;

const compileCache = new Map<string, CompiledPhrase | null>();

function wordSlot(alternatives: readonly string[]): PhraseSlot | null {
  const stems = new Set<string>();
  const prefixes: string[] = [];
  let isSkippable = true;
  for (const alternative of alternatives) {
    if (alternative.endsWith('*') && alternative.length > 1) {
      prefixes.push(foldPattern(alternative.slice(0, -1)));
      isSkippable = false;
      continue;
    }
    const tokens = analyzeText(alternative, (text) => new Map([[0, lemmaOfWord(text)]])).tokens;
    for (const token of tokens) {
      stems.add(token.stem);
      stems.add(token.lemmaStem);
      if (!SKIPPABLE.has(token.norm)) isSkippable = false;
    }
  }
  if (stems.size === 0 && prefixes.length === 0) return null;
  return { kind: 'word', stems, prefixes, isSkippable };
}

function foldPattern(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Compiles one phrase (cached process-wide); null when it has no words. */
export function compilePhrase(phrase: string): CompiledPhrase | null {
  const cached = compileCache.get(phrase);
  if (cached !== undefined) return cached;
  const slots: PhraseSlot[] = [];
  const isPattern = /[|*~]/.test(phrase);
  const pieces = isPattern
    ? phrase.trim().split(/\s+/)
    : analyzeText(phrase).tokens.map((token) => token.norm);
  for (const piece of pieces) {
    if (piece === '~') {
      if (slots.length > 0) slots.push({ kind: 'gap', max: GAP_WORDS });
      continue;
    }
    const alternatives = isPattern
      ? piece
          .split('|')
          .flatMap((part) =>
            analyzeText(part.replace(/\*$/, '')).tokens.map((t, i, all) =>
              part.endsWith('*') && i === all.length - 1 ? `${t.norm}*` : t.norm,
            ),
          )
      : [piece];
    // Alternatives of a slot are single words; "a|b" pieces never contain spaces.
    const slot = wordSlot(alternatives);
    if (slot) slots.push(slot);
  }
  while (slots.at(-1)?.kind === 'gap') slots.pop();
  // Determiners are dropped unless the phrase is only determiners.
  const kept = slots.filter((slot) => slot.kind === 'gap' || !slot.isSkippable);
  const variants: PhraseSlot[][] = [];
  const main = kept.some((slot) => slot.kind === 'word') ? kept : slots;
  if (main.length === 0) {
    compileCache.set(phrase, null);
    return null;
  }
  variants.push(main);
  if (!isPattern && main.length > 1) {
    const joined = stemWord(
      phrase
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ''),
    );
    if (joined.length > 0)
      variants.push([{ kind: 'word', stems: new Set([joined]), prefixes: [], isSkippable: false }]);
  }
  const compiled = { phrase, variants };
  if (compileCache.size > 50_000) compileCache.clear();
  compileCache.set(phrase, compiled);
  return compiled;
}

/** Compiles phrases (cached); empty phrases are dropped. */
export function compilePhrases(phrases: readonly string[]): CompiledPhrase[] {
  const compiled: CompiledPhrase[] = [];
  for (const phrase of phrases) {
    const one = compilePhrase(phrase);
    if (one) compiled.push(one);
  }
  return compiled;
}

function slotAccepts(slot: PhraseSlot & { kind: 'word' }, token: TextToken): boolean {
  if (slot.stems.has(token.stem) || slot.stems.has(token.lemmaStem)) return true;
  for (const prefix of slot.prefixes) if (token.norm.startsWith(prefix)) return true;
  return false;
}

function matchFrom(
  tokens: readonly TextToken[],
  slots: readonly PhraseSlot[],
  slotIndex: number,
  t: number,
  sentence: number,
): number | null {
  if (slotIndex >= slots.length) return t;
  const slot = slots[slotIndex];
  if (!slot) return t;
  if (slot.kind === 'gap') {
    for (let skip = 0; skip <= slot.max; skip += 1) {
      const at = t + skip;
      if (at >= tokens.length || tokens[at]?.sentence !== sentence) return null;
      const end = matchFrom(tokens, slots, slotIndex + 1, at, sentence);
      if (end !== null) return end;
    }
    return null;
  }
  let cursor = t;
  if (slotIndex > 0) {
    while (
      cursor < tokens.length &&
      tokens[cursor]?.sentence === sentence &&
      SKIPPABLE.has(tokens[cursor]?.norm ?? '') &&
      !slotAccepts(slot, tokens[cursor] as TextToken)
    )
      cursor += 1;
  }
  const token = tokens[cursor];
  if (!token || token.sentence !== sentence) return null;
  if (slotAccepts(slot, token))
    return matchFrom(tokens, slots, slotIndex + 1, cursor + 1, sentence);
  // Hyphen/space variants: "time-outs" / "side car" written apart but listed joined.
  const next = tokens[cursor + 1];
  if (
    next &&
    next.sentence === sentence &&
    next.start !== token.start &&
    slot.stems.has(stemWord(token.norm + next.norm))
  )
    return matchFrom(tokens, slots, slotIndex + 1, cursor + 2, sentence);
  return null;
}

/** Every occurrence of any phrase, longest first at a given start; occurrences never overlap for one phrase list. */
export function findOccurrences(
  analyzed: AnalyzedText,
  phrases: readonly CompiledPhrase[],
): PhraseOccurrence[] {
  const { tokens, text } = analyzed;
  const found: PhraseOccurrence[] = [];
  for (let start = 0; start < tokens.length; start += 1) {
    const sentence = tokens[start]?.sentence ?? -1;
    let best: { phrase: string; end: number } | null = null;
    for (const compiled of phrases) {
      for (const slots of compiled.variants) {
        const end = matchFrom(tokens, slots, 0, start, sentence);
        if (end !== null && (best === null || end > best.end))
          best = { phrase: compiled.phrase, end };
      }
    }
    if (!best) continue;
    const first = tokens[start];
    const last = tokens[best.end - 1];
    if (!first || !last) continue;
    const negated = (first.negationDepth % 2 === 1) !== isPostNegated(tokens, best.end);
    found.push({
      phrase: best.phrase,
      start,
      end: best.end,
      text: text.slice(first.start, last.end),
      negated,
    });
    start = best.end - 1;
  }
  return found;
}
