// The rubric grader. It reads meaning, not phrases: rubric concepts are matched through their
// own phrases and the paraphrase lexicon (lemmas, negation scope), a concept earns full credit
// only when applied to the case's facts, a stated reverse of a point or a false mesh claim
// costs points and caps the score, and hedging or keyword stuffing caps it too. The score is
// a small parametric model (SCORE_PARAMS) calibrated on the tune split of the calibration set.
import { validateAttempt, type ValidAttempt } from './answer-input';
import {
  caseAnchorsOf,
  caseFactTokens,
  caseFactsOf,
  copiedSentences,
  countCitedFacts,
  restatesScenario,
  statedTopicWords,
} from './case-facts';
import { claimView } from './claim-view';
import { countClaims, expandRubric, type ExpandedCriterion } from './concepts';
import { findContradiction } from './consistency';
import { scoreChoice, scoreNumber, scoreOrder, type DecisionOutcome } from './decision';
import { definitionMatches, definitionsOf } from './definitions';
import { findFalseClaims, type FalseClaim } from './facts';
import { centralFalseClaims, type CentralClaim } from './central-claims';
import { findStanceReversals, type StanceReversal } from './criterion-stance';
import { findErrorClaims, type ErrorClaimHit } from './error-claims';
import { findGrounding, type Grounding } from './grounding';
import { findDistractorClaims, type DistractorClaim } from './distractors';
import { findFixRefusals, type FixRefusal } from './fix-refusals';
import { findArithmeticErrors, findSettingErrors, type ArithmeticError } from './arithmetic';
import { misconceptionsFor } from './misconceptions';
import { findModelReversals, type ModelReversal } from './model-reversal';
import { findArguedMisorder, type ArguedMisorder } from './argued-order';
import { violatedOrderPoints } from './order-points';
import { cachedLemmaOffsets } from './lemmas';
import {
  compilePhrases,
  findOccurrences,
  type CompiledPhrase,
  type PhraseOccurrence,
} from './match';
import { detectStuffing, enumerationSentences, type ConceptOccurrence } from './stuffing';
import {
  ignoranceSentences,
  countFiller,
  countPrescriptions,
  detectLanguage,
  findOverclaims,
  hedgesBothWays,
  measureHedging,
} from './style';
import { analyzeText, type AnalyzedText, type TextToken } from './text';
import type {
  CriterionResult,
  GradableScenario,
  GradeResult,
  Penalty,
  PredictionResult,
  ScoreCap,
  WrongTurnResult,
} from './types';

/** Parameters of the score model (points out of 100); see docs/grading.md for each one. */
export type ScoreParams = {
  /** Points for a committed, right decision before any justification. */
  decision: number;
  /** Points for rubric coverage (weighted share of concepts, applied ones in full). */
  coverage: number;
  /** Credit share for a concept named but not tied to the case (no argument step in its sentence). */
  unappliedCredit: number;
  /** Credit share for a concept argued in the learner's own words (definition overlap, definitions.ts). */
  definitionCredit: number;
  /** Credit share for a concept only named in a rated list ("X, Y and Z are important"). */
  listedCredit: number;
  /** Points for citing case facts, reached at `factsForFull` distinct facts. */
  caseFacts: number;
  factsForFull: number;
  /** Share of a point for a case fact cited outside any argued sentence (named, not applied). */
  ungroundedFactShare: number;
  /** Share of the coverage that also counts as grounding (0 = only cited facts count). */
  coverageAsGrounding: number;
  /** Points for one / two or more trade-off sentences, and for stated reasons. */
  tradeOff: number;
  reasoning: number;
  wrongTurn: number;
  maxWrongTurn: number;
  contradiction: number;
  reversed: number;
  /** Deduction for reversing a minor point of the model answer (no crucial criterion in it). */
  minorReversal: number;
  /** Lowest criterion weight that makes a reversed model-answer clause crucial. */
  crucialWeight: number;
  /** Lowest criterion weight for which a false mesh claim about its point reverses it. */
  centralClaimWeight: number;
  falseClaim: number;
  /** Ceilings. */
  wrongDecisionCap: number;
  /**
   * A near-miss decision (an order with some pairs swapped, a number within twice the tolerance):
   * the top of the calibration scale's "mediocre" band, where a near-miss order or number sits.
   */
  partialDecisionCap: number;
  stuffingCap: number;
  reversedCap: number;
  /** Ceiling when the only reversal is read from a direction axis (criterion-stance.ts). */
  axisReversedCap: number;
  falseClaimCap: number;
  hedgedCap: number;
  /** Ceiling for an absolute claim that denies a trade-off ("costs nothing", "fully solves it"). */
  overclaimCap: number;
  /** Content words below which there is no argument to grade. */
  minContentWords: number;
  noArgumentCap: number;
  /** The same for a right decision with a thin line about the case (`thinOnTopic`). */
  thinRightCap: number;
  /** Ceiling when rubric concepts are named but no sentence argues anything about the case. */
  ungroundedCap: number;
  /** The same for a short answer (at most `thinWords` words, three concepts): thin, not stuffed. */
  thinCap: number;
  thinWords: number;
  /** Ceiling for an answer of `unappliedMinWords`+ words whose `unappliedMinHits`+ rubric hits are all unapplied. */
  unappliedCap: number;
  unappliedMinHits: number;
  unappliedMinWords: number;
  /** Ceiling for an estimate whose question asks for the arithmetic when it shows none (the scale's "generic" band). */
  unshownArithmeticCap: number;
  /** Provisional score for a right decision argued in another language (model judge recommended). */
  foreignRightDecision: number;
};

/** Calibrated on the tune split of tests/fixtures/grader-calibration (npm run grader:tune). */
export const SCORE_PARAMS: Readonly<ScoreParams> = {
  decision: 25,
  coverage: 45,
  unappliedCredit: 0.8,
  listedCredit: 0,
  definitionCredit: 0.8,
  caseFacts: 20,
  factsForFull: 6,
  ungroundedFactShare: 0.5,
  coverageAsGrounding: 0.4,
  tradeOff: 3,
  reasoning: 2,
  wrongTurn: 10,
  maxWrongTurn: 30,
  contradiction: 25,
  reversed: 0,
  minorReversal: 8,
  crucialWeight: 2,
  centralClaimWeight: 3,
  falseClaim: 0,
  wrongDecisionCap: 15,
  partialDecisionCap: 65,
  stuffingCap: 25,
  reversedCap: 40,
  axisReversedCap: 40,
  falseClaimCap: 55,
  hedgedCap: 30,
  overclaimCap: 50,
  minContentWords: 6,
  noArgumentCap: 3,
  thinRightCap: 40,
  ungroundedCap: 25,
  thinCap: 55,
  thinWords: 30,
  unappliedCap: 40,
  unappliedMinHits: 3,
  unappliedMinWords: 35,
  unshownArithmeticCap: 30,
  foreignRightDecision: 80,
};

/** Ceiling of the total when the decision is wrong. */
export const WRONG_DECISION_CAP = SCORE_PARAMS.wrongDecisionCap;
/** Ceiling of the total when the justification is keyword stuffing. */
export const KEYWORD_STUFFING_CAP = SCORE_PARAMS.stuffingCap;
/** Deduction when the justification argues for a different decision than the one chosen. */
export const CONTRADICTION_PENALTY = SCORE_PARAMS.contradiction;

const TRADE_OFF_MARKERS = compilePhrases([
  'but',
  'however',
  'trade-off',
  'tradeoff',
  'trade off',
  'at the cost of',
  'at the expense of',
  'in exchange for',
  'in return',
  'downside',
  'the cost is',
  'costs us',
  'the price',
  'although',
  'though',
  'whereas',
  'versus',
  'vs',
  'balanced against',
  'outweigh',
  'caveat',
  'drawback',
  'limitation',
  'the catch',
  'give up',
  'we accept',
  'the cost',
  'at a cost',
  'the price of',
  'pay for',
  'the bill',
  'still',
  'only if',
  'as long as',
]);

const REASON_MARKERS = compilePhrases([
  'because',
  'since',
  'so',
  'so that',
  'therefore',
  'which means',
  'this means',
  'that means',
  'as a result',
  'otherwise',
  'in order to',
  'to avoid',
  'to limit',
  'to keep',
  'to prevent',
  'due to',
  'given that',
  'hence',
  'thus',
  'means',
  'which is why',
]);

