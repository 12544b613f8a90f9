// Text analysis for the grader: normalisation, tokens with light stemming, sentence /
// segment structure and negation scope. Pure and deterministic.

/** One word of the analysed text; `stem` is what phrases are matched against. */
export type TextToken = {
  /** Folded word: NFKC, lower case, diacritics removed, contractions expanded. */
  norm: string;
  stem: string;
  /** Stem of the dictionary form when a lemmatizer ran ("ran" → run); equals `stem` otherwise. */
  lemmaStem: string;
  /** Character span in `AnalyzedText.text` (several tokens may share the span of "don't"). */
  start: number;
  end: number;
  sentence: number;
  /** Comma / conjunction level piece of a sentence; negation scope ends with it (lists aside). */
  segment: number;
  /** Number of negation cues whose scope covers this token (odd = negated). */
  negationDepth: number;
};

/** A justification or phrase after analysis. */
export type AnalyzedText = {
  text: string;
  tokens: TextToken[];
  sentenceCount: number;
  segmentCount: number;
};

const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const APOSTROPHES = /[\u2018\u2019\u02BC\u00B4`]/g;
// Letters/digits, with inner apostrophes or dots ("don't", "0.5", "istio.io") and a trailing %.
// Digit groups stay one token ("3,000").
const WORD = /[\p{L}\p{N}]+(?:['.][\p{L}\p{N}]+|,\d{3}(?!\d))*%?/gu;

const CONTRACTIONS: Readonly<Record<string, readonly string[]>> = {
  "can't": ['can', 'not'],
  cannot: ['can', 'not'],
  cant: ['can', 'not'],
  "won't": ['will', 'not'],
  wont: ['will', 'not'],
  "shan't": ['shall', 'not'],
  "ain't": ['is', 'not'],
  dont: ['do', 'not'],
  doesnt: ['does', 'not'],
  didnt: ['did', 'not'],
  isnt: ['is', 'not'],
  arent: ['are', 'not'],
  wasnt: ['was', 'not'],
  werent: ['were', 'not'],
  shouldnt: ['should', 'not'],
  wouldnt: ['would', 'not'],
  couldnt: ['could', 'not'],
  neednt: ['need', 'not'],
  havent: ['have', 'not'],
  hasnt: ['has', 'not'],
  mustnt: ['must', 'not'],
};

/** Words that start a new segment (a new clause for negation scope). */
const CLAUSE_STARTERS: ReadonlySet<string> = new Set([
  'but',
  'however',
  'although',
  'though',
  'whereas',
  'while',
  'because',
  'since',
  'so',
  'which',
  'who',
  'unless',
  'until',
  'otherwise',
  'except',
  'therefore',
  'hence',
  'thus',
  'whilst',
]);
/** "and"/"or" followed by one of these starts a new clause ("…, and we should …"). */
const SUBJECTS: ReadonlySet<string> = new Set([
  'i',
  'we',
  'you',
  'they',
  'it',
  'this',
  'that',
  'there',
  'he',
  'she',
  'then',
  'later',
  'once',
]);
// "…cannot check the method and the policy fails closed" has two clauses, while "no mTLS,
// authorization or a bypass" is one list: a determiner after and/or starts a clause only
// when 4+ words of the current piece precede it.
const DETERMINERS: ReadonlySet<string> = new Set([
  'the',
  'a',
  'an',
  'its',
  'their',
  'our',
  'your',
  'every',
  'each',
]);
/** Cues that negate on their own in a coordinated clause (unlike verbs such as "ignore"). */
const PLAIN_CUES: ReadonlySet<string> = new Set(['not', 'no', 'never', 'without']);
/** Longest negation scope in tokens after the cue, even inside one long clause. */
const MAX_SCOPE = 8;

const NEGATION_CUES: ReadonlySet<string> = new Set([
  'not',
  'no',
  'never',
  'without',
  'nor',
  'neither',
  'none',
  'nobody',
  'lack',
  'lacks',
  'lacking',
  'absent',
  'skip',
  'skipping',
  'skipped',
  'ignore',
  'ignoring',
  'ignored',
  'omit',
  'omitting',
  'forgo',
  'forgoing',
  'drop',
  'dropping',
  'avoid',
  'avoiding',
  'forget',
]);
/** "not only", "no more than", "no matter" … are not negations of what follows. */
const NOT_A_NEGATION_AFTER: ReadonlySet<string> = new Set([
  'only',
  'just',
  'merely',
  'simply',
  'least',
  'more',
  'less',
  'fewer',
  'matter',
  'doubt',
  'sooner',
  'earlier',
]);
/** Prepositions that end a negated object ("no mesh for three services", "no enforcement before audit mode"). */
const SCOPE_CLOSING_PREPOSITIONS: ReadonlySet<string> = new Set([
  'for',
  'given',
  'before',
  'until',
  'till',
]);
/** "no reason for X", "no point in X": the object after these stays negated. */
const REASON_NOUNS: ReadonlySet<string> = new Set([
  'reason',
  'point',
  'use',
  'case',
  'room',
  'time',
  'excuse',
  'demand',
  'call',
]);
/** Active need verbs: "X does not need Y" says X lacks a need for Y. */
const ACTIVE_NEED: ReadonlySet<string> = new Set(['need', 'needs', 'require', 'requires']);
const COMPARATIVES: ReadonlySet<string> = new Set(['more', 'less', 'fewer']);
const POST_NEGATION_WORDS: ReadonlySet<string> = new Set([
  'unnecessary',
  'irrelevant',
  'overkill',
  'needless',
  'pointless',
  'superfluous',
  'unneeded',
  'unimportant',
  'useless',
  'redundant',
  'optional',
  'overrated',
  'disabled',
  'missing',
  'absent',
  'negligible',
  'nonexistent',
  'trivial',
]);
/** Verdicts that reject a whole idea: read up to eight words after it, in the same clause. */
const REJECTIONS: ReadonlySet<string> = new Set([
  'wrong',
  'dangerous',
  'risky',
  'harmful',
  'backwards',
  'premature',
  'reckless',
  'counterproductive',
]);
/** First words of pairs that are such verdicts ("a bad idea", "the classic mistake"). */
const REJECTION_PAIR_HEADS: ReadonlySet<string> = new Set(['bad', 'classic', 'would']);
/** "X can wait", "X is a waste", "X adds nothing", "X is no longer needed": the second word after the first. */
const POST_NEGATION_PAIRS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['can', new Set(['wait'])],
  ['a', new Set(['waste', 'mistake', 'distraction', 'trap'])],
  ['bad', new Set(['idea', 'move', 'plan'])],
  ['classic', new Set(['mistake', 'trap', 'anti-pattern', 'antipattern'])],
  ['would', new Set(['backfire'])],
  ['add', new Set(['nothing'])],
  ['adds', new Set(['nothing'])],
  ['no', new Set(['longer', 'need', 'point', 'use', 'value', 'sense'])],
  ['runs', new Set(['itself'])],
  ['manages', new Set(['itself'])],
  ['maintains', new Set(['itself'])],
]);
/** "X is not a concern / an issue / a problem": the noun after "not" that denies X. */
const DISMISSALS: ReadonlySet<string> = new Set([
  'concern',
  'issue',
  'problem',
  'risk',
  'worry',
  'factor',
]);
const NEED_WORDS: ReadonlySet<string> = new Set([
  'need',
  'needs',
  'needed',
  'necessary',
  'required',
  'require',
  'requires',
  'relevant',
  'important',
  'matter',
  'matters',
  'worth',
  'useful',
  'helpful',
  'mandatory',
]);

/** Determiners skipped while matching phrases ("limit the blast radius" ~ "limit blast radius"). */
export const SKIPPABLE: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'our',
  'their',
  'its',
  'your',
  'my',
  'this',
  'these',
  'those',
  'some',
  'any',
  'his',
  'her',
]);

/**
 * Memo of stemWord and foldWord: pure functions called for every token of every analysis (the
 * claim checks re-analyse rewritten sentences), ~10 % of grading a long answer. Bounded: cleared
 * when full (the vocabulary of a few answers fits many times over).
 */
const MEMO_LIMIT = 20_000;
const stemMemo = new Map<string, string>();
const foldMemo = new Map<string, string>();

function memoized(memo: Map<string, string>, key: string, compute: (key: string) => string) {
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  const value = compute(key);
  memo.set(key, value);
  return value;
}

/** Light English stemmer: plural, -ing, -ed and final -e folding so "retries"/"retry", "breakers"/"breaker" meet. */
export function stemWord(word: string): string {
  return memoized(stemMemo, word, computeStem);
}

function computeStem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let s = word;
  if (s.endsWith('ies') && s.length > 4) s = `${s.slice(0, -3)}y`;
  else if (s.endsWith('ied') && s.length > 4) s = `${s.slice(0, -3)}y`;
  else if (s.endsWith('sses')) s = s.slice(0, -2);
  else if (/(?:ch|sh|x|z)es$/.test(s)) s = s.slice(0, -2);
  else if (s.endsWith('s') && !/(?:ss|us|is)$/.test(s)) s = s.slice(0, -1);
  if (s.endsWith('ing') && s.length > 5) s = undouble(s.slice(0, -3));
  else if (s.endsWith('ed') && s.length > 4) s = undouble(s.slice(0, -2));
  if (s.endsWith('e') && s.length > 4) s = s.slice(0, -1);
  return s;
}

function undouble(s: string): string {
  const last = s.at(-1);
  if (
    s.length > 3 &&
    last !== undefined &&
    last === s.at(-2) &&
    !'lsz'.includes(last) &&
    /[b-df-hj-np-tv-z]/.test(last)
  ) {
    return s.slice(0, -1);
  }
  return s;
}

/** Unicode NFKC, invisible characters removed, apostrophes and the multiplication sign unified. */
export function normalizeText(input: string): string {
  return input
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(APOSTROPHES, "'")
    .replace(/(\d)\s*(?:×|x\b)/g, '$1x');
}

function foldWord(raw: string): string {
  return memoized(foldMemo, raw, (word) =>
    word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(),
  );
}

function expandWord(folded: string): readonly string[] {
  const mapped = CONTRACTIONS[folded];
  if (mapped) return mapped;
  if (folded.endsWith("n't")) return [folded.slice(0, -3), 'not'];
  const apostrophe = folded.indexOf("'");
  // "team's", "we're", "it'll": keep the stem word; the suffix carries nothing we score.
  if (apostrophe > 0) return [folded.slice(0, apostrophe)];
  return [folded];
}

type Gap = 'none' | 'segment' | 'sentence';

function classifyGap(gap: string): Gap {
  if (/[.!?;\n]/.test(gap)) return 'sentence';
  // A colon introduces an explanation ("RBAC: access denied", "Decision: not yet"): a new clause, same sentence.
  if (/[,:()[\]{}\u2013\u2014]|\s-\s|^-\s|\s-$/.test(gap)) return 'segment';
  return 'none';
}

/** Character offset → lemma, computed on the normalised text (see lemmas.ts). */
export type Lemmatizer = (text: string) => ReadonlyMap<number, string>;

/** Tokenises text into words with sentence/segment ids and negation depth; lemmas when a lemmatizer is given. */
export function analyzeText(input: string, lemmatize?: Lemmatizer): AnalyzedText {
  const text = normalizeText(input);
  const lemmas = lemmatize?.(text);
  const tokens: TextToken[] = [];
  /** Which segments were opened by a comma-like gap (list continuation candidates). */
  const segmentOpenedByComma: boolean[] = [false];
  let sentence = 0;
  let segment = 0;
  let previousEnd = 0;
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const raw = match[0];
    const end = start + raw.length;
    const gap = tokens.length === 0 ? 'none' : classifyGap(text.slice(previousEnd, start));
    const words = expandWord(foldWord(raw));
    const first = words[0] ?? '';
    if (gap === 'sentence') {
      sentence += 1;
      segment += 1;
      segmentOpenedByComma[segment] = false;
    } else if (gap === 'segment') {
      segment += 1;
      // A colon opens an explanation or the alternative after "rather than X:", not a list item.
      segmentOpenedByComma[segment] = !text.slice(previousEnd, start).includes(':');
    } else if (tokens.length > 0 && CLAUSE_STARTERS.has(first)) {
      segment += 1;
      segmentOpenedByComma[segment] = false;
    }
    const lemma = words.length === 1 ? lemmas?.get(start) : undefined;
    for (const word of words) {
      if (word.length === 0) continue;
      const stem = stemWord(word);
      tokens.push({
        norm: word,
        stem,
        lemmaStem: lemma && /^[\p{L}]+$/u.test(lemma) ? stemWord(foldWord(lemma)) : stem,
        start,
        end,
        sentence,
        segment,
        negationDepth: 0,
      });
    }
    previousEnd = end;
  }
  fixAndSubjectSegments(tokens, segmentOpenedByComma);
  applyNegationScopes(tokens, segmentOpenedByComma);
  return {
    text,
    tokens,
    sentenceCount: tokens.length === 0 ? 0 : sentence + 1,
    segmentCount: tokens.length === 0 ? 0 : segment + 1,
  };
}

// "…, and we should …": the clause starts at "and", known only once the subject is seen.
function fixAndSubjectSegments(tokens: TextToken[], openedByComma: boolean[]): void {
  for (let i = 1; i + 1 < tokens.length; i += 1) {
    const token = tokens[i];
    const next = tokens[i + 1];
    const previous = tokens[i - 1];
    if (!token || !next || !previous) continue;
    if (token.norm !== 'and' && token.norm !== 'or') continue;
    if (previous.segment !== token.segment || next.segment !== token.segment) continue;
    let before = 0;
    for (let k = i - 1; k >= 0 && tokens[k]?.segment === token.segment; k -= 1) before += 1;
    if (SUBJECTS.has(next.norm) || (DETERMINERS.has(next.norm) && before >= 4)) {
      // Move this token and the rest of its segment into a fresh segment.
      const oldSegment = token.segment;
      const newSegment = openedByComma.length;
      openedByComma[newSegment] = false;
      for (let j = i; j < tokens.length; j += 1) {
        const t = tokens[j];
        if (!t || t.segment !== oldSegment) break;
        t.segment = newSegment;
      }
    }
  }
}

function isCue(tokens: readonly TextToken[], index: number): boolean {
  const token = tokens[index];
  if (!token) return false;
  if (token.norm === 'zero') return isZeroCue(tokens, index);
  const next = tokens[index + 1];
  const nextNorm = next && next.segment === token.segment ? next.norm : '';
  if (token.norm === 'instead') return nextNorm === 'of';
  if (token.norm === 'rather') return nextNorm === 'than';
  if (!NEGATION_CUES.has(token.norm)) return false;
  if ((token.norm === 'not' || token.norm === 'no') && NOT_A_NEGATION_AFTER.has(nextNorm)) {
    // "no more than 3" / "no fewer than" compare; "no more per-team retries" negates.
    if (!COMPARATIVES.has(nextNorm)) return false;
    for (let k = index + 2; k <= index + 4; k += 1)
      if (tokens[k]?.norm === 'than' && tokens[k]?.segment === token.segment) return false;
    return true;
  }
  return true;
}

/** Last token index covered by a cue at `index`: its segment, extended over a short comma list ("no retries, timeouts or breakers"). */
function scopeEnd(
  tokens: readonly TextToken[],
  index: number,
  openedByComma: readonly boolean[],
): number {
  const cue = tokens[index];
  if (!cue) return index;
  let end = index;
  while (end + 1 < tokens.length && tokens[end + 1]?.segment === cue.segment) end += 1;
  // Look ahead over comma-opened short segments in the same sentence; extend to the first one with and/or/nor.
  let cursor = end + 1;
  const run: Array<{ last: number; hasCoordinator: boolean }> = [];
  while (cursor < tokens.length) {
    const first = tokens[cursor];
    if (!first || first.sentence !== cue.sentence || !openedByComma[first.segment]) break;
    let last = cursor;
    while (last + 1 < tokens.length && tokens[last + 1]?.segment === first.segment) last += 1;
    const length = last - cursor + 1;
    if (length > 5) break;
    let hasCoordinator = false;
    for (let k = cursor; k <= last; k += 1) {
      const norm = tokens[k]?.norm;
      if (norm === 'and' || norm === 'or' || norm === 'nor') hasCoordinator = true;
    }
    run.push({ last, hasCoordinator });
    if (hasCoordinator) break;
    cursor = last + 1;
  }
  const closing = run.findIndex((piece) => piece.hasCoordinator);
  if (closing >= 0) end = run[closing]?.last ?? end;
  return end;
}

/** Nouns after "zero" that name a thing, not its absence ("zero trust", "zero-day"). */
const ZERO_COMPOUNDS: ReadonlySet<string> = new Set(['trust', 'day', 'copy', 'downtime', 'point']);

/** "zero complexity" / "zero extra work" negate; "zero trust", "0.5 … zero" do not. */
function isZeroCue(tokens: readonly TextToken[], index: number): boolean {
  const next = tokens[index + 1];
  return (
    next !== undefined &&
    next.segment === tokens[index]?.segment &&
    /^[a-z]/.test(next.norm) &&
    !ZERO_COMPOUNDS.has(next.norm)
  );
}

function applyNegationScopes(tokens: TextToken[], openedByComma: readonly boolean[]): void {
  for (let i = 0; i < tokens.length; i += 1) {
    if (!isCue(tokens, i)) continue;
    let end = Math.min(scopeEnd(tokens, i, openedByComma), i + MAX_SCOPE);
    // "zero" negates its noun phrase only ("zero extra complexity"), not the rest of the clause.
    if (tokens[i]?.norm === 'zero') end = Math.min(end, i + 2);
    // "no ambient mode and does not use Envoy": a second plain cue after and/or negates on its
    // own; the first scope stops at the coordinator instead of cancelling it out.
    for (let j = i + 1; j < end; j += 1) {
      const norm = tokens[j]?.norm;
      if (norm !== 'and' && norm !== 'or') continue;
      let k = j + 1;
      while (k <= end && !PLAIN_CUES.has(tokens[k]?.norm ?? '')) k += 1;
      if (k <= end) {
        end = j - 1;
        break;
      }
    }
    // "we don't need a control plane for three services": the negation covers the object,
    // not the purpose phrase after it ("no need for X" keeps X negated).
    for (let j = i + 3; j <= end; j += 1) {
      const token = tokens[j];
      if (!token || !SCOPE_CLOSING_PREPOSITIONS.has(token.norm)) continue;
      if (NEED_WORDS.has(tokens[j - 1]?.norm ?? '') || REASON_NOUNS.has(tokens[j - 1]?.norm ?? ''))
        continue;
      end = j - 1;
      break;
    }
    // "never pick Linkerd when JWT and mirroring are hard requirements", "don't retry if the pool
    // is full": the negation covers the main clause; the condition after the subordinator holds.
    for (let j = i + 2; j <= end; j += 1)
      if (SUBORDINATORS.has(tokens[j]?.norm ?? '')) {
        end = j - 1;
        break;
      }
    // "no need for more than one retry layer", "never more than 2 attempts": the negation denies
    // the excess, and the bound after "than" is affirmed.
    for (let j = i + 2; j < end; j += 1) {
      if (tokens[j]?.norm !== 'than' || !COMPARATIVE_BOUNDS.has(tokens[j - 1]?.norm ?? ''))
        continue;
      const bound = tokens[j + 1]?.norm ?? '';
      if (/^\d/.test(bound) || NUMBER_WORDS.has(bound)) {
        end = j;
        break;
      }
    }
    for (let j = i + 1; j <= end; j += 1) {
      const token = tokens[j];
      if (token) token.negationDepth += 1;
    }
  }
}

/** Conjunctions that open a condition or a contrast, which a negation before them does not reach. */
const SUBORDINATORS: ReadonlySet<string> = new Set([
  'when',
  'whenever',
  'if',
  'unless',
  'while',
  'whereas',
  'although',
  'though',
]);
/** Comparatives whose "than <number>" is a bound ("more than one", "fewer than 3"). */
const COMPARATIVE_BOUNDS: ReadonlySet<string> = new Set(['more', 'fewer', 'less']);
const NUMBER_WORDS: ReadonlySet<string> = new Set(
  'one two three four five six seven eight nine ten twelve twenty hundred single'.split(' '),
);

/** Whether the text right after offset `end` (a sentence's last token) is a question mark, maybe after a closing quote. */
export function endsWithQuestionMark(text: string, end: number): boolean {
  return /^\s*["'”’)]?\s*\?/.test(text.slice(end, end + 4));
}

/** True when the words right after a match deny it ("authorization is not needed", "mTLS is overkill"). */
export function isPostNegated(tokens: readonly TextToken[], end: number): boolean {
  const anchor = tokens[end - 1];
  if (!anchor) return false;
  for (let i = end; i < Math.min(tokens.length, end + 8); i += 1) {
    const token = tokens[i];
    if (!token || token.segment !== anchor.segment) break;
    const second = tokens[i + 1];
    const pair =
      second !== undefined &&
      second.segment === anchor.segment &&
      POST_NEGATION_PAIRS.get(token.norm)?.has(second.norm) === true;
    // A verdict on the whole idea ("… would be a bad idea", "… is premature") reaches further.
    if (REJECTIONS.has(token.norm) || (pair && REJECTION_PAIR_HEADS.has(token.norm))) return true;
    if (i >= end + 5) continue;
    if (POST_NEGATION_WORDS.has(token.norm) || pair) return true;
    if (token.norm === 'not' || token.norm === 'never' || token.norm === 'no') {
      for (let k = i + 1; k <= i + 3; k += 1) {
        const after = tokens[k];
        if (after && after.segment === anchor.segment && DISMISSALS.has(after.norm)) return true;
      }
      for (let k = i + 1; k <= i + 2; k += 1) {
        const after = tokens[k];
        if (!after || after.segment !== anchor.segment || !NEED_WORDS.has(after.norm)) continue;
        // "three services don't need a mesh": X is the subject lacking an object, not denied.
        const object = tokens[k + 1];
        if (ACTIVE_NEED.has(after.norm) && object && object.segment === anchor.segment) continue;
        return true;
      }
    }
  }
  return false;
}

/** Phrase → stems used for matching (determiners dropped unless the phrase is only determiners). */
export function phraseStems(phrase: string): string[] {
  const words = analyzeText(phrase).tokens.map((token) => token.norm);
  const kept = words.filter((word) => !SKIPPABLE.has(word));
  return (kept.length > 0 ? kept : words).map(stemWord);
}
