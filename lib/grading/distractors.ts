// Distractor claims: a choice scenario's wrong options are claims the case rules out ("scale it
// out and raise its HPA limit", "delete the connectionPool settings"). An answer that picks the
// right option and then asserts a wrong option's claim (its diagnosis or its fix) reverses a
// point: the right diagnosis with the wrong fix, or a false cause. Read per clause from the
// option labels themselves (no per-scenario words). Pure; the labels' analysis is cached per
// scenario object.
import { expandRubric } from './concepts';
import { cachedLemmaOffsets } from './lemmas';
import { findOccurrences } from './match';
import { unitsOf, type Unit } from './model-reversal';
import { analyzeText, type AnalyzedText } from './text';
import type { GradableScenario } from './types';

/** One answer clause that asserts what a wrong option claims. */
export type DistractorClaim = {
  /** The learner's words. */
  text: string;
  optionId: string;
  /** The part of the wrong option's label it asserts. */
  claim: string;
  /** The fix action and the claim's object words the clause states. */
  shared: string[];
  /** The criterion it reverses: the heaviest one the correct option's label names (else the heaviest). */
  criterionId: string;
};

/** Thresholds (calibrated on the tune split). */
export const DISTRACTOR = {
  /** Object words of the claim (not in a correct option's label) the answer clause must state. */
  minShared: 2,
  /** Words of the correct option's fix that, affirmed, make the wrong fix an addition, not the plan. */
  minCorrectFix: 2,
  /** Distinctive words (not in a correct label) a wrong option needs, and a clause must share, to be a content claim. */
  minContent: 3,
};

/**
 * Words that make a clause something other than the learner's own assertion: a condition, a
 * counterfactual, a rejected alternative or an attribution ("if we scaled", "scaling would only",
 * "instead of deleting", "the on-call thought").
 */
const NOT_ASSERTED = new Set(
  (
    'if would could might may instead rather unless whether tempting tempt temptation seem seems ' +
    'seemed looks looked thought think assume assumed assumption guess guessed suspect hypothesis ' +
    'wrong mistake myth false tried ruled either'
  ).split(' '),
);

/**
 * Fix actions, by lemma stem: a wrong option's fix is an action on an object ("delete the
 * connectionPool settings", "scale it out", "restart istiod", "disable mTLS for it").
 */
const ACTIONS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['remove', ['remov', 'remove', 'delete', 'drop', 'disable', 'strip', 'uninstall']],
  ['add', ['add', 'enable', 'install', 'introduce']],
  ['raise', ['raise', 'increase', 'bump', 'higher', 'grow']],
  ['lower', ['lower', 'reduce', 'decrease', 'cut', 'shorten']],
  ['scale', ['scale', 'scal', 'replica', 'scaling']],
  ['restart', ['restart', 'reboot', 'bounce', 'redeploy', 'recreate']],
];
const ACTION_OF = new Map<string, string>(
  ACTIONS.flatMap(([action, words]) => words.map((word) => [word, action] as const)),
);
/** Words too common in the mesh to identify what a claim is about. */
const GENERIC = new Set(
  (
    'servic service mesh need every all one traffic request call callers caller problem thing way fix ' +
    'issue it load now go away justify simply just only new'
  ).split(' '),
);

type Claim = {
  optionId: string;
  text: string;
  actions: Set<string>;
  objects: Set<string>;
  /** Object words the answer clause must share (wrong turns name their object precisely). */
  minShared: number;
  /** A claim of content (no fix action): the option's distinctive words stated together. */
  isContent?: boolean;
};
type ClaimIndex = {
  claims: Claim[];
  /** The criterion a distractor claim reverses. */
  criterionId: string;
  /** Object words of the correct option's fix (after its ":" or ";"). */
  correctFix: Set<string>;
};
const cache = new WeakMap<GradableScenario, ClaimIndex>();

