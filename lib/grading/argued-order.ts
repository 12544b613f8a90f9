// Rollout answers: a near-miss order is the calibration scale's "mediocre" band when the swap is
// a slip, but a reversed crucial point when the justification argues for it ("once the canary is
// clean, remove the old revision so we do not run two control planes", "deploy the waypoint once
// the namespace is ambient, because …"): the learner defends the wrong place of a step. A step
// on the wrong side of a swapped pair counts as argued when one sentence names it (its label's
// words, more than any other step's), states an order (once, then, before, after, first, …) and
// gives a reason (because, so, since, otherwise, to avoid, …). Pure; general grammar and the
// scenario's own step labels only.
import { cachedLemmaOffsets } from './lemmas';
import { analyzeText, type AnalyzedText } from './text';
import type { GradableScenario } from './types';

/** A step the submitted order misplaces and the sentence that argues for its place. */
export type ArguedMisorder = { stepId: string; text: string };

const ORDER_WORDS = new Set(
  'once then before after first last until later next earlier afterwards'.split(' '),
);
/** Single-word reason connectives; "so" also covers "so that". */
const REASON_WORDS = new Set('because so since otherwise therefore hence'.split(' '));
const REASON_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['to', 'avoid'],
  ['to', 'keep'],
  ['to', 'prevent'],
  ['which', 'means'],
  ['that', 'way'],
];
const FUNCTION = new Set(
  (
    'a an the and or but of to in on at by for with from into as is are was were be been it its this that ' +
    'they them we our you your not no so then than only all any some more most less very can may might must ' +
    'will has have had do does did their there one two first before after last once until later its each'
  ).split(' '),
);

const labelCache = new WeakMap<GradableScenario, Map<string, Set<string>>>();

function labelStems(scenario: GradableScenario): Map<string, Set<string>> {
  const known = labelCache.get(scenario);
  if (known) return known;
  const stems = new Map<string, Set<string>>();
  if (scenario.answer.type === 'order')
    for (const item of scenario.answer.items)
      stems.set(
        item.id,
        new Set(
          analyzeText(item.label, cachedLemmaOffsets)
            .tokens.filter((token) => !FUNCTION.has(token.norm) && token.norm.length > 2)
            .map((token) => token.lemmaStem),
        ),
      );
  labelCache.set(scenario, stems);
  return stems;
}

/** Steps that sit on the wrong side of at least one other step in `given`. */
export function misplacedSteps(correct: readonly string[], given: readonly string[]): Set<string> {
  const position = new Map(given.map((id, index) => [id, index]));
  const out = new Set<string>();
  for (let i = 0; i < correct.length; i += 1)
    for (let j = i + 1; j < correct.length; j += 1) {
      const a = correct[i];
      const b = correct[j];
      if (a === undefined || b === undefined) continue;
      const pa = position.get(a);
      const pb = position.get(b);
      if (pa !== undefined && pb !== undefined && pa > pb) {
        out.add(a);
        out.add(b);
      }
    }
  return out;
}

/**
 * The first misplaced step whose place a sentence of the justification argues for, or null.
 * Only for an order answer that is not fully right.
 */
export function findArguedMisorder(
  scenario: GradableScenario,
  given: readonly string[],
  analyzed: AnalyzedText,
): ArguedMisorder | null {
  if (scenario.answer.type !== 'order') return null;
  const misplaced = misplacedSteps(scenario.answer.correct, given);
  if (misplaced.size === 0) return null;
  const stems = labelStems(scenario);
  const sentences = new Map<number, typeof analyzed.tokens>();
  for (const token of analyzed.tokens) {
    const list = sentences.get(token.sentence) ?? [];
    list.push(token);
    sentences.set(token.sentence, list);
  }
  for (const tokens of sentences.values()) {
    const norms = tokens.map((token) => token.norm);
    const hasOrder = norms.some((norm) => ORDER_WORDS.has(norm));
    const hasReason =
      norms.some((norm) => REASON_WORDS.has(norm)) ||
      REASON_PAIRS.some(([a, b]) => norms.some((norm, i) => norm === a && norms[i + 1] === b));
    if (!hasOrder || !hasReason) continue;
    const present = new Set(tokens.map((token) => token.lemmaStem));
    const overlaps = [...stems].map(([id, words]) => ({
      id,
      overlap: [...words].filter((word) => present.has(word)).length,
    }));
    const best = Math.max(...overlaps.map((entry) => entry.overlap));
    if (best < 2) continue;
    const named = overlaps.filter((entry) => entry.overlap === best);
    // The step named most clearly is misplaced; a tie needs three shared words (the sentence
    // names a step and mentions another's words in passing: "… revision … control planes with
    // version skew").
    if (named.length > 1 && best < 3) continue;
    const step = named.find((entry) => misplaced.has(entry.id));
    if (!step) continue;
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    if (!first || !last) continue;
    return { stepId: step.id, text: analyzed.text.slice(first.start, last.end) };
  }
  return null;
}
