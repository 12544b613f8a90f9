// Case facts: the specifics of a scenario (numbers, service names, products, distinctive words of
// its context) that a justification must apply, not just the rubric's vocabulary. Pure; cached
// per scenario object.
import { LEXICON } from './lexicon';
import { analyzeText, endsWithQuestionMark, stemWord, type AnalyzedText } from './text';
import type { GradableScenario } from './types';

/** The case's specific items, as stems (numbers keep their digits). */
export type CaseFacts = {
  /** Numbers in the context and question ("200", "1400", "0.3"). */
  numbers: ReadonlySet<string>;
  /** Stems of names and distinctive words of the case ("finvera", "ledger", "postgr"). */
  terms: ReadonlySet<string>;
};

// Words that appear in almost every scenario: naming them says nothing about this case.
const GENERIC = new Set(
  (
    'service services mesh meshes team teams traffic request requests proxy proxies sidecar sidecars cluster ' +
    'clusters kubernetes namespace namespaces control plane policy policies latency error errors rate metric ' +
    'metrics today currently about around every each across between which their there these those would ' +
    'could should where while after before during other another being through without within today against ' +
    'istio linkerd cilium consul kuma envoy engineer engineers platform production prod staging people ' +
    'because since first second third per peak using based three four five seven eight hundred thousand ' +
    'minutes minute seconds second month months weeks week years hours daily nightly'
  )
    .split(/\s+/)
    .map(stemWord),
);
const FUNCTION = new Set(
  (
    'the a an and or but of to in on at by for with from into as is are was were be been it its this that ' +
    'they them we our you your he she his her not no yes if then than so also only just all any some more ' +
    'most less very can may might must will shall has have had do does did what when who how why'
  ).split(/\s+/),
);

// Concept vocabulary (lexicon patterns): naming "retries" or "mTLS" is a concept, not a case fact.
let lexiconStems: Set<string> | null = null;
function conceptVocabulary(): Set<string> {
  if (lexiconStems) return lexiconStems;
  lexiconStems = new Set<string>();
  // Concepts marked `caseVocabulary: false` (lexicon.ts) use everyday words that cases also use
  // for their own specifics; their words stay case facts.
  for (const concept of LEXICON) {
    if (concept.caseVocabulary === false) continue;
    for (const pattern of [...concept.triggers, ...concept.paraphrases])
      for (const word of pattern.replace(/[~|*]/g, ' ').split(/\s+/))
        for (const token of analyzeText(word).tokens) lexiconStems.add(token.stem);
  }
  return lexiconStems;
}

const cache = new WeakMap<GradableScenario, CaseFacts>();

const NUMBER_WORDS: Readonly<Record<string, string>> = {
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  fifteen: '15',
  twenty: '20',
  thirty: '30',
  forty: '40',
  fifty: '50',
  sixty: '60',
  seventy: '70',
  hundred: '100',
};

function numberKey(norm: string): string | null {
  const word = NUMBER_WORDS[norm];
  if (word) return word;
  const cleaned = norm.replace(/,/g, '').replace(/%$/, '');
  if (!/^\d+(?:\.\d+)?$/.test(cleaned)) return null;
  return String(Number(cleaned));
}

// Protocol and unit acronyms name no part of this case.
const GENERIC_ACRONYMS = new Set(
  'http https grpc get put post delete api cpu rps qps ms url yaml json tcp udp tls mtls dns'.split(
    ' ',
  ),
);

