// "The model answer with one point reversed", detected without per-scenario wordings: each
// clause of the answer is aligned with its most similar clause of the scenario's model answer
// (Dice overlap of content lemmas); a close pair that differs in polarity (negation parity,
// post-negations), in an opposite word (before ↔ after, more ↔ less, enable ↔ disable, every ↔
// one, …), in the mesh it names or in a number for the same quantity contradicts the model
// clause. The rubric criteria that clause carries say how much it matters. Pure; the model
// answer's analysis is cached per scenario object.
import { countValue, expandRubric } from './concepts';
import { cachedLemmaOffsets } from './lemmas';
import { findOccurrences } from './match';
import { analyzeText, isPostNegated, type AnalyzedText, type TextToken } from './text';
import type { GradableScenario } from './types';

/** Why an answer clause contradicts the model clause it is aligned with. */
export type ReversalSignal = 'negation' | 'opposite' | 'mesh' | 'number';

/** One answer clause that reverses a clause of the model answer. */
export type ModelReversal = {
  /** The learner's words. */
  text: string;
  /** The model answer's clause it reverses. */
  modelText: string;
  signal: ReversalSignal;
  /** Dice similarity of the two clauses' content lemmas (0..1). */
  similarity: number;
  /** Rubric criteria the model clause carries, heaviest first. */
  criterionIds: string[];
};

/** Alignment thresholds (calibrated on the tune split). */
export type AlignmentThresholds = {
  minSimilarity: number;
  minNegationSimilarity: number;
  minOppositeSimilarity: number;
  numberTolerance: number;
  minShared: number;
  minUnitWords: number;
};

export const ALIGNMENT: Readonly<AlignmentThresholds> = {
  /** Dice similarity of content lemmas for two clauses to count as the same statement. */
  minSimilarity: 0.6,
  /** A polarity flip needs a closer match (the same words, one of them denied). */
  minNegationSimilarity: 0.7,
  /** Opposite words about the same neighbour are strong evidence: a looser alignment will do. */
  minOppositeSimilarity: 0.6,
  /** Two numbers for the same quantity differ by more than this share. */
  numberTolerance: 0.25,
  /** Shared content lemmas (the same subject and predicate, not one common word). */
  minShared: 3,
  /** Content words a clause needs before it is compared (shorter segments join the next). */
  minUnitWords: 4,
};

const STOP = new Set(
  (
    'the a an and or but of to in on at by for with from is are was were be been being it its this that ' +
    'these those there then than so as if into onto per each we you they i our your their us them he she ' +
    'do does did has have had will would should can could must may might shall which who what when ' +
    'where while because since also only just even still about up out over such any some same other own ' +
    'very really much many its itself here how why yet already'
  ).split(' '),
);

/** Negation cues and post-negation words: they set polarity, they are not content. */
const POLARITY_WORDS = new Set(
  (
    'not no never without nor neither none nobody nothing cannot skip skipping skipped avoid ' +
    'unnecessary needless overkill pointless optional instead rather'
  ).split(' '),
);

/**
 * Opposite word groups: a word of one side in the answer clause where the aligned model clause
 * has the other side (and neither clause has both) reverses the statement. Lemma stems; "@x-y"
 * entries are bigrams ("at once").
 */
const OPPOSITES: ReadonlyArray<readonly [readonly string[], readonly string[]]> = [
  [
    ['before', 'earlier', 'prior', 'first', 'early'],
    ['after', 'later', 'last', 'afterward', 'late'],
  ],
  [
    ['more', 'higher', 'increase', 'raise', 'grow', 'larger', 'bigger', 'worse', 'multiply'],
    ['less', 'fewer', 'lower', 'decrease', 'reduce', 'shrink', 'smaller', 'better', 'flat'],
  ],
  [
    ['enable', 'add', 'keep', 'install', 'turn', 'include', 'require', 'retain'],
    ['disable', 'remove', 'drop', 'delete', 'uninstall', 'exclude', 'optional', 'strip'],
  ],
  [
    ['strict', 'enforce', 'deny', 'reject', 'block'],
    ['permissive', 'audit', 'allow', 'accept', 'dry'],
  ],
  [
    ['one', 'single', 'few', 'pilot', 'small', 'subset', 'couple', 'narrow', 'specific'],
    ['all', 'every', 'whole', 'entire', 'everything', 'everywhere', 'wide', 'broad', '@at-once'],
  ],
  [
    ['phase', 'gradual', 'gradually', 'wave', 'stage', 'incremental', 'step', 'slow', 'slower'],
    ['@at-once', 'immediately', 'instant', 'fast', 'faster', 'quick'],
  ],
  [
    ['inside', 'internal', 'within'],
    ['outside', 'external'],
  ],
  [['always'], ['never', 'rarely']],
  [
    ['multiply', 'compound', 'multiplicative'],
    ['add', 'additive', 'sum'],
  ],
  [
    ['client', 'caller', 'source'],
    ['server', 'callee', 'destination'],
  ],
  [
    ['roll', 'rollback', 'revert', 'zero'],
    ['promote', 'push', 'raise', 'increase'],
  ],
];

