// Stance-bearing rubric criteria, read from the criterion's own concept text: "Source identity
// checks MOVE to the waypoint", "Fault injection DISABLES its retries", "Per-call proxy tail is
// paid on EVERY branch", "Managed endpoints already use TLS". Each concept takes a side on a few
// general direction axes (change ↔ stay, more ↔ flat/less, disabled ↔ active, every ↔ once,
// encrypted ↔ plaintext). A clause of the answer about the same criterion (one of its phrases or
// paraphrases, or two of the concept's own words) that takes the other side reverses it: "keep the
// principal check on ztunnel", "retries were active", "proxy latency is flat with load". No
// per-scenario words: the axes are general and the sides come from the rubric. Pure.
import { cachedLemmaOffsets } from './lemmas';
import { expandRubric } from './concepts';
import { compilePhrases, findOccurrences } from './match';
import { analyzeText, isPostNegated, stemWord, type AnalyzedText, type TextToken } from './text';
import type { GradableScenario } from './types';

/** A direction axis: words on one side, words on the other (plain words; stemmed at load). */
type Axis = { id: string; up: readonly string[]; down: readonly string[] };

/** The general axes. `up` is the side that states an effect, `down` the one that denies it. */
export const STANCE_AXES: readonly Axis[] = [
  {
    id: 'change',
    up: ['change', 'changes', 'move', 'moves', 'shift', 'shifts', 'differ', 'differs'],
    down: ['same', 'unchanged', 'stay', 'stays', 'remain', 'remains', 'keep', 'keeps', 'intact'],
  },
  {
    id: 'amount',
    up: [
      'grow',
      'grows',
      'rise',
      'rises',
      'increase',
      'increases',
      'more',
      // Not "worse": it judges ("fit worse"), it states no amount.
      'multiply',
      'multiplies',
      'compound',
      'compounds',
      'pay',
      'pays',
      'paid',
      'add',
      'adds',
      'exhaust',
      'exhausts',
      'widen',
      'widens',
    ],
    // Absolute denials only: "cheaper per hop" compares with something else.
    down: ['flat', 'constant', 'negligible'],
  },
  {
    id: 'enabled',
    up: ['disable', 'disables', 'disabled', 'suppress', 'suppresses'],
    // "with fault injection enabled", "the abort fires" describe; "retries were active" claims.
    down: ['active'],
  },
  {
    id: 'scope',
    up: ['every', 'each', 'all'],
    down: ['once'],
  },
  {
    id: 'encryption',
    up: ['tls', 'encrypt', 'encrypts', 'encrypted', 'encryption'],
    // Only a denial ("aren't encrypted") is the other side: "the plaintext finding" describes
    // the problem a good answer fixes.
    down: ['unencrypted', 'cleartext'],
  },
];

type Side = 1 | -1;
const AXIS_WORDS = new Map<string, Array<{ axis: string; side: Side }>>();
for (const axis of STANCE_AXES)
  for (const [words, side] of [
    [axis.up, 1],
    [axis.down, -1],
  ] as const)
    for (const word of words)
      // Stems only for longer words ("https" would stem to "http").
      for (const key of new Set(word.length >= 5 ? [word, stemWord(word)] : [word]))
        AXIS_WORDS.set(key, [...(AXIS_WORDS.get(key) ?? []), { axis: axis.id, side }]);

/** "adds nothing", "costs nothing": an effect word followed by a nullifier states the down side. */
const NULLIFIERS = new Set(['nothing', 'zero', 'none']);

const STOP = new Set(
  (
    'the a an and or but of to in on at by for with from is are was were be been it its this that ' +
    'these those there than so as if into per each we you they our their not no only also its own ' +
    'one two what which who how why can may must should would will do does did has have had use ' +
    'uses already actually'
  ).split(' '),
);

function axisHits(token: TextToken): Array<{ axis: string; side: Side }> {
  return AXIS_WORDS.get(token.norm) ?? AXIS_WORDS.get(token.lemmaStem) ?? [];
}

const ARROW = /→|->|=>|⇒/;
const DETERMINERS = new Set('the a an any this that'.split(' '));
const SUBORDINATORS = new Set('anything before after until when while if'.split(' '));

