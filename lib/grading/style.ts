// Style signals the grader reads besides concepts: hedging (no committed argument) and the
// answer's language. Pure and deterministic.
import { compilePhrases, findOccurrences } from './match';
import type { AnalyzedText } from './text';

const HEDGES = compilePhrases([
  'might',
  'maybe',
  'perhaps',
  'possibly',
  'probably',
  'it depends',
  'depends on',
  'either could work',
  'either way',
  'both sides',
  'both paths',
  'on one hand',
  'on the other hand',
  'could also',
  'could work',
  'not sure',
  'hard to say',
  'gather more data',
  'some people',
  'others would',
  'has merit',
  'have merit',
  'lean to',
  'lean towards',
  'whichever',
  'could be',
  'could mean',
  'could make sense',
  'could be enough',
  'might be enough',
  'all of these',
  'somewhere in between',
]);

/**
 * Framing that lays out both sides ("there are arguments both ways", "on one side … on the other
 * side", "a tough call"). Good answers weigh costs too, so framing alone is not a hedge: it is one
 * when the answer also softens or defers its conclusion (two more hedge markers, or a deferral).
 */
const TWO_SIDED = compilePhrases([
  'arguments|argue* + both ways|sides',
  'arguments + on|for + both sides',
  'argue* + for + both',
  'cuts both ways',
  'pros and cons',
  'tough|hard|difficult + call',
  'on one side',
  'on the other side',
  'on the one hand',
  'judgement|judgment call',
  'each could',
  'both are used',
  // "I'd go with X, but I can see the case for Y too": the other side kept open.
  'see the case for',
  'see a case for',
]);

/**
 * Conclusions handed to a later test instead of made now ("evaluate both in a POC", "try it in
 * staging and see how it feels", "wait and see").
 */
const DEFERRALS = compilePhrases([
  'evaluate|compare|test|try|trial|pilot|benchmark|poc + both',
  'bake-off',
  'bake off',
  // One phrase each: an alternative of `|` is a whole phrase, so "feels|goes" would match "go".
  'see how it feels',
  'see how it goes',
  'see how that goes',
  'see how it works out',
  'wait and see',
  'wait a bit',
  'decide later',
  'decide after',
  'revisit the decision',
  'shortlist|pilot|restart + both|two',
  'see which',
  'tentative*',
]);

/**
 * Statements that leave the decision open ("both are defensible", "I'd pick whichever the team
 * prefers"): one of them, not taken back later in its sentence ("…, but here X wins"), is a
 * hedge by itself.
 */
const NON_DECISIONS = compilePhrases([
  'both are defensible',
  'both are valid',
  'both would work',
  'both could work',
  'both options are valid',
  'either is fine',
  'either would work',
  'either would be fine',
  'either option works',
  'could go either way',
  'pick whichever',
  'choose whichever',
  'go with whichever',
  'no clear winner',
  'a toss-up',
  'hard to choose',
  'both ~~ defensible|valid options',
  'pick|choose + either',
  // An alternative ranked level with the pick ("6.6 or 7.2 are just as defensible", "the other
  // route is equally valid"), or not argued against ("I wouldn't argue against it").
  'just|equally + as ~ defensible|valid|plausible|reasonable|good',
  'equally + defensible|valid|plausible|reasonable',
  'would not|will not + argue ~ against',
  // The other option called as good a choice ("…, though trying it now would also be a reasonable choice").
  'would|could + also + be ~ a|an ~ reasonable|valid|defensible|fine|good + choice|option|call|pick',
]);
const TAKE_BACK = new Set(['but', 'however', 'yet', 'although', 'though']);
/** Connectives that draw a conclusion ("so Istio it is", "therefore not yet"). */
const COMMITTING = new Set(['so', 'therefore', 'hence', 'thus']);

/** Hedge markers and the share of sentences that carry one. */
export type HedgeSignal = {
  markers: number;
  sentenceShare: number;
  leavesOpen: boolean;
  /** Both-sides framing ("arguments both ways", "on one side … on the other side"). */
  twoSided: number;
  /** Deferrals of the decision to a later test ("evaluate both in a POC", "wait and see"). */
  deferrals: number;
  /** The last sentence softens or defers the conclusion ("I'd lean towards …", "it depends"). */
  softEnding: boolean;
};

/** Softeners of a conclusion (not "might" / "could", which also qualify a cost or a risk). */
const SOFT_CONCLUSIONS = compilePhrases([
  'lean|leaning|leans + to|towards|toward',
  'probably',
  'maybe',
  'perhaps',
  'it depends',
  'depends on',
  'tentative*',
  'i guess',
  'hard to say',
]);