const NAME_PATTERNS = [
  /`[^`\n]{2,60}`/g,
  /\b[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*-(?:svc|api|job|worker|sync|db|service|gateway|export|intake)\b/giu,
  /\b[A-Z]{2,5}\b/g,
];

/** Character spans of names in the case text: code spans, `x-svc` style ids, acronyms. */
function nameSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const pattern of NAME_PATTERNS)
    for (const match of text.matchAll(pattern))
      spans.push([match.index, match.index + match[0].length]);
  return spans;
}

/** The scenario's case facts (context, question and option labels). */
export function caseFactsOf(scenario: GradableScenario): CaseFacts {
  const known = cache.get(scenario);
  if (known) return known;
  const numbers = new Set<string>();
  const terms = new Set<string>();
  const context = scenario.context ?? '';
  const vocabulary = conceptVocabulary();
  const analyzed = analyzeText(`${context}\n${scenario.question ?? ''}`);
  const names = nameSpans(analyzed.text);
  for (const token of analyzed.tokens) {
    const number = numberKey(token.norm);
    if (number !== null) {
      // Tiny counts ("1", "2") are too common to show the case was read.
      if (Number(number) > 2 || number.includes('.')) numbers.add(number);
      continue;
    }
    // Names of this case's services and products (`records-svc`, order-intake, SQS) count even
    // when a word of them is also mesh vocabulary.
    if (
      !FUNCTION.has(token.norm) &&
      !GENERIC.has(token.stem) &&
      !GENERIC_ACRONYMS.has(token.norm) &&
      token.norm.length >= 3 &&
      names.some(([from, to]) => token.start >= from && token.end <= to)
    ) {
      terms.add(token.stem);
      continue;
    }
    if (
      FUNCTION.has(token.norm) ||
      GENERIC.has(token.stem) ||
      vocabulary.has(token.stem) ||
      token.norm.length < 4
    )
      continue;
    terms.add(token.stem);
  }
  const facts = { numbers, terms };
  cache.set(scenario, facts);
  return facts;
}

/** Token indexes of the answer that cite a case fact. */
export function caseFactTokens(analyzed: AnalyzedText, facts: CaseFacts): Set<number> {
  const cited = new Set<number>();
  analyzed.tokens.forEach((token, index) => {
    const number = numberKey(token.norm);
    if (number !== null ? facts.numbers.has(number) : facts.terms.has(token.stem)) cited.add(index);
  });
  return cited;
}

/** Distinct case facts cited (by number or stem). */
export function countCitedFacts(analyzed: AnalyzedText, cited: ReadonlySet<number>): number {
  const distinct = new Set<string>();
  for (const index of cited) {
    const token = analyzed.tokens[index];
    if (token) distinct.add(numberKey(token.norm) ?? token.stem);
  }
  return distinct.size;
}

const trigramCache = new WeakMap<GradableScenario, Set<string>>();

function trigramsOf(analyzed: AnalyzedText): string[] {
  const { tokens } = analyzed;
  const result: string[] = [];
  for (let i = 0; i + 2 < tokens.length; i += 1)
    result.push(`${tokens[i]?.stem} ${tokens[i + 1]?.stem} ${tokens[i + 2]?.stem}`);
  return result;
}

/** Word trigrams of the scenario's own text: context, question and the answer options. */
function scenarioTrigrams(scenario: GradableScenario): Set<string> {
  const known = trigramCache.get(scenario);
  if (known) return known;
  const spec = scenario.answer;
  const labels =
    spec.type === 'choice'
      ? spec.options.map((option) => option.label)
      : spec.type === 'order'
        ? spec.items.map((item) => item.label)
        : [];
  const texts = [scenario.context ?? '', scenario.question ?? '', ...labels];
  const trigrams = new Set(texts.flatMap((text) => trigramsOf(analyzeText(text))));
  trigramCache.set(scenario, trigrams);
  return trigrams;
}

/**
 * True when the answer mostly copies the scenario's own text (the question, the case or the
 * options): at least 60 % of its word trigrams appear there. A copy argues nothing.
 */
export function restatesScenario(analyzed: AnalyzedText, scenario: GradableScenario): boolean {
  const trigrams = trigramsOf(analyzed);
  if (trigrams.length < 4) return false;
  const known = scenarioTrigrams(scenario);
  return trigrams.filter((trigram) => known.has(trigram)).length / trigrams.length >= 0.6;
}

// Function words FUNCTION leaves out, which say nothing about a case.
const ANCHOR_STOP = new Set(
  (
    'about over under after before such other another these those much many there here been being done ' +
    'would could should their them into than then which where while every each also only just very'
  ).split(' '),
);

const anchorCache = new WeakMap<GradableScenario, ReadonlySet<string>>();

/**
 * Every content word of the case's own text (context and question) as a stem, mesh vocabulary
 * included ("pods", "Lambda", "STRICT"): the words an answer uses when it talks about this case.
 * Wider than {@link caseFactsOf}, which keeps only the distinctive ones for citation points.
 */
export function caseAnchorsOf(scenario: GradableScenario): ReadonlySet<string> {
  const known = anchorCache.get(scenario);
  if (known) return known;
  const anchors = new Set<string>();
  const analyzed = analyzeText(`${scenario.context ?? ''}\n${scenario.question ?? ''}`);
  for (const token of analyzed.tokens)
    if (
      token.norm.length >= 3 &&
      !FUNCTION.has(token.norm) &&
      !ANCHOR_STOP.has(token.norm) &&
      !GENERIC.has(token.stem)
    )
      anchors.add(token.stem);
  anchorCache.set(scenario, anchors);
  return anchors;
}

/**
 * Sentences that mostly copy the scenario's own text (half or more of their word trigrams appear
 * in the case, question or option labels): restating the chosen option is no argument step.
 */
export function copiedSentences(analyzed: AnalyzedText, scenario: GradableScenario): Set<number> {
  const known = scenarioTrigrams(scenario);
  const { tokens } = analyzed;
  const totals = new Map<number, { all: number; copied: number }>();
  for (let i = 0; i + 2 < tokens.length; i += 1) {
    const first = tokens[i];
    const last = tokens[i + 2];
    if (!first || !last || first.sentence !== last.sentence) continue;
    const count = totals.get(first.sentence) ?? { all: 0, copied: 0 };
    count.all += 1;
    if (known.has(`${first.stem} ${tokens[i + 1]?.stem} ${last.stem}`)) count.copied += 1;
    totals.set(first.sentence, count);
  }
  const copied = new Set<number>();
  for (const [sentence, { all, copied: same }] of totals)
    if (all >= 3 && same / all >= 0.5) copied.add(sentence);
  return copied;
}

const topicCache = new WeakMap<GradableScenario, ReadonlySet<string>>();

/** Stems of the scenario's own subject matter: its rubric concepts and phrases and its options. */
function topicVocabularyOf(scenario: GradableScenario): ReadonlySet<string> {
  const known = topicCache.get(scenario);
  if (known) return known;
  const options =
    scenario.answer.type === 'choice'
      ? scenario.answer.options
      : scenario.answer.type === 'order'
        ? scenario.answer.items
        : [];
  const texts = [
    ...scenario.rubric.flatMap((criterion) => [criterion.concept, ...criterion.phrases]),
    ...options.map((option) => option.label),
  ];
  const vocabulary = new Set<string>();
  for (const token of analyzeText(texts.join('\n')).tokens)
    if (token.norm.length >= 3 && !FUNCTION.has(token.norm)) vocabulary.add(token.stem);
  topicCache.set(scenario, vocabulary);
  return vocabulary;
}

/**
 * Distinct words of the scenario's subject matter the answer states in its own sentences:
 * questions (a copied question, "anyone know…?") and sentences in `excluded` (the caller's
 * ignorance admissions) do not count. "The DENY policy blocks it. Fix the DENY." states two;
 * "Plants need water" or "? no idea" none.
 */
export function statedTopicWords(
  analyzed: AnalyzedText,
  scenario: GradableScenario,
  excluded: ReadonlySet<number> = new Set(),
): number {
  const vocabulary = topicVocabularyOf(scenario);
  const lastOf = new Map<number, number>();
  for (const token of analyzed.tokens) lastOf.set(token.sentence, token.end);
  const questions = new Set<number>();
  for (const [sentence, end] of lastOf)
    if (endsWithQuestionMark(analyzed.text, end)) questions.add(sentence);
  const stated = new Set<string>();
  for (const token of analyzed.tokens) {
    if (questions.has(token.sentence) || excluded.has(token.sentence)) continue;
    if (token.norm.length >= 3 && !FUNCTION.has(token.norm) && vocabulary.has(token.stem))
      stated.add(token.stem);
  }
  return stated.size;
}