/** Sides each axis takes in tokens [from, to) (negated words count for the other side). */
function sidesOf(
  analyzed: AnalyzedText,
  from: number,
  to: number,
  predicatesOnly = false,
): Map<string, { up: number; down: number }> {
  const { tokens } = analyzed;
  const sides = new Map<string, { up: number; down: number }>();
  for (let i = from; i < to; i += 1) {
    const token = tokens[i];
    if (!token) continue;
    const hits = axisHits(token);
    if (hits.length === 0) continue;
    // In a concept text, "the change" (a noun) and "before anything changes" (a time clause)
    // state no stance.
    if (
      predicatesOnly &&
      (DETERMINERS.has(tokens[i - 1]?.norm ?? '') ||
        [tokens[i - 1], tokens[i - 2]].some((before) => SUBORDINATORS.has(before?.norm ?? '')))
    )
      continue;
    // An arrow ends a negation's scope ("isn't injected → sends plaintext").
    const scopeStart = tokens[from]?.start ?? 0;
    const cut = ARROW.test(analyzed.text.slice(scopeStart, token.start));
    const denied = !cut && token.negationDepth % 2 === 1;
    // A post-negation ("X isn't needed") denies a predicate, not a quantifier before it.
    const postDenied = !cut && isPostNegated(tokens, i + 1);
    const nullified = NULLIFIERS.has(tokens[i + 1]?.norm ?? '');
    // "once" is a count only after a verb ("added once"), not as a conjunction ("once we …").
    if (token.norm === 'once' && !isAdverbialOnce(tokens, i)) continue;
    // A concept states its stance affirmatively; a denied word there ("no sidecar keeps") is no side.
    if (predicatesOnly && (denied || postDenied)) continue;
    // "don't put something in every request path": advice against an action leaves the scope
    // it names as it is (the risk stands); only a statement denies it ("it isn't on every path").
    const advisedAgainst = denied && isNegatedImperative(tokens, i);
    // "the tail isn't paid once per page but on all twenty branches": "not A but B" corrects
    // where or how often, so the predicate itself ("paid") stands; only the scope flips.
    const corrected = denied && correctedByBut(tokens, i);
    for (const { axis, side } of hits) {
      const negated =
        (denied && !(axis === 'scope' && advisedAgainst) && !(axis !== 'scope' && corrected)) ||
        (axis !== 'scope' && postDenied);
      const actual = (negated !== nullified ? -side : side) as Side;
      const entry = sides.get(axis) ?? { up: 0, down: 0 };
      if (actual === 1) entry.up += 1;
      else entry.down += 1;
      sides.set(axis, entry);
    }
  }
  return sides;
}

/** Words that open the corrected part of "not A but B" without a clause of its own. */
const CORRECTION_OPENERS = new Set(
  'on in at across over per for to every each all both twice through inside within'.split(' '),
);

/**
 * The negation over `index` is "not A but B" where B corrects a modifier ("isn't paid once per
 * page but on all twenty branches", "not enforced at the edge but at every pod"): the next
 * segment in the sentence opens with "but" and a preposition or quantifier, not a new clause
 * ("but on the other hand" is a turn, not a correction).
 */
export function correctedByBut(tokens: readonly TextToken[], index: number): boolean {
  const token = tokens[index];
  if (!token) return false;
  let next = index + 1;
  while (next < tokens.length && tokens[next]?.segment === token.segment) next += 1;
  const but = tokens[next];
  const opener = tokens[next + 1];
  if (!but || !opener || but.sentence !== token.sentence || but.norm !== 'but') return false;
  if (opener.segment !== but.segment || !CORRECTION_OPENERS.has(opener.norm)) return false;
  return !(tokens[next + 2]?.norm === 'the' && tokens[next + 3]?.norm === 'other');
}

/** Words that may open a clause before an imperative ("so don't …", "and never …"). */
const IMPERATIVE_OPENERS = new Set('so and but then just please simply thus therefore'.split(' '));

/**
 * The negation over `index` is a negated imperative: "don't" / "do not" / "never" opening its
 * clause (after at most one connective) and followed by a verb, within the same segment.
 */
