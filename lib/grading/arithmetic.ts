// Worked arithmetic checked against the scenario's own: an answer's equation ("1 + 2 + 2 + 2 = 7",
// "4^3 = 81") is wrong when it does not compute (its own left side gives another value), or when
// it works on the numbers of one of the scenario's reference equations ("(1 + 2)^3 = 27") and
// lands on a result that no reference text states: the right inputs through the wrong formula
// (additive retries, one proxy per call, probabilities added). The references are the case's
// `why`, the model answers, the prediction's explanation and the rubric's concepts, phrases and
// feedback (wrong turns are left out: they quote wrong equations to refute them). Pure; the
// references are read once per scenario object.
import type { GradableScenario } from './types';

/** An equation: the numbers on its left side, its stated result, and the left side's value if it computes. */
export type Equation = {
  text: string;
  operands: number[];
  result: number;
  value: number | null;
};

/** One equation of the answer that the scenario's arithmetic contradicts. */
export type ArithmeticError = {
  text: string;
  /**
   * "miscomputed": the left side gives another value; "formula": reference inputs, another
   * result; "setting": a prescribed time setting ten times away from the expert's (findSettingErrors).
   */
  kind: 'miscomputed' | 'formula' | 'setting';
  /** The reference equation it departs from (for "formula"). */
  reference?: string;
  criterionId: string;
};

/** Thresholds. */
export const ARITHMETIC = {
  /** Relative difference under which two values are the same (rounding: "≈ 0.82"). */
  sameValue: 0.06,
  /** Relative difference an equation's own result may have from its left side (rounding: "≈ 0.1"). */
  rounding: 0.2,
  /** Operands an answer equation must share with a reference equation to be about the same quantity. */
  sharedOperands: 2,
};

const NUMBER = String.raw`\d[\d,]*(?:\.\d+)?(?:%|k\b)?`;
/** A left side: numbers, operators, parentheses and single-letter variables, at least one operator. */
const SIDE = new RegExp(
  String.raw`(?:[(\s]*(?:${NUMBER}|(?<![a-z])[a-z](?![a-z]))[)\s]*(?:[+\-−×x*·/^][(\s]*(?:${NUMBER}|(?<![a-z])[a-z](?![a-z]))[)\s]*)+)`,
  'gi',
);
const EQUATION = new RegExp(
  String.raw`(${SIDE.source})\s*(?:=|≈|~=)\s*(?:about\s+|~\s*)?(${NUMBER})(?!\s*[+\-−×x*·/^]\s*\d)`,
  'gi',
);

/** A number as written; a percent sign is a unit ("12%" is 12), "16k" is 16,000. */
function parseNumber(raw: string): number {
  const value = Number(raw.replace(/[,%k]/gi, ''));
  return /k$/i.test(raw) ? value * 1000 : value;
}

/** The value of a left side of numbers, + − × / ^ and parentheses; null with variables or junk. */
export function evaluate(expression: string): number | null {
  const tokens = expression
    .replace(/[−]/g, '-')
    .replace(/[×·*]|(?<=[\d)\s])x(?=[\s(\d])/gi, '*')
    .match(new RegExp(String.raw`${NUMBER}|[-+*/^()]|[a-z]+`, 'gi'));
  if (!tokens) return null;
  let at = 0;
  const peek = () => tokens[at];
  const expression_ = (): number | null => {
    let left = term();
    while (left !== null && (peek() === '+' || peek() === '-')) {
      const op = tokens[at++];
      const right = term();
      if (right === null) return null;
      left = op === '+' ? left + right : left - right;
    }
    return left;
  };
  const term = (): number | null => {
    let left = power();
    while (left !== null && (peek() === '*' || peek() === '/')) {
      const op = tokens[at++];
      const right = power();
      if (right === null || (op === '/' && right === 0)) return null;
      left = op === '*' ? left * right : left / right;
    }
    return left;
  };
  const power = (): number | null => {
    const base = atom();
    if (base === null) return null;
    if (peek() !== '^') return base;
    at += 1;
    const exponent = power();
    return exponent === null ? null : base ** exponent;
  };
  const atom = (): number | null => {
    const token = tokens[at++];
    if (token === undefined) return null;
    if (token === '(') {
      const inner = expression_();
      if (tokens[at++] !== ')') return null;
      return inner;
    }
    if (token === '-') {
      const inner = atom();
      return inner === null ? null : -inner;
    }
    if (/^\d/.test(token)) return parseNumber(token);
    return null;
  };
  const value = expression_();
  return at === tokens.length && value !== null && Number.isFinite(value) ? value : null;
}