/** Actions and the object words of a clause ("delete" → remove; "connectionpool", "setting"). */
function readClause(
  analyzed: AnalyzedText,
  unit: Unit,
): { actions: Set<string>; words: Set<string> } {
  const actions = new Set<string>();
  const words = new Set<string>();
  for (let i = unit.start; i < unit.end; i += 1) {
    const token = analyzed.tokens[i];
    if (!token) continue;
    const lemma = token.lemmaStem || token.stem;
    // "add-on" is a noun, not an action.
    if (token.norm === 'add' && analyzed.tokens[i + 1]?.norm === 'on') continue;
    // A gerund describes ("lowering it to 1 just makes it hit the cap"), it does not prescribe.
    const action = token.norm.endsWith('ing')
      ? undefined
      : (ACTION_OF.get(lemma) ?? ACTION_OF.get(token.norm));
    if (action) actions.add(action);
    // Particle verbs: "take X out", "rip X out", "turn X off" remove; "turn X on" adds.
    if (token.norm === 'out' || token.norm === 'off' || token.norm === 'on')
      for (let j = i - 1; j >= Math.max(unit.start, i - 5); j -= 1) {
        const verb = analyzed.tokens[j]?.norm ?? '';
        if (
          ['take', 'takes', 'taking', 'took', 'rip', 'turn', 'turns', 'switch', 'strip'].includes(
            verb,
          )
        )
          actions.add(token.norm === 'on' ? 'add' : 'remove');
      }
  }
  for (const word of unit.content) if (!GENERIC.has(word) && !ACTION_OF.has(word)) words.add(word);
  return { actions, words };
}

/** Each wrong option's fix (an action on an object), minus the correct labels' words. */
function distractorClaims(scenario: GradableScenario): ClaimIndex {
  const known = cache.get(scenario);
  if (known) return known;
  const claims: Claim[] = [];
  const { answer } = scenario;
  const expanded = expandRubric(scenario).criteria;
  const byWeight = [...expanded].sort((a, b) => b.criterion.weight - a.criterion.weight);
  let criterionId = byWeight[0]?.criterion.id ?? '';
  const correctFix = new Set<string>();
  if (answer.type === 'choice') {
    const correct = new Set<string>();
    for (const option of answer.options)
      if (answer.correct.includes(option.id)) {
        const analyzed = analyzeText(option.label, cachedLemmaOffsets);
        const named = byWeight.find((criterion) =>
          findOccurrences(analyzed, criterion.phrases).some((found) => !found.negated),
        );
        if (named) criterionId = named.criterion.id;
        for (const unit of unitsOf(analyzed)) {
          const { words } = readClause(analyzed, unit);
          for (const word of words) correct.add(word);
        }
        const parts = option.label.split(/[:;]/);
        const fix = parts.length > 1 ? parts[parts.length - 1] : undefined;
        if (fix) {
          const fixText = analyzeText(fix, cachedLemmaOffsets);
          for (const unit of unitsOf(fixText))
            for (const word of readClause(fixText, unit).words) correctFix.add(word);
        }
      }
    for (const option of answer.options) {
      if (answer.correct.includes(option.id)) continue;
      const analyzed = analyzeText(option.label, cachedLemmaOffsets);
      const actions = new Set<string>();
      const objects = new Set<string>();
      for (const unit of unitsOf(analyzed)) {
        const read = readClause(analyzed, unit);
        for (const action of read.actions) actions.add(action);
        for (const word of read.words) if (!correct.has(word)) objects.add(word);
      }
      if (actions.size > 0 && objects.size >= DISTRACTOR.minShared)
        claims.push({
          optionId: option.id,
          text: option.label.trim(),
          actions,
          objects,
          minShared: DISTRACTOR.minShared,
        });
      // Without a fix action the option's own content is the claim ("start with STRICT mTLS and
      // authorization everywhere in week one"): most of its distinctive words in one clause.
      else if (objects.size >= DISTRACTOR.minContent)
        claims.push({
          optionId: option.id,
          text: option.label.trim(),
          actions: new Set(),
          objects,
          minShared: Math.max(DISTRACTOR.minContent, Math.ceil(objects.size * 0.6)),
          isContent: true,
        });
    }
    // A wrong turn is a fix the case rules out too: its phrases ("delete the deny") and the
    // gerund that opens its feedback ("Deleting the guardrail removes protection …") give the
    // action and its object. Only an action the correct option does not prescribe.
    const correctActions = new Set<string>();
    for (const option of answer.options)
      if (answer.correct.includes(option.id)) {
        const analyzed = analyzeText(option.label, cachedLemmaOffsets);
        for (const unit of unitsOf(analyzed))
          for (const action of readClause(analyzed, unit).actions) correctActions.add(action);
      }
    for (const wrongTurn of scenario.wrongTurns) {
      // The gerund and its object ("Deleting the guardrail"), not what the sentence says follows.
      const opening = /^\w+ing(?:\s+[\w-]+){1,2}/.exec(wrongTurn.feedback.trim())?.[0];
      const text = [...wrongTurn.phrases, ...(opening ? [opening] : [])].join('. ');
      const analyzed = analyzeText(text, cachedLemmaOffsets);
      const actions = new Set<string>();
      const objects = new Set<string>();
      for (const unit of unitsOf(analyzed)) {
        const read = readClause(analyzed, unit);
        for (const action of read.actions) if (!correctActions.has(action)) actions.add(action);
        for (const word of read.words) if (!correct.has(word)) objects.add(word);
      }
      // The gerund opening states the action too ("Deleting …").
      const gerund = opening ? /^(\w+)ing\b/.exec(opening)?.[1]?.toLowerCase() : undefined;
      for (const stem of gerund ? [gerund, `${gerund}e`] : []) {
        const action = ACTION_OF.get(stem);
        if (action && !correctActions.has(action)) actions.add(action);
      }
      if (actions.size > 0 && objects.size > 0)
        claims.push({
          optionId: `wrong-turn:${wrongTurn.id}`,
          text: wrongTurn.phrases[0] ?? wrongTurn.id,
          actions,
          objects,
          minShared: 1,
        });
    }
  }
  const index = { claims, criterionId, correctFix };
  cache.set(scenario, index);
  return index;
}