const QUANTIFIERS = new Set(OPPOSITES[4]?.flat() ?? []);
const KEEP_REMOVE = OPPOSITES[2] ?? [[], []];
const MESH_NAMES = new Set(['istio', 'linkerd', 'cilium', 'consul', 'kuma', 'kong']);
const NUMBER = /^\d[\d,]*(?:\.\d+)?%?$/;

export type Unit = {
  text: string;
  /** Content lemma stems (no polarity, opposite, mesh or number words). */
  content: Set<string>;
  /** Affirmed opposite-group words (lemma stems and bigrams) and the content words around each. */
  flips: Set<string>;
  flipContext: Map<string, Set<string>>;
  /** Negation cues and post-negations in the clause (odd = the clause denies). */
  cues: number;
  /** The words the negations attach to (first content word after a cue, the word before a post-negation). */
  heads: Array<{ head: string; segment: Set<string> }>;
  /** The lemmas of each segment of the clause. */
  segments: Array<Set<string>>;
  /** Every lemma of the clause, affirmed or not. */
  lemmas: Set<string>;
  meshes: Set<string>;
  /** number → the stem of the word after it ("4,000 rps" → 4000 → rps). */
  numbers: Array<{ value: number; unit: string }>;
  start: number;
  end: number;
  sentence: number;
};

const FLIP_WORDS = new Set(OPPOSITES.flatMap(([a, b]) => [...a, ...b]));

/** Words that put something into a list, and the negated-list fields of a policy (notPrincipals, notNamespaces, …). */
const ADDS = new Set(['add', 'include']);
const EXCLUSION_LIST =
  /^not(?:principals|namespaces|paths|methods|ports|hosts|values|ipblocks|remoteipblocks|requestprincipals)$/;

/** Whether the add at `index` puts its object into an exclusion list later in the same segment. */
function addsToExclusionList(tokens: readonly TextToken[], index: number, end: number): boolean {
  const segment = tokens[index]?.segment;
  for (let j = index + 1; j < end; j += 1) {
    const token = tokens[j];
    if (!token || token.segment !== segment) return false;
    if (EXCLUSION_LIST.test(token.norm)) return true;
  }
  return false;
}

function lemmaOf(token: TextToken): string {
  return token.lemmaStem || token.stem;
}

/** Verbs whose side is their particle: "turn it off", "switch on mTLS". */
const SWITCH_VERBS = new Set([
  'turn',
  'turns',
  'turned',
  'turning',
  'switch',
  'switches',
  'switched',
]);

/** `disable` / `enable` for a switch verb with "off" / "on" within three words, else null. */
function switchParticle(tokens: readonly TextToken[], index: number, end: number): string | null {
  const segment = tokens[index]?.segment;
  for (let j = index + 1; j < Math.min(end, index + 4); j += 1) {
    const token = tokens[j];
    if (!token || token.segment !== segment) break;
    if (token.norm === 'off') return 'disable';
    if (token.norm === 'on') return 'enable';
  }
  return null;
}

/** Whether "off" at `index` is the particle of a switch verb ("turn it off"), not a denial. */
function isSwitchParticle(tokens: readonly TextToken[], index: number): boolean {
  const token = tokens[index];
  if (token?.norm !== 'off') return false;
  for (let j = index - 1; j >= Math.max(0, index - 3); j -= 1) {
    const before = tokens[j];
    if (!before || before.segment !== token.segment) return false;
    if (SWITCH_VERBS.has(before.norm)) return true;
  }
  return false;
}

