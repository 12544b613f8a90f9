// Phrase matching over analysed text, with negation awareness. Pure and deterministic.
import {
  SKIPPABLE,
  isPostNegated,
  phraseStems,
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

/** A phrase prepared for matching: stem sequence plus a joined variant ("side car" → "sidecar"). */
export type CompiledPhrase = { phrase: string; variants: string[][] };

/** Compiles phrases once per scenario; empty phrases are dropped. */
export function compilePhrases(phrases: readonly string[]): CompiledPhrase[] {
  const compiled: CompiledPhrase[] = [];
  for (const phrase of phrases) {
    const stems = phraseStems(phrase);
    if (stems.length === 0) continue;
    const variants = [stems];
    if (stems.length > 1) {
      const joined = stemWord(
        phrase
          .normalize('NFKC')
          .toLowerCase()
          .replace(/[^\p{L}\p{N}]+/gu, ''),
      );
      if (joined.length > 0) variants.push([joined]);
    }
    compiled.push({ phrase, variants });
  }
  return compiled;
}

function matchAt(
  tokens: readonly TextToken[],
  stems: readonly string[],
  from: number,
): number | null {
  const sentence = tokens[from]?.sentence;
  let t = from;
  for (let p = 0; p < stems.length; p += 1) {
    const want = stems[p];
    if (p > 0) {
      while (
        t < tokens.length &&
        tokens[t]?.sentence === sentence &&
        SKIPPABLE.has(tokens[t]?.norm ?? '') &&
        tokens[t]?.stem !== want
      )
        t += 1;
    }
    const token = tokens[t];
    if (!token || token.sentence !== sentence) return null;
    if (token.stem === want) {
      t += 1;
      continue;
    }
    // Hyphen/space variants: "time-outs" / "side car" written apart but listed joined.
    const next = tokens[t + 1];
    if (
      next &&
      next.sentence === sentence &&
      next.start !== token.start &&
      stemWord(token.norm + next.norm) === want
    ) {
      t += 2;
      continue;
    }
    return null;
  }
  return t;
}

/** Every occurrence of any phrase, longest first at a given start; occurrences never overlap for one phrase list. */
export function findOccurrences(
  analyzed: AnalyzedText,
  phrases: readonly CompiledPhrase[],
): PhraseOccurrence[] {
  const { tokens, text } = analyzed;
  const found: PhraseOccurrence[] = [];
  for (let start = 0; start < tokens.length; start += 1) {
    let best: { phrase: string; end: number } | null = null;
    for (const compiled of phrases) {
      for (const stems of compiled.variants) {
        const end = matchAt(tokens, stems, start);
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