function isAsserted(analyzed: AnalyzedText, unit: Unit): boolean {
  if (unit.cues > 0) return false;
  for (let i = unit.start; i < unit.end; i += 1) {
    const token = analyzed.tokens[i];
    if (!token) continue;
    if (token.negationDepth > 0) return false;
    if (NOT_ASSERTED.has(token.norm)) return false;
  }
  return true;
}

/** Words that place a step later or make it depend on another: not the option's "first". */
const DEFERRING = new Set(
  'later after afterwards then next eventually once until finally last second third phase'.split(
    ' ',
  ),
);

function unitHas(analyzed: AnalyzedText, unit: Unit, norm: string): boolean {
  for (let i = unit.start; i < unit.end; i += 1) if (analyzed.tokens[i]?.norm === norm) return true;
  return false;
}

function deferred(analyzed: AnalyzedText, unit: Unit): boolean {
  for (let i = unit.start; i < unit.end; i += 1)
    if (DEFERRING.has(analyzed.tokens[i]?.norm ?? '')) return true;
  return false;
}

let enabled = true;

/** Calibration only: turns the distractor-claim detector off or on. */
export function setDistractorClaims(on: boolean): void {
  enabled = on;
}

/** Answer clauses that assert a wrong option's claim (at most one per option). */
export function findDistractorClaims(
  analyzed: AnalyzedText,
  scenario: GradableScenario,
): DistractorClaim[] {
  if (!enabled) return [];
  const { claims, criterionId, correctFix } = distractorClaims(scenario);
  if (claims.length === 0) return [];
  const found = new Map<string, DistractorClaim>();
  const units = unitsOf(analyzed).filter((unit) => isAsserted(analyzed, unit));
  // The answer also prescribes the correct option's fix: a wrong option's remedy beside it is an
  // addition ("and add outlier detection as a safety net"), not the plan.
  const fixWords = new Set<string>();
  for (const unit of units)
    for (const word of readClause(analyzed, unit).words)
      if (correctFix.has(word)) fixWords.add(word);
  const prescribesCorrectFix = fixWords.size >= DISTRACTOR.minCorrectFix;
  for (const unit of units) {
    // "Deleting the guardrail removes protection …": a gerund subject weighs the idea.
    if (analyzed.tokens[unit.start]?.norm.endsWith('ing')) continue;
    const read = readClause(analyzed, unit);
    const defers = deferred(analyzed, unit);
    const restricted = unitHas(analyzed, unit, 'only');
    for (const claim of claims) {
      if (found.has(claim.optionId)) continue;
      const shared = [...claim.objects].filter((word) => read.words.has(word));
      if (shared.length < claim.minShared) continue;
      let action: string | undefined;
      if (claim.isContent) {
        // "STRICT and authorization come later": the option's content, put where it belongs.
        if (defers) continue;
      } else {
        // "More replicas only delay exhaustion" weighs a wrong turn, it does not prescribe it.
        if (restricted && claim.optionId.startsWith('wrong-turn:')) continue;
        action = [...claim.actions].find((entry) => read.actions.has(entry));
        if (!action || prescribesCorrectFix) continue;
      }
      found.set(claim.optionId, {
        text: unit.text,
        optionId: claim.optionId,
        claim: claim.text,
        shared: action ? [action, ...shared] : shared,
        criterionId,
      });
    }
  }
  return [...found.values()];
}
