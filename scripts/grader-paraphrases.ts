// npm run grader:paraphrases [-- --misses] [--false]
// Paraphrase coverage of the rubric grader on tests/fixtures/grading-paraphrases.json: the share of
// correct own-words sentences whose target criterion is credited, and the share of near misses
// that are (wrongly) credited. `--misses` lists uncredited positives, `--false` credited near misses.
import {
  gradeParaphrases,
  loadParaphrases,
  summarize,
  type ParaphraseOutcome,
} from './grader-paraphrase-coverage';
import { loadScenarios } from './grader-calibration';

const args = new Set(process.argv.slice(2));
const scenarios = await loadScenarios();
const outcomes = gradeParaphrases(loadParaphrases(), scenarios);
const s = summarize(outcomes);
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
console.log(`paraphrase fixture: ${outcomes.length} sentences`);
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
