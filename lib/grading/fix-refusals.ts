// Fix refusals: the question asks what to change (a diagnosis and its fix, "say what you would
// change") and the answer, after the right diagnosis, declines the change: "leave v2's weight
// where it is while we debug", "I wouldn't change the template". That reverses the fix, however
// well the diagnosis is argued. General English status-quo forms only; the object must be part of
// the correct option's fix (choice), or the question must ask for a change (other kinds). Pure.
import { cachedLemmaOffsets } from './lemmas';
import { unitsOf } from './model-reversal';
import { analyzeText, type AnalyzedText, type TextToken } from './text';
import type { GradableScenario } from './types';

/** One clause that declines the change the case needs. */
export type FixRefusal = { text: string; criterionId: string };

/** "leave/keep X where it is | as it is | as is | alone | untouched | unchanged". */
const KEEP_VERBS = new Set(['leave', 'leaves', 'leaving', 'keep', 'keeps', 'keeping']);
const STATUS_QUO = [
  ['where', 'it', 'is'],
  ['where', 'they', 'are'],
  ['as', 'it', 'is'],
  ['as', 'they', 'are'],
  ['as', 'is'],
  ['alone'],
  ['untouched'],
  ['unchanged'],
];
/** "would not change X", "won't touch X", "do not change X". */
const CHANGE_VERBS = new Set(['change', 'touch', 'modify', 'alter']);
/** A clause that is not the learner's plan: a condition, an alternative, reported or rejected. */
const NOT_PLAN = new Set(
  'if unless whether until tempting tempt thought think wrong mistake instead rather either'.split(
    ' ',
  ),
);
const FUNCTION = new Set(
  'the a an its it their them this that these those our we i you to of in on at for with and or'.split(
    ' ',
  ),
);
/** Criterion text that states a fix (the point a refusal reverses when the kind has no options). */
const FIX_CRITERION =
  /\b(?:fix|bound|bounds|cap|caps|limit|budget|set|setting|add|remove|change|roll ?back|narrow|size)\b/i;

type FixIndex = { words: Set<string> | null; criterionId: string | undefined };
const cache = new WeakMap<GradableScenario, FixIndex>();

function contentStems(analyzed: AnalyzedText): Set<string> {
  return new Set(
    analyzed.tokens
      .filter((token) => !FUNCTION.has(token.norm) && token.norm.length > 1)
      .map((token) => token.lemmaStem || token.stem),
  );
}

/** The words of the correct fix (null: any object) and the criterion a refusal reverses. */
function fixIndex(scenario: GradableScenario): FixIndex {
  const known = cache.get(scenario);
  if (known) return known;
  let index: FixIndex = { words: null, criterionId: undefined };
  const byWeight = [...scenario.rubric].sort((a, b) => b.weight - a.weight);
  const { answer } = scenario;
  if (answer.type === 'choice') {
    const words = new Set<string>();
    let keepsSomething = false;
    for (const option of answer.options) {
      if (!answer.correct.includes(option.id)) continue;
      const parts = option.label.split(/[:;]/);
      const fix = parts.length > 1 ? parts.slice(1).join(' ') : undefined;
      if (!fix) continue;
      const analyzed = analyzeText(fix, cachedLemmaOffsets);
      // "…and keep the breaker": the fix itself keeps something; a refusal reads as agreement.
      if (analyzed.tokens.some((token) => KEEP_VERBS.has(token.norm))) keepsSomething = true;
      for (const word of contentStems(analyzed)) words.add(word);
    }
    // The point the correct label names (its fix), else the heaviest criterion that states a fix.
    const labels = answer.options
      .filter((option) => answer.correct.includes(option.id))
      .map((option) => option.label.toLowerCase())
      .join(' ');
    const named = byWeight.find((criterion) =>
      criterion.phrases.some((phrase) => labels.includes(phrase.toLowerCase())),
    );
    const criterionId = (
      byWeight.find((criterion) => FIX_CRITERION.test(criterion.concept)) ?? named
    )?.id;
    index = words.size > 0 && !keepsSomething ? { words, criterionId } : index;
  } else if (/\b(?:change|fix)\b/i.test(scenario.question ?? '')) {
    index = {
      words: null,
      criterionId: byWeight.find(
        (criterion) => FIX_CRITERION.test(criterion.concept) || FIX_CRITERION.test(criterion.id),
      )?.id,
    };
  }
  cache.set(scenario, index);
  return index;
}

function matchesAt(tokens: readonly TextToken[], at: number, words: readonly string[]): boolean {
  return words.every((word, offset) => tokens[at + offset]?.norm === word);
}

