// Structural input/output types of the rubric grader. lib/content's zod schema produces
// values assignable to `GradableScenario`; the grader never imports lib/content (pure core).

/** Scenario kinds; justify / choose / diagnose answer with a choice, rollout with an order, estimate with a number. */
export type ScenarioKind = 'justify' | 'choose' | 'rollout' | 'diagnose' | 'estimate';

/** A selectable option (choice answers, rollout steps, prediction options). */
export type GradableOption = { readonly id: string; readonly label: string };

/** Choice answer: the learner picks one option; any id in `correct` is accepted. */
export type ChoiceAnswerSpec = {
  readonly type: 'choice';
  readonly options: readonly GradableOption[];
  readonly correct: readonly string[];
};

/** Order answer: the learner orders every item; `correct` is the expected order of item ids. */
export type OrderAnswerSpec = {
  readonly type: 'order';
  readonly items: readonly GradableOption[];
  readonly correct: readonly string[];
};

/** Number answer: correct within a relative `tolerance` (0.15 = ±15 %) of `correct`, in `unit`. */
export type NumberAnswerSpec = {
  readonly type: 'number';
  readonly unit: string;
  readonly correct: number;
  readonly tolerance: number;
};

/** The answer format of a scenario. */
export type AnswerSpec = ChoiceAnswerSpec | OrderAnswerSpec | NumberAnswerSpec;

/** A concept a strong justification names; weight 1..3. */
export type RubricCriterion = {
  readonly id: string;
  readonly concept: string;
  readonly weight: number;
  readonly phrases: readonly string[];
  readonly lessonId: string;
  readonly missedFeedback: string;
};

/** A common mistake detected by phrases; detected wrong turns cost points. */
export type WrongTurn = {
  readonly id: string;
  readonly phrases: readonly string[];
  readonly feedback: string;
};

/** The prediction asked before running the simulator preset. */
export type PredictionSpec = {
  readonly prompt: string;
  readonly options: readonly GradableOption[];
  readonly correct: string;
  readonly explanation: string;
};

/** What an error-catalogue claim gets wrong (content/service-mesh/error-catalogue). */
export type ErrorClaimKind =
  | 'reversed-stance'
  | 'wrong-mechanism'
  | 'wrong-fix'
  | 'wrong-order'
  | 'wrong-number'
  | 'wrong-mesh'
  | 'free-lunch';

/**
 * One confident wrong claim about a scenario, written by an expert: subject / relation / object
 * groups (match.ts syntax, read as `subject ~ relation ~ object`) and/or paraphrase patterns.
 * `polarity` reads the statement: `affirmed`, stating it is the error; `denied`, denying it is
 * (the groups state a fact). `also` patterns are wrong as written.
 */
export type ErrorClaim = {
  readonly id: string;
  /** The rubric criterion the claim reverses. */
  readonly criterion: string;
  readonly kind: ErrorClaimKind;
  readonly polarity: 'affirmed' | 'denied';
  readonly subject?: string | undefined;
  readonly relation?: string | undefined;
  readonly object?: string | undefined;
  readonly also: readonly string[];
  readonly reason: string;
  readonly source?: string | undefined;
};

/** Everything the grader needs from a scenario. */
export type GradableScenario = {
  readonly id: string;
  readonly kind: ScenarioKind;
  readonly answer: AnswerSpec;
  readonly why: string;
  /** The case text (markdown); its numbers and names are the facts an answer should apply. */
  readonly context?: string | undefined;
  readonly question?: string | undefined;
  readonly rubric: readonly RubricCriterion[];
  readonly wrongTurns: readonly WrongTurn[];
  /** The expert answers; the grader aligns an answer's clauses with them to catch reversed points. */
  readonly modelAnswer?:
    { readonly senior: string; readonly junior?: string | undefined } | undefined;
  readonly simulator?:
    { readonly presetId: string; readonly prediction?: PredictionSpec | undefined } | undefined;
  /** The scenario's expert error catalogue: wrong claims that reverse a criterion (error-claims.ts). */
  readonly errorClaims?: readonly ErrorClaim[] | undefined;
};

/** The learner's submission: option id (choice), ordered ids (order) or a number (number). */
export type AttemptAnswer = {
  decision: string | readonly string[] | number;
  justification: string;
  prediction?: string | undefined;
};

/** Per-criterion result; `matched` is the learner's own words that named the concept. */
export type CriterionResult = {
  id: string;
  concept: string;
  weight: number;
  status: 'hit' | 'missed';
  matched?: string;
  /** Set when the concept was only mentioned in a negated clause ("without authorization"). */
  negatedMention?: string;
  /** Set when the answer states the reverse of this point ("all namespaces at once"); the learner's words. */
  reversed?: string;
  /** False when the concept was named but not tied to any fact of this case (partial credit). */
  appliedToCase?: boolean;
  lessonId: string;
  feedback: string;
};

/** A detected wrong turn with its feedback. */
export type WrongTurnResult = { id: string; feedback: string; matched: string };

/** A deduction from the score (points are positive numbers subtracted). */
export type Penalty = {
  id: string;
  kind: 'wrong-turn' | 'contradiction' | 'keyword-stuffing' | 'reversed-point' | 'false-claim';
  points: number;
  reason: string;
};

/** A ceiling applied to the total. */
export type ScoreCap = {
  reason:
    | 'wrong-decision'
    | 'keyword-stuffing'
    | 'reversed-point'
    | 'false-claim'
    | 'hedged'
    | 'no-argument'
    | 'overclaim'
    | 'ungrounded'
    | 'partial-decision';
  cap: number;
  message: string;
};

/** Decision part of the result; `credit` is the share of decision points earned (0..1). */
export type DecisionResult = { correct: boolean; credit: number; feedback: string };

/** Prediction part of the result (not scored, reported for feedback and mistake cards). */
export type PredictionResult = {
  answered: boolean;
  correct: boolean;
  expected: string;
  feedback: string;
};

/** Points per component before penalties and caps (each already scaled to its maximum). */
export type ScoreBreakdown = {
  decision: number;
  coverage: number;
  tradeOffs: number;
  reasoning: number;
  penalties: number;
  uncapped: number;
  /** Points for citing the case's own facts (numbers, names, specifics). */
  caseFacts: number;
};

/** A claim about a mesh that the fact base contradicts. */
export type FalseClaimResult = {
  mesh: string;
  capabilityId: string;
  evidence: string;
  message: string;
};

/** Language notice: set when the justification is not in English (the grader reads English). */
export type LanguageNotice = { language: string; message: string };

/** Who produced the score: the deterministic rubric grader or the optional model judge. */
export type GradedBy = 'rubric' | 'model';

/** Full grading result; `score` is an integer 0..100. */
export type GradeResult = {
  score: number;
  maxScore: 100;
  decision: DecisionResult;
  criteria: CriterionResult[];
  wrongTurns: WrongTurnResult[];
  penalties: Penalty[];
  tradeOffsNamed: number;
  capApplied?: ScoreCap;
  prediction?: PredictionResult;
  breakdown: ScoreBreakdown;
  summary: string;
  /** Claims about meshes that contradict the fact base. */
  falseClaims?: FalseClaimResult[];
  /** Distinct facts of the case the justification cites. */
  caseFactsCited?: number;
  /** True when most of the justification hedges instead of committing to an argument. */
  hedged?: boolean;
  language?: LanguageNotice;
  gradedBy?: GradedBy;
  /** Set when the model judge was asked but the rubric grader's score was kept (timeout, bad output). */
  judgeNote?: string;
};