/** The equations of a text, chains split ("(1+r)^d = 3^3 = 27" gives "3^3 = 27"). */
export function equationsIn(text: string): Equation[] {
  const found: Equation[] = [];
  for (const match of text.matchAll(EQUATION)) {
    const left = (match[1] ?? '').trim();
    const right = match[2];
    if (!right || !/[+\-−×x*·/^]/i.test(left)) continue;
    // A left side cut short by a word ("60,000 rps × 0.06 / 1,000") is not the whole expression.
    const before = text.slice(0, match.index).trimEnd();
    if (/[+\-−×*·/^]$|\sx$/i.test(before)) continue;
    // "x-envoy-attempt-count=3", "2021-05" are names and dates, not arithmetic.
    if (/[a-z]{2,}/i.test(left) || /^\d{4}-\d/.test(left)) continue;
    const operands = [...left.matchAll(new RegExp(NUMBER, 'g'))].map((entry) =>
      parseNumber(entry[0]),
    );
    if (operands.length < 2) continue;
    found.push({
      text: match[0].trim(),
      operands,
      result: parseNumber(right),
      value: evaluate(left),
    });
  }
  return found;
}

/** Every number a text states (for "a reference states this result"). */
function numbersIn(text: string): number[] {
  return [...text.matchAll(new RegExp(NUMBER, 'g'))].map((entry) => parseNumber(entry[0]));
}

const same = (a: number, b: number) =>
  a === b || Math.abs(a - b) <= ARITHMETIC.sameValue * Math.max(Math.abs(a), Math.abs(b));

/**
 * The same value up to rounding ("≈ 0.1" for 0.09) and a change of unit by a power of ten
 * ("≈ 18.2%" for 0.182, "= 16" thousand, ms and s): only a gross departure counts as an error.
 */
function scaled(value: number, result: number): boolean {
  return [1, 10, 100, 1000, 0.1, 0.01, 0.001].some(
    (factor) =>
      Math.abs(value * factor - result) <=
      ARITHMETIC.rounding * Math.max(Math.abs(value * factor), Math.abs(result)),
  );
}

/** Criterion text about arithmetic or a formula. */
const ARITHMETIC_TEXT =
  /\b(?:formula|arithmetic|multipl\w*|compound\w*|add\w* up|sum|\d\s*[×x*^+])/i;

type Reference = {
  equations: Equation[];
  /** Numbers of the reference texts, the case and the question. */
  numbers: number[];
  /** Numbers of the reference texts only (what the expert computes). */
  stated: number[];
  criterionFor: (eq: Equation) => string;
};
const cache = new WeakMap<GradableScenario, Reference>();

function referenceOf(scenario: GradableScenario): Reference {
  const known = cache.get(scenario);
  if (known) return known;
  const texts = [
    scenario.why,
    scenario.modelAnswer?.senior ?? '',
    scenario.modelAnswer?.junior ?? '',
    scenario.simulator?.prediction?.explanation ?? '',
    ...scenario.rubric.flatMap((criterion) => [
      criterion.concept,
      criterion.phrases.join('; '),
      criterion.missedFeedback,
    ]),
  ];
  const equations = texts.flatMap(equationsIn);
  const stated = texts.flatMap(numbersIn);
  const numbers = [
    ...stated,
    ...[scenario.context ?? '', scenario.question ?? ''].flatMap(numbersIn),
  ];
  const byWeight = [...scenario.rubric].sort((a, b) => b.weight - a.weight);
  const criterionFor = (equation: Equation) => {
    const stated = (text: string) =>
      numbersIn(text).some((value) => same(value, equation.result)) || ARITHMETIC_TEXT.test(text);
    return (
      (
        byWeight.find((criterion) => stated([criterion.concept, ...criterion.phrases].join(' '))) ??
        byWeight[0]
      )?.id ?? ''
    );
  };
  const reference = { equations, numbers, stated, criterionFor };
  cache.set(scenario, reference);
  return reference;
}

let enabled = true;

/** Calibration only: turns the arithmetic check off or on. */
export function setArithmeticCheck(on: boolean): void {
  enabled = on;
}

/** Equations of the answer that do not compute, or that reach another result from the reference's inputs. */
export function findArithmeticErrors(text: string, scenario: GradableScenario): ArithmeticError[] {
  if (!enabled || !/[=≈]/.test(text)) return [];
  const reference = referenceOf(scenario);
  const errors: ArithmeticError[] = [];
  for (const equation of equationsIn(text)) {
    const computes = equation.value === null || scaled(equation.value, equation.result);
    if (!computes) {
      errors.push({
        text: equation.text,
        kind: 'miscomputed',
        criterionId: reference.criterionFor(equation),
      });
      continue;
    }
    if (reference.numbers.some((value) => same(value, equation.result))) continue;
    // The left side computes a number the references state (in % or thousands): the formula is
    // theirs, only the result is written another way ("0.99^20 ≈ 82%").
    const own = equation.value;
    if (
      own !== null &&
      reference.stated.some((value) => [1, 100, 0.01].some((factor) => same(value, own * factor)))
    )
      continue;
    // The answer works only on a reference equation's own inputs (two or more distinct ones).
    const distinct = new Set(equation.operands);
    const departed = reference.equations.find(
      (entry) =>
        !same(entry.result, equation.result) &&
        distinct.size >= ARITHMETIC.sharedOperands &&
        [...distinct].every((own) => entry.operands.some((operand) => same(own, operand))),
    );
    if (departed)
      errors.push({
        text: equation.text,
        kind: 'formula',
        reference: departed.text,
        criterionId: reference.criterionFor(departed),
      });
  }
  return errors;
}

