// The rubric grader: decision + concept coverage (negation-aware) + named trade-offs, minus
// wrong turns and contradictions, capped for wrong decisions and keyword stuffing. Pure.
import { validateAttempt, type ValidAttempt } from './answer-input';
import { findContradiction } from './consistency';
import { scoreChoice, scoreNumber, scoreOrder, type DecisionOutcome } from './decision';
import {
  compilePhrases,
  findOccurrences,
  type CompiledPhrase,
  type PhraseOccurrence,
} from './match';
import { detectStuffing, type ConceptOccurrence } from './stuffing';
import { lemmaOffsets } from './lemmas';
import { analyzeText, type AnalyzedText } from './text';
import type {
  CriterionResult,
  GradableScenario,
  GradeResult,
  Penalty,
  PredictionResult,
  ScoreCap,
  WrongTurnResult,
} from './types';

/** Points for the decision (choice, order or number). */
export const DECISION_POINTS = 30;
/** Points for rubric coverage, shared by weight: 55 × hit weight / total weight. */
export const COVERAGE_POINTS = 55;
/** Points for named trade-offs: 6 for one, 10 for two or more. */
export const TRADE_OFF_POINTS = 10;
/** Points for stated reasons (a causal connective next to a named concept): 3 for one, 5 for two or more. */
export const REASONING_POINTS = 5;
/** Deduction per detected wrong turn, and the most all wrong turns together can deduct. */
export const WRONG_TURN_PENALTY = 10;
export const MAX_WRONG_TURN_PENALTY = 30;
/** Deduction when the justification argues for a different decision than the one chosen. */
export const CONTRADICTION_PENALTY = 25;
/** Ceiling of the total when the decision is wrong. */
export const WRONG_DECISION_CAP = 40;
/** Ceiling of the total when the justification is keyword stuffing. */
export const KEYWORD_STUFFING_CAP = 45;

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
  'on the other hand',
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
export function gradeAttempt(input: { scenario: GradableScenario; answer: unknown }): GradeResult {
  const validation = validateAttempt(input.scenario, input.answer);
  if (!validation.ok) throw new GradingInputError(validation.message, validation.fieldErrors);
  return gradeValidAttempt(input.scenario, validation.attempt);
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
  return { ok: true, result: gradeValidAttempt(input.scenario, validation.attempt) };
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

function gradeCriteria(scenario: GradableScenario, analyzed: AnalyzedText) {
  const results: CriterionResult[] = [];
  const hits: ConceptOccurrence[] = [];
  const mentioned: PhraseOccurrence[] = [];
  for (const criterion of scenario.rubric) {
    const occurrences = findOccurrences(analyzed, compilePhrases(criterion.phrases));
    mentioned.push(...occurrences);
    const affirmed = occurrences.filter((occurrence) => !occurrence.negated);
    const denied = occurrences.find((occurrence) => occurrence.negated);
    for (const occurrence of affirmed) hits.push({ conceptId: criterion.id, occurrence });
    const base = {
      id: criterion.id,
      concept: criterion.concept,
      weight: criterion.weight,
      lessonId: criterion.lessonId,
    };
    const first = affirmed[0];
    if (first) {
      results.push({
        ...base,
        status: 'hit',
        matched: first.text,
        feedback: `Named: ${criterion.concept} (“${first.text}”).`,
      });
    } else if (denied) {
      results.push({
        ...base,
        status: 'missed',
        negatedMention: denied.text,
        feedback: `You mentioned “${denied.text}” only in a negated way, which does not count as naming it. ${criterion.missedFeedback}`,
      });
    } else {
      results.push({ ...base, status: 'missed', feedback: criterion.missedFeedback });
    }
  }
  return { results, hits, mentioned };
}

function gradeWrongTurns(scenario: GradableScenario, analyzed: AnalyzedText): WrongTurnResult[] {
  const detected: WrongTurnResult[] = [];
  for (const wrongTurn of scenario.wrongTurns) {
    const occurrence = findOccurrences(analyzed, compilePhrases(wrongTurn.phrases)).find(
      (found) => !found.negated,
    );
    if (occurrence)
      detected.push({ id: wrongTurn.id, feedback: wrongTurn.feedback, matched: occurrence.text });
  }
  return detected;
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

function gradeValidAttempt(scenario: GradableScenario, attempt: ValidAttempt): GradeResult {
  const analyzed = analyzeText(attempt.justification, lemmaOffsets);
  const decision = scoreDecision(scenario, attempt);
  const { results: criteria, hits, mentioned } = gradeCriteria(scenario, analyzed);
  const wrongTurns = gradeWrongTurns(scenario, analyzed);
  const stuffing = detectStuffing(analyzed, hits, mentioned);

  const totalWeight = scenario.rubric.reduce((sum, criterion) => sum + criterion.weight, 0);
  const hitWeight = criteria
    .filter((criterion) => criterion.status === 'hit')
    .reduce((sum, criterion) => sum + criterion.weight, 0);
  const tradeOffsNamed = stuffing.isStuffed
    ? 0
    : countMarkedSentences(analyzed, hits, TRADE_OFF_MARKERS);
  const reasonsGiven = stuffing.isStuffed
    ? 0
    : countMarkedSentences(analyzed, hits, REASON_MARKERS);

  const penalties: Penalty[] = [];
  let wrongTurnTotal = 0;
  for (const wrongTurn of wrongTurns) {
    const points = Math.min(WRONG_TURN_PENALTY, MAX_WRONG_TURN_PENALTY - wrongTurnTotal);
    wrongTurnTotal += points;
    penalties.push({
      id: `wrong-turn:${wrongTurn.id}`,
      kind: 'wrong-turn',
      points,
      reason: wrongTurn.feedback,
    });
  }
  if (attempt.type === 'choice' && scenario.answer.type === 'choice') {
    const contradiction = findContradiction(analyzed, scenario.answer.options, attempt.decision);
    if (contradiction) {
      penalties.push({
        id: 'contradiction',
        kind: 'contradiction',
        points: CONTRADICTION_PENALTY,
        reason: `${contradiction.reason} (“${contradiction.evidence}”)`,
      });
    }
  }

  const decisionPoints = DECISION_POINTS * decision.credit;
  const coveragePoints = totalWeight === 0 ? 0 : (COVERAGE_POINTS * hitWeight) / totalWeight;
  const tradeOffPoints = tradeOffsNamed === 0 ? 0 : tradeOffsNamed === 1 ? 6 : TRADE_OFF_POINTS;
  const reasoningPoints = reasonsGiven === 0 ? 0 : reasonsGiven === 1 ? 3 : REASONING_POINTS;
  const penaltyPoints = penalties.reduce((sum, penalty) => sum + penalty.points, 0);
  const uncapped = Math.max(
    0,
    Math.min(
      100,
      Math.round(
        decisionPoints + coveragePoints + tradeOffPoints + reasoningPoints - penaltyPoints,
      ),
    ),
  );

  const caps: ScoreCap[] = [];
  if (decision.isWrong) {
    caps.push({
      reason: 'wrong-decision',
      cap: WRONG_DECISION_CAP,
      message: `A wrong decision caps the score at ${WRONG_DECISION_CAP}.`,
    });
  }
  if (stuffing.isStuffed) {
    caps.push({
      reason: 'keyword-stuffing',
      cap: KEYWORD_STUFFING_CAP,
      message: `Reads as keyword stuffing (${stuffing.reasons.join('; ')}): argue each point in sentences. Score capped at ${KEYWORD_STUFFING_CAP}.`,
    });
  }
  const binding = caps.filter((cap) => cap.cap < uncapped).sort((a, b) => a.cap - b.cap)[0];
  const score = binding ? binding.cap : uncapped;
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
    `${tradeOffsNamed} trade-off${tradeOffsNamed === 1 ? '' : 's'} named.`,
  ];
  if (wrongTurns.length > 0)
    summaryParts.push(`Wrong turns: ${wrongTurns.map((turn) => turn.id).join(', ')}.`);
  if (penalties.some((penalty) => penalty.kind === 'contradiction'))
    summaryParts.push('The justification contradicts the decision.');
  for (const cap of caps)
    if (cap === binding || cap.reason === 'keyword-stuffing') summaryParts.push(cap.message);

  const result: GradeResult = {
    score,
    maxScore: 100,
    decision: { correct: decision.correct, credit: decision.credit, feedback: decision.feedback },
    criteria,
    wrongTurns,
    penalties,
    tradeOffsNamed,
    breakdown: {
      decision: round1(decisionPoints),
      coverage: round1(coveragePoints),
      tradeOffs: tradeOffPoints,
      reasoning: reasoningPoints,
      penalties: penaltyPoints,
      uncapped,
    },
    summary: summaryParts.join(' '),
  };
  const reported = binding ?? caps.find((cap) => cap.reason === 'keyword-stuffing');
  if (reported) result.capApplied = reported;
  if (prediction) result.prediction = prediction;
  return result;
}

const round1 = (value: number) => Math.round(value * 10) / 10;