/**
 * The answer argues both sides or defers, and softens what it concludes: framing or a deferral
 * plus two hedge markers, or framing and a deferral together.
 */
export function hedgesBothWays(signal: HedgeSignal): boolean {
  if (signal.twoSided > 0 && signal.deferrals > 0) return true;
  // "Istio, because … On the other side Linkerd would probably be cheaper, but it might miss the
  // JWT rule" weighs a cost and still decides: the conclusion itself must be soft.
  return (signal.twoSided > 0 || signal.deferrals > 0) && signal.markers >= 2 && signal.softEnding;
}

/** Counts hedges ("might", "it depends", "on the other hand") and how many sentences carry one. */
export function measureHedging(analyzed: AnalyzedText): HedgeSignal {
  const found = findOccurrences(analyzed, HEDGES).filter((occurrence) => !occurrence.negated);
  const sentences = new Set(found.map((occurrence) => analyzed.tokens[occurrence.start]?.sentence));
  const { tokens } = analyzed;
  const leavesOpen = findOccurrences(analyzed, NON_DECISIONS).some((occurrence) => {
    if (occurrence.negated) return false;
    const sentence = tokens[occurrence.start]?.sentence;
    for (let i = occurrence.end; i < tokens.length && tokens[i]?.sentence === sentence; i += 1)
      if (TAKE_BACK.has(tokens[i]?.norm ?? '')) return false;
    return true;
  });
  const count = (phrases: typeof HEDGES) =>
    findOccurrences(analyzed, phrases).filter((occurrence) => !occurrence.negated).length;
  const last = tokens[tokens.length - 1]?.sentence;
  // "…, so Istio it is": a conclusion drawn after the soft words commits after all.
  const committedAfter = (from: number) => {
    for (let i = from; i < tokens.length; i += 1)
      if (COMMITTING.has(tokens[i]?.norm ?? '')) return true;
    return false;
  };
  const inLast = (phrases: typeof HEDGES) =>
    findOccurrences(analyzed, phrases).some(
      (occurrence) =>
        !occurrence.negated &&
        tokens[occurrence.start]?.sentence === last &&
        !committedAfter(occurrence.end),
    );
  return {
    markers: found.length,
    sentenceShare: analyzed.sentenceCount === 0 ? 0 : sentences.size / analyzed.sentenceCount,
    leavesOpen,
    twoSided: count(TWO_SIDED),
    deferrals: count(DEFERRALS),
    softEnding: last !== undefined && (inLast(SOFT_CONCLUSIONS) || inLast(DEFERRALS)),
  };
}

const fold = (words: string) => new Set(words.normalize('NFD').replace(/\p{M}/gu, '').split(' '));

const STOPWORDS: Record<string, ReadonlySet<string>> = {
  English: fold(
    'the and is are of to in we with for not a an it this that be can on by our they have will no but',
  ),
  German: fold(
    'der die das und ist nicht ein eine wir mit für auf den dem des zu von sich auch noch wenn oder aber kein keine können werden wird sind im ohne für lassen',
  ),
  French: fold(
    'le la les et est pas un une nous avec pour sur des du que qui dans ne plus ou mais il elle sont être peut au aux ce cette',
  ),
  Spanish: fold(
    'el la los las y es no un una con para por que en del se más pero como son está hay lo al',
  ),
  Dutch: fold('de het een en is niet van op te met voor dat die we zijn maar ook geen'),
  Italian: fold('il lo la gli le e è non un una con per che di del nel sono ma anche'),
  Portuguese: fold('o a os as e é não um uma com para por que em do da se mais mas são'),
};

/** The answer's language by function-word counts; 'English' when too short to tell. */
export function detectLanguage(analyzed: AnalyzedText): { language: string; isEnglish: boolean } {
  const counts = new Map<string, number>();
  for (const token of analyzed.tokens)
    for (const [language, words] of Object.entries(STOPWORDS))
      if (words.has(token.norm)) counts.set(language, (counts.get(language) ?? 0) + 1);
  const english = counts.get('English') ?? 0;
  let best = 'English';
  let bestCount = english;
  for (const [language, count] of counts)
    if (language !== 'English' && count > bestCount) {
      best = language;
      bestCount = count;
    }
  // Short answers and mixed text stay English unless the other language clearly dominates.
  const isEnglish = best === 'English' || bestCount < 4 || bestCount < english * 1.5;
  return { language: isEnglish ? 'English' : best, isEnglish };
}

