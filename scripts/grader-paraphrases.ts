// npm run grader:paraphrases [-- --misses] [--false] [--file <fixture.json>]
// Paraphrase coverage of the rubric grader on tests/fixtures/grading-paraphrases.json: the share of
// correct own-words sentences whose target criterion is credited, and the share of near misses
// that are (wrongly) credited. `--misses` lists uncredited positives, `--false` credited near misses.
// `--file`: another fixture of the same shape (tests/fixtures/grading-paraphrases-check.json: 64
// sentences written after the lexicon change and never tuned on, an out-of-sample check).
import {
  gradeParaphrases,
  loadParaphrases,
  summarize,
  type ParaphraseOutcome,
} from './grader-paraphrase-coverage';
import { loadScenarios } from './grader-calibration';
import { z } from 'zod';

const USAGE = 'usage: npm run grader:paraphrases -- [--misses] [--false] [--file <fixture.json>]';
const argsSchema = z.strictObject({
  misses: z.boolean().default(false),
  false: z.boolean().default(false),
  file: z.string().min(1, { error: '--file needs a path' }).optional(),
});

function parseArgs(argv: readonly string[]) {
  const raw: Record<string, unknown> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--misses') raw.misses = true;
    else if (arg === '--false') raw.false = true;
    else if (arg === '--file') raw.file = argv[++i] ?? '';
    else {
      console.error(`Unknown argument "${arg}". ${USAGE}`);
      process.exit(2);
    }
  }
  const parsed = argsSchema.safeParse(raw);
  if (!parsed.success) {
    console.error(`Invalid arguments: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    process.exit(2);
  }
  return parsed.data;
}

const args = parseArgs(process.argv.slice(2));
const file = args.file;
let paraphrases: ReturnType<typeof loadParaphrases>;
try {
  paraphrases = file ? loadParaphrases(file) : loadParaphrases();
} catch (error) {
  // A missing file, bad JSON or a sentence of the wrong shape: say which, no stack trace.
  const message = error instanceof z.ZodError ? z.prettifyError(error) : String(error);
  console.error(`Cannot read the paraphrase fixture ${file ?? ''}: ${message}`);
  process.exit(2);
}
const scenarios = await loadScenarios();
const outcomes = gradeParaphrases(paraphrases, scenarios);
const s = summarize(outcomes);
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
console.log(`paraphrase fixture${file ? ` ${file}` : ''}: ${outcomes.length} sentences`);
console.log(`coverage      ${pct(s.coverage).padStart(7)}  of ${s.positives} correct sentences`);
console.log(
  `  plain words ${pct(s.plainCoverage).padStart(7)}  of ${s.plainPositives} without a rubric phrase`,
);
console.log(`false credit  ${pct(s.falseCredit).padStart(7)}  of ${s.negatives} near misses`);
const byKind = new Map<string, ParaphraseOutcome[]>();
for (const o of outcomes.filter((o) => o.credits)) {
  const kind = o.scenarioId.split('-')[0] ?? '';
  byKind.set(kind, [...(byKind.get(kind) ?? []), o]);
}
for (const [kind, list] of byKind)
  console.log(
    `  ${kind.padEnd(10)} ${pct(summarize(list).coverage).padStart(7)}  (${list.length})`,
  );
if (args.misses)
  for (const o of outcomes.filter((o) => o.credits && !o.credited))
    console.log(`MISS  ${o.scenarioId}/${o.criterionId}: ${o.text}`);
if (args.false)
  for (const o of outcomes.filter((o) => !o.credits && o.credited))
    console.log(`FALSE ${o.scenarioId}/${o.criterionId}: ${o.text}`);
