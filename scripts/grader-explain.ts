// npm run grader:explain -- <item id>…  Shows how the grader scored items of the open splits
// (OPEN_SPLITS in grader-calibration.ts; never the blind holdouts).
import { gradeItem, loadCalibration, loadScenarios, OPEN_SPLITS } from './grader-calibration';

const ids = process.argv.slice(2);
if (ids.length === 0) {
  console.error('usage: npm run grader:explain -- <item id> …');
  process.exit(2);
}
const items = OPEN_SPLITS.flatMap((split) => loadCalibration(split));
const scenarios = await loadScenarios();
for (const id of ids) {
  const item = items.find((candidate) => candidate.id === id);
  const scenario = item && scenarios.get(item.scenarioId);
  if (!item || !scenario) {
    console.error(`${id}: not an item of an open split (${OPEN_SPLITS.join(', ')})`);
    process.exitCode = 2;
    continue;
  }
  const r = gradeItem(item, scenario);
  console.log(`\n== ${id} ${item.shape} hand ${item.handScore} grader ${r.score} (${scenario.id})`);
  console.log(item.justification);
  console.log(`-- ${item.reason}`);
  console.log(
    `decision ${r.decision.correct ? 'right' : r.decision.credit > 0 ? 'partial' : 'wrong'}; facts ${r.caseFactsCited}; hedged ${r.hedged}; cap ${r.capApplied?.reason ?? '-'}; breakdown ${JSON.stringify(r.breakdown)}`,
  );
  for (const c of r.criteria)
    console.log(
      `  ${c.status === 'hit' ? (c.appliedToCase ? '✓' : '~') : c.reversed ? 'R' : '✗'} ${c.id} (${c.weight}) ${c.matched ?? c.reversed ?? c.negatedMention ?? ''}`,
    );
  if (r.capApplied) console.log(`  cap: ${r.capApplied.message}`);
  for (const p of r.penalties) console.log(`  - ${p.points} ${p.reason.slice(0, 160)}`);
  if (r.language) console.log(`  lang ${r.language.language}`);
}
