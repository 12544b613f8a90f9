// Own words: a rubric criterion is also recognised when an argued sentence of the answer shares
// enough distinctive content words with the criterion's own definition (its concept text and the
// explanation in its missed-feedback), after folding synonyms to one class ("tries", "attempts"
// and "retries" are one word here). The distinctive words of a criterion are those that few other
// criteria of the same scenario use. Pure; the definitions are cached per scenario object.
import { cachedLemmaOffsets, lemmaOfWord } from './lemmas';
import { analyzeText, stemWord, type AnalyzedText } from './text';
import type { GradableScenario } from './types';

// Synonym classes of the plain words learners use for mesh ideas; the first word names the class.
const SYNONYM_CLASSES: readonly (readonly string[])[] = [
  ['retry', 'retries', 'retried', 'retrying', 'try', 'tries', 'attempt', 'attempts', 'again'],
  ['limit', 'cap', 'caps', 'capped', 'budget', 'bound', 'ceiling', 'maximum', 'max', 'allowed'],
  ['timeout', 'deadline', 'wait', 'waiting', 'hang', 'hangs', 'stuck', 'time limit'],
  ['refuse', 'reject', 'rejected', 'deny', 'denied', 'block', 'blocked', 'drop', 'fail closed'],
  ['proxy', 'sidecar', 'envoy', 'ztunnel', 'waypoint'],
  ['pod', 'replica', 'replicas', 'instance', 'host', 'endpoint', 'endpoints', 'backend'],
  ['encrypt', 'encrypted', 'encryption', 'tls', 'mtls', 'plaintext', 'plain'],
  ['error', 'errors', 'failure', 'failures', 'fail', 'failing', '5xx', '500', '503'],
  ['multiply', 'multiplies', 'stack', 'stacks', 'compound', 'compounds', 'amplify', 'exponential'],
  ['eject', 'ejection', 'ejected', 'remove', 'thrown out', 'kick out'],
  ['overload', 'overloaded', 'flood', 'flooded', 'hammer', 'saturate', 'saturated', 'exhausted'],
  ['rollback', 'roll back', 'revert', 'back out', 'undo'],
  ['identity', 'certificate', 'cert', 'principal', 'spiffe', 'who'],
  ['allow', 'permit', 'permission', 'authorization', 'access'],
  ['stale', 'old', 'outdated', 'dead', 'deleted', 'gone'],
  ['push', 'update', 'updates', 'propagate', 'convergence', 'sync'],
  ['owner', 'ownership', 'own', 'on-call', 'oncall', 'responsible'],
  ['small', 'few', 'tiny', 'little', 'lightweight', 'simple', 'simpler'],
];

// Words that carry no concept (function words, fillers, generic verbs of an explanation).
const STOP = new Set(
  (
    'the a an and or but of to in on at by for with from into as is are was were be been being it its this ' +
    'that these those they them their we our you your he she his her not no yes if then than so also only ' +
    'just all any some more most less very can may might must will would shall should could has have had do ' +
    'does did what when who how why which where there here one two each every other such same about over ' +
    'under after before up down out off again still even well like make makes made get gets use uses used ' +
    'need needs say says way thing things here now today case answer point see without within between'
  ).split(' '),
);

const classOf = new Map<string, string>();
for (const members of SYNONYM_CLASSES) {
  const head = stemWord(members[0] ?? '');
  for (const member of members)
    for (const word of member.split(' ')) {
      classOf.set(stemWord(word), head);
      classOf.set(stemWord(lemmaOfWord(word)), head);
    }
}

/** The class of a token: its synonym class, else its lemma stem. */
function conceptWord(token: AnalyzedText['tokens'][number]): string | null {
  if (STOP.has(token.norm) || token.norm.length < 3) return null;
  return classOf.get(token.stem) ?? classOf.get(token.lemmaStem) ?? token.lemmaStem;
}

/** Concept words of a text. */
export function conceptWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const token of analyzeText(text, cachedLemmaOffsets).tokens) {
    const word = conceptWord(token);
    if (word) words.add(word);
  }
  return words;
}

const cache = new WeakMap<GradableScenario, ReadonlyArray<ReadonlySet<string>>>();

/** Per criterion, its distinctive definition words (used by at most two criteria of the scenario). */
export function definitionsOf(scenario: GradableScenario): ReadonlyArray<ReadonlySet<string>> {
  const known = cache.get(scenario);
  if (known) return known;
  const bags = scenario.rubric.map((criterion) =>
    conceptWords(`${criterion.concept}. ${criterion.missedFeedback}`),
  );
  const spread = new Map<string, number>();
  for (const bag of bags) for (const word of bag) spread.set(word, (spread.get(word) ?? 0) + 1);
  const distinctive = bags.map(
    (bag) => new Set([...bag].filter((word) => (spread.get(word) ?? 0) <= 2)),
  );
  cache.set(scenario, distinctive);
  return distinctive;
}

/** Words a sentence must share with a definition for the criterion to count as argued. */
export const DEFINITION_OVERLAP = 3;

/**
 * For each criterion, the first eligible sentence that shares {@link DEFINITION_OVERLAP} or more
 * distinctive definition words (and the shared words), or undefined.
 */
export function definitionMatches(
  analyzed: AnalyzedText,
  definitions: ReadonlyArray<ReadonlySet<string>>,
  eligible: ReadonlySet<number>,
): Array<{ sentence: number; shared: string[] } | undefined> {
  const bySentence = new Map<number, Set<string>>();
  for (const token of analyzed.tokens) {
    if (!eligible.has(token.sentence) || token.negationDepth % 2 === 1) continue;
    const word = conceptWord(token);
    if (!word) continue;
    const words = bySentence.get(token.sentence) ?? new Set<string>();
    words.add(word);
    bySentence.set(token.sentence, words);
  }
  return definitions.map((definition) => {
    for (const [sentence, words] of bySentence) {
      const shared = [...words].filter((word) => definition.has(word));
      if (shared.length >= DEFINITION_OVERLAP) return { sentence, shared };
    }
    return undefined;
  });
}