const FILLER = compilePhrases([
  'journey',
  'culture',
  'imperative',
  'empower*',
  'enabler*',
  'innovation',
  'competitive advantage',
  'first-class citizen',
  'best practice*',
  'industry',
  'trend*',
  'governance',
  'synerg*',
  'paradigm',
  'holistic*',
  'seamless*',
  'mindset',
  'strategic*',
  'transformation*',
  'cutting-edge|cutting edge',
  'state-of-the-art|state of the art',
  'world-class',
  'north star',
  'excellence',
  'all matter',
  'data-driven',
  'evidence-based',
  'to consider',
  'aligns with',
  'builds trust',
  'peace of mind',
  'game changer|game-changer',
  'future-proof*|future proof',
  'modern ~ architecture*|platform*|stack',
  'key ~ enabler*|pillar*|consideration*',
  'critical ~ enabler*|success factor*',
  'posture',
  'stakeholder*',
  'ensures ~ that',
  'in the loop',
  'it is important|is important|are important',
  'play* ~ role',
]);

/** Corporate filler phrases ("journey", "best practice", "competitive advantage") that argue nothing. */
export function countFiller(analyzed: AnalyzedText): number {
  return findOccurrences(analyzed, FILLER).length;
}

// Textbook prescriptions addressed to no one in particular ("X is essential", "Y should be
// considered", "one should always measure", "follow a zero-trust approach").
const PRESCRIPTIONS = compilePhrases([
  'is|are + essential',
  'should|could + also + be considered|be weighed',
  'should|could + be + considered|weighed',
  'one should',
  'should always',
  'follow* ~ approach|principles',
]);

/**
 * Textbook prescriptions in sentences that argue nothing about the case (`argued` holds the
 * sentences with an argument step): "ambient should be considered, because the 40 % CPU …" is a
 * reason, "ambient should be considered" alone is filler.
 */
export function countPrescriptions(analyzed: AnalyzedText, argued: ReadonlySet<number>): number {
  return findOccurrences(analyzed, PRESCRIPTIONS).filter(
    (occurrence) =>
      !occurrence.negated && !argued.has(analyzed.tokens[occurrence.start]?.sentence ?? -1),
  ).length;
}

const IGNORANCE = compilePhrases([
  'no idea',
  'no clue',
  'i do not know|i dont know|idk|dunno',
  'not sure what ~ answer|is right|to say',
  'did not|have not|never ~ read|look at|study ~ lesson*|scenario|question|material',
  'i give up|pass on this|skip this one|no time to',
  'come back to it|come back later|answer later',
]);

// Absolute claims that deny a trade-off ("it costs nothing", "fully solves it", "cannot affect
// the page"): in this domain every mechanism has a cost or a limit, so such a claim is a reversed
// point even when no rubric pattern names it.
const OVERCLAIMS = compilePhrases([
  'nothing + can|could|will + break|fail',
  'nothing + can|could|will + go + wrong',
  'cost|costs + nothing',
  'add|adds + nothing|zero overhead',
  'go|goes + away',
  'fully|completely|entirely|totally + solve*|answer*|fix*|cure*|eliminat*',
  'always + absorbed|visible',
  'can not|can never|will never|could never + affect|matter',
  'no other way',
  'take*|takes + effect + immediately|instantly',
  'stops there|stop there',
  'even + smaller|lower|cheaper',
  'makes no difference|make no difference',
  'protects nothing',
  'no blast radius',
]);
/** Reported speech: the answer quotes the claim to reject it ("the vendor says it costs nothing"). */
const REPORTED = compilePhrases([
  'says|said|claims|claimed|argues|argued|suggests|suggested|believes|thinks|assumes|assumption|myth|wrongly|blog|vendor|colleague|would argue|may seem|might seem|sounds like',
]);

/** Affirmed absolute claims that deny a trade-off, outside reported speech (the learner's words). */
export function findOverclaims(analyzed: AnalyzedText): string[] {
  const reported = new Set(
    findOccurrences(analyzed, REPORTED).map(
      (occurrence) => analyzed.tokens[occurrence.start]?.sentence,
    ),
  );
  return findOccurrences(analyzed, OVERCLAIMS)
    .filter(
      (occurrence) =>
        !occurrence.negated && !reported.has(analyzed.tokens[occurrence.start]?.sentence),
    )
    .map((occurrence) => occurrence.text);
}

/** Sentences that admit ignorance ("no idea", "I didn't read the lesson"). */
export function ignoranceSentences(analyzed: AnalyzedText): ReadonlySet<number> {
  return new Set(
    findOccurrences(analyzed, IGNORANCE).map(
      (occurrence) => analyzed.tokens[occurrence.start]?.sentence ?? -1,
    ),
  );
}