/** Thrown by {@link gradeAttempt} for invalid input; carries learner-facing messages per field. */
export class GradingInputError extends Error {
  readonly fieldErrors: Partial<Record<'decision' | 'justification' | 'prediction', string[]>>;

  constructor(message: string, fieldErrors: GradingInputError['fieldErrors']) {
    super(message);
    this.name = 'GradingInputError';
    this.fieldErrors = fieldErrors;
  }
}

/** Grades an attempt; throws {@link GradingInputError} on invalid input (see {@link safeGradeAttempt}). */
export function gradeAttempt(input: {
  scenario: GradableScenario;
  answer: unknown;
  params?: Readonly<ScoreParams>;
}): GradeResult {
  const validation = validateAttempt(input.scenario, input.answer);
  if (!validation.ok) throw new GradingInputError(validation.message, validation.fieldErrors);
  return gradeValidAttempt(input.scenario, validation.attempt, input.params ?? SCORE_PARAMS);
}

/** Grades an attempt without throwing: `{ ok: false, message, fieldErrors }` for invalid input. */
export function safeGradeAttempt(input: {
  scenario: GradableScenario;
  answer: unknown;
}):
  | { ok: true; result: GradeResult }
  | { ok: false; message: string; fieldErrors: GradingInputError['fieldErrors'] } {
  const validation = validateAttempt(input.scenario, input.answer);
  if (!validation.ok)
    return { ok: false, message: validation.message, fieldErrors: validation.fieldErrors };
  return { ok: true, result: gradeValidAttempt(input.scenario, validation.attempt, SCORE_PARAMS) };
}

function scoreDecision(scenario: GradableScenario, attempt: ValidAttempt): DecisionOutcome {
  const spec = scenario.answer;
  if (spec.type === 'choice' && attempt.type === 'choice')
    return scoreChoice(spec, attempt.decision, scenario.why);
  if (spec.type === 'order' && attempt.type === 'order')
    return scoreOrder(spec, attempt.decision, scenario.why);
  if (spec.type === 'number' && attempt.type === 'number')
    return scoreNumber(spec, attempt.decision, scenario.why);
  return {
    correct: false,
    credit: 0,
    isWrong: true,
    feedback: 'The decision does not match this scenario’s answer format.',
  };
}

type CriterionOutcome = {
  result: CriterionResult;
  isReversed: boolean;
  /** Hit, but only inside sentences that list concepts and rate them (vocabulary, not argument). */
  listedOnly?: boolean;
  /** Hit through the criterion's definition in the learner's own words (definitions.ts). */
  byDefinition?: boolean;
};

function gradeCriterion(
  expanded: ExpandedCriterion,
  analyzed: AnalyzedText,
  grounding: Grounding,
  hits: ConceptOccurrence[],
  mentioned: PhraseOccurrence[],
  listed: ReadonlySet<number>,
  occurrences: readonly PhraseOccurrence[],
): CriterionOutcome {
  const { criterion } = expanded;
  // Keyword stuffing is judged on the rubric's own phrases: paraphrases are the learner's words.
  const ownOccurrences = findOccurrences(
    analyzed,
    expanded.phrases.slice(0, expanded.ownPhraseCount),
  );
  mentioned.push(...ownOccurrences);
  const affirmed = occurrences.filter((occurrence) => !occurrence.negated);
  const denied = occurrences.find((occurrence) => occurrence.negated);
  const opposite = findOccurrences(analyzed, expanded.opposites).find(
    (occurrence) =>
      !occurrence.negated &&
      !isCounterfactual(analyzed, occurrence) &&
      !deniesEffect(analyzed, occurrence) &&
      !describesOutage(analyzed, occurrence) &&
      (statesNegationHere(analyzed, occurrence) || !hasNegationInside(analyzed, occurrence)),
  );
  for (const occurrence of ownOccurrences)
    if (!occurrence.negated) hits.push({ conceptId: criterion.id, occurrence });
  const base = {
    id: criterion.id,
    concept: criterion.concept,
    weight: criterion.weight,
    lessonId: criterion.lessonId,
  };
  // A reversal: the answer states the opposite stance, or only denies a stance concept.
  // An explicit rejection ("rather than rolling back", "need no validation") outweighs a passing
  // affirmed mention elsewhere; a plain negation only counts when nothing affirms the point.
  const rejected = expanded.isStance
    ? occurrences.find(
        (occurrence) =>
          (occurrence.negated &&
            rejectsExplicitly(analyzed, occurrence) &&
            !affirmedInSameSentence(analyzed, occurrence, affirmed)) ||
          dismissedAsWhole(analyzed, occurrence),
      )
    : undefined;
  const deniedStance =
    rejected ??
    (affirmed.length === 0 && expanded.isStance && denied && deniesNeed(analyzed, denied)
      ? denied
      : undefined);
  const reversedBy = opposite ?? deniedStance ?? miscounted(analyzed, expanded);
  if (reversedBy) {
    return {
      result: {
        ...base,
        status: 'missed',
        reversed: reversedBy.text,
        feedback: `You wrote “${reversedBy.text}”, which reverses this point. ${criterion.missedFeedback}`,
      },
      isReversed: true,
    };
  }
  const first = affirmed[0];
  if (first) {
    // Applied: some hit sits in a sentence that argues about the case (grounding.ts): a case
    // fact tied to a connective or a quantitative relation, not just named beside it.
    const applied = affirmed.some((occurrence) => {
      for (let i = occurrence.start; i < occurrence.end; i += 1)
        if (grounding.arguedSegments.has(analyzed.tokens[i]?.segment ?? -1)) return true;
      return false;
    });
    return {
      result: {
        ...base,
        status: 'hit',
        matched: first.text,
        appliedToCase: applied,
        feedback: applied
          ? `Named and applied: ${criterion.concept} (“${first.text}”).`
          : `Named, but not tied to this case: ${criterion.concept} (“${first.text}”). Say what it means for this system’s facts.`,
      },
      isReversed: false,
      listedOnly: affirmed.every((occurrence) =>
        listed.has(analyzed.tokens[occurrence.start]?.sentence ?? -1),
      ),
    };
  }
  if (denied) {
    return {
      result: {
        ...base,
        status: 'missed',
        negatedMention: denied.text,
        feedback: `You mentioned “${denied.text}” only in a negated way, which does not count as naming it. ${criterion.missedFeedback}`,
      },
      isReversed: false,
    };
  }
  return {
    result: { ...base, status: 'missed', feedback: criterion.missedFeedback },
    isReversed: false,
  };
}

/**
 * "If the retries had been active, …", "were the breaker removed": a counterfactual clause states
 * what did not happen, so an opposite inside it asserts nothing.
 */
export function isCounterfactual(analyzed: AnalyzedText, occurrence: PhraseOccurrence): boolean {
  const { tokens } = analyzed;
  const start = tokens[occurrence.start];
  if (!start) return false;
  let sawIf = false;
  let sawHad = false;
  for (let i = occurrence.start - 1; i >= Math.max(0, occurrence.start - 8); i -= 1) {
    const token = tokens[i];
    if (!token || token.sentence !== start.sentence) break;
    if (token.norm === 'if') sawIf = true;
    if (token.norm === 'had' || token.norm === 'were') sawHad = true;
    if (sawIf) break;
  }
  for (let i = occurrence.start; i < Math.min(tokens.length, occurrence.end + 3); i += 1) {
    const token = tokens[i];
    if (!token || token.sentence !== start.sentence) break;
    // "If retries were active, …": the subjunctive inside the match counts too.
    if (token.norm === 'had' || (token.norm === 'were' && i > occurrence.start)) sawHad = true;
  }
  return sawIf && sawHad;
}

const FUTILE_VERBS = new Set([
  'change',
  'changes',
  'help',
  'helps',
  'fix',
  'fixes',
  'solve',
  'solves',
]);

/**
 * "Adding inventory pods would change nothing", "more replicas won't help": the clause states
 * the idea and denies its effect, which argues against it rather than for it.
 */