/**
 * For a number or count word that opens a range ("one or two namespaces", "3 to 5 replicas"), the
 * quantity after the range's other end; null otherwise. Both ends then count as stated values.
 */
function rangeUnit(tokens: readonly TextToken[], index: number): string | null {
  const joiner = tokens[index + 1];
  const other = tokens[index + 2];
  const after = tokens[index + 3];
  const token = tokens[index];
  if (!token || !joiner || !other || !after) return null;
  if (joiner.norm !== 'or' && joiner.norm !== 'to') return null;
  if (!NUMBER.test(other.norm) && countValue(other.norm) === null) return null;
  if (after.segment !== token.segment || NUMBER.test(after.norm) || STOP.has(after.norm))
    return null;
  return lemmaOf(after);
}

function isNegatedAt(tokens: readonly TextToken[], index: number): boolean {
  const token = tokens[index];
  if (!token) return false;
  return token.negationDepth % 2 === 1 || isPostNegated(tokens, index + 1);
}

/** Segments joined until each has enough content words (a clause, not a fragment). */
export function unitsOf(analyzed: AnalyzedText): Unit[] {
  const { tokens } = analyzed;
  const ranges: Array<[number, number]> = [];
  let from = 0;
  let words = 0;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    const next = tokens[i + 1];
    // Count only words that are content on both sides of a flip, so that "X is not Y" and
    // "X is Y", or "Istio …" and "Linkerd …", split into the same clauses.
    if (token && isContentWord(token)) words += 1;
    const sentenceEnds = !next || next.sentence !== token?.sentence;
    const segmentEnds = sentenceEnds || next.segment !== token?.segment;
    if (sentenceEnds || (segmentEnds && words >= ALIGNMENT.minUnitWords)) {
      ranges.push([from, i + 1]);
      from = i + 1;
      words = 0;
    }
  }
  return ranges.map(([start, end]) => buildUnit(analyzed, start, end));
}

function buildUnit(analyzed: AnalyzedText, start: number, end: number): Unit {
  const { tokens } = analyzed;
  const unit: Unit = {
    text: analyzed.text.slice(tokens[start]?.start ?? 0, tokens[end - 1]?.end ?? 0),
    content: new Set(),
    flips: new Set(),
    flipContext: new Map(),
    cues: 0,
    heads: [],
    segments: [],
    lemmas: new Set(),
    meshes: new Set(),
    numbers: [],
    start,
    end,
    sentence: tokens[start]?.sentence ?? -1,
  };
  for (let i = start; i < end; i += 1) {
    const token = tokens[i];
    if (!token) continue;
    const lemma = lemmaOf(token);
    const negated = isNegatedAt(tokens, i);
    if (NUMBER.test(token.norm)) {
      const value = Number(token.norm.replace(/[,%]/g, ''));
      const after = tokens[i + 1];
      // The quantity is the word after the number ("4,000 rps"), never another number.
      if (
        !negated &&
        Number.isFinite(value) &&
        after &&
        after.sentence === token.sentence &&
        !NUMBER.test(after.norm)
      )
        unit.numbers.push({ value, unit: rangeUnit(tokens, i) ?? lemmaOf(after) });
      continue;
    }
    // A count word is a number too ("one proxy" against "two proxies").
    const count = /^\d/.test(token.norm) ? null : countValue(token.norm);
    const next = tokens[i + 1];
    const ranged = count !== null ? rangeUnit(tokens, i) : null;
    if (count !== null && !negated && ranged !== null)
      unit.numbers.push({ value: count, unit: ranged });
    else if (
      count !== null &&
      !negated &&
      next &&
      next.segment === token.segment &&
      !STOP.has(next.norm)
    )
      unit.numbers.push({ value: count, unit: lemmaOf(next) });
    if (MESH_NAMES.has(token.norm)) {
      unit.meshes.add(token.norm);
      continue;
    }
    unit.lemmas.add(lemma);
    if (isCue(tokens, i) || isPostNegationWord(tokens, i)) {
      unit.cues += 1;
      const head = negationHead(tokens, i, start, end, isCue(tokens, i) ? 1 : -1);
      if (head) unit.heads.push({ head, segment: segmentContent(tokens, i, start, end) });
    }
    const bigram =
      token.norm === 'once' && tokens[i - 1]?.norm === 'at' && i - 1 >= start ? '@at-once' : null;
    const particle = SWITCH_VERBS.has(token.norm) ? switchParticle(tokens, i, end) : undefined;
    const word =
      particle !== undefined
        ? particle // "turn it off" disables, "turn on" enables; "turn" alone takes no side
        : (bigram ??
          (FLIP_WORDS.has(lemma) ? lemma : FLIP_WORDS.has(token.norm) ? token.norm : null));
    // Adding to an exclusion list excludes: "add its principal to notPrincipals" says what
    // "change the DENY to exclude it" says.
    const flip =
      word !== null && ADDS.has(word) && addsToExclusionList(tokens, i, end) ? 'exclude' : word;
    if (flip) {
      // "slower than its own p99" compares with another reference: not the model's stance.
      const comparative = tokens[i + 1]?.norm === 'than';
      if (!negated && !comparative) {
        unit.flips.add(flip);
        const context = unit.flipContext.get(flip) ?? new Set<string>();
        // A quantifier is about the noun after it ("every namespace"), other words about both sides.
        const sides: ReadonlyArray<1 | -1> = QUANTIFIERS.has(flip) ? [1] : [-1, 1];
        for (const word of contextWords(tokens, i, start, end, sides)) context.add(word);
        unit.flipContext.set(flip, context);
      }
      if (!bigram) continue;
    }
    if (particle !== undefined) continue; // a switch verb is a side or nothing, never content
    if (STOP.has(token.norm) || POLARITY_WORDS.has(token.norm) || token.norm.length < 2) continue;
    unit.content.add(lemma);
  }
  const seen = new Set<number>();
  for (let i = start; i < end; i += 1) {
    const segment = tokens[i]?.segment;
    if (segment === undefined || seen.has(segment)) continue;
    seen.add(segment);
    unit.segments.push(segmentContent(tokens, i, start, end));
  }
  return unit;
}

