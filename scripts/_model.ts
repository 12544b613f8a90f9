import { gradeAttempt } from '../lib/grading/grade-attempt';
import { loadScenarios } from './grader-calibration';
const scenarios = await loadScenarios();
for (const id of process.argv.slice(2)) {
  const s = scenarios.get(id)!;
  const a = s.answer; const decision = a.type === 'choice' ? a.correct[0] : a.type === 'order' ? [...a.correct] : a.correct;
  for (const level of ['senior','junior'] as const) {
    const r = gradeAttempt({ scenario: s, answer: { decision, justification: s.modelAnswer[level] } });
    console.log(id, level, r.score, 'cap', r.capApplied?.reason ?? '-', 'pen', r.penalties.map(p=>p.id+':'+p.reason.slice(0,90)).join(' | '), 'facts', r.caseFactsCited, JSON.stringify(r.breakdown));
  }
}
