// Keyword-stuffing detection: bare keyword lists, very little connecting prose, repetition,
// sentences made almost only of rubric phrases. Pure and deterministic.
import { compilePhrases, findOccurrences, type PhraseOccurrence } from './match';
import { SKIPPABLE, type AnalyzedText } from './text';

// Common English function words; ordinary prose has roughly 35–55 % of them.
const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but nor so yet if then than that this these those there here it its they them their we us our ' +
    'you your i me my he she his her is are was were be been being am do does did done have has had having will would ' +
    'shall should can could may might must need to of in on at by for with from into onto over under about as after ' +
    'before since until while because although though whereas when where which who whom whose what why how not no ' +
    'never only just also too very more most less least much many some any each every all both either neither other ' +
    'another such same own up down out off again further once first still even well like unless whether per via ' +
    'instead rather because let us one ones without within between through during against among around'
  ).split(/\s+/),
);

/** Signals measured on the justification (exported for tests and feedback). */
export type StuffingSignals = {
  tokenCount: number;
  functionWordRatio: number;
  /** Short segments that name a rubric concept and contain no support word (keyword list items). */
  bareKeywordSegments: number;
  /** Content words outside rubric phrases (the reasoning around the keywords). */
  supportWords: number;
  /** Share of hit concepts whose only hits sit in bare segments or phrase-packed sentences. */
  stuffedConceptShare: number;
  /** Largest number of times one phrase occurs outside sentences that argue around it. */
  maxPhraseRepeats: number;
  /** Share of word trigrams that repeat an earlier trigram. */
  repeatedTrigramRatio: number;
  /** Most concepts named through one repeated sentence template (3+ sentences). */
  templatedConcepts: number;
};

/** Support words (outside rubric phrases) that make a sentence carry its own reasoning. */
const ARGUED_SENTENCE_SUPPORT = 4;

/** Verdict: `reasons` is empty when the text reads like prose. */
export type StuffingVerdict = { isStuffed: boolean; reasons: string[]; signals: StuffingSignals };

/** A rubric hit as seen by the detector: which concept, and the occurrence. */
export type ConceptOccurrence = { conceptId: string; occurrence: PhraseOccurrence };

/**
 * Detects keyword stuffing from prose statistics and where the rubric hits sit. `mentioned`
 * is every rubric phrase occurrence, negated ones included (they are keywords, not support).
 */