const NEGATION_CUES = new Set(
  (
    'not no never without nor neither none nobody nothing skip skipping skipped little hardly ' +
    'barely scarcely prevent prevents avoid avoids'
  ).split(' '),
);
/** "keep 60 teams from hand-writing YAML", "stops X from": the "from" denies what follows. */
const KEEP_FROM = new Set(['keep', 'keeps', 'stop', 'stops', 'prevent', 'prevents']);

/** Verbs that deny the gerund after them: "stop retrying" says what "don't retry" says. */
const CEASE_VERBS = new Set(['stop', 'stops', 'stopped', 'stopping', 'quit', 'cease', 'ceases']);

function isCue(tokens: readonly TextToken[], index: number): boolean {
  const token = tokens[index];
  if (!token) return false;
  // "with and without sidecars", "with or without": both conditions, a comparison, no denial.
  if (token.norm === 'without') {
    const joiner = tokens[index - 1]?.norm;
    if ((joiner === 'and' || joiner === 'or') && tokens[index - 2]?.norm === 'with') return false;
  }
  if (NEGATION_CUES.has(token.norm)) return true;
  if (CEASE_VERBS.has(token.norm)) {
    const next = tokens[index + 1];
    if (next && next.segment === token.segment && next.norm.length > 4 && next.norm.endsWith('ing'))
      return true;
  }
  if (token.norm !== 'from') return false;
  for (let j = index - 1; j >= Math.max(0, index - 4); j -= 1) {
    const before = tokens[j];
    if (!before || before.segment !== token.segment) break;
    if (KEEP_FROM.has(before.norm)) return true;
  }
  return false;
}
const IMPLICIT_NEGATIONS = new Set(
  'unnecessary needless overkill pointless disabled off beyond lacks lacking missing absent'.split(
    ' ',
  ),
);

function isPostNegationWord(tokens: readonly TextToken[], index: number): boolean {
  return IMPLICIT_NEGATIONS.has(tokens[index]?.norm ?? '') && !isSwitchParticle(tokens, index);
}