export function deniesEffect(analyzed: AnalyzedText, occurrence: PhraseOccurrence): boolean {
  const { tokens } = analyzed;
  const last = tokens[occurrence.end - 1];
  if (!last) return false;
  for (let i = occurrence.end; i < Math.min(tokens.length, occurrence.end + 6); i += 1) {
    const token = tokens[i];
    const next = tokens[i + 1];
    if (!token || token.sentence !== last.sentence) break;
    if (FUTILE_VERBS.has(token.norm) && (next?.norm === 'nothing' || next?.norm === 'little'))
      return true;
    if (token.norm === 'not' && next && FUTILE_VERBS.has(next.norm)) return true;
    if (token.norm === 'no' && next?.norm === 'difference') return true;
  }
  return false;
}

/**
 * Words of a failure: "takes all 30 down at once" states a blast radius, not a rollout plan. (Not
 * "take" or "bring" alone: "take every namespace to STRICT at once" is the plan.)
 */
const OUTAGE_WORDS = new Set('down offline outage outages broken'.split(' '));
const OUTAGE_VERBS = new Set(
  'knock knocks knocked break breaks broke fail fails failed kill kills killed'.split(' '),
);

/**
 * The match describes what fails ("a bad push takes all 30 down at once", "breaks every namespace
 * at once"): a failure word inside it, or a failure verb right before it in its clause.
 */
export function describesOutage(analyzed: AnalyzedText, occurrence: PhraseOccurrence): boolean {
  const { tokens } = analyzed;
  for (let i = occurrence.start; i < occurrence.end; i += 1)
    if (OUTAGE_WORDS.has(tokens[i]?.norm ?? '')) return true;
  const segment = tokens[occurrence.start]?.segment;
  for (let i = occurrence.start - 1; i >= Math.max(0, occurrence.start - 2); i -= 1) {
    const token = tokens[i];
    if (!token || token.segment !== segment) break;
    if (OUTAGE_VERBS.has(token.norm)) return true;
  }
  return false;
}

const INNER_NEGATIONS = new Set(['not', 'no', 'never', 'without', 'nor', 'neither']);
const PATTERN_NEGATION =
  /(?:^|[\s|~+])(?:not|no|never|without|nor|neither|nothing|nobody|none|cannot|can not|skip\*?|skipping|ignore\*?|drop\*?|avoid\*?|lack\*?|lacks)(?=$|[\s|~+])|n't\b/;

/** True when a reverse pattern itself states a negation ("postgres ~ can not ~ tls"): its own cue is the point. */
export function statesNegation(pattern: string): boolean {
  return PATTERN_NEGATION.test(pattern);
}

/** The pattern with every alternative that states a negation dropped (null when a group needs one). */
const WITHOUT_NEGATED_ALTERNATIVES = new Map<string, readonly CompiledPhrase[] | null>();
function withoutNegatedAlternatives(pattern: string): readonly CompiledPhrase[] | null {
  const cached = WITHOUT_NEGATED_ALTERNATIVES.get(pattern);
  if (cached !== undefined) return cached;
  const parts = pattern.split(/(\s~~\s|\s~\s|\s\+\s)/);
  let stripped: string | null = '';
  for (const part of parts) {
    if (/^\s(?:~~|~|\+)\s$/.test(part)) {
      stripped += part;
      continue;
    }
    const kept = part.split('|').filter((alternative) => !statesNegation(alternative.trim()));
    if (kept.length === 0) {
      stripped = null;
      break;
    }
    stripped += kept.join('|');
  }
  const compiled = stripped === null ? null : compilePhrases([stripped]);
  WITHOUT_NEGATED_ALTERNATIVES.set(pattern, compiled);
  return compiled;
}

/**
 * A reverse pattern with a negated alternative ("tail ~ once|not per call") states a negation
 * only when the text matched through that alternative: "the tail isn't paid once" matches the
 * plain "once" under the answer's own negation, which denies the wrong claim.
 */
function statesNegationHere(analyzed: AnalyzedText, occurrence: PhraseOccurrence): boolean {
  if (!statesNegation(occurrence.phrase)) return false;
  const plain = withoutNegatedAlternatives(occurrence.phrase);
  if (plain === null) return true;
  return !findOccurrences(analyzed, plain).some(
    (candidate) => candidate.start === occurrence.start && candidate.end === occurrence.end,
  );
}

/** True when a negation sits inside a multi-word match ("mTLS isn't authorization" vs "mTLS is authorization"). */
function hasNegationInside(analyzed: AnalyzedText, occurrence: PhraseOccurrence): boolean {
  for (let i = occurrence.start; i < occurrence.end; i += 1) {
    const token = analyzed.tokens[i];
    if (token && (INNER_NEGATIONS.has(token.norm) || token.negationDepth % 2 === 1)) return true;
  }
  return false;
}

const NEED_WORDS = new Set([
  'need',
  'needs',
  'needed',
  'necessary',
  'required',
  'require',
  'requires',
  'worth',
  'bother',
  'matter',
  'matters',
  'unnecessary',
  'overkill',
  'pointless',
]);

/** An affirmed count that contradicts the point's own ("one proxy per call" against "two proxies"). */
function miscounted(
  analyzed: AnalyzedText,
  expanded: ExpandedCriterion,
): PhraseOccurrence | undefined {
  if (expanded.counts.length === 0) return undefined;
  const claims = countClaims(analyzed);
  for (const expected of expanded.counts) {
    const same = claims.filter((claim) => claim.stem === expected.stem);
    if (same.some((claim) => claim.value === expected.value)) continue;
    const wrong = same.find((claim) => analyzed.tokens[claim.index]?.negationDepth === 0);
    if (!wrong) continue;
    const first = analyzed.tokens[wrong.index];
    const last = analyzed.tokens[wrong.index + 1];
    if (!first || !last) continue;
    return {
      phrase: `${expected.value} ${expected.stem}`,
      start: wrong.index,
      end: wrong.index + 2,
      text: analyzed.text.slice(first.start, last.end),
      negated: false,
    };
  }
  return undefined;
}

/**
 * "Rather than mesh authorization, give each function its own role and IAM policies": the
 * sentence rejects one way of meeting the point and affirms the point itself in its main
 * clause, so the rejection is of an alternative, not of the point.
 */
function affirmedInSameSentence(
  analyzed: AnalyzedText,
  rejected: PhraseOccurrence,
  affirmed: readonly PhraseOccurrence[],
): boolean {
  const { tokens } = analyzed;
  const sentence = tokens[rejected.start]?.sentence;
  // Only "rather than X, Y" / "instead of X, Y" name an alternative ("no need for X, Y" does not).
  let alternative = false;
  for (let i = rejected.start - 1; i >= Math.max(0, rejected.start - 4); i -= 1) {
    const token = tokens[i];
    if (!token || token.sentence !== sentence) break;
    const next = tokens[i + 1]?.norm;
    if ((token.norm === 'instead' && next === 'of') || (token.norm === 'rather' && next === 'than'))
      alternative = true;
  }
  if (!alternative) return false;
  const segment = tokens[rejected.start]?.segment;
  return affirmed.some(
    (occurrence) =>
      occurrence.start >= rejected.end &&
      tokens[occurrence.start]?.sentence === sentence &&
      tokens[occurrence.start]?.segment !== segment,
  );
}

/** "instead of X", "rather than X", "X need not", "need no X": the answer chooses against X. */
function rejectsExplicitly(analyzed: AnalyzedText, occurrence: PhraseOccurrence): boolean {
  const { tokens } = analyzed;
  const segment = tokens[occurrence.start]?.segment;
  for (let i = occurrence.start - 1; i >= Math.max(0, occurrence.start - 4); i -= 1) {
    const token = tokens[i];
    const next = tokens[i + 1];
    if (!token || token.sentence !== tokens[occurrence.start]?.sentence) break;
    if (token.norm === 'instead' && next?.norm === 'of') return true;
    if (token.norm === 'rather' && next?.norm === 'than') return true;
    if (token.segment !== segment) break;
    if ((token.norm === 'need' || token.norm === 'needs') && next?.norm === 'no') return true;
    if (token.norm === 'no' && (next?.norm === 'need' || next?.norm === 'point')) return true;
    // "there's no trigger worth tracking": nothing of the kind is worth having.
    if (token.norm === 'no' && worthAfter(tokens, occurrence.end, segment)) return true;
  }
  return false;
}

/**
 * "revisiting it later is just a distraction", "re-evaluating next year would be a waste": a
 * verdict on the whole idea within eight words after the mention, in its clause.
 */
