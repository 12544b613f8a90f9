import { analyzeText } from '../lib/grading/text';
import { caseFactTokens, caseFactsOf } from '../lib/grading/case-facts';
import { findFalseClaims } from '../lib/grading/facts';
import { lemmaOffsets } from '../lib/grading/lemmas';
import { loadCalibration, loadScenarios } from './grader-calibration';
const items = loadCalibration('tune');
const scenarios = await loadScenarios();
for (const id of process.argv.slice(2)) {
  const item = items.find(i => i.id === id)!;
  const s = scenarios.get(item.scenarioId)!;
  const a = analyzeText(item.justification, lemmaOffsets);
  const cited = caseFactTokens(a, caseFactsOf(s));
  console.log(id, item.shape, item.handScore, '|', [...cited].map(i => a.tokens[i]!.norm).join(' '), '| claims:', findFalseClaims(a).map(c => c.evidence).join(' / '));
  console.log('   ', item.justification.slice(0, 300));
}