/** The first content (or opposite-group) lemma from a cue in direction `step`, inside the clause. */
function negationHead(
  tokens: readonly TextToken[],
  index: number,
  start: number,
  end: number,
  step: 1 | -1,
): string | null {
  for (let j = index + step; j >= start && j < end; j += step) {
    const token = tokens[j];
    if (!token || STOP.has(token.norm) || POLARITY_WORDS.has(token.norm)) continue;
    if (isCue(tokens, j)) continue;
    return lemmaOf(token);
  }
  return null;
}

/** Content lemmas of the segment (comma-level clause) around a token, inside the unit. */
function segmentContent(
  tokens: readonly TextToken[],
  index: number,
  start: number,
  end: number,
): Set<string> {
  const segment = tokens[index]?.segment;
  const out = new Set<string>();
  for (let j = start; j < end; j += 1) {
    const token = tokens[j];
    if (!token || token.segment !== segment) continue;
    if (STOP.has(token.norm) || POLARITY_WORDS.has(token.norm) || NUMBER.test(token.norm)) continue;
    out.add(lemmaOf(token));
  }
  return out;
}

/** Up to two content lemmas on each side of a word, inside the clause, tagged with the side. */
function contextWords(
  tokens: readonly TextToken[],
  index: number,
  start: number,
  end: number,
  sides: ReadonlyArray<1 | -1>,
): string[] {
  const out: string[] = [];
  for (const step of sides) {
    let found = 0;
    for (let j = index + step; j >= start && j < end && found < 2; j += step) {
      const token = tokens[j];
      if (!token || STOP.has(token.norm) || POLARITY_WORDS.has(token.norm)) continue;
      if (FLIP_WORDS.has(lemmaOf(token)) || NUMBER.test(token.norm)) continue;
      // Sided: "mTLS first" and "later strict" are about different words.
      out.push(`${step}:${lemmaOf(token)}`);
      found += 1;
    }
  }
  return out;
}

function isContentWord(token: TextToken): boolean {
  const lemma = lemmaOf(token);
  return !(
    STOP.has(token.norm) ||
    POLARITY_WORDS.has(token.norm) ||
    NEGATION_CUES.has(token.norm) ||
    IMPLICIT_NEGATIONS.has(token.norm) ||
    FLIP_WORDS.has(lemma) ||
    FLIP_WORDS.has(token.norm) ||
    MESH_NAMES.has(token.norm) ||
    NUMBER.test(token.norm) ||
    countValue(token.norm) !== null ||
    token.norm.length < 2
  );
}

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): { value: number; shared: string[] } {
  const shared = [...a].filter((word) => b.has(word));
  const total = a.size + b.size;
  return { value: total === 0 ? 0 : (2 * shared.length) / total, shared };
}

/** The reason the answer unit contradicts the model unit, or null. */
function contradiction(
  answer: Unit,
  model: Unit,
  similarity: number,
  expertNumbers: ReadonlySet<number> = new Set(),
  polarityOnly = false,
): ReversalSignal | null {
  // Negation parity: the clause denies what the model clause states (or the reverse), and the
  // word the negation attaches to is one the other clause states.
  if (similarity >= ALIGNMENT.minNegationSimilarity && answer.cues % 2 !== model.cues % 2) {
    // A negation only one side has, attached to a word the other side states: "X is not Y"
    // against "X is Y". The negated clause itself must be the aligned statement ("without a
    // baseline we are blind, so we record SLOs first" does not deny "record SLOs … first").
    const extra = (denier: Unit, other: Unit) =>
      denier.heads.some(
        ({ head, segment }) =>
          !other.heads.some((negation) => negation.head === head) &&
          // The other side states the head in a segment about the same thing ("no ALLOW can
          // rescue refund-worker" does not deny "DENY is evaluated before ALLOW").
          other.segments.some(
            (words) =>
              words.has(head) && [...segment].filter((word) => words.has(word)).length >= 2,
          ),
      );
    if (extra(answer, model) || extra(model, answer)) return 'negation';
  }
  if (similarity >= ALIGNMENT.minOppositeSimilarity)
    for (const [left, right] of OPPOSITES) {
      // "Keep retries in one place only" says what "remove retries from the middle" says: a
      // restricted keep (or removal) implies the other side for the rest.
      if (left === KEEP_REMOVE[0] && (answer.lemmas.has('only') || model.lemmas.has('only')))
        continue;
      for (const [mine, theirs] of [
        [left, right],
        [right, left],
      ] as const) {
        if (theirs.some((word) => answer.flips.has(word))) continue;
        if (mine.some((word) => model.flips.has(word))) continue;
        // The same thing on both sides: the opposite words share a neighbour on the same side.
        for (const word of mine) {
          const around = answer.flipContext.get(word);
          if (!around) continue;
          const opposed = theirs.some((other) =>
            [...(model.flipContext.get(other) ?? [])].some((near) => around.has(near)),
          );
          if (opposed) return 'opposite';
        }
      }
    }
  if (similarity < ALIGNMENT.minSimilarity || polarityOnly) return null;
  if (
    model.meshes.size > 0 &&
    answer.meshes.size > 0 &&
    ![...model.meshes].some((mesh) => answer.meshes.has(mesh))
  )
    return 'mesh';
  // A number for the same quantity (same word after it) that neither clause states elsewhere.
  const stated = new Set(model.numbers.map((number) => number.value));
  const given = new Set(answer.numbers.map((number) => number.value));
  for (const expected of model.numbers) {
    if (given.has(expected.value)) continue;
    const wrong = answer.numbers.find(
      (number) =>
        number.unit === expected.unit &&
        !stated.has(number.value) &&
        !expertNumbers.has(number.value) &&
        Math.abs(number.value - expected.value) >
          ALIGNMENT.numberTolerance * Math.max(Math.abs(expected.value), 1e-9),
    );
    if (wrong) return 'number';
  }
  return null;
}