function dismissedAsWhole(analyzed: AnalyzedText, occurrence: PhraseOccurrence): boolean {
  const { tokens } = analyzed;
  const segment = tokens[occurrence.start]?.segment;
  // "skipping the revisit would be a mistake", "no revisit would be a mistake": the verdict is on
  // dropping it.
  if (occurrence.negated) return false;
  for (let i = occurrence.start - 1; i >= Math.max(0, occurrence.start - 4); i -= 1) {
    const token = tokens[i];
    if (!token || token.segment !== segment) break;
    if (DROP_VERBS.has(token.norm) || token.norm === 'without' || token.norm === 'no') return false;
  }
  for (let i = occurrence.end; i < Math.min(tokens.length, occurrence.end + 8); i += 1) {
    const token = tokens[i];
    if (!token || token.segment !== segment) break;
    if (token.negationDepth % 2 === 1) return false;
    if (token.norm === 'a' && WHOLE_IDEA_VERDICTS.has(tokens[i + 1]?.norm ?? '')) return true;
  }
  return false;
}

/** Nouns that reject a whole idea after "a": "… is a waste", "… is just a distraction". */
const WHOLE_IDEA_VERDICTS: ReadonlySet<string> = new Set([
  'waste',
  'distraction',
  'mistake',
  'trap',
]);

/** "worth" within two words after `end`, in the same segment. */
function worthAfter(tokens: readonly TextToken[], end: number, segment: number | undefined) {
  for (let i = end; i < Math.min(tokens.length, end + 2); i += 1)
    if (tokens[i]?.segment === segment && tokens[i]?.norm === 'worth') return true;
  return false;
}

/** Verbs that drop what follows ("skip the audit", "forgo the pilot"): a denial of a stance. */
const DROP_VERBS = new Set([
  'skip',
  'skipping',
  'skipped',
  'forgo',
  'forgoing',
  'omit',
  'omitting',
]);

/** True when the clause around a negated mention says it is not needed ("no X is needed", "no need for X", "skip X"). */
function deniesNeed(analyzed: AnalyzedText, occurrence: PhraseOccurrence): boolean {
  const segment = analyzed.tokens[occurrence.start]?.segment;
  if (analyzed.tokens.some((token) => token.segment === segment && NEED_WORDS.has(token.norm)))
    return true;
  for (let i = occurrence.start - 1; i >= Math.max(0, occurrence.start - 3); i -= 1) {
    const token = analyzed.tokens[i];
    if (!token || token.segment !== segment) break;
    if (DROP_VERBS.has(token.norm)) return true;
  }
  return false;
}

/** Sentences that contain one of the markers and a named (affirmed) rubric concept. */
function countMarkedSentences(
  analyzed: AnalyzedText,
  hits: readonly ConceptOccurrence[],
  markers: readonly CompiledPhrase[],
): number {
  const conceptSentences = new Set(
    hits.map(({ occurrence }) => analyzed.tokens[occurrence.start]?.sentence ?? -1),
  );
  const markerSentences = new Set(
    findOccurrences(analyzed, markers).map(
      (marker) => analyzed.tokens[marker.start]?.sentence ?? -1,
    ),
  );
  let count = 0;
  for (const sentence of markerSentences) if (conceptSentences.has(sentence)) count += 1;
  return count;
}

function gradePrediction(
  scenario: GradableScenario,
  given: string | undefined,
): PredictionResult | undefined {
  const spec = scenario.simulator?.prediction;
  if (!spec) return undefined;
  const label = (id: string) => spec.options.find((option) => option.id === id)?.label ?? id;
  const expected = label(spec.correct);
  if (given === undefined) {
    return {
      answered: false,
      correct: false,
      expected,
      feedback: `No prediction given. Expected: “${expected}”. ${spec.explanation}`,
    };
  }
  const correct = given === spec.correct;
  return {
    answered: true,
    correct,
    expected,
    feedback: correct
      ? `Your prediction “${label(given)}” was right. ${spec.explanation}`
      : `You predicted “${label(given)}”; expected “${expected}”. ${spec.explanation}`,
  };
}

const CONTENT_STOP = new Set(
  'the a an and or but of to in on at by for with from is are was were be it this that i we you idk'.split(
    ' ',
  ),
);

/** An affirmed mesh misconception: its id, the criterion it reverses, the matched text; `minor` ones cost `minorReversal` only. */
export type MisconceptionHit = { id: string; criterionId: string; text: string; minor?: boolean };

/** Measurable properties of an answer, before they are turned into points. */
export type GradeFeatures = {
  analyzed: AnalyzedText;
  decision: DecisionOutcome;
  outcomes: CriterionOutcome[];
  wrongTurns: WrongTurnResult[];
  citedFacts: number;
  /** Distinct case facts cited inside sentences that argue (grounding.ts). */
  groundedFacts: number;
  /** Sentences with an argument step about the case. */
  arguedSentences: number;
  tradeOffs: number;
  reasons: number;
  contentWords: number;
  isStuffed: boolean;
  stuffingReasons: string[];
  filler: number;
  isHedged: boolean;
  language: { language: string; isEnglish: boolean };
  contradiction: { reason: string; evidence: string } | null;
  falseClaims: FalseClaim[];
  /** Absolute claims that deny a trade-off, in the learner's words. */
  overclaims: string[];
  /** The justification mostly copies the scenario's own text, or admits it has no answer. */
  restatesScenario: boolean;
  /** States at least two words of the scenario's subject matter outside questions and admissions of ignorance (a thin answer, not an empty one). */
  thinOnTopic: boolean;
  /** Clauses that state a clause of the model answer reversed (see model-reversal.ts). */
  modelReversals: ModelReversal[];
  /** False mesh claims about what a crucial criterion states (see central-claims.ts). */
  centralClaims: CentralClaim[];
  /** Clauses that take the other side of a stance-bearing criterion (see criterion-stance.ts). */
  stanceReversals: StanceReversal[];
  /** Clauses that assert a wrong option's claim (its fix or cause) beside the right decision. */
  distractorClaims: DistractorClaim[];
  /** Affirmed mesh misconceptions (misconceptions.ts), with the criterion each reverses. */
  misconceptions: MisconceptionHit[];
  /** Claims of the scenario's expert error catalogue stated as the learner's own (error-claims.ts). */
  errorClaims: ErrorClaimHit[];
  /** Clauses that decline the change the question asks for (fix-refusals.ts). */
  fixRefusals: FixRefusal[];
  /** Equations that do not compute or depart from the scenario's own arithmetic (arithmetic.ts). */
  arithmeticErrors: ArithmeticError[];
  /** A near-miss order whose misplaced step the justification argues for (argued-order.ts). */
  arguedMisorder: ArguedMisorder | null;
};

