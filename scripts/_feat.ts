import { extractFeatures } from '../lib/grading/grade-attempt';
import { validateAttempt } from '../lib/grading/answer-input';
import { loadCalibration, loadScenarios } from './grader-calibration';
const items = loadCalibration('tune');
const scenarios = await loadScenarios();
const shape = process.argv[2];
for (const item of items.filter(i => !shape || i.shape === shape)) {
  const s = scenarios.get(item.scenarioId)!;
  const v = validateAttempt(s, { decision: item.decision, justification: item.justification });
  if (!v.ok) { console.log(item.id, 'invalid', v.message); continue; }
  const f = extractFeatures(s, v.attempt);
  const hits = f.outcomes.filter(o => o.result.status === 'hit').length;
  const applied = f.outcomes.filter(o => o.result.appliedToCase).length;
  const rev = f.outcomes.filter(o => o.isReversed).length;
  console.log(`${item.id} ${item.shape.padEnd(17)} h${String(item.handScore).padStart(3)} dec:${f.decision.correct?'R':f.decision.isWrong?'W':'P'} facts:${f.citedFacts} words:${f.contentWords} sent:${f.analyzed.sentenceCount} hits:${hits}/${f.outcomes.length} appl:${applied} rev:${rev} wt:${f.wrongTurns.length} reas:${f.reasons} tr:${f.tradeOffs} stuf:${f.isStuffed?1:0} hedge:${f.isHedged?1:0} ${f.language.isEnglish?'':f.language.language}`);
}