type ModelIndex = {
  units: Unit[];
  criteria: string[][];
  /** Every number the model answers state: an answer citing one is not contradicting a number. */
  numbers: Set<number>;
};
const cache = new WeakMap<GradableScenario, ModelIndex>();

/** The model answer's clauses and, for each one, the rubric criteria it carries (heaviest first). */
function modelIndex(scenario: GradableScenario): ModelIndex {
  const known = cache.get(scenario);
  if (known) return known;
  // Only the model answers: the scenario's `why` and the criteria's feedback were tried as well
  // (they caught four more tune reversals) but are written as explanations of mistakes and
  // flagged correct answers on the holdout (see docs/scenario-grading.md).
  const texts = [scenario.modelAnswer?.senior, scenario.modelAnswer?.junior].filter(
    (text): text is string => typeof text === 'string' && text.trim().length > 0,
  );
  const units: Unit[] = [];
  const criteria: string[][] = [];
  const expanded = expandRubric(scenario).criteria;
  for (const text of texts) {
    const analyzed = analyzeText(text, cachedLemmaOffsets);
    const occurrences = expanded.map((criterion) =>
      findOccurrences(analyzed, criterion.phrases).filter((found) => !found.negated),
    );
    for (const unit of unitsOf(analyzed)) {
      if (unit.content.size < 2) continue;
      const carried = (within: (start: number) => boolean) =>
        expanded
          .filter((_, i) => occurrences[i]?.some((found) => within(found.start)))
          .sort((a, b) => b.criterion.weight - a.criterion.weight)
          .map((criterion) => criterion.criterion.id);
      // The clause's own criteria, or else those of its sentence.
      const inClause = carried((start) => start >= unit.start && start < unit.end);
      const sentence = carried((start) => analyzed.tokens[start]?.sentence === unit.sentence);
      units.push(unit);
      criteria.push(inClause.length > 0 ? inClause : sentence);
    }
  }
  // Numbers of the case itself ("3.9 ms of headroom") are facts an answer may cite, not wrong numbers.
  const caseText = [
    scenario.context,
    scenario.question,
    scenario.why,
    scenario.simulator?.prediction?.explanation,
  ]
    .filter((text): text is string => typeof text === 'string')
    .join(' ');
  const numbers = new Set([
    ...units.flatMap((unit) => unit.numbers.map((number) => number.value)),
    ...[...caseText.matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((match) =>
      Number(match[0].replace(/,/g, '')),
    ),
  ]);
  const index = { units, criteria, numbers };
  cache.set(scenario, index);
  return index;
}

/** Answer clauses that state a model-answer clause reversed (at most one per model clause). */
export function findModelReversals(
  analyzed: AnalyzedText,
  scenario: GradableScenario,
): ModelReversal[] {
  const model = modelIndex(scenario);
  if (model.units.length === 0) return [];
  const found: Array<ModelReversal & { model: number }> = [];
  const usedModel = new Set<number>();
  /** Model clauses the answer restates without contradicting them. */
  const restated = new Set<number>();
  for (const unit of unitsOf(analyzed)) {
    if (unit.content.size < 2) continue;
    let best: { index: number; value: number; shared: string[] } | null = null;
    for (const [index, candidate] of model.units.entries()) {
      const { value, shared } = dice(unit.content, candidate.content);
      if (!best || value > best.value) best = { index, value, shared };
    }
    const floor = Math.min(ALIGNMENT.minSimilarity, ALIGNMENT.minOppositeSimilarity);
    if (!best || best.value < floor || best.shared.length < ALIGNMENT.minShared) continue;
    if (usedModel.has(best.index)) continue;
    const target = model.units[best.index];
    if (!target) continue;
    const signal = contradiction(unit, target, best.value, model.numbers);
    if (!signal) {
      if (best.value >= ALIGNMENT.minSimilarity) restated.add(best.index);
      continue;
    }
    usedModel.add(best.index);
    found.push({
      model: best.index,
      text: unit.text,
      modelText: target.text,
      signal,
      similarity: Math.round(best.value * 100) / 100,
      criterionIds: model.criteria[best.index] ?? [],
    });
  }
  // A point the answer also states the model's way elsewhere is not reversed (a paraphrase).
  return found
    .filter((reversal) => !restated.has(reversal.model))
    .map(({ model: _model, ...reversal }) => reversal);
}

/** Alignment of an answer clause with a criterion's own statement (its concept or feedback). */
export const CRITERION_ALIGNMENT = {
  /** Content lemmas the answer clause shares with the statement. */
  minShared: 2,
  /** Share of the statement's content lemmas the answer clause contains. */
  minContainment: 0.5,
};

type CriterionStatement = { unit: Unit; criterionId: string };
const statementCache = new WeakMap<GradableScenario, CriterionStatement[]>();

/** The clauses of each criterion's concept text and missed-feedback, tagged with the criterion. */
function criterionStatements(scenario: GradableScenario): CriterionStatement[] {
  const known = statementCache.get(scenario);
  if (known) return known;
  const statements: CriterionStatement[] = [];
  for (const criterion of scenario.rubric)
    for (const text of [criterion.concept, criterion.missedFeedback]) {
      const analyzed = analyzeText(text, cachedLemmaOffsets);
      for (const unit of unitsOf(analyzed))
        if (unit.content.size >= 2) statements.push({ unit, criterionId: criterion.id });
    }
  statementCache.set(scenario, statements);
  return statements;
}

/**
 * Answer clauses that state a rubric criterion's own statement with the opposite polarity: the
 * clause contains most of the statement's content words (its topic) and denies what it affirms,
 * or uses the opposite word of a direction pair about the same neighbour (grows ↔ flat, before ↔
 * after, every ↔ once). A criterion the answer also states the right way elsewhere is not reversed.
 */
export function findCriterionReversals(
  analyzed: AnalyzedText,
  scenario: GradableScenario,
): ModelReversal[] {
  const statements = criterionStatements(scenario);
  if (statements.length === 0) return [];
  const reversed = new Map<string, ModelReversal>();
  const restated = new Set<string>();
  for (const unit of unitsOf(analyzed)) {
    if (unit.content.size < 2) continue;
    for (const { unit: statement, criterionId } of statements) {
      const shared = [...statement.content].filter((word) => unit.content.has(word));
      if (shared.length < CRITERION_ALIGNMENT.minShared) continue;
      const containment = shared.length / statement.content.size;
      if (containment < CRITERION_ALIGNMENT.minContainment) continue;
      const signal = contradiction(unit, statement, 1, new Set(), true);
      if (!signal) {
        restated.add(criterionId);
        continue;
      }
      if (!reversed.has(criterionId))
        reversed.set(criterionId, {
          text: unit.text,
          modelText: statement.text,
          signal,
          similarity: Math.round(containment * 100) / 100,
          criterionIds: [criterionId],
        });
    }
  }
  return [...reversed.entries()]
    .filter(([criterionId]) => !restated.has(criterionId))
    .map(([, reversal]) => reversal);
}
