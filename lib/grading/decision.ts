// Decision scoring per answer type: choice (exact), order (pairwise agreement), number
// (relative tolerance). Pure.
import type {
  AnswerSpec,
  ChoiceAnswerSpec,
  DecisionResult,
  GradableOption,
  NumberAnswerSpec,
  OrderAnswerSpec,
} from './types';

/** The correct decision in the form an attempt holds: the first correct option, the order, the number. */
export function correctDecisionOf(answer: AnswerSpec): string | string[] | number {
  if (answer.type === 'choice') return answer.correct[0] ?? '';
  if (answer.type === 'order') return [...answer.correct];
  return answer.correct;
}

/** Decision result plus whether the wrong-decision cap applies. */
export type DecisionOutcome = DecisionResult & { isWrong: boolean };

const labelOf = (options: readonly GradableOption[], id: string) =>
  options.find((option) => option.id === id)?.label ?? id;

/** Choice: credit 1 when the chosen id is among the correct ids, else 0 (wrong). */
export function scoreChoice(spec: ChoiceAnswerSpec, chosen: string, why: string): DecisionOutcome {
  const correct = spec.correct.includes(chosen);
  const expected = spec.correct.map((id) => `"${labelOf(spec.options, id)}"`).join(' or ');
  return correct
    ? {
        correct: true,
        credit: 1,
        isWrong: false,
        feedback: `Right decision: "${labelOf(spec.options, chosen)}". ${why}`,
      }
    : {
        correct: false,
        credit: 0,
        isWrong: true,
        feedback: `You chose "${labelOf(spec.options, chosen)}"; the expected decision is ${expected}. ${why}`,
      };
}

/**
 * Share of item pairs in the same relative order as the expected order (Kendall: agreement = (τ + 1) / 2).
 * Returns 1 for identical orders, 0 for a reversed order.
 */
export function pairwiseAgreement(expected: readonly string[], given: readonly string[]): number {
  const position = new Map(given.map((id, index) => [id, index]));
  let concordant = 0;
  let pairs = 0;
  for (let i = 0; i < expected.length; i += 1) {
    for (let j = i + 1; j < expected.length; j += 1) {
      const a = position.get(expected[i] ?? '');
      const b = position.get(expected[j] ?? '');
      if (a === undefined || b === undefined) continue;
      pairs += 1;
      if (a < b) concordant += 1;
    }
  }
  return pairs === 0 ? 1 : concordant / pairs;
}

/** Order: credit = max(0, τ) with τ = 2·agreement − 1; wrong (capped) when τ < 0.5. */
export function scoreOrder(
  spec: OrderAnswerSpec,
  given: readonly string[],
  why: string,
): DecisionOutcome {
  const agreement = pairwiseAgreement(spec.correct, given);
  const tau = 2 * agreement - 1;
  const credit = Math.max(0, tau);
  const pairs = (spec.correct.length * (spec.correct.length - 1)) / 2;
  const agreed = Math.round(agreement * pairs);
  const misplaced = spec.correct
    .map((id, index) => ({ id, index }))
    .filter(({ id, index }) => given[index] !== id)
    .map(({ id, index }) => `"${labelOf(spec.items, id)}" belongs at step ${index + 1}`);
  if (tau === 1) {
    return { correct: true, credit: 1, isWrong: false, feedback: `Right order. ${why}` };
  }
  const detail =
    misplaced.length > 0
      ? ` ${misplaced.slice(0, 3).join('; ')}${misplaced.length > 3 ? '; …' : ''}.`
      : '';
  return {
    correct: false,
    credit,
    isWrong: tau < 0.5,
    feedback: `Your order agrees with ${agreed} of ${pairs} step pairs (Kendall τ = ${tau.toFixed(2)}).${detail} ${why}`,
  };
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
}

/** Number: full credit within the relative tolerance, half credit within twice it, else wrong. */
export function scoreNumber(spec: NumberAnswerSpec, given: number, why: string): DecisionOutcome {
  const relativeError =
    spec.correct === 0 ? Math.abs(given) : Math.abs(given - spec.correct) / Math.abs(spec.correct);
  const expected = `${formatNumber(spec.correct)} ${spec.unit} (±${Math.round(spec.tolerance * 100)} %)`;
  const off = `${Math.round(relativeError * 100)} %`;
  // A tiny epsilon so a value exactly on the tolerance edge counts as inside it.
  if (relativeError <= spec.tolerance + 1e-9) {
    return {
      correct: true,
      credit: 1,
      isWrong: false,
      feedback: `Your estimate ${formatNumber(given)} ${spec.unit} is within tolerance of ${expected}. ${why}`,
    };
  }
  if (relativeError <= 2 * spec.tolerance + 1e-9) {
    return {
      correct: false,
      credit: 0.5,
      isWrong: false,
      feedback: `Your estimate ${formatNumber(given)} ${spec.unit} is close but off by ${off}; expected about ${expected}. ${why}`,
    };
  }
  return {
    correct: false,
    credit: 0,
    isWrong: true,
    feedback: `Your estimate ${formatNumber(given)} ${spec.unit} is off by ${off}; expected about ${expected}. ${why}`,
  };
}