/** Extracts the features of a valid attempt (exported for the calibration scripts). */
export function extractFeatures(scenario: GradableScenario, attempt: ValidAttempt): GradeFeatures {
  const analyzed = analyzeText(attempt.justification, cachedLemmaOffsets);
  const decision = scoreDecision(scenario, attempt);
  const expanded = expandRubric(scenario);
  const cited = caseFactTokens(analyzed, caseFactsOf(scenario));
  const hits: ConceptOccurrence[] = [];
  const mentioned: PhraseOccurrence[] = [];
  const listed = enumerationSentences(analyzed);
  const occurrences = expanded.criteria.map((criterion) =>
    findOccurrences(analyzed, criterion.phrases),
  );
  // A connective may also tie a reason to a rubric concept, unless the concept sits in a list:
  // a rated enumeration or a sentence that names three or more criteria.
  const criteriaBySentence = new Map<number, Set<number>>();
  occurrences.forEach((list, criterion) => {
    for (const occurrence of list) {
      const sentence = analyzed.tokens[occurrence.start]?.sentence ?? -1;
      const named = criteriaBySentence.get(sentence) ?? new Set<number>();
      named.add(criterion);
      criteriaBySentence.set(sentence, named);
    }
  });
  const conceptTokens = new Set<number>();
  for (const list of occurrences)
    for (const occurrence of list) {
      const sentence = analyzed.tokens[occurrence.start]?.sentence ?? -1;
      if (occurrence.negated || listed.has(sentence)) continue;
      if ((criteriaBySentence.get(sentence)?.size ?? 0) >= 3) continue;
      for (let i = occurrence.start; i < occurrence.end; i += 1) conceptTokens.add(i);
    }
  const grounding = findGrounding(
    analyzed,
    cited,
    caseAnchorsOf(scenario),
    conceptTokens,
    copiedSentences(analyzed, scenario),
  );
  const againstOrder =
    attempt.type === 'order' ? violatedOrderPoints(scenario, attempt.decision) : new Set<string>();
  const outcomes = expanded.criteria.map((criterion, index) => {
    const outcome = gradeCriterion(
      criterion,
      analyzed,
      grounding,
      hits,
      mentioned,
      listed,
      occurrences[index] ?? [],
    );
    if (!againstOrder.has(criterion.criterion.id) || outcome.result.status !== 'hit')
      return outcome;
    // The submitted order contradicts this ordering point: naming it earns nothing.
    return {
      isReversed: false,
      result: {
        ...outcome.result,
        status: 'missed' as const,
        feedback: `Your order puts this step on the wrong side of another one. ${criterion.criterion.missedFeedback}`,
      },
    };
  });
  // Own words: a missed point argued in a sentence that shares its definition's words.
  const eligible = new Set(
    [...grounding.arguedSentences].filter((sentence) => !listed.has(sentence)),
  );
  // Only when the decision holds: a wrong answer that echoes a definition's words argues nothing.
  const byDefinition = decision.isWrong
    ? []
    : definitionMatches(analyzed, definitionsOf(scenario), eligible);
  outcomes.forEach((outcome, index) => {
    const match = byDefinition[index];
    const { result } = outcome;
    if (!match || result.status !== 'missed' || outcome.isReversed) return;
    if (result.negatedMention !== undefined || againstOrder.has(result.id)) return;
    outcomes[index] = {
      isReversed: false,
      byDefinition: true,
      result: {
        ...result,
        status: 'hit',
        matched: match.shared.join(', '),
        appliedToCase: true,
        feedback: `Argued in your own words: ${result.concept}.`,
      },
    };
  });
  const wrongTurns: WrongTurnResult[] = [];
  for (const { wrongTurn, phrases } of expanded.wrongTurns) {
    const occurrence = findOccurrences(analyzed, phrases).find((found) => !found.negated);
    if (occurrence)
      wrongTurns.push({ id: wrongTurn.id, feedback: wrongTurn.feedback, matched: occurrence.text });
  }
  const stuffing = detectStuffing(analyzed, hits, mentioned);
  const hedging = measureHedging(analyzed);
  const citedFacts = countCitedFacts(analyzed, cited);
  const copiesScenario = restatesScenario(analyzed, scenario);
  const ignorance = ignoranceSentences(analyzed);
  const groundedFacts = countCitedFacts(
    analyzed,
    new Set(
      [...cited].filter((index) =>
        grounding.arguedSentences.has(analyzed.tokens[index]?.sentence ?? -1),
      ),
    ),
  );
  // Terse answers in notation ("A → B → C", "4^3 = 64") are not keyword lists when the decision
  // holds and nothing repeats: their brevity costs the reasoning points, not a stuffing cap.
  const isTerse =
    analyzed.tokens.length <= 50 &&
    decision.credit >= 0.5 &&
    (countNotation(ownText(analyzed, mentioned)) >= 2 || countSequenceWords(analyzed) >= 3) &&
    stuffing.signals.templatedConcepts < 3 &&
    stuffing.signals.maxPhraseRepeats < 4 &&
    stuffing.signals.repeatedTrigramRatio <= 0.35;
  const hitOutcomes = outcomes.filter((outcome) => outcome.result.status === 'hit');
  const listedOnly = hitOutcomes.filter((outcome) => outcome.listedOnly).length;
  const isListedStuffing = hitOutcomes.length >= 2 && listedOnly / hitOutcomes.length >= 0.5;
  // Terse, fact-dense answers look like keyword lists to the prose statistics; a list is stuffing
  // when it ignores the case, or has few words of the learner's own beyond the rubric's phrases.
  const ownConcepts = new Set(hits.map((hit) => hit.conceptId)).size;
  const isListStuffing =
    stuffing.isStuffed &&
    !isTerse &&
    (citedFacts < 2 ||
      stuffing.signals.supportWords < 2 * ownConcepts ||
      stuffing.signals.templatedConcepts >= 3 ||
      stuffing.signals.maxPhraseRepeats >= 4);
  const filler = countFiller(analyzed) + countPrescriptions(analyzed, grounding.arguedSentences);
  const language = detectLanguage(analyzed);
  const falseClaims = language.isEnglish ? findFalseClaims(analyzed) : [];
  const contradiction =
    attempt.type === 'choice' && scenario.answer.type === 'choice'
      ? findContradiction(analyzed, scenario.answer.options, attempt.decision)
      : null;
  return {
    analyzed,
    decision,
    outcomes,
    wrongTurns,
    citedFacts,
    groundedFacts,
    arguedSentences: grounding.arguedSentences.size,
    tradeOffs:
      stuffing.isStuffed && citedFacts < 3
        ? 0
        : countMarkedSentences(analyzed, hits, TRADE_OFF_MARKERS),
    reasons:
      stuffing.isStuffed && citedFacts < 3
        ? 0
        : countMarkedSentences(analyzed, hits, REASON_MARKERS),
    contentWords: analyzed.tokens.filter((token) => !CONTENT_STOP.has(token.norm)).length,
    isStuffed: isListStuffing || isListedStuffing || filler >= 2,
    stuffingReasons: [
      ...(isListStuffing ? stuffing.reasons : []),
      ...(isListedStuffing ? ['concepts listed and called important instead of argued'] : []),
      ...(filler >= 2 ? ['buzzwords instead of reasons about this case'] : []),
    ],
    filler,
    isHedged:
      (hedging.markers >= 3 && hedging.sentenceShare >= 0.5) ||
      hedging.leavesOpen ||
      hedgesBothWays(hedging),
    language,
    contradiction,
    falseClaims,
    overclaims: language.isEnglish ? findOverclaims(analyzed) : [],
    restatesScenario: copiesScenario || (citedFacts <= 1 && ignorance.size > 0),
    thinOnTopic:
      language.isEnglish && !copiesScenario && statedTopicWords(analyzed, scenario, ignorance) >= 2,
    modelReversals: language.isEnglish ? findModelReversals(analyzed, scenario) : [],
    centralClaims: centralFalseClaims(analyzed, scenario, falseClaims, 1),
    stanceReversals: language.isEnglish ? findStanceReversals(analyzed, scenario) : [],
    // Beside a wrong decision the wrong option's claim is already capped as a wrong decision.
    distractorClaims:
      language.isEnglish && !decision.isWrong ? findDistractorClaims(analyzed, scenario) : [],
    arithmeticErrors: language.isEnglish
      ? [
          ...findArithmeticErrors(attempt.justification, scenario),
          ...findSettingErrors(attempt.justification, scenario).map((error) => ({
            ...error,
            kind: 'setting' as const,
          })),
        ]
      : [],
    fixRefusals: language.isEnglish && !decision.isWrong ? findFixRefusals(analyzed, scenario) : [],
    misconceptions: language.isEnglish
      ? misconceptionsOf(attempt.justification, analyzed, scenario)
      : [],
    errorClaims: language.isEnglish ? errorClaimsOf(attempt.justification, analyzed, scenario) : [],
    // A wrong order is already capped as a wrong decision; a near miss argued for is reversed.
    arguedMisorder:
      language.isEnglish && attempt.type === 'order' && !decision.isWrong && decision.credit < 1
        ? findArguedMisorder(scenario, attempt.decision, analyzed)
        : null,
  };
}

const CONCESSIONS = new Set(['but', 'however', 'yet']);
const QUALIFIERS = new Set(['still', 'need', 'needs', 'must', 'remains', 'remain', 'own', 'owns']);
const CONCEDING_OPENERS = new Set(['although', 'though', 'while']);
/** "even though / even if / even when" concede; a bare "even" intensifies ("even the HTTP rules are …"). */
const EVEN_CONCEDES = new Set(['though', 'if', 'when', 'so']);
const NOUN_HEADS = new Set(['policy', 'policies', 'rule', 'rules', 'resource', 'resources']);
const ATTRIBUTIVE = new Set(['authorization', 'authorisation', 'control', 'privilege']);

/**
 * "The provider runs the control plane, but we still own the policies", "although mTLS proves
 * identity": a concession in the same sentence qualifies the claim instead of asserting it.
 */
