// npm run grader:reversal-flags [-- --file <batch.json>] [--list]
// Precision / recall of the reversal flag (a criterion reversed, the reversed-point cap or a minor
// reversal penalty) on the tune split, or on one batch file. Study aid: tune items only.
import type { GradeResult } from '../lib/grading/types';
import { setScenarioStances } from '../lib/grading/concepts';
import { setMisconceptions } from '../lib/grading/misconceptions';
import { setDistractorClaims } from '../lib/grading/distractors';
import {
  gradeItem,
  loadCalibration,
  loadCalibrationFile,
  loadScenarios,
  type CalibrationItem,
} from './grader-calibration';

const argv = process.argv.slice(2);
const fileIndex = argv.indexOf('--file');
const file = fileIndex >= 0 ? argv[fileIndex + 1] : undefined;
const list = argv.includes('--list');
if (argv.includes('--no-scenario-stances')) setScenarioStances(false);
if (argv.includes('--no-misconceptions')) setMisconceptions(false);
if (argv.includes('--no-distractors')) setDistractorClaims(false);

const items: CalibrationItem[] = file ? loadCalibrationFile(file, 'tune') : loadCalibration('tune');
const scenarios = await loadScenarios();

/** "major": a crucial point reversed (cap); "minor": only a minor-reversal penalty. */
function flagOf(result: GradeResult): 'major' | 'minor' | 'none' {
  if (result.criteria.some((criterion) => criterion.reversed !== undefined)) return 'major';
  if (result.capApplied?.reason === 'reversed-point') return 'major';
  if (result.penalties.some((penalty) => penalty.kind === 'reversed-point')) return 'minor';
  return 'none';
}

type Row = { item: CalibrationItem; score: number; flag: ReturnType<typeof flagOf>; why: string };
const rows: Row[] = [];
for (const item of items) {
  const scenario = scenarios.get(item.scenarioId);
  if (!scenario) continue;
  const result = gradeItem(item, scenario);
  const why = [
    ...result.criteria.filter((c) => c.reversed).map((c) => `${c.id}: ${c.reversed}`),
    ...result.penalties.filter((p) => p.kind === 'reversed-point').map((p) => p.reason),
  ].join(' | ');
  rows.push({ item, score: result.score, flag: flagOf(result), why });
}

const isReversal = (row: Row) => row.item.shape === 'reversed-point';
/** Correct answers that must not be flagged: hand score ≥ 70 and not a reversal. */
const isGuard = (row: Row) => !isReversal(row) && row.item.handScore >= 70;
const rev = rows.filter(isReversal);
const guard = rows.filter(isGuard);
const flagged = rows.filter((row) => row.flag !== 'none');
const major = (r: Row) => r.flag === 'major';
const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(0)} %`);
const mad = (rs: Row[]) =>
  rs.length === 0
    ? NaN
    : rs.reduce((s, r) => s + Math.abs(r.score - r.item.handScore), 0) / rs.length;
console.log(
  `${file ?? 'tune split'}: ${rows.length} items, ${rev.length} reversed-point, ${guard.length} guard (hand ≥ 70)`,
);
console.log(
  `recall  any ${rev.filter((r) => r.flag !== 'none').length}/${rev.length}  major ${rev.filter(major).length}/${rev.length}`,
);
console.log(
  `guard flagged  any ${guard.filter((r) => r.flag !== 'none').length}/${guard.length}  major ${guard.filter(major).length}/${guard.length}`,
);
console.log(
  `precision (flagged that are reversed-point)  any ${pct(flagged.filter(isReversal).length, flagged.length)} of ${flagged.length}  major ${pct(flagged.filter((r) => major(r) && isReversal(r)).length, flagged.filter(major).length)} of ${flagged.filter(major).length}`,
);
console.log(
  `MAD all ${mad(rows).toFixed(1)}  reversed-point ${mad(rev).toFixed(1)}  guard ${mad(guard).toFixed(1)}`,
);
if (list)
  for (const row of rows)
    if (isReversal(row) || row.flag !== 'none')
      console.log(
        `${row.item.id} ${row.item.shape} hand ${row.item.handScore} grader ${row.score} ${row.flag} ${row.item.scenarioId}${row.why ? `\n    ${row.why.slice(0, 240)}` : ''}`,
      );
