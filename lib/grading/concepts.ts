// Links a scenario's rubric criteria and wrong turns to lexicon concepts, so each one also
// accepts the concept's paraphrases and knows its opposite stance. Computed once per scenario
// object (WeakMap), so grading an answer only matches. Pure.
import { cachedLemmaOffsets } from './lemmas';
import { LEXICON, LEXICON_BY_ID, type LexiconConcept } from './lexicon';
import { compilePhrase, compilePhrases, findOccurrences, type CompiledPhrase } from './match';
import { STANCES } from './stances';
import { analyzeText, stemWord, type AnalyzedText } from './text';
import type { GradableScenario, RubricCriterion, WrongTurn } from './types';

/** Concepts whose denial ("no authorization policy is needed") reverses a rubric point. */
const STANCE_WHEN_DENIED: ReadonlySet<string> = new Set([
  'authorization',
  'phased',
  'baseline',
  'audit-first',
  'permissive-first',
  'ownership',
  'multi-site',
  'staging',
  'rollback',
  'auto-rollback',
  'revision-canary',
  'bypass',
  'version-check',
  'waypoint',
  'cleanup',
  'observability-first',
  'timeouts',
  'retry-budget',
  // "Not yet, with triggers to revisit": denying any revisit ("no trigger worth tracking") is "never".
  'revisit',
]);

/** A criterion with its rubric phrases, linked lexicon concepts and opposite patterns. */
export type ExpandedCriterion = {
  criterion: RubricCriterion;
  /** Rubric phrases first, then lexicon paraphrases. */
  phrases: CompiledPhrase[];
  /** How many of `phrases` are the rubric's own (the rest are paraphrases). */
  ownPhraseCount: number;
  lexiconIds: string[];
  /** Patterns that state the reverse of this criterion ("all at once" for a phased rollout). */
  opposites: CompiledPhrase[];
  /** True when a mention that is only negated reverses the point instead of just missing it. */
  isStance: boolean;
  /** Small counts the point states ("two proxies", "four tries"): another count of the same thing reverses it. */
  counts: CountClaim[];
};

/** A small count of a specific thing ("two proxies" → 2, "proxi"). */
export type CountClaim = { value: number; stem: string };

const COUNT_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  single: 1,
  two: 2,
  both: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};
// Counts of these are the case's scale, not a claim that can be reversed.
const UNCOUNTED = new Set(
  'service team engineer namespace pod cluster people person day week month year minute second hour replica percent time way thing step'
    .split(' ')
    .map((word) => stemWord(word)),
);

/** "three extra tries", "two more proxies": a count relative to something else, not the total. */
const RELATIVE = new Set([
  'extra',
  'more',
  'additional',
  'other',
  'further',
  'new',
  'remaining',
  'fewer',
  'less',
]);

/** Value of a small count token (1–10, digit or word), or null. */
export function countValue(norm: string): number | null {
  const word = COUNT_WORDS[norm];
  if (word !== undefined) return word;
  if (/^(?:[1-9]|10)$/.test(norm)) return Number(norm);
  return null;
}

/** Count claims of a text: a small count directly before a noun (one adjective may sit between). */
export function countClaims(text: AnalyzedText): Array<CountClaim & { index: number }> {
  const claims: Array<CountClaim & { index: number }> = [];
  text.tokens.forEach((token, index) => {
    const value = countValue(token.norm);
    if (value === null) return;
    for (const offset of [1, 2]) {
      const noun = text.tokens[index + offset];
      if (!noun || noun.segment !== token.segment || !/^[a-z]{3,}$/.test(noun.norm)) break;
      if (countValue(noun.norm) !== null || RELATIVE.has(noun.norm)) break;
      if (!UNCOUNTED.has(noun.stem) && /s$/.test(noun.norm) === value > 1) {
        claims.push({ value, stem: noun.lemmaStem, index });
        break;
      }
      if (offset === 1 && value === 1 && !UNCOUNTED.has(noun.stem)) {
        claims.push({ value, stem: noun.lemmaStem, index });
        break;
      }
    }
  });
  return claims;
}

/** A wrong turn with its phrases and the paraphrases of linked concepts. */
export type ExpandedWrongTurn = { wrongTurn: WrongTurn; phrases: CompiledPhrase[] };

/** Everything the grader matches for one scenario. */
export type ExpandedRubric = {
  criteria: ExpandedCriterion[];
  wrongTurns: ExpandedWrongTurn[];
};

