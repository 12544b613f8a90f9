// Rollout answers: a rubric point about ordering ("SLOs and a baseline before anything changes",
// "Default deny last") is contradicted by the submitted order when its step sits on the wrong side
// of another step. Such a point earns no credit even if the justification names it: the decision
// itself says otherwise. Pure; the step of each point is found once per scenario.
import { cachedLemmaOffsets } from './lemmas';
import { analyzeText } from './text';
import type { GradableScenario } from './types';

const ORDER_WORDS = /\b(?:first|before|after|last|then|once|until|later)\b/i;
const FUNCTION = new Set(
  (
    'a an the and or but of to in on at by for with from into as is are was were be been it its this that ' +
    'they them we our you your not no so then than only all any some more most less very can may might must ' +
    'will has have had do does did their there one two first before after last once until later'
  ).split(' '),
);

function stemsOf(text: string): Set<string> {
  return new Set(
    analyzeText(text, cachedLemmaOffsets)
      .tokens.filter((token) => !FUNCTION.has(token.norm) && token.norm.length > 2)
      .map((token) => token.lemmaStem),
  );
}

const cache = new WeakMap<GradableScenario, Map<string, string>>();

/** Criterion id → the order step it is about, for criteria that state an ordering (unambiguous matches only). */
export function orderPointSteps(scenario: GradableScenario): Map<string, string> {
  const known = cache.get(scenario);
  if (known) return known;
  const steps = new Map<string, string>();
  if (scenario.answer.type === 'order') {
    const items = scenario.answer.items.map((item) => ({
      id: item.id,
      stems: stemsOf(item.label),
    }));
    for (const criterion of scenario.rubric) {
      if (!ORDER_WORDS.test(criterion.concept)) continue;
      const words = stemsOf(`${criterion.concept} ${criterion.phrases.join(' ')}`);
      const scored = items
        .map((item) => ({
          id: item.id,
          overlap: [...item.stems].filter((s) => words.has(s)).length,
        }))
        .sort((a, b) => b.overlap - a.overlap);
      const [best, second] = scored;
      if (best && best.overlap >= 3 && best.overlap > (second?.overlap ?? 0))
        steps.set(criterion.id, best.id);
    }
  }
  cache.set(scenario, steps);
  return steps;
}

/** Ordering points whose step the submitted order places on the wrong side of another step. */
export function violatedOrderPoints(
  scenario: GradableScenario,
  given: readonly string[],
): Set<string> {
  const violated = new Set<string>();
  if (scenario.answer.type !== 'order') return violated;
  const correct = scenario.answer.correct;
  const expected = new Map(correct.map((id, index) => [id, index]));
  const actual = new Map(given.map((id, index) => [id, index]));
  for (const [criterionId, step] of orderPointSteps(scenario)) {
    const e = expected.get(step);
    const a = actual.get(step);
    if (e === undefined || a === undefined) continue;
    const crossed = correct.some((other) => {
      if (other === step) return false;
      const eo = expected.get(other) ?? 0;
      const ao = actual.get(other) ?? 0;
      return eo < e !== ao < a;
    });
    if (crossed) violated.add(criterionId);
  }
  return violated;
}