/** The object span of a refusal in [from, to): its content stems. */
function objectStems(tokens: readonly TextToken[], from: number, to: number): Set<string> {
  const stems = new Set<string>();
  for (let i = from; i < to; i += 1) {
    const token = tokens[i];
    // Names split into letters and digits ("v1" → "v", "1") do not identify the object.
    if (token && !FUNCTION.has(token.norm) && token.norm.length >= 3 && !/^\d/.test(token.norm))
      stems.add(token.lemmaStem || token.stem);
  }
  return stems;
}

/** Continuations that keep the status quo for longer ("for another hour", "for now", "a while longer"). */
const LONGER = [
  ['for', 'another'],
  ['for', 'now'],
  ['for', 'a', 'while'],
  ['a', 'while', 'longer'],
  ['a', 'bit', 'longer'],
  ['longer'],
];
const numberCache = new WeakMap<GradableScenario, Set<string>>();

/** The numbers the case states ("10%", "1,200"), as written without a trailing %. */
function caseNumbers(scenario: GradableScenario): Set<string> {
  const known = numberCache.get(scenario);
  if (known) return known;
  const numbers = new Set(
    [...(scenario.context ?? '').matchAll(/\d+(?:[.,]\d+)*/g)].map((match) => match[0]),
  );
  numberCache.set(scenario, numbers);
  return numbers;
}

/** "keep|leave X at <a number of the case> … for another / for now / while we …" within the unit. */
function keepsCurrentValueLonger(
  tokens: readonly TextToken[],
  verb: number,
  end: number,
  numbers: ReadonlySet<string>,
): boolean {
  let valueAt = -1;
  for (let j = verb + 1; j < Math.min(end, verb + 5) && valueAt < 0; j += 1)
    if (tokens[j]?.norm === 'at' && numbers.has((tokens[j + 1]?.norm ?? '').replace(/%$/, '')))
      valueAt = j + 1;
  if (valueAt < 0) return false;
  for (let j = valueAt + 1; j < Math.min(end, valueAt + 4); j += 1)
    if (LONGER.some((idiom) => matchesAt(tokens, j, idiom))) return true;
  return false;
}

let enabled = true;

/** Calibration only: turns the fix-refusal reader off or on. */
export function setFixRefusals(on: boolean): void {
  enabled = on;
}

/** Clauses that decline the change the question asks for (at most one). */
export function findFixRefusals(analyzed: AnalyzedText, scenario: GradableScenario): FixRefusal[] {
  if (!enabled) return [];
  const { words, criterionId } = fixIndex(scenario);
  if (criterionId === undefined) return [];
  if (scenario.answer.type === 'choice' && words === null) return [];
  const { tokens } = analyzed;
  for (const unit of unitsOf(analyzed)) {
    let planned = true;
    for (let i = unit.start; i < unit.end; i += 1)
      if (NOT_PLAN.has(tokens[i]?.norm ?? '')) planned = false;
    if (!planned) continue;
    for (let i = unit.start; i < unit.end; i += 1) {
      const token = tokens[i];
      if (!token) continue;
      let object: Set<string> | undefined;
      if (KEEP_VERBS.has(token.norm) && token.negationDepth % 2 === 0) {
        // "leave v2's weight where it is": the object sits between the verb and the idiom.
        for (let j = i + 1; j < Math.min(unit.end, i + 7) && !object; j += 1)
          for (const idiom of STATUS_QUO)
            if (matchesAt(tokens, j, idiom)) {
              object = objectStems(tokens, i + 1, j);
              break;
            }
      } else if (
        CHANGE_VERBS.has(token.norm) &&
        tokens[i - 1]?.norm === 'not' &&
        ['would', 'will', 'do', 'should', 'shall'].includes(tokens[i - 2]?.norm ?? '')
      ) {
        object = objectStems(tokens, i + 1, Math.min(unit.end, i + 5));
      }
      // "leave v2 at 10% for another hour while we debug": a setting kept at the case's current
      // value, for longer. The value names the setting the fix changes, whatever the words.
      if (
        (!object || object.size === 0) &&
        KEEP_VERBS.has(token.norm) &&
        token.negationDepth % 2 === 0 &&
        keepsCurrentValueLonger(tokens, i, unit.end, caseNumbers(scenario))
      )
        return [{ text: unit.text, criterionId }];
      if (!object || object.size === 0) continue;
      if (words !== null && ![...object].some((word) => words.has(word))) continue;
      return [{ text: unit.text, criterionId }];
    }
  }
  return [];
}