export function isNegatedImperative(tokens: readonly TextToken[], index: number): boolean {
  const segment = tokens[index]?.segment;
  let start = index;
  while (start > 0 && tokens[start - 1]?.segment === segment) start -= 1;
  let at = start;
  if (IMPERATIVE_OPENERS.has(tokens[at]?.norm ?? '')) at += 1;
  const first = tokens[at]?.norm;
  if (first === 'never') return at < index;
  return first === 'do' && tokens[at + 1]?.norm === 'not' && at + 2 < index;
}

const CONDITIONALS = new Set('if would could unless whether suppose imagine'.split(' '));

/** "Had retries been active …", "if retries were active": a counterfactual states no claim. */
function isHypothetical(analyzed: AnalyzedText, from: number, to: number): boolean {
  const first = analyzed.tokens[from];
  if (first && (first.norm === 'had' || first.norm === 'were')) return true;
  for (let i = from; i < to; i += 1)
    if (CONDITIONALS.has(analyzed.tokens[i]?.norm ?? '')) return true;
  return false;
}

const CONJUNCTION_NEXT = new Set(
  'the a an we it they you every all each this that our telemetry traffic there'.split(' '),
);

/** "added once at the gateway" (a count), not "once we have SLOs" (a conjunction). */
function isAdverbialOnce(tokens: readonly TextToken[], index: number): boolean {
  const before = tokens[index - 1];
  const token = tokens[index];
  if (!before || !token || before.segment !== token.segment) return false;
  if (STOP.has(before.norm)) return false;
  return !CONJUNCTION_NEXT.has(tokens[index + 1]?.norm ?? '');
}

/** The one side of an axis a span takes, or 0 when it takes none or both. */
function sideOf(entry: { up: number; down: number } | undefined): Side | 0 {
  if (!entry || entry.up === entry.down) return 0;
  return entry.up > entry.down ? 1 : -1;
}

type CriterionStance = {
  criterionId: string;
  weight: number;
  /** Axis → the side the concept text takes. */
  sides: Map<string, Side>;
  /** Content lemmas of the concept text (its topic). */
  topic: Set<string>;
  /** Concept words after its "change" verb (where a thing moves to). */
  destination: Set<string>;
};
const cache = new WeakMap<GradableScenario, CriterionStance[]>();

/** The stance-bearing criteria of a scenario: those whose concept text takes a side on an axis. */
export function criterionStances(scenario: GradableScenario): CriterionStance[] {
  const known = cache.get(scenario);
  if (known) return known;
  const stances: CriterionStance[] = [];
  for (const criterion of scenario.rubric) {
    const analyzed = analyzeText(criterion.concept, cachedLemmaOffsets);
    const sides = new Map<string, Side>();
    for (const [axis, entry] of sidesOf(analyzed, 0, analyzed.tokens.length, true)) {
      // Only a concept that states an effect (moves, disables, adds, every, encrypts) takes a
      // stance; "keeps", "smaller", "plaintext" in a concept describe, they do not claim.
      if (sideOf(entry) === 1) sides.set(axis, 1);
    }
    if (sides.size === 0) continue;
    const topic = new Set(
      analyzed.tokens
        .filter(
          (token) =>
            !STOP.has(token.norm) &&
            token.norm.length > 2 &&
            axisHits(token).length === 0 &&
            !/^\d/.test(token.norm),
        )
        .map((token) => token.lemmaStem),
    );
    const verb = analyzed.tokens.findIndex((token) =>
      axisHits(token).some(({ axis, side }) => axis === 'change' && side === 1),
    );
    const destination = new Set(
      verb < 0
        ? []
        : analyzed.tokens
            .slice(verb + 1)
            .map((token) => token.lemmaStem)
            .filter((lemma) => topic.has(lemma)),
    );
    stances.push({
      criterionId: criterion.id,
      weight: criterion.weight,
      sides,
      topic,
      destination,
    });
  }
  cache.set(scenario, stances);
  return stances;
}

/** One answer clause that takes the other side of a stance-bearing criterion. */
export type StanceReversal = {
  criterionId: string;
  axis: string;
  /** The learner's words (the clause). */
  text: string;
  /** The criterion's concept text. */
  concept: string;
};