function isConceded(analyzed: AnalyzedText, occurrence: PhraseOccurrence): boolean {
  const { tokens } = analyzed;
  const sentence = tokens[occurrence.start]?.sentence;
  // "although" concedes the clause it opens (its segment), not the rest of the sentence.
  const segment = tokens[occurrence.start]?.segment;
  for (let i = occurrence.start - 1; i >= 0 && tokens[i]?.segment === segment; i -= 1) {
    const norm = tokens[i]?.norm ?? '';
    if (CONCEDING_OPENERS.has(norm)) return true;
    if (norm === 'even' && EVEN_CONCEDES.has(tokens[i + 1]?.norm ?? '')) return true;
  }
  let conceding = false;
  for (let i = occurrence.end; i < tokens.length && tokens[i]?.sentence === sentence; i += 1) {
    const norm = tokens[i]?.norm ?? '';
    if (CONCESSIONS.has(norm)) conceding = true;
    else if (conceding && QUALIFIERS.has(norm)) return true;
  }
  return false;
}

/** The text of the sentence an occurrence sits in. */
function sentenceText(analyzed: AnalyzedText, occurrence: PhraseOccurrence): string {
  const sentence = analyzed.tokens[occurrence.start]?.sentence;
  const inSentence = analyzed.tokens.filter((token) => token.sentence === sentence);
  const first = inSentence[0];
  const last = inSentence[inSentence.length - 1];
  return first && last ? analyzed.text.slice(first.start, last.end) : '';
}

/** Misconceptions read in the answer and in its claim view (claim-view.ts: asides, clefts, correlatives). */
function misconceptionsOf(
  text: string,
  analyzed: AnalyzedText,
  scenario: GradableScenario,
): MisconceptionHit[] {
  const found = findMisconceptions(analyzed, scenario);
  const view = claimView(text);
  if (view === null) return found;
  const known = new Set(found.map((entry) => entry.id));
  for (const entry of findMisconceptions(analyzeText(view, cachedLemmaOffsets), scenario))
    if (!known.has(entry.id)) found.push(entry);
  return found;
}

/** Error-catalogue claims read in the answer and in its claim view (asides, clefts, correlatives). */
function errorClaimsOf(
  text: string,
  analyzed: AnalyzedText,
  scenario: GradableScenario,
): ErrorClaimHit[] {
  const suppressed = (view: AnalyzedText) => (occurrence: PhraseOccurrence) =>
    isCounterfactual(view, occurrence) ||
    deniesEffect(view, occurrence) ||
    isConceded(view, occurrence);
  const found = findErrorClaims(analyzed, scenario, suppressed(analyzed));
  const view = claimView(text);
  if (view === null) return found;
  const known = new Set(found.map((hit) => hit.claimId));
  const viewed = analyzeText(view, cachedLemmaOffsets);
  for (const hit of findErrorClaims(viewed, scenario, suppressed(viewed)))
    if (!known.has(hit.claimId)) found.push(hit);
  return found;
}

/** Affirmed mesh misconceptions (misconceptions.ts): the false claim stated as the learner's own. */
function findMisconceptions(
  analyzed: AnalyzedText,
  scenario: GradableScenario,
): MisconceptionHit[] {
  const found: MisconceptionHit[] = [];
  for (const misconception of misconceptionsFor(scenario)) {
    const occurrence = findOccurrences(analyzed, misconception.patterns).find(
      (candidate) =>
        !candidate.negated &&
        !isCounterfactual(analyzed, candidate) &&
        !deniesEffect(analyzed, candidate) &&
        !isConceded(analyzed, candidate) &&
        // "identity is what authorization policies match on": a noun phrase, not the claim.
        !(
          ATTRIBUTIVE.has(analyzed.tokens[candidate.end - 1]?.norm ?? '') &&
          NOUN_HEADS.has(analyzed.tokens[candidate.end]?.norm ?? '')
        ) &&
        (statesNegationHere(analyzed, candidate) || !hasNegationInside(analyzed, candidate)) &&
        !(
          misconception.unlessSentence &&
          misconception.unlessSentence.test(sentenceText(analyzed, candidate))
        ) &&
        (!misconception.onlySentence ||
          misconception.onlySentence.test(sentenceText(analyzed, candidate))),
    );
    if (occurrence)
      found.push({
        id: misconception.id,
        criterionId: misconception.criterionId,
        text: occurrence.text,
        ...(misconception.minor ? { minor: true } : {}),
      });
  }
  return found;
}

/** The crucial criterion a model-answer reversal withholds, if its clause carries one. */
function crucialCriterion(
  scenario: GradableScenario,
  reversal: ModelReversal,
  params: Readonly<ScoreParams>,
): string | undefined {
  return reversal.criterionIds.find(
    (id) =>
      (scenario.rubric.find((criterion) => criterion.id === id)?.weight ?? 0) >=
      params.crucialWeight,
  );
}

function gradeValidAttempt(
  scenario: GradableScenario,
  attempt: ValidAttempt,
  params: Readonly<ScoreParams>,
): GradeResult {
  return scoreFeatures(scenario, attempt, extractFeatures(scenario, attempt), params);
}

