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

const argv = process.argv.slice(2);
const args = new Set(argv);
const fileAt = argv.indexOf('--file');
const file = fileAt >= 0 ? argv[fileAt + 1] : undefined;
if (fileAt >= 0 && !file) {
  console.error(
    'usage: npm run grader:paraphrases -- [--misses] [--false] [--file <fixture.json>]',
  );
  process.exit(2);
}
const scenarios = await loadScenarios();
const outcomes = gradeParaphrases(file ? loadParaphrases(file) : loadParaphrases(), scenarios);
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
if (args.has('--misses'))
  for (const o of outcomes.filter((o) => o.credits && !o.credited))
    console.log(`MISS  ${o.scenarioId}/${o.criterionId}: ${o.text}`);
if (args.has('--false'))
  for (const o of outcomes.filter((o) => !o.credits && o.credited))
    console.log(`FALSE ${o.scenarioId}/${o.criterionId}: ${o.text}`);