/** Content lemmas of tokens [from, to): no stop, axis, negation or number words. */
function contentWords(analyzed: AnalyzedText, from: number, to: number): Set<string> {
  const words = new Set<string>();
  for (let i = from; i < to; i += 1) {
    const token = analyzed.tokens[i];
    if (!token || STOP.has(token.norm) || token.norm.length < 3 || /^\d/.test(token.norm)) continue;
    if (axisHits(token).length > 0 || NEGATIONS.has(token.norm)) continue;
    words.add(token.lemmaStem);
  }
  return words;
}
const NEGATIONS = new Set('not no never nothing none without cannot'.split(' '));

/** Token ranges [start, end) of each segment of the text. */
function segmentsOf(analyzed: AnalyzedText): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let from = 0;
  const { tokens } = analyzed;
  for (let i = 1; i <= tokens.length; i += 1) {
    if (i === tokens.length || tokens[i]?.segment !== tokens[from]?.segment) {
      ranges.push([from, i]);
      from = i;
    }
  }
  return ranges;
}

/**
 * Clauses that reverse a stance-bearing criterion; a criterion the answer also states on the
 * concept's side in another clause is not reversed (the learner said both, e.g. a paraphrase).
 */
export function findStanceReversals(
  analyzed: AnalyzedText,
  scenario: GradableScenario,
): StanceReversal[] {
  const stances = criterionStances(scenario);
  if (analyzed.tokens.length === 0) return [];
  const expanded = new Map(
    expandRubric(scenario).criteria.map((entry) => [entry.criterion.id, entry]),
  );
  const segments = segmentsOf(analyzed);
  const found: StanceReversal[] = [];
  for (const stance of stances) {
    const phrases = expanded.get(stance.criterionId)?.phrases ?? [];
    // A sentence is about the criterion when it holds one of its phrases or two concept words,
    // and a clause of it when the clause holds the phrase or one of those words.
    const occurrences = findOccurrences(analyzed, phrases);
    const anchored = new Set(
      occurrences.map((occurrence) => analyzed.tokens[occurrence.start]?.sentence ?? -1),
    );
    const anchoredSegments = new Set(
      occurrences.map((occurrence) => analyzed.tokens[occurrence.start]?.segment ?? -1),
    );
    const topicCount = new Map<number, Set<string>>();
    for (const token of analyzed.tokens) {
      if (!stance.topic.has(token.lemmaStem)) continue;
      anchoredSegments.add(token.segment);
      topicCount.set(
        token.sentence,
        (topicCount.get(token.sentence) ?? new Set()).add(token.lemmaStem),
      );
    }
    for (const [sentence, words] of topicCount) if (words.size >= 2) anchored.add(sentence);
    // A sentence with one concept word right after such a sentence continues its topic.
    const sentences = new Set(analyzed.tokens.map((token) => token.sentence));
    for (const sentence of [...sentences].sort((a, b) => a - b))
      if (!anchored.has(sentence) && anchored.has(sentence - 1) && topicCount.has(sentence))
        anchored.add(sentence);
    const reversals = new Map<string, StanceReversal & { words: Set<string> }>();
    /** Axis → content words of each clause that states the concept's side. */
    const restated = new Map<string, Array<{ words: Set<string>; topical: boolean }>>();
    for (const [from, to] of segments) {
      const first = analyzed.tokens[from];
      if (!first || !anchored.has(first.sentence) || !anchoredSegments.has(first.segment)) continue;
      const sides = sidesOf(analyzed, from, to);
      // "Keep the check on the waypoint" agrees with "checks move to the waypoint".
      let atDestination = false;
      for (let i = from; i < to; i += 1)
        if (stance.destination.has(analyzed.tokens[i]?.lemmaStem ?? '')) atDestination = true;
      const words = contentWords(analyzed, from, to);
      const topical = [...words].filter((word) => stance.topic.has(word)).length >= 2;
      for (const [axis, expected] of stance.sides) {
        const raw = sideOf(sides.get(axis));
        const side = axis === 'change' && raw === -1 && atDestination ? 1 : raw;
        if (side === expected)
          restated.set(axis, [...(restated.get(axis) ?? []), { words, topical }]);
        else if (
          side === -expected &&
          !reversals.has(axis) &&
          !isHypothetical(analyzed, from, to)
        ) {
          const last = analyzed.tokens[to - 1];
          reversals.set(axis, {
            criterionId: stance.criterionId,
            axis,
            text: last ? analyzed.text.slice(first.start, last.end) : '',
            concept:
              scenario.rubric.find((entry) => entry.id === stance.criterionId)?.concept ?? '',
            words,
          });
        }
      }
    }
    // An axis the answer also states on the concept's side, about the same thing (a shared word)
    // or as the concept itself (two concept words), is not reversed: "Postgres has no TLS"
    // stays reversed beside "Redis can do TLS".
    const reversal = [...reversals.values()].find(
      (entry) =>
        !(restated.get(entry.axis) ?? []).some(
          ({ words, topical }) => topical || [...words].some((word) => entry.words.has(word)),
        ),
    );
    if (reversal) {
      const { words: _words, ...rest } = reversal;
      found.push(rest);
    }
  }
  return [...found, ...findDismissals(analyzed, scenario, found)];
}