/** A time setting the answer prescribes, an order of magnitude away from the expert's. */
export type SettingError = { text: string; criterionId: string };

const SETTING =
  /\b(?:timeouts?|deadlines?|pertrytimeout|per-try timeout|interval|baseejectiontime)\b/gi;
const TIME_VALUE = /\b(\d+(?:\.\d+)?)\s*(ms|milliseconds?|s|secs?|seconds?|min|minutes?)\b/gi;
/** Verbs that prescribe a value ("set", "add", "use … of", "size it at"). */
const PRESCRIBES =
  /\b(?:set|sets|add|use|configure|give|put|pick|choose|size|sized|make|apply|cap|bound|raise|lower)\b/i;
/** The setting denied in the sentence ("no route timeout", "without a deadline"). */
const DENIED_SETTING = /\b(?:no|without|not|never)\s+(?:\w+\s+){0,2}(?:timeouts?|deadlines?)\b/i;
/** How far (characters) a value may sit after the setting word, or before it ("a 300 ms timeout"). */
const AFTER = 70;
const BEFORE = 12;
/** Ratio from the expert's value that is a different setting, not a different taste. */
const MAGNITUDE = 10;

function toMs(value: number, unit: string): number {
  const u = unit.toLowerCase();
  if (u.startsWith('ms') || u.startsWith('milli')) return value;
  if (u.startsWith('min')) return value * 60_000;
  return value * 1000;
}

/** Prescribed time values of settings in a text, in ms. */
export function settingValues(text: string): number[] {
  const values: number[] = [];
  for (const sentence of text.split(/(?<=[.!?;])\s+/)) {
    if (!PRESCRIBES.test(sentence) || DENIED_SETTING.test(sentence)) continue;
    const settings = [...sentence.matchAll(SETTING)].map((match) => match.index);
    if (settings.length === 0) continue;
    for (const match of sentence.matchAll(TIME_VALUE)) {
      const at = match.index;
      const near = settings.some(
        (setting) =>
          (at > setting && at - setting <= AFTER) || (at < setting && setting - at <= BEFORE),
      );
      if (near) values.push(toMs(Number(match[1]), match[2] ?? 's'));
    }
  }
  return values;
}

const settingCache = new WeakMap<GradableScenario, { values: number[]; criterionId: string }>();

/**
 * "Add a route timeout sized to the slowest responses, about 30 s" where the expert sets 300 ms:
 * every time value the answer prescribes for a timeout, deadline or interval is ten times or more
 * away from every value the model answers prescribe. Reverses the criterion about that setting.
 */
export function findSettingErrors(text: string, scenario: GradableScenario): SettingError[] {
  if (!enabled) return [];
  let reference = settingCache.get(scenario);
  if (!reference) {
    const values = settingValues(
      [scenario.modelAnswer?.senior ?? '', scenario.modelAnswer?.junior ?? ''].join(' '),
    );
    // The criterion about choosing the value (a number in its phrases, or pick/choose/size/set
    // in its concept), else the heaviest one about the setting.
    const about = [...scenario.rubric]
      .sort((a, b) => b.weight - a.weight)
      .filter((entry) =>
        /timeout|deadline|interval/i.test([entry.concept, ...entry.phrases].join(' ')),
      );
    const criterion =
      about.find(
        (entry) =>
          /\b(?:pick|choose|size|set)\b/i.test(entry.concept) ||
          entry.phrases.some((phrase) => /\d/.test(phrase)),
      ) ?? about[0];
    reference = { values, criterionId: criterion?.id ?? '' };
    settingCache.set(scenario, reference);
  }
  const { values: expert, criterionId } = reference;
  if (expert.length === 0 || criterionId === '') return [];
  const given = settingValues(text);
  if (given.length === 0) return [];
  const far = (value: number) =>
    expert.every((ref) => Math.max(value / ref, ref / value) >= MAGNITUDE);
  if (!given.every(far)) return [];
  const sentence = text.split(/(?<=[.!?;])\s+/).find((entry) => settingValues(entry).length > 0);
  return [{ text: (sentence ?? '').trim().slice(0, 200), criterionId }];
}