export function detectStuffing(
  analyzed: AnalyzedText,
  hits: readonly ConceptOccurrence[],
  mentioned: readonly PhraseOccurrence[] = hits.map((hit) => hit.occurrence),
): StuffingVerdict {
  const { tokens } = analyzed;
  const tokenCount = tokens.length;
  const functionWords = tokens.filter((token) => FUNCTION_WORDS.has(token.norm)).length;
  const functionWordRatio = tokenCount === 0 ? 0 : functionWords / tokenCount;

  // Support words: content words (not function words) outside every rubric phrase.
  const covered = new Set<number>();
  for (const occurrence of [...mentioned, ...hits.map((hit) => hit.occurrence)]) {
    for (let i = occurrence.start; i < occurrence.end; i += 1) covered.add(i);
  }
  const isSupport = (index: number) =>
    !covered.has(index) && !FUNCTION_WORDS.has(tokens[index]?.norm ?? '');
  const supportTotal = tokens.reduce((sum, _token, index) => sum + (isSupport(index) ? 1 : 0), 0);

  // A keyword item: a short segment (≤ 6 words) with no support word ("…, tiny fleet, no on-call, …").
  const segmentTokens = new Map<number, number[]>();
  tokens.forEach((token, index) => {
    const list = segmentTokens.get(token.segment);
    if (list) list.push(index);
    else segmentTokens.set(token.segment, [index]);
  });
  const itemSegments = new Set<number>();
  for (const [segment, indexes] of segmentTokens) {
    if (indexes.length <= 6 && !indexes.some(isSupport)) itemSegments.add(segment);
  }

  const coveredBySentence = new Map<number, Set<number>>();
  const conceptsBySentence = new Map<number, Set<string>>();
  for (const { conceptId, occurrence } of hits) {
    const sentence = tokens[occurrence.start]?.sentence ?? -1;
    const sentenceCovered = coveredBySentence.get(sentence) ?? new Set<number>();
    for (let i = occurrence.start; i < occurrence.end; i += 1) sentenceCovered.add(i);
    coveredBySentence.set(sentence, sentenceCovered);
    const concepts = conceptsBySentence.get(sentence) ?? new Set<string>();
    concepts.add(conceptId);
    conceptsBySentence.set(sentence, concepts);
  }
  // A sentence is packed when it names 3+ concepts with at most one support word per two concepts.
  const supportBySentence = new Map<number, number>();
  tokens.forEach((token, index) => {
    if (isSupport(index))
      supportBySentence.set(token.sentence, (supportBySentence.get(token.sentence) ?? 0) + 1);
  });
  const packedSentences = new Set<number>();
  for (const [sentence, concepts] of conceptsBySentence) {
    if (concepts.size >= 3 && (supportBySentence.get(sentence) ?? 0) <= concepts.size / 2)
      packedSentences.add(sentence);
  }

  let bareKeywordSegments = 0;
  const conceptHonest = new Map<string, boolean>();
  const countedItems = new Set<number>();
  for (const { conceptId, occurrence } of hits) {
    const first = tokens[occurrence.start];
    if (!first) continue;
    const isItem = itemSegments.has(first.segment);
    if (isItem && !countedItems.has(first.segment)) {
      countedItems.add(first.segment);
      bareKeywordSegments += 1;
    }
    const isStuffedHit = isItem || packedSentences.has(first.sentence);
    conceptHonest.set(conceptId, (conceptHonest.get(conceptId) ?? false) || !isStuffedHit);
  }
  const hitConcepts = conceptHonest.size;
  const stuffedConcepts = [...conceptHonest.values()].filter((honest) => !honest).length;
  const stuffedConceptShare = hitConcepts === 0 ? 0 : stuffedConcepts / hitConcepts;

  // Template sentences: "mTLS is important. Authorization is important. …" share one skeleton
  // (the words outside rubric phrases) and only swap the keyword.
  const skeletonConcepts = new Map<string, Set<string>>();
  const skeletonSentences = new Map<string, Set<number>>();
  for (const [sentence, concepts] of conceptsBySentence) {
    const covered = coveredBySentence.get(sentence);
    const skeleton = tokens
      .filter(
        (token, index) =>
          token.sentence === sentence && !covered?.has(index) && !SKIPPABLE.has(token.norm),
      )
      .map((token) => token.stem)
      .join(' ');
    const conceptSet = skeletonConcepts.get(skeleton) ?? new Set<string>();
    for (const concept of concepts) conceptSet.add(concept);
    skeletonConcepts.set(skeleton, conceptSet);
    const sentences = skeletonSentences.get(skeleton) ?? new Set<number>();
    sentences.add(sentence);
    skeletonSentences.set(skeleton, sentences);
  }
  let templatedConcepts = 0;
  for (const [skeleton, sentences] of skeletonSentences) {
    if (sentences.size >= 3)
      templatedConcepts = Math.max(templatedConcepts, skeletonConcepts.get(skeleton)?.size ?? 0);
  }

  // Repeats that argue nothing: a phrase named again and again ("mTLS is key. mTLS matters."). A
  // central concept named once in each of several sentences that carry their own reasoning (4+
  // support words: "deploy a waypoint for …", "keep the check on the waypoint, because …") is
  // prose about the case, so the first occurrence in each such sentence does not count.
  const phraseCounts = new Map<string, number>();
  const arguedPhraseSentences = new Map<string, Set<number>>();
  for (const { occurrence } of hits) {
    const sentence = tokens[occurrence.start]?.sentence ?? -1;
    const argued = arguedPhraseSentences.get(occurrence.phrase) ?? new Set<number>();
    if (
      (supportBySentence.get(sentence) ?? 0) >= ARGUED_SENTENCE_SUPPORT &&
      !argued.has(sentence)
    ) {
      argued.add(sentence);
      arguedPhraseSentences.set(occurrence.phrase, argued);
      continue;
    }
    phraseCounts.set(occurrence.phrase, (phraseCounts.get(occurrence.phrase) ?? 0) + 1);
  }
  const maxPhraseRepeats = Math.max(0, ...phraseCounts.values());

  const trigrams = new Set<string>();
  let repeated = 0;
  let trigramCount = 0;
  for (let i = 0; i + 2 < tokens.length; i += 1) {
    const key = `${tokens[i]?.stem} ${tokens[i + 1]?.stem} ${tokens[i + 2]?.stem}`;
    trigramCount += 1;
    if (trigrams.has(key)) repeated += 1;
    else trigrams.add(key);
  }
  const repeatedTrigramRatio = trigramCount === 0 ? 0 : repeated / trigramCount;

  const signals: StuffingSignals = {
    tokenCount,
    functionWordRatio,
    bareKeywordSegments,
    supportWords: supportTotal,
    stuffedConceptShare,
    maxPhraseRepeats,
    repeatedTrigramRatio,
    templatedConcepts,
  };
  const reasons: string[] = [];
  if (tokenCount >= 6 && functionWordRatio < 0.15 && hits.length >= 3) {
    reasons.push('almost no connecting words between the keywords');
  }
  if (hitConcepts >= 3 && supportTotal <= hitConcepts / 2)
    reasons.push('rubric phrases with almost no reasoning around them');
  if (hitConcepts >= 3 && bareKeywordSegments >= 3 && stuffedConceptShare >= 0.5) {
    reasons.push('concepts listed as bare keywords instead of being argued');
  } else if (hitConcepts >= 3 && stuffedConceptShare >= 0.6) {
    reasons.push('sentences packed with rubric phrases and little reasoning');
  }
  if (maxPhraseRepeats >= 4 && maxPhraseRepeats / Math.max(1, tokenCount) > 0.03) {
    reasons.push('the same phrase repeated many times');
  }
  if (tokenCount >= 24 && repeatedTrigramRatio > 0.35)
    reasons.push('large parts of the text repeat themselves');
  if (templatedConcepts >= 3 && templatedConcepts / Math.max(1, hitConcepts) >= 0.5) {
    reasons.push('one sentence template repeated with different keywords');
  }
  return { isStuffed: reasons.length > 0, reasons, signals };
}