/** "doesn't matter", "can wait", "is optional", "goes away": the clause dismisses its subject. */
const DISMISSAL =
  /\b(?:(?:does|do|did) not matter|(?:is|are) irrelevant|irrelevant here|can wait|could wait|(?:is|are) optional|goes away|go away|(?:will|would) not change|does not enter)\b/;
/**
 * A concept about when ("authorization after mTLS", "policy next") may be deferred, and one about
 * rejecting options ("why the alternatives fit worse", "cheaper solutions instead") is argued
 * by dismissing them.
 */
const DEFERRAL =
  /\b(?:after|later|next|last|then|eventually|alternatives?|worse|better|instead|rather|than|why|outweighs?|rule|cheaper)\b/i;

type DismissalIndex = Array<{
  criterionId: string;
  concept: string;
  phrases: ReturnType<typeof compilePhrases>;
  /** Words the concept itself rules out ("config size, not rps"): dismissing them agrees. */
  ruledOut: Set<string>;
  /** The point is itself about leaving something out ("keep the bid path out", "exempt"). */
  excludes: boolean;
}>;

/** Criterion text about excluding something: an exclusion in the answer may state the point. */
const EXCLUSION_TEXT =
  /\b(?:out|outside|exclud\w*|except\w*|exempt\w*|without|carve|skip\w*|bypass\w*|scope\w*|narrow\w*)\b/i;
/** "keep X on plain / bare / legacy …": X stays on what it runs today, outside the change. */
const STAY_ON = new Set(['plain', 'bare', 'legacy', 'old']);
const EXCLUDE_VERBS = new Set(['leave', 'leaves', 'leaving', 'keep', 'keeps', 'keeping']);

/**
 * "leave X out", "keep X out of the mesh", "leaving X out": the phrase at
 * [start, end) is the object of an affirmed exclusion in its sentence.
 */
function excludesAt(analyzed: AnalyzedText, start: number, end: number): boolean {
  const { tokens } = analyzed;
  const sentence = tokens[start]?.sentence;
  for (let i = start - 1; i >= Math.max(0, start - 5); i -= 1) {
    const token = tokens[i];
    if (!token || token.sentence !== sentence || token.negationDepth % 2 === 1) break;
    if (!EXCLUDE_VERBS.has(token.norm)) continue;
    // The particle follows the object: "leave the 180 VM services out"; or what they stay on
    // instead: "keep the VMs on plain DNS", "leave them on legacy discovery", "as they are".
    for (let j = end; j < Math.min(tokens.length, end + 3); j += 1) {
      const after = tokens[j];
      if (!after || after.sentence !== sentence) break;
      if (after.norm === 'out') return true;
      const next = tokens[j + 1]?.norm ?? '';
      if (after.norm === 'on' && STAY_ON.has(next)) return true;
      if (after.norm === 'as' && (next === 'is' || next === 'they')) return true;
    }
    return false;
  }
  return false;
}
const dismissalCache = new WeakMap<GradableScenario, DismissalIndex>();

