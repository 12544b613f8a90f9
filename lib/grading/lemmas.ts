// English lemmas from wink-nlp's lite web model (runs offline, ~0.2 ms for a short answer).
// The model is loaded once per process, on first use. Pure: same text, same lemmas.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | null = null;

function getNlp(): Nlp {
  // Lemmas need POS tags; sentence boundaries help the tagger. NER and sentiment are not used.
  nlp ??= winkNLP(model, ['sbd', 'pos']);
  return nlp;
}

/** Map from a token's character offset in `text` to its lower-case lemma ("rotates" → "rotate", "ran" → "run"). */
export function lemmaOffsets(text: string): Map<number, string> {
  const engine = getNlp();
  const its = engine.its;
  const doc = engine.readDoc(text);
  const values = doc.tokens().out(its.value);
  // wink-nlp's typings declare `its.lemma` with a narrower addons parameter than `out` accepts.
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value);
  const offsets = new Map<number, string>();
  let cursor = 0;
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i] ?? '';
    const at = text.indexOf(value, cursor);
    if (at < 0) continue;
    cursor = at + value.length;
    const lemma = lemmas[i];
    if (lemma) offsets.set(at, lemma.toLowerCase());
  }
  return offsets;
}

const WORD = /[\p{L}]+/gu;

/**
 * Like {@link lemmaOffsets} but word by word out of context, cached across answers: a tenth of
 * the cost on long answers (wink's POS tagger is the expensive part), and the same lemmas for
 * inflected forms, which is what matching needs.
 */
export function cachedLemmaOffsets(text: string): Map<number, string> {
  const offsets = new Map<number, string>();
  for (const match of text.matchAll(WORD))
    offsets.set(match.index, lemmaOfWord(match[0].toLowerCase()));
  return offsets;
}

const cache = new Map<string, string>();
const CACHE_LIMIT = 20_000;

/** Lemma of a single word out of context (phrase compilation), cached. */
export function lemmaOfWord(word: string): string {
  const known = cache.get(word);
  if (known !== undefined) return known;
  const lemma = lemmaOffsets(word).get(0) ?? word;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, lemma);
  return lemma;
}
