// Phrase matching over analysed text, with negation awareness. Pure and deterministic.
//
// Rubric phrases are plain words. Lexicon patterns add (see lexicon.ts):
//   a b|c d      alternatives of a group, each one or more words ("out of the box|by default")
//   encrypt*     a word starting with "encrypt" (encrypts, encryption, encrypted)
//   side*car     the word written joined, hyphenated or apart (sidecar, side-car, side car)
//   ~            between groups: a gap of up to 4 words inside the same clause
//   ~~           between groups: a gap of up to 10 words anywhere in the same sentence
//   +            between groups: adjacent ("cap|limit + retr*" is "cap retries" or "limit retries")
// Words match by stem or by lemma stem ("retries" ~ "retry", "ran" ~ "run").
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

/** One word position: accepted stems and prefixes. */
export type WordSlot = { stems: ReadonlySet<string>; prefixes: readonly string[] };
/** A group (alternative word sequences) or a gap between groups. */
export type PhraseSlot =
  | { kind: 'group'; alternatives: readonly (readonly WordSlot[])[] }
  | { kind: 'gap'; max: number; acrossClauses?: boolean };

/** A phrase prepared for matching: slot sequences (the written form plus a joined variant). */
export type CompiledPhrase = { phrase: string; variants: PhraseSlot[][] };

/** Words a gap may span. */
export const GAP_WORDS = 4;
/** Words a sentence-wide gap (`~~`) may span. */
export const WIDE_GAP_WORDS = 10;

const compileCache = new Map<string, CompiledPhrase | null>();
const lemmatizeWord = (text: string) => new Map([[0, lemmaOfWord(text)]]);