type TriggerIndex = Array<{ concept: LexiconConcept; triggers: CompiledPhrase[] }>;
let triggerIndex: TriggerIndex | null = null;

function getTriggerIndex(): TriggerIndex {
  triggerIndex ??= LEXICON.map((concept) => ({
    concept,
    triggers: compilePhrases(concept.triggers),
  }));
  return triggerIndex;
}

/** Lexicon concepts named (not negated) by any of the phrases. */
export function linkConcepts(phrases: readonly string[]): LexiconConcept[] {
  const analyzed = phrases.map((phrase) => analyzeText(phrase));
  const linked: LexiconConcept[] = [];
  for (const { concept, triggers } of getTriggerIndex()) {
    const hits = analyzed.filter((text) =>
      findOccurrences(text, triggers).some((occurrence) => !occurrence.negated),
    ).length;
    if (hits > 0) linked.push(concept);
  }
  return linked;
}

function paraphrasesOf(concepts: readonly LexiconConcept[]): CompiledPhrase[] {
  return concepts.flatMap((concept) => compilePhrases(concept.paraphrases));
}

let cache = new WeakMap<GradableScenario, ExpandedRubric>();
let scenarioStances = true;

/**
 * Calibration only (`grader:eval --no-scenario-stances`): turns the per-scenario reverse wordings
 * of stances.ts off or on, so the general mechanisms can be measured without them. Clears the cache.
 */
export function setScenarioStances(enabled: boolean): void {
  scenarioStances = enabled;
  cache = new WeakMap();
}

/** Expanded rubric and wrong turns of a scenario (cached per scenario object). */
export function expandRubric(scenario: GradableScenario): ExpandedRubric {
  const known = cache.get(scenario);
  if (known) return known;
  const criteria = scenario.rubric.map((criterion): ExpandedCriterion => {
    const own = compilePhrases(criterion.phrases);
    const linked = linkConcepts(criterion.phrases);
    // A concept's opposite reverses the criterion only when the concept is its point (named by
    // the concept text), not when one phrase happens to touch it ("at once" is no reversal of
    // "read the push metrics").
    // A concept that three or more of the criterion's own phrases name ("phased", "pilot", "one
    // namespace" under "Start with what hurts") is its point as well.
    const central = new Set(linkConcepts([criterion.concept]).map((concept) => concept.id));
    for (const concept of linked)
      if (
        criterion.phrases.filter((phrase) =>
          linkConcepts([phrase]).some((l) => l.id === concept.id),
        ).length >= 3
      )
        central.add(concept.id);
    const opposites = [
      ...linked
        .filter((concept) => central.has(concept.id))
        .flatMap((concept) => {
          const opposite = concept.opposite ? LEXICON_BY_ID.get(concept.opposite) : undefined;
          return opposite ? paraphrasesOf([opposite]) : [];
        }),
      ...compilePhrases(scenarioStances ? (STANCES[scenario.id]?.[criterion.id] ?? []) : []),
    ];
    return {
      criterion,
      phrases: [...own, ...paraphrasesOf(linked)],
      ownPhraseCount: own.length,
      lexiconIds: linked.map((concept) => concept.id),
      opposites,
      // "One …" in a concept text is usually an adjective ("one consistent policy"): counts of 2+ only.
      counts: countClaims(analyzeText(criterion.concept, cachedLemmaOffsets))
        .filter(({ value }) => value >= 2)
        .map(({ value, stem }) => ({ value, stem })),
      isStance:
        criterion.weight >= 2 && linked.some((concept) => STANCE_WHEN_DENIED.has(concept.id)),
    };
  });
  const wrongTurns = scenario.wrongTurns.map((wrongTurn): ExpandedWrongTurn => {
    const linked = linkConcepts(wrongTurn.phrases).filter((concept) => !concept.opposite);
    // A wrong turn only borrows paraphrases of "wrong idea" concepts (those that are some
    // concept's opposite), never of a neutral topic it happens to mention.
    const wrongIdeas = linked.filter((concept) =>
      LEXICON.some((other) => other.opposite === concept.id),
    );
    return {
      wrongTurn,
      phrases: [...compilePhrases(wrongTurn.phrases), ...paraphrasesOf(wrongIdeas)],
    };
  });
  const expanded = { criteria, wrongTurns };
  cache.set(scenario, expanded);
  return expanded;
}

/** Compiles a single pattern (re-exported for the fact base and tests). */
export const compilePattern = compilePhrase;
