// npm run grader:score-map
// Tries a monotone score calibration: a piecewise-linear map from the grader's score to the final
// score (knots every 10 points, values fitted by coordinate descent on the mean absolute difference,
// kept non-decreasing), and evaluates it honestly by leave-one-split-out cross-validation over the
// open splits (fit on all open splits but one, report on the left-out one). Prints the fitted
// table on all open splits too. The blind splits are never read. Session 8 (#16): the map was
// not adopted (see docs/scenario-grading.md, "Session 8"); rerun this after grader changes to
// check whether that still holds.
import {
  gradeItems,
  loadCalibration,
  loadScenarios,
  OPEN_SPLITS,
  spearman,
  type Graded,
} from './grader-calibration';

const KNOTS = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100] as const;
type Point = { raw: number; hand: number; split: string };

/** The map's value at `x` (linear between knots). */
export function applyMap(values: readonly number[], x: number): number {
  for (let i = 0; i + 1 < KNOTS.length; i += 1) {
    const left = KNOTS[i] ?? 0;
    const right = KNOTS[i + 1] ?? 100;
    if (x <= right) {
      const a = values[i] ?? left;
      const b = values[i + 1] ?? right;
      return a + ((b - a) * (x - left)) / (right - left);
    }
  }
  return values[values.length - 1] ?? x;
}

const loss = (values: readonly number[], points: readonly Point[]) =>
  points.reduce((sum, p) => sum + Math.abs(Math.round(applyMap(values, p.raw)) - p.hand), 0) /
  points.length;

/** Coordinate descent from the identity, steps of 4, 2 and 1 points, non-decreasing values. */
function fitMap(points: readonly Point[]): number[] {
  let values: number[] = [...KNOTS];
  for (let pass = 0; pass < 30; pass += 1) {
    let improved = false;
    for (let i = 0; i < values.length; i += 1)
      for (const step of [-4, -2, -1, 1, 2, 4]) {
        const next = [...values];
        next[i] = Math.min(100, Math.max(0, (next[i] ?? 0) + step));
        if (i > 0 && (next[i] ?? 0) < (next[i - 1] ?? 0)) continue;
        if (i + 1 < next.length && (next[i] ?? 0) > (next[i + 1] ?? 0)) continue;
        if (loss(next, points) < loss(values, points) - 1e-9) {
          values = next;
          improved = true;
        }
      }
    if (!improved) break;
  }
  return values;
}

function summary(points: readonly Point[], map: (x: number) => number) {
  const scores = points.map((p) => Math.round(map(p.raw)));
  const diffs = scores.map((s, i) => s - (points[i]?.hand ?? 0));
  return {
    mad: diffs.reduce((s, d) => s + Math.abs(d), 0) / points.length,
    spearman: spearman(
      scores,
      points.map((p) => p.hand),
    ),
    over25: diffs.filter((d) => Math.abs(d) > 25).length / points.length,
  };
}

const fmt = (m: ReturnType<typeof summary>) =>
  `${m.mad.toFixed(2).padStart(6)} ${m.spearman.toFixed(3).padStart(6)} ${(m.over25 * 100).toFixed(1).padStart(5)} %`;

const scenarios = await loadScenarios();
const points: Point[] = OPEN_SPLITS.flatMap((split) =>
  gradeItems(loadCalibration(split), scenarios).graded.map((g: Graded) => ({
    raw: g.score,
    hand: g.item.handScore,
    split,
  })),
);
console.log(
  'Leave-one-split-out (fit on the other open splits):\n\nleft out     n   identity MAD  Spear   >25  |  mapped MAD  Spear   >25',
);
const totals = { identity: [0, 0, 0], mapped: [0, 0, 0] };
for (const split of OPEN_SPLITS) {
  const train = points.filter((p) => p.split !== split);
  const test = points.filter((p) => p.split === split);
  const values = fitMap(train);
  const identity = summary(test, (x) => x);
  const mapped = summary(test, (x) => applyMap(values, x));
  for (const [key, m] of [
    ['identity', identity],
    ['mapped', mapped],
  ] as const) {
    totals[key][0] = (totals[key][0] ?? 0) + m.mad / OPEN_SPLITS.length;
    totals[key][1] = (totals[key][1] ?? 0) + m.spearman / OPEN_SPLITS.length;
    totals[key][2] = (totals[key][2] ?? 0) + m.over25 / OPEN_SPLITS.length;
  }
  console.log(
    `${split.padEnd(9)} ${String(test.length).padStart(4)}   ${fmt(identity)}   | ${fmt(mapped)}   map ${values.join(',')}`,
  );
}
const mean = (t: number[]) => ({ mad: t[0] ?? 0, spearman: t[1] ?? 0, over25: t[2] ?? 0 });
console.log(
  `${'mean'.padEnd(9)}        ${fmt(mean(totals.identity))}   | ${fmt(mean(totals.mapped))}`,
);
console.log(
  `\nMap fitted on all open splits (knots ${KNOTS.join(',')}): ${fitMap(points).join(',')}`,
);
