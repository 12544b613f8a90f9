// Links a scenario's rubric criteria and wrong turns to lexicon concepts, so each one also
// accepts the concept's paraphrases and knows its opposite stance. Computed once per scenario
// object (WeakMap), so grading an answer only matches. Pure.
import { LEXICON, LEXICON_BY_ID, type LexiconConcept } from './lexicon';
import { compilePhrase, compilePhrases, findOccurrences, type CompiledPhrase } from './match';
import { STANCES } from './stances';
import { analyzeText } from './text';
import type { GradableScenario, RubricCriterion, WrongTurn } from './types';

/** Concepts whose denial ("no authorization policy is needed") reverses a rubric point. */
const STANCE_WHEN_DENIED: ReadonlySet<string> = new Set([
  'authorization',
  'phased',
  'baseline',
  'audit-first',
  'permissive-first',
  'ownership',
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
};

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

const cache = new WeakMap<GradableScenario, ExpandedRubric>();

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
    const central = new Set(linkConcepts([criterion.concept]).map((concept) => concept.id));
    const opposites = [
      ...linked
        .filter((concept) => central.has(concept.id))
        .flatMap((concept) => {
          const opposite = concept.opposite ? LEXICON_BY_ID.get(concept.opposite) : undefined;
          return opposite ? paraphrasesOf([opposite]) : [];
        }),
      ...compilePhrases(STANCES[scenario.id]?.[criterion.id] ?? []),
    ];
    return {
      criterion,
      phrases: [...own, ...paraphrasesOf(linked)],
      ownPhraseCount: own.length,
      lexiconIds: linked.map((concept) => concept.id),
      opposites,
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
