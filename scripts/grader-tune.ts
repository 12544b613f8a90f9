// npm run grader:tune  Coordinate descent over SCORE_PARAMS on the TUNE split only (the holdout is
// never loaded). Prints the best parameters to paste into lib/grading/grade-attempt.ts.
import { validateAttempt } from '../lib/grading/answer-input';
import {
  SCORE_PARAMS,
  extractFeatures,
  scoreFeatures,
  type ScoreParams,
} from '../lib/grading/grade-attempt';
import {
  currentPrediction,
  groupBy,
  loadCalibration,
  loadScenarios,
  metrics,
  type Graded,
} from './grader-calibration';

const items = loadCalibration('tune');
const scenarios = await loadScenarios();
const prepared = items.flatMap((item) => {
  const scenario = scenarios.get(item.scenarioId);
  if (!scenario) return [];
  const validation = validateAttempt(scenario, {
    decision: item.decision,
    justification: item.justification,
    prediction: currentPrediction(item),
  });
  if (!validation.ok) return [];
  return [
    {
      item,
      scenario,
      attempt: validation.attempt,
      features: extractFeatures(scenario, validation.attempt),
    },
  ];
});

function evaluate(params: ScoreParams): { loss: number; graded: Graded[] } {
  const graded = prepared.map(({ item, scenario, attempt, features }) => ({
    item,
    score: scoreFeatures(scenario, attempt, features, params).score,
    ms: 0,
  }));
  const m = metrics(graded);
  let worst = 0;
  for (const group of groupBy(graded, (g) => g.item.shape).values())
    worst = Math.max(worst, Math.abs(metrics(group).meanSigned));
  // MAD, plus the share far off and the worst shape bias (the targets), minus rank agreement.
  return { loss: m.mad + 20 * m.over25 + 0.3 * Math.max(0, worst - 10) - 10 * m.spearman, graded };
}

const STEPS: Partial<Record<keyof ScoreParams, number[]>> = {
  decision: [10, 15, 20, 25, 30],
  coverage: [40, 45, 50, 55, 60, 65],
  unappliedCredit: [0.3, 0.45, 0.6, 0.75, 0.9],
  listedCredit: [0, 0.1, 0.25, 0.4, 0.6],
  caseFacts: [5, 10, 15, 20, 25, 30],
  factsForFull: [3, 4, 5, 6, 8, 10],
  coverageAsGrounding: [0, 0.4, 0.6, 0.8, 1],
  tradeOff: [0, 3, 6, 9],
  reasoning: [0, 2, 4, 6, 8],
  wrongTurn: [0, 5, 10, 15],
  reversed: [0, 6, 12, 18],
  falseClaim: [0, 5, 10, 15, 20],
  wrongDecisionCap: [10, 12, 15, 18, 20, 25, 30],
  stuffingCap: [20, 25, 30, 35, 40],
  reversedCap: [35, 40, 45, 50, 55],
  axisReversedCap: [40, 50, 55, 65],
  falseClaimCap: [45, 50, 55, 60, 65],
  hedgedCap: [30, 35, 40, 45],
  overclaimCap: [40, 45, 50, 55, 60, 100],
  minContentWords: [3, 4, 5, 6, 8],
  noArgumentCap: [3, 5, 8, 10],
  ungroundedCap: [20, 25, 30, 35, 45],
  ungroundedFactShare: [0, 0.25, 0.5, 0.75, 1],
  thinCap: [40, 45, 50, 55, 60],
  thinWords: [20, 25, 30, 40],
  definitionCredit: [0.6, 0.8, 1],
  foreignRightDecision: [65, 70, 75, 80, 85],
};

let best: ScoreParams = { ...SCORE_PARAMS };
let bestLoss = evaluate(best).loss;
for (let round = 0; round < 3; round += 1) {
  for (const [key, values] of Object.entries(STEPS) as Array<[keyof ScoreParams, number[]]>) {
    for (const value of values) {
      const candidate = { ...best, [key]: value };
      const { loss } = evaluate(candidate);
      if (loss < bestLoss - 1e-9) {
        best = candidate;
        bestLoss = loss;
      }
    }
  }
}
const m = metrics(evaluate(best).graded);
console.log(
  `tune split: MAD ${m.mad.toFixed(1)}, Spearman ${m.spearman.toFixed(2)}, >25 ${(m.over25 * 100).toFixed(0)} %`,
);
console.log(JSON.stringify(best, null, 2));