function foldPattern(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Word slots of one plain alternative ("mutual* tls"); determiners dropped unless nothing else is left. */
function compileSequence(alternative: string): WordSlot[] {
  const slots: Array<WordSlot & { isSkippable: boolean }> = [];
  for (const raw of alternative.trim().split(/\s+/)) {
    if (raw === '') continue;
    if (raw.endsWith('*') && raw.length > 1 && !raw.slice(0, -1).includes('*')) {
      slots.push({
        stems: new Set(),
        prefixes: [foldPattern(raw.slice(0, -1))],
        isSkippable: false,
      });
      continue;
    }
    // "side*car": joined, or apart (analyzeText splits "side-car" and "side car" alike).
    const mid = raw.includes('*') ? raw.replace(/\*/g, '') : null;
    const tokens = analyzeText(mid ?? raw, lemmatizeWord).tokens;
    if (mid !== null) {
      slots.push({
        stems: new Set([stemWord(foldPattern(mid))]),
        prefixes: [],
        isSkippable: false,
      });
      continue;
    }
    for (const token of tokens)
      slots.push({
        stems: new Set([token.stem, token.lemmaStem]),
        prefixes: [],
        isSkippable: SKIPPABLE.has(token.norm),
      });
  }
  const kept = slots.filter((slot) => !slot.isSkippable);
  return (kept.length > 0 ? kept : slots).map(({ stems, prefixes }) => ({ stems, prefixes }));
}

/** Compiles one phrase or pattern (cached process-wide); null when it has no words. */
export function compilePhrase(phrase: string): CompiledPhrase | null {
  const cached = compileCache.get(phrase);
  if (cached !== undefined) return cached;
  const isPattern = /[|*~+]/.test(phrase);
  const slots: PhraseSlot[] = [];
  // "a ~ b": gap between groups; "a + b": adjacent groups.
  const parts = isPattern ? phrase.split(/\s+(~~|[~+])\s+/) : [phrase];
  for (let index = 0; index < parts.length; index += 2) {
    const group = parts[index] ?? '';
    const separator = parts[index - 1];
    const alternatives = (isPattern ? group.split('|') : [group])
      .flatMap((alternative) => {
        // Mid-word stars also accept the split form ("side*car" → "sidecar" or "side car").
        const parts = alternative.trim().split(/\s+/);
        const hasMidStar = parts.some((part) => /\*./.test(part));
        return hasMidStar
          ? [alternative, alternative.replace(/(\S)\*(?=\S)/g, '$1 ')]
          : [alternative];
      })
      .map(compileSequence)
      .filter((sequence) => sequence.length > 0);
    if (alternatives.length === 0) continue;
    if (slots.length > 0)
      slots.push(
        separator === '~~'
          ? { kind: 'gap', max: WIDE_GAP_WORDS, acrossClauses: true }
          : { kind: 'gap', max: isPattern && separator === '~' ? GAP_WORDS : 0 },
      );
    slots.push({ kind: 'group', alternatives });
  }
  if (slots.length === 0) {
    compileCache.set(phrase, null);
    return null;
  }
  const variants: PhraseSlot[][] = [slots];
  const words = phrase.trim().split(/\s+/);
  if (!isPattern && words.length > 1) {
    const joined = stemWord(foldPattern(phrase.normalize('NFKC')).replace(/[^\p{L}\p{N}]+/gu, ''));
    if (joined.length > 0)
      variants.push([
        { kind: 'group', alternatives: [[{ stems: new Set([joined]), prefixes: [] }]] },
      ]);
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

function wordAccepts(slot: WordSlot, token: TextToken): boolean {
  if (slot.stems.has(token.stem) || slot.stems.has(token.lemmaStem)) return true;
  for (const prefix of slot.prefixes) if (token.norm.startsWith(prefix)) return true;
  return false;
}

/** End of a word sequence matched at `t` (determiners may sit between words), or null. */
function matchSequence(
  tokens: readonly TextToken[],
  sequence: readonly WordSlot[],
  t: number,
  sentence: number,
): number | null {
  let cursor = t;
  for (let w = 0; w < sequence.length; w += 1) {
    const slot = sequence[w] as WordSlot;
    if (w > 0) {
      while (
        cursor < tokens.length &&
        tokens[cursor]?.sentence === sentence &&
        SKIPPABLE.has(tokens[cursor]?.norm ?? '') &&
        !wordAccepts(slot, tokens[cursor] as TextToken)
      )
        cursor += 1;
    }
    const token = tokens[cursor];
    if (!token || token.sentence !== sentence) return null;
    if (wordAccepts(slot, token)) {
      cursor += 1;
      continue;
    }
    // Hyphen/space variants: "time-outs" / "side car" written apart but listed joined.
    const next = tokens[cursor + 1];
    if (
      next &&
      next.sentence === sentence &&
      next.start !== token.start &&
      slot.stems.has(stemWord(token.norm + next.norm))
    ) {
      cursor += 2;
      continue;
    }
    return null;
  }
  return cursor;
}

function matchFrom(
  tokens: readonly TextToken[],
  slots: readonly PhraseSlot[],
  slotIndex: number,
  t: number,
  sentence: number,
): number | null {
  const slot = slots[slotIndex];
  if (!slot) return t;
  if (slot.kind === 'gap') {
    // A gap stays inside one clause: "retry policy, so it is applied" is not "retries … apply".
    const segment = tokens[t - 1]?.segment;
    for (let skip = 0; skip <= slot.max; skip += 1) {
      const at = t + skip;
      if (at >= tokens.length || tokens[at]?.sentence !== sentence) return null;
      if (skip > 0 && !slot.acrossClauses && tokens[at - 1]?.segment !== segment) return null;
      const end = matchFrom(tokens, slots, slotIndex + 1, at, sentence);
      if (end !== null) return end;
    }
    return null;
  }
  let best: number | null = null;
  for (const sequence of slot.alternatives) {
    const end = matchSequence(tokens, sequence, t, sentence);
    if (end === null) continue;
    const rest = matchFrom(tokens, slots, slotIndex + 1, end, sentence);
    if (rest !== null && (best === null || rest > best)) best = rest;
  }
  return best;
}

// `seen` marks the candidate as already collected for the current token (no Set per token).
type Candidate = { phrase: string; slots: readonly PhraseSlot[]; seen: number };
let generation = 0;
type PhraseIndex = {
  byStem: Map<string, Candidate[]>;
  /** Prefix patterns keyed by their first two letters. */
  byPrefix: Map<string, Array<[string, Candidate]>>;
};
const indexCache = new WeakMap<readonly CompiledPhrase[], PhraseIndex>();

// Which phrases can start at a token: keyed by the stems (and prefixes) of each variant's first
// word, so matching tries a handful of candidates per token instead of every pattern.
function indexOf(phrases: readonly CompiledPhrase[]): PhraseIndex {
  const known = indexCache.get(phrases);
  if (known) return known;
  const byStem = new Map<string, Candidate[]>();
  const byPrefix = new Map<string, Array<[string, Candidate]>>();
  for (const compiled of phrases) {
    for (const slots of compiled.variants) {
      const first = slots[0];
      if (!first || first.kind !== 'group') continue;
      const candidate: Candidate = { phrase: compiled.phrase, slots, seen: -1 };
      const stems = new Set<string>();
      const prefixes = new Set<string>();
      for (const sequence of first.alternatives) {
        const word = sequence[0];
        if (!word) continue;
        for (const stem of word.stems) stems.add(stem);
        for (const prefix of word.prefixes) prefixes.add(prefix);
      }
      for (const stem of stems) {
        const list = byStem.get(stem);
        if (list) list.push(candidate);
        else byStem.set(stem, [candidate]);
      }
      for (const prefix of prefixes) {
        const key = prefix.slice(0, 2);
        const list = byPrefix.get(key);
        if (list) list.push([prefix, candidate]);
        else byPrefix.set(key, [[prefix, candidate]]);
      }
    }
  }
  const index = { byStem, byPrefix };
  indexCache.set(phrases, index);
  return index;
}

const joinedCache = new WeakMap<readonly TextToken[], Array<string | null>>();

/** Stem of each token written together with the next one ("time" + "outs" → "timeout"). */
function joinedStems(tokens: readonly TextToken[]): Array<string | null> {
  const known = joinedCache.get(tokens);
  if (known) return known;
  const joined = tokens.map((token, i) => {
    const next = tokens[i + 1];
    return next && next.start !== token.start ? stemWord(token.norm + next.norm) : null;
  });
  joinedCache.set(tokens, joined);
  return joined;
}

// A plain function, not a closure per call: the hot loop of matching.
function collect(found: Candidate[], list: readonly Candidate[] | undefined): void {
  if (!list) return;
  for (const candidate of list) {
    if (candidate.seen === generation) continue;
    candidate.seen = generation;
    found.push(candidate);
  }
}

function candidatesAt(index: PhraseIndex, tokens: readonly TextToken[], at: number): Candidate[] {
  const token = tokens[at];
  if (!token) return [];
  generation += 1;
  const found: Candidate[] = [];
  collect(found, index.byStem.get(token.stem));
  if (token.lemmaStem !== token.stem) collect(found, index.byStem.get(token.lemmaStem));
  const joined = joinedStems(tokens)[at];
  if (joined) collect(found, index.byStem.get(joined));
  for (const [prefix, candidate] of index.byPrefix.get(token.norm.slice(0, 2)) ?? [])
    if (token.norm.startsWith(prefix) && candidate.seen !== generation) {
      candidate.seen = generation;
      found.push(candidate);
    }
  return found;
}

/** Every occurrence of any phrase, longest first at a given start; occurrences never overlap for one phrase list. */
export function findOccurrences(
  analyzed: AnalyzedText,
  phrases: readonly CompiledPhrase[],
): PhraseOccurrence[] {
  const { tokens, text } = analyzed;
  const index = indexOf(phrases);
  const found: PhraseOccurrence[] = [];
  for (let start = 0; start < tokens.length; start += 1) {
    const sentence = tokens[start]?.sentence ?? -1;
    let best: { phrase: string; end: number } | null = null;
    for (const candidate of candidatesAt(index, tokens, start)) {
      const end = matchFrom(tokens, candidate.slots, 0, start, sentence);
      if (end !== null && (best === null || end > best.end))
        best = { phrase: candidate.phrase, end };
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
