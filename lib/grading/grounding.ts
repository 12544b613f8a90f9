// Grounding: does the answer apply its concepts to this case, or only name them? A clause is
// an argument step when it ties a fact of the case (a number, a service, a symptom from the
// scenario's text) to an argument connective ("because", "so", "which means", "instead of",
// "only") or to a quantitative relation ("900 × 60 ms ≈ 54", "just over the 50 allowed").
// Prose that name-drops rubric vocabulary beside a few case facts has no such step. Pure.
import { compilePhrases, findOccurrences } from './match';
import type { AnalyzedText } from './text';

// Connectives of an argument: cause, consequence, condition, contrast, comparison, exclusivity.
const CONNECTIVES = compilePhrases([
  'because',
  'since',
  'so',
  'therefore',
  'thus',
  'hence',
  'means',
  'meaning',
  'as a result',
  'otherwise',
  'that is why',
  'which is why',
  'due to',
  'given',
  'if',
  'unless',
  'would',
  'will',
  'yet',
  'but',
  'instead',
  'rather than',
  'only',
  'than',
  'until',
  'already',
  'still',
  'exceed*',
  'why',
  'cause*',
  'caus*',
  'lead* to',
  'result* in',
  'explain*',
  'nothing',
  'never',
  'not',
  'no',
  'without',
  'before',
  'then',
  'first',
  'next',
  'once',
  'to + avoid|limit|keep|stop|prevent|protect|catch|find|see',
]);

// Comparisons and quantities argue only next to a number ("just over the 50 allowed", "too low
// for 3 replicas", "54 in flight per pod").
const COMPARATIVES = compilePhrases([
  'above',
  'below',
  'under',
  'over',
  'beyond',
  'too',
  'enough',
  'per',
  'each',
  'every',
  'out of',
  'times',
  'most',
  'least',
  'up to',
  'at most',
  'at least',
]);

// A quantitative relation written in notation: "3 × 3", "= 27", "≈ 54", "0.5^4", "→".
const RELATION = /[×=≈^→<>]|\d\s*[x*/+]\s*\d|->|=>/;

/** Which sentences of the answer carry an argument step about the case. */
export type Grounding = {
  /** Sentences with at least one argument step. */
  arguedSentences: ReadonlySet<number>;
  /** Segments (clauses) that hold an argument step: the fact's or concept's clause and the connective's. */
  arguedSegments: ReadonlySet<number>;
};

const isNumber = (norm: string) => /^\d/.test(norm);

/**
 * Finds the argument steps: a clause (segment) with a case fact or a number, where that clause
 * or its neighbour in the same sentence holds a connective, or the sentence writes a relation
 * in notation. `cited` are the token indexes that cite a case fact (case-facts.ts).
 */
export function findGrounding(
  analyzed: AnalyzedText,
  cited: ReadonlySet<number>,
  anchors: ReadonlySet<string> = new Set(),
  concepts: ReadonlySet<number> = new Set(),
  copied: ReadonlySet<number> = new Set(),
): Grounding {
  const { tokens, text } = analyzed;
  const factSegments = new Map<number, number>();
  const conceptSegments = new Map<number, number>();
  const isListMarker = (index: number) =>
    /^\d$/.test(tokens[index]?.norm ?? '') &&
    tokens[index - 1]?.sentence !== tokens[index]?.sentence;
  tokens.forEach((token, index) => {
    if (
      cited.has(index) ||
      (isNumber(token.norm) && !isListMarker(index)) ||
      anchors.has(token.stem)
    )
      factSegments.set(token.segment, token.sentence);
    else if (concepts.has(index)) conceptSegments.set(token.segment, token.sentence);
  });
  const numberSegments = new Map<number, number>();
  tokens.forEach((token, index) => {
    if (isNumber(token.norm) && !isListMarker(index))
      numberSegments.set(token.segment, token.sentence);
  });
  const connectiveSegments = new Set<number>();
  // Connectives outside the concept's own words ("not yet" names a decision, argues nothing).
  const freeConnectiveSegments = new Set<number>();
  for (const occurrence of findOccurrences(analyzed, CONNECTIVES)) {
    const token = tokens[occurrence.start];
    if (!token) continue;
    connectiveSegments.add(token.segment);
    if (!concepts.has(occurrence.start)) freeConnectiveSegments.add(token.segment);
  }
  const comparativeSegments = new Set<number>();
  for (const occurrence of findOccurrences(analyzed, COMPARATIVES)) {
    const token = tokens[occurrence.start];
    if (
      token &&
      [token.segment, token.segment + 1].some(
        (segment) => numberSegments.get(segment) === token.sentence,
      )
    )
      comparativeSegments.add(token.segment);
  }
  const relationSentences = new Set<number>();
  const sentenceSpans = new Map<number, [number, number]>();
  for (const token of tokens) {
    const span = sentenceSpans.get(token.sentence);
    if (span) span[1] = token.end;
    else sentenceSpans.set(token.sentence, [token.start, token.end]);
  }
  for (const [sentence, [from, to]] of sentenceSpans)
    if (RELATION.test(text.slice(from, to))) relationSentences.add(sentence);

  const arguedSegments = new Set<number>();
  const arguedSentences = new Set<number>();
  const sentenceOfSegment = new Map<number, number>();
  for (const token of tokens) sentenceOfSegment.set(token.segment, token.sentence);
  /** The marked segments at or beside `segment` in its sentence. */
  const near = (segment: number, sentence: number, marked: ReadonlySet<number>) =>
    [segment - 1, segment, segment + 1].filter(
      (other) => marked.has(other) && sentenceOfSegment.get(other) === sentence,
    );
  const segmentsOf = (sentence: number) =>
    [...sentenceOfSegment].filter(([, of]) => of === sentence).map(([segment]) => segment);
  const argue = (sentence: number, segments: readonly number[]) => {
    // A sentence copied from the scenario (the option label, the question) argues nothing.
    if (copied.has(sentence) || segments.length === 0) return;
    for (const segment of segments) arguedSegments.add(segment);
    arguedSentences.add(sentence);
  };
  // A case fact argues next to a connective, a comparison with a number, or in a relation; the
  // step spans the fact's clause and the connective's.
  for (const [segment, sentence] of factSegments) {
    if (relationSentences.has(sentence)) {
      argue(sentence, segmentsOf(sentence));
      continue;
    }
    const linked = [
      ...near(segment, sentence, connectiveSegments),
      ...near(segment, sentence, comparativeSegments),
    ];
    if (linked.length > 0) argue(sentence, [segment, ...linked]);
  }
  // A rubric concept argues only next to a connective of cause or consequence.
  for (const [segment, sentence] of conceptSegments) {
    const linked = near(segment, sentence, freeConnectiveSegments);
    if (linked.length > 0) argue(sentence, [segment, ...linked]);
  }
  return { arguedSentences, arguedSegments };
}