/** Turns features into the graded result under `params` (split out so calibration can reuse features). */
export function scoreFeatures(
  scenario: GradableScenario,
  attempt: ValidAttempt,
  features: GradeFeatures,
  params: Readonly<ScoreParams>,
): GradeResult {
  const { decision, wrongTurns, falseClaims } = features;
  // A clause of the model answer stated reversed: a crucial criterion it carries earns nothing
  // and counts as reversed; a clause with no crucial criterion costs `minorReversal`.
  const minorReversals: ModelReversal[] = [];
  /** Crucial criterion id → the learner's words that reverse it and why. */
  const reversedById = new Map<string, { text: string; because: string; fromAxis?: boolean }>();
  for (const reversal of features.modelReversals) {
    const id = crucialCriterion(scenario, reversal, params);
    if (id === undefined) minorReversals.push(reversal);
    else if (!reversedById.has(id))
      reversedById.set(id, {
        text: reversal.text,
        because: `which reverses this point of the expert answer (“${reversal.modelText}”)`,
      });
  }
  // The other side of a crucial criterion's stance ("keep the check on ztunnel" against "checks
  // move to the waypoint") reverses it.
  for (const reversal of features.stanceReversals)
    if (
      !reversedById.has(reversal.criterionId) &&
      (scenario.rubric.find((criterion) => criterion.id === reversal.criterionId)?.weight ?? 0) >=
        params.crucialWeight
    )
      reversedById.set(reversal.criterionId, {
        text: reversal.text,
        because: `which takes the opposite side of this point (“${reversal.concept}”)`,
        fromAxis: true,
      });
  // A false mesh claim about the very point a crucial criterion states reverses it.
  for (const { claim, criterionId } of features.centralClaims)
    if (
      !reversedById.has(criterionId) &&
      (scenario.rubric.find((criterion) => criterion.id === criterionId)?.weight ?? 0) >=
        params.centralClaimWeight
    )
      reversedById.set(criterionId, {
        text: claim.evidence,
        because: `which is false about the point this case turns on: ${claim.message}`,
      });
  // A mesh misconception about a crucial criterion's topic reverses it; about a minor one it
  // costs `minorReversal`, like a reversed minor clause of the model answer.
  for (const { id, criterionId, text, minor } of features.misconceptions) {
    const weight = scenario.rubric.find((criterion) => criterion.id === criterionId)?.weight ?? 0;
    if (minor === true || weight < params.crucialWeight) {
      minorReversals.push({
        text,
        modelText: id.replace(/-/g, ' '),
        signal: 'opposite',
        similarity: 1,
        criterionIds: [criterionId],
      });
      continue;
    }
    if (!reversedById.has(criterionId))
      reversedById.set(criterionId, {
        text,
        because: `a common misconception about this point (${id.replace(/-/g, ' ')})`,
      });
  }
  // A claim of the scenario's expert error catalogue: a crucial criterion it reverses earns
  // nothing (the reversed-point cap and penalty); a minor one costs `minorReversal`.
  for (const hit of features.errorClaims) {
    const weight =
      scenario.rubric.find((criterion) => criterion.id === hit.criterionId)?.weight ?? 0;
    if (weight < params.crucialWeight) {
      minorReversals.push({
        text: hit.text,
        modelText: hit.reason,
        signal: 'opposite',
        similarity: 1,
        criterionIds: [hit.criterionId],
      });
      continue;
    }
    if (!reversedById.has(hit.criterionId))
      reversedById.set(hit.criterionId, {
        text: hit.text,
        because: `which is wrong: ${hit.reason}`,
      });
  }
  // The right decision, then a wrong option's fix or cause asserted: the point it turns on is reversed.
  for (const claim of features.distractorClaims)
    if (!reversedById.has(claim.criterionId))
      reversedById.set(claim.criterionId, {
        text: claim.text,
        because: `which is what a wrong option claims (“${claim.claim}”)`,
      });
  // Wrong arithmetic about a crucial point reverses it; about a minor one it costs `minorReversal`.
  for (const error of features.arithmeticErrors) {
    const weight =
      scenario.rubric.find((criterion) => criterion.id === error.criterionId)?.weight ?? 0;
    if (weight < params.crucialWeight)
      minorReversals.push({
        text: error.text,
        modelText: error.reference ?? 'the arithmetic',
        signal: 'number',
        similarity: 1,
        criterionIds: [error.criterionId],
      });
    else if (!reversedById.has(error.criterionId))
      reversedById.set(error.criterionId, {
        text: error.text,
        because:
          error.kind === 'miscomputed'
            ? 'which does not compute'
            : error.kind === 'setting'
              ? 'a value an order of magnitude away from what the case calls for'
              : `which reaches another result from the case's numbers than the right formula (“${error.reference ?? ''}”)`,
      });
  }
  // The right diagnosis, then the change it calls for declined ("leave the weight where it is").
  for (const refusal of features.fixRefusals)
    if (!reversedById.has(refusal.criterionId))
      reversedById.set(refusal.criterionId, {
        text: refusal.text,
        because: 'which declines the change this case needs',
      });
  const outcomes = features.outcomes.map((outcome): CriterionOutcome => {
    const reversal = reversedById.get(outcome.result.id);
    if (!reversal || outcome.isReversed) return outcome;
    const criterion = scenario.rubric.find((entry) => entry.id === outcome.result.id);
    const { matched: _matched, appliedToCase: _applied, ...rest } = outcome.result;
    return {
      isReversed: true,
      result: {
        ...rest,
        status: 'missed',
        reversed: reversal.text,
        feedback:
          `You wrote “${reversal.text}”, ${reversal.because}. ${criterion?.missedFeedback ?? ''}`.trim(),
      },
    };
  });
  const criteria = outcomes.map((outcome) => outcome.result);

  const totalWeight = scenario.rubric.reduce((sum, criterion) => sum + criterion.weight, 0);
  const earned = outcomes.reduce((sum, outcome) => {
    const { status, appliedToCase, weight } = outcome.result;
    const credit =
      status !== 'hit'
        ? 0
        : outcome.listedOnly
          ? params.listedCredit
          : outcome.byDefinition
            ? params.definitionCredit
            : appliedToCase
              ? 1
              : params.unappliedCredit;
    return sum + credit * weight;
  }, 0);
  const reversals = outcomes.filter((outcome) => outcome.isReversed);
  // A reversal read only from a direction axis is the least certain signal: a softer ceiling.
  const axisOnly =
    reversals.length > 0 &&
    reversals.every(
      (outcome) =>
        !features.outcomes.find((entry) => entry.result.id === outcome.result.id)?.isReversed &&
        reversedById.get(outcome.result.id)?.fromAxis === true,
    );
  const reversedCap = axisOnly ? params.axisReversedCap : params.reversedCap;

  const penalties: Penalty[] = [];
  let wrongTurnTotal = 0;
  for (const wrongTurn of wrongTurns) {
    const points = Math.max(0, Math.min(params.wrongTurn, params.maxWrongTurn - wrongTurnTotal));
    wrongTurnTotal += points;
    penalties.push({
      id: `wrong-turn:${wrongTurn.id}`,
      kind: 'wrong-turn',
      points,
      reason: wrongTurn.feedback,
    });
  }
  for (const outcome of reversals) {
    penalties.push({
      id: `reversed:${outcome.result.id}`,
      kind: 'reversed-point',
      points: params.reversed,
      reason: `Reverses “${outcome.result.concept}” (“${outcome.result.reversed ?? ''}”).`,
    });
  }
  for (const reversal of minorReversals.slice(0, 2)) {
    penalties.push({
      id: `reversed-minor:${reversal.signal}:${minorReversals.indexOf(reversal)}`,
      kind: 'reversed-point',
      points: params.minorReversal,
      reason: `“${reversal.text}” reverses a point of the expert answer (“${reversal.modelText}”).`,
    });
  }
  for (const claim of falseClaims) {
    penalties.push({
      id: `false-claim:${claim.mesh}:${claim.capabilityId}`,
      kind: 'false-claim',
      points: params.falseClaim,
      reason: `${claim.message} (“${claim.evidence}”)`,
    });
  }
  if (features.contradiction) {
    penalties.push({
      id: 'contradiction',
      kind: 'contradiction',
      points: params.contradiction,
      reason: `${features.contradiction.reason} (“${features.contradiction.evidence}”)`,
    });
  }

  const decisionPoints = params.decision * decision.credit;
  const coveragePoints = totalWeight === 0 ? 0 : (params.coverage * earned) / totalWeight;
  // Grounding: cited case facts, or (for answers that argue every point, like a step-by-step
  // rollout) the share of the rubric covered, discounted by `coverageAsGrounding`.
  const coverageShare = totalWeight === 0 ? 0 : earned / totalWeight;
  const factPoints =
    params.caseFacts *
    Math.max(
      Math.min(
        1,
        (features.groundedFacts +
          params.ungroundedFactShare * (features.citedFacts - features.groundedFacts)) /
          Math.max(1, params.factsForFull),
      ),
      params.coverageAsGrounding * coverageShare,
    );
  const tradeOffPoints =
    features.tradeOffs === 0
      ? 0
      : features.tradeOffs === 1
        ? params.tradeOff * 0.6
        : params.tradeOff;
  const reasoningPoints =
    features.reasons === 0 ? 0 : features.reasons === 1 ? params.reasoning * 0.6 : params.reasoning;
  const penaltyPoints = penalties.reduce((sum, penalty) => sum + penalty.points, 0);
  const uncapped = clampScore(
    decisionPoints + coveragePoints + factPoints + tradeOffPoints + reasoningPoints - penaltyPoints,
  );

  const caps: ScoreCap[] = [];
  const hitCount = outcomes.filter((outcome) => outcome.result.status === 'hit').length;
  // An answer that argues only through negations ("no sidecars, no control plane") still talks
  // about the rubric: off-topic means it touches no criterion at all.
  const touchesRubric = criteria.some(
    (criterion) => criterion.negatedMention !== undefined || criterion.reversed !== undefined,
  );
  if (
    features.contentWords < params.minContentWords ||
    (hitCount === 0 &&
      ((features.citedFacts <= 1 && !touchesRubric) ||
        (features.citedFacts <= 3 && features.contentWords < 15))) ||
    features.restatesScenario
  ) {
    // A right decision with a line about the case ("The DENY blocks it. Fix the DENY.") is thin,
    // not empty: it keeps part of its credit. "?" or a copied question keeps none.
    const thin = decision.correct && features.thinOnTopic;
    const cap = thin ? params.thinRightCap : params.noArgumentCap;
    caps.push({
      reason: 'no-argument',
      cap,
      message: thin
        ? `The decision is right, but the answer barely argues it: explain why in a few sentences, with the case's facts. Score capped at ${cap}.`
        : `There is no argument to grade yet: explain the decision in a few sentences. Score capped at ${cap}.`,
    });
  }
  // Prose kinds only: a rollout's order and an estimate's number carry part of the argument.
  // A short answer with few concepts and no argument is thin; a longer one is name-dropping.
  if (features.arguedSentences === 0 && hitCount >= 2 && scenario.answer.type === 'choice') {
    const thin = features.analyzed.tokens.length <= params.thinWords && hitCount <= 3;
    const cap = thin ? params.thinCap : params.ungroundedCap;
    caps.push({
      reason: 'ungrounded',
      cap,
      message: `The answer names rubric concepts but never applies them to this case: no sentence ties a fact of the scenario to a reason ("because", "so", "which means", a number compared or computed). Score capped at ${cap}.`,
    });
  }
  // Any kind: a longer answer whose rubric hits all sit in sentences that argue nothing about the
  // case (named, never applied) is vocabulary; an order or a number it gets right is not enough.
  if (
    hitCount >= params.unappliedMinHits &&
    features.analyzed.tokens.length >= params.unappliedMinWords &&
    outcomes.every(
      (outcome) => outcome.result.status !== 'hit' || outcome.result.appliedToCase !== true,
    )
  ) {
    caps.push({
      reason: 'ungrounded',
      cap: params.unappliedCap,
      message: `The answer names ${hitCount} rubric concepts but ties none of them to this case's facts: say what each means for this system. Score capped at ${params.unappliedCap}.`,
    });
  }
  // "Show the arithmetic": an estimate that states its number and at most one other shows none.
  if (
    scenario.answer.type === 'number' &&
    /\b(?:show|explain)\b[^.]*\b(?:arithmetic|working|calculation|math)\b/i.test(
      scenario.question ?? '',
    ) &&
    distinctNumbers(features.analyzed) <= 1
  ) {
    caps.push({
      reason: 'ungrounded',
      cap: params.unshownArithmeticCap,
      message: `The question asks for the arithmetic, and the answer shows none: which numbers of the case give yours, and how? Score capped at ${params.unshownArithmeticCap}.`,
    });
  }
  if (decision.isWrong) {
    caps.push({
      reason: 'wrong-decision',
      cap: params.wrongDecisionCap,
      message: `A wrong decision caps the score at ${params.wrongDecisionCap}.`,
    });
  }
  if (!decision.isWrong && decision.credit < 1) {
    caps.push({
      reason: 'partial-decision',
      cap: params.partialDecisionCap,
      message: `The decision is only partly right (${attempt.type === 'order' ? 'some steps are out of order' : 'the number is outside the tolerance'}), which caps the score at ${params.partialDecisionCap}.`,
    });
  }
  if (features.isStuffed) {
    caps.push({
      reason: 'keyword-stuffing',
      cap: params.stuffingCap,
      message: `Reads as keyword stuffing (${features.stuffingReasons.join('; ')}): argue each point in sentences. Score capped at ${params.stuffingCap}.`,
    });
  }
  if (reversals.length > 0) {
    caps.push({
      reason: 'reversed-point',
      cap: reversedCap,
      message: `A crucial point is reversed, which caps the score at ${reversedCap}.`,
    });
  }
  if (features.arguedMisorder && reversals.length === 0) {
    caps.push({
      reason: 'reversed-point',
      cap: params.reversedCap,
      message: `“${features.arguedMisorder.text}” argues for a step on the wrong side of another: a reversed ordering point, which caps the score at ${params.reversedCap}.`,
    });
  }
  if (falseClaims.length > 0) {
    caps.push({
      reason: 'false-claim',
      cap: params.falseClaimCap,
      message: `A claim about a mesh is false, which caps the score at ${params.falseClaimCap}.`,
    });
  }
  if (features.overclaims.length > 0) {
    caps.push({
      reason: 'overclaim',
      cap: params.overclaimCap,
      message: `“${features.overclaims[0] ?? ''}” is an absolute claim: every mesh mechanism has a cost or a limit, so it reverses a trade-off. Score capped at ${params.overclaimCap}.`,
    });
  }
  if (features.isHedged) {
    caps.push({
      reason: 'hedged',
      cap: params.hedgedCap,
      message: `The answer hedges instead of committing to an argument ("might", "it depends", "either could work"). Score capped at ${params.hedgedCap}.`,
    });
  }

  let score: number;
  let binding: ScoreCap | undefined;
  let language: GradeResult['language'];
  if (!features.language.isEnglish) {
    // The grader reads English only: say so, and give a provisional score from the decision.
    score = decision.isWrong
      ? Math.min(params.wrongDecisionCap, uncapped)
      : Math.round(params.foreignRightDecision * decision.credit);
    language = {
      language: features.language.language,
      message: `Your justification looks like ${features.language.language}. The rubric grader reads English only, so this score is provisional: it reflects your decision, not your reasoning. Write the justification in English for full feedback${''}.`,
    };
  } else {
    binding = caps.filter((cap) => cap.cap < uncapped).sort((a, b) => a.cap - b.cap)[0];
    score = binding ? binding.cap : uncapped;
  }
  const prediction = gradePrediction(scenario, attempt.prediction);

  const missed = criteria
    .filter((criterion) => criterion.status === 'missed')
    .map((criterion) => criterion.concept);
  const summaryParts = [
    `${score}/100.`,
    decision.correct
      ? 'Decision right.'
      : decision.isWrong
        ? 'Decision wrong.'
        : 'Decision partly right.',
    `Named ${criteria.length - missed.length} of ${criteria.length} concepts${missed.length > 0 ? ` (missed: ${missed.join(', ')})` : ''}.`,
    `${features.tradeOffs} trade-off${features.tradeOffs === 1 ? '' : 's'} named.`,
  ];
  if (language) summaryParts.push(language.message);
  if (wrongTurns.length > 0)
    summaryParts.push(`Wrong turns: ${wrongTurns.map((turn) => turn.id).join(', ')}.`);
  if (reversals.length > 0)
    summaryParts.push(
      `Reversed: ${reversals.map((outcome) => outcome.result.concept).join(', ')}.`,
    );
  if (falseClaims.length > 0) summaryParts.push(`False claims: ${falseClaims.length}.`);
  if (features.contradiction) summaryParts.push('The justification contradicts the decision.');
  for (const cap of caps)
    if (cap === binding || cap.reason === 'keyword-stuffing') summaryParts.push(cap.message);

  const result: GradeResult = {
    score,
    maxScore: 100,
    decision: { correct: decision.correct, credit: decision.credit, feedback: decision.feedback },
    criteria,
    wrongTurns,
    penalties,
    tradeOffsNamed: features.tradeOffs,
    breakdown: {
      decision: round1(decisionPoints),
      coverage: round1(coveragePoints),
      tradeOffs: round1(tradeOffPoints),
      reasoning: round1(reasoningPoints),
      penalties: penaltyPoints,
      uncapped,
      caseFacts: round1(factPoints),
    },
    summary: summaryParts.join(' '),
    caseFactsCited: features.citedFacts,
    hedged: features.isHedged,
    gradedBy: 'rubric',
  };
  if (falseClaims.length > 0) result.falseClaims = falseClaims;
  if (language) result.language = language;
  const reported = binding ?? caps.find((cap) => cap.reason === 'keyword-stuffing');
  if (reported && !language) result.capApplied = reported;
  if (prediction) result.prediction = prediction;
  return result;
}