// "Retry budgets, timeouts, breakers and outlier detection are important": a list of concepts
// with a predicate that argues nothing (importance, "all matter", "should be reviewed").
const GENERIC_PREDICATES = compilePhrases([
  'are|is|remain|become* ~ important|critical|key|central|essential|vital|crucial|fundamental|core|relevant|paramount|pillars|pillar|building blocks|foundation*|cornerstone*|key ideas|key concepts|considerations|factors|priorities|must-haves|table stakes|the costs|the benefits|the trade-offs|trade-offs|always trade-offs|enablers|critical enablers|what matters|concepts',
  'all + matter|affect|influence|contribute|play|count|help|apply|belong|add up',
  'should|must|need to ~ be ~ reviewed|documented|considered|aligned|evaluated|discussed|balanced|prioriti*|taken into account|kept in mind|part of',
  'form* ~ defence*|defense*|strategy|approach|foundation|framework',
  'key ideas|core concepts|key concepts|best practices|building blocks',
  'are|is ~ part of|at the heart of|the basis of|the core of',
  'work* together|go hand in hand',
]);

/**
 * Sentences that enumerate three or more items and only rate them ("X, Y and Z are important",
 * "A, B, C all matter"): naming concepts in such a list is vocabulary, not reasoning.
 */
export function enumerationSentences(analyzed: AnalyzedText): Set<number> {
  const { tokens } = analyzed;
  const predicates = new Set(
    findOccurrences(analyzed, GENERIC_PREDICATES)
      .filter((occurrence) => !occurrence.negated)
      .map((occurrence) => tokens[occurrence.start]?.sentence ?? -1),
  );
  const result = new Set<number>();
  for (const sentence of predicates) {
    const inSentence = tokens.filter((token) => token.sentence === sentence);
    const segments = new Set(inSentence.map((token) => token.segment)).size;
    const coordinators = inSentence.filter(
      (token) => token.norm === 'and' || token.norm === 'or',
    ).length;
    // Three items need two separators: commas (new segments) or and/or.
    if (segments - 1 + coordinators >= 2) result.add(sentence);
  }
  return result;
}
