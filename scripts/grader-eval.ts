// npm run grader:eval [-- --split tune|holdout|holdout2|holdout3|holdout4|holdout5|holdout6|holdout7|holdout8|holdout9|holdout10|holdout11|holdout12] [--file <batch.json>] [--items] [--no-scenario-stances] [--no-error-claims]
// Agreement of the rubric grader with the hand scores of the calibration set. Prints aggregates
// only; `--items` (per-item differences) is refused for the holdout splits so they cannot leak
// into tuning. Exits non-zero when a holdout target is missed. `--no-scenario-stances` grades
// without the per-scenario reverse wordings of lib/grading/stances.ts (general mechanisms only);
// `--no-error-claims` grades without the expert error catalogue (lib/grading/error-claims.ts).
import { z } from 'zod';
import { setScenarioStances } from '../lib/grading/concepts';
import { setErrorClaims } from '../lib/grading/error-claims';
import {
  CALIBRATION_DIR,
  checkTargets,
  gradeItems,
  groupBy,
  loadCalibration,
  loadCalibrationFile,
  loadScenarios,
  metrics,
  OPEN_SPLITS,
  SPLITS,
  type Metrics,
} from './grader-calibration';

const argsSchema = z.object({
  split: z.enum(SPLITS).default('holdout'),
  items: z.boolean().default(false),
  file: z.string().optional(),
  scenarioStances: z.boolean().default(true),
  errorClaims: z.boolean().default(true),
});

const USAGE =
  'usage: npm run grader:eval -- [--split tune|holdout|holdout2|holdout3|holdout4|holdout5|holdout6|holdout7|holdout8|holdout9|holdout10|holdout11|holdout12] [--file <batch.json>] [--items] [--no-scenario-stances] [--no-error-claims]';

function parseArgs(argv: readonly string[]) {
  const raw: Record<string, unknown> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--split') raw.split = argv[++i];
    else if (arg === '--items') raw.items = true;
    else if (arg === '--file') raw.file = argv[++i];
    else if (arg === '--no-scenario-stances') raw.scenarioStances = false;
    else if (arg === '--no-error-claims') raw.errorClaims = false;
    else if (arg === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else {
      console.error(`Unknown argument "${arg}". ${USAGE}`);
      process.exit(2);
    }
  }
  const parsed = argsSchema.safeParse(raw);
  if (!parsed.success) {
    console.error(
      `Invalid arguments: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`,
    );
    process.exit(2);
  }
  return parsed.data;
}

const fmt = (m: Metrics) =>
  `${String(m.n).padStart(4)}  ${m.mad.toFixed(1).padStart(5)}  ${(m.meanSigned >= 0 ? '+' : '') + m.meanSigned.toFixed(1).padStart(5)}  ${Number.isNaN(m.spearman) ? '   — ' : m.spearman.toFixed(2).padStart(5)}  ${(m.over25 * 100).toFixed(1).padStart(5)} %`;

const args = parseArgs(process.argv.slice(2));
if (args.items && !OPEN_SPLITS.includes(args.split)) {
  console.error(
    `Per-item output is only available for --split ${OPEN_SPLITS.join(' or ')} (the blind holdouts stay unseen).`,
  );
  process.exit(2);
}
setScenarioStances(args.scenarioStances);
setErrorClaims(args.errorClaims);
// `--file`: only that batch's items of the split (e.g. batch-12's aggregates as a transfer check).
const items = args.file ? loadCalibrationFile(args.file, args.split) : loadCalibration(args.split);
if (items.length === 0) {
  console.error(`No calibration items with split "${args.split}" in ${CALIBRATION_DIR}.`);
  process.exit(2);
}
const scenarios = await loadScenarios();
const { graded, problems } = gradeItems(items, scenarios);
for (const problem of problems) console.error(`problem: ${problem}`);
const total = metrics(graded);
const header = `${'group'.padEnd(28)}     n    MAD   bias  Spear    >25`;
console.log(
  `Calibration split: ${args.split}${args.file ? ` of ${args.file}` : ''} (${graded.length} items)\n`,
);
console.log(header);
console.log(`${'all'.padEnd(28)}${fmt(total)}`);
console.log('\nper kind');
for (const [kind, group] of groupBy(graded, (g) => g.item.kind))
  console.log(`${kind.padEnd(28)}${fmt(metrics(group))}`);
console.log('\nper shape (bias = mean signed difference, grader − hand)');
const shapes = new Map<string, Metrics>();
for (const [shape, group] of groupBy(graded, (g) => g.item.shape)) {
  const m = metrics(group);
  shapes.set(shape, m);
  console.log(`${shape.padEnd(28)}${fmt(m)}`);
}
if (args.items) {
  console.log(`\nitems (${args.split} split)`);
  for (const g of [...graded].sort(
    (a, b) => Math.abs(b.score - b.item.handScore) - Math.abs(a.score - a.item.handScore),
  ))
    console.log(
      `${g.item.id.padEnd(10)} ${g.item.shape.padEnd(18)} hand ${String(g.item.handScore).padStart(3)} grader ${String(g.score).padStart(3)}  ${g.item.scenarioId}`,
    );
}
const checks = checkTargets(total, shapes);
console.log(`\ntargets: ${checks.map(({ name, ok }) => `${ok ? '✓' : '✗'} ${name}`).join('   ')}`);
if (args.split !== 'tune' && checks.some(({ ok }) => !ok)) process.exitCode = 1;