function dismissalIndex(scenario: GradableScenario): DismissalIndex {
  const known = dismissalCache.get(scenario);
  if (known) return known;
  const index: DismissalIndex = scenario.rubric
    .filter((criterion) => !DEFERRAL.test(criterion.concept))
    .map((criterion) => {
      const tokens = analyzeText(criterion.concept, cachedLemmaOffsets).tokens;
      const ruledOut = new Set<string>();
      tokens.forEach((token, i) => {
        if (token.norm === 'not' || token.norm === 'no') {
          const next = tokens[i + 1];
          if (next) ruledOut.add(next.lemmaStem);
        }
      });
      return {
        criterionId: criterion.id,
        concept: criterion.concept,
        // The rubric's own phrases only: a paraphrase is too loose to carry a dismissal.
        phrases: compilePhrases(criterion.phrases),
        ruledOut,
        excludes: EXCLUSION_TEXT.test([criterion.concept, ...criterion.phrases].join(' ')),
      };
    });
  dismissalCache.set(scenario, index);
  return index;
}

/**
 * Clauses that dismiss a criterion the rubric requires ("config size doesn't matter",
 * "authorization policies are optional", "the ownership gap goes away"): one of the criterion's
 * own phrases in the clause, a dismissal predicate, no counterfactual. A criterion about timing
 * ("after", "next", "last") may be deferred, and dismissing what the concept rules out agrees.
 */
function findDismissals(
  analyzed: AnalyzedText,
  scenario: GradableScenario,
  already: readonly StanceReversal[],
): StanceReversal[] {
  const found: StanceReversal[] = [];
  const segments = segmentsOf(analyzed);
  const segmentText = (segment: number) => {
    const range = segments.find(([from]) => analyzed.tokens[from]?.segment === segment);
    if (!range) return null;
    const first = analyzed.tokens[range[0]];
    const last = analyzed.tokens[range[1] - 1];
    if (!first || !last) return null;
    const folded = analyzed.tokens
      .slice(range[0], range[1])
      .map((token) => token.norm)
      .join(' ');
    return { range, folded, text: analyzed.text.slice(first.start, last.end) };
  };
  const expanded = new Map(
    expandRubric(scenario).criteria.map((entry) => [entry.criterion.id, entry.phrases]),
  );
  for (const entry of dismissalIndex(scenario)) {
    if (already.some((reversal) => reversal.criterionId === entry.criterionId)) continue;
    // "leave the VM services out of it (until they move)": excluding what the point requires
    // ("exclude this principal from the DENY" adds an exception instead: not read)
    // (its phrases or their paraphrases), when the point is not itself about leaving things out.
    const excluded = entry.excludes
      ? undefined
      : findOccurrences(analyzed, expanded.get(entry.criterionId) ?? []).find((occurrence) => {
          const clause = segmentText(analyzed.tokens[occurrence.start]?.segment ?? -1);
          return (
            clause !== null &&
            excludesAt(analyzed, occurrence.start, occurrence.end) &&
            !isHypothetical(analyzed, clause.range[0], clause.range[1])
          );
        });
    const excludedClause = excluded
      ? segmentText(analyzed.tokens[excluded.start]?.segment ?? -1)
      : null;
    if (excludedClause) {
      found.push({
        criterionId: entry.criterionId,
        axis: 'dismissal',
        text: excludedClause.text,
        concept: entry.concept,
      });
      continue;
    }
    for (const occurrence of findOccurrences(analyzed, entry.phrases)) {
      const clause = segmentText(analyzed.tokens[occurrence.start]?.segment ?? -1);
      if (!clause || !DISMISSAL.test(clause.folded)) continue;
      // "can wait until STRICT is on" defers to a named trigger: a plan, not a dismissal.
      const [from, to] = clause.range;
      const after = analyzed.tokens[to];
      const deferred =
        /\b(?:wait|waits) (?:until|till|for)\b/.test(clause.folded) ||
        (/\bwait$/.test(clause.folded) &&
          after?.sentence === analyzed.tokens[from]?.sentence &&
          ['until', 'till', 'once', 'when'].includes(after?.norm ?? ''));
      if (deferred) continue;
      if (isHypothetical(analyzed, from, to)) continue;
      const lemmas = analyzed.tokens.slice(from, to).map((token) => token.lemmaStem);
      if (lemmas.some((lemma) => entry.ruledOut.has(lemma))) continue;
      found.push({
        criterionId: entry.criterionId,
        axis: 'dismissal',
        text: clause.text,
        concept: entry.concept,
      });
      break;
    }
  }
  return found;
}