/** Distinct numeric values the answer states ("L7", "p99" are names, not numbers). */
function distinctNumbers(analyzed: AnalyzedText): number {
  const values = new Set<number>();
  for (const token of analyzed.tokens)
    if (/^\d/.test(token.norm)) {
      const value = Number.parseFloat(token.norm.replace(/,/g, ''));
      if (Number.isFinite(value)) values.add(value);
    }
  return values.size;
}

const NOTATION = /→|⇒|->|=>|=|×|≈|<|>|\^|\+/g;

/** Arrows, equals signs and operators: the notation of a terse, worked answer. */
function countNotation(text: string): number {
  return text.match(NOTATION)?.length ?? 0;
}

/** The text with the rubric's own phrases blanked out (what the learner wrote around them). */
function ownText(analyzed: AnalyzedText, mentioned: readonly PhraseOccurrence[]): string {
  const chars = analyzed.text.split('');
  for (const occurrence of mentioned) {
    const from = analyzed.tokens[occurrence.start]?.start ?? 0;
    const to = analyzed.tokens[occurrence.end - 1]?.end ?? from;
    for (let i = from; i < to; i += 1) chars[i] = ' ';
  }
  return chars.join('');
}

const SEQUENCE_WORDS = new Set(['then', 'first', 'next', 'finally', 'last', 'afterwards']);

function countSequenceWords(analyzed: AnalyzedText): number {
  return analyzed.tokens.filter((token) => SEQUENCE_WORDS.has(token.norm)).length;
}

const clampScore = (value: number) => Math.max(0, Math.min(100, Math.round(value)));
const round1 = (value: number) => Math.round(value * 10) / 10;
