// npm run bench:grader  Grading time per answer over the calibration set's answers (both
// splits' texts are only timed, never scored or printed) and the scenarios' model answers.
// Prints p50 / p99 / max in milliseconds; target: p99 < 50 ms per answer.
import { gradeAttempt } from '../lib/grading/grade-attempt';
import { CALIBRATION_DIR, loadCalibration, loadScenarios } from './grader-calibration';
import fs from 'node:fs';

const scenarios = await loadScenarios();
const answers: Array<{ scenarioId: string; decision: unknown; justification: string }> = [];
if (fs.existsSync(CALIBRATION_DIR))
  for (const split of ['tune', 'holdout'] as const)
    for (const item of loadCalibration(split)) answers.push(item);
for (const scenario of scenarios.values()) {
  const spec = scenario.answer;
  const decision =
    spec.type === 'choice'
      ? spec.correct[0]
      : spec.type === 'order'
        ? [...spec.correct]
        : spec.correct;
  for (const text of [scenario.modelAnswer.senior, scenario.modelAnswer.junior])
    answers.push({ scenarioId: scenario.id, decision, justification: text });
  // A long answer near the 5,000-character limit.
  answers.push({
    scenarioId: scenario.id,
    decision,
    justification: `${scenario.modelAnswer.senior} `.repeat(8).slice(0, 4990),
  });
}

function run(): number[] {
  const times: number[] = [];
  for (const answer of answers) {
    const scenario = scenarios.get(answer.scenarioId);
    if (!scenario) continue;
    const started = performance.now();
    try {
      gradeAttempt({ scenario, answer });
    } catch {
      // Invalid answers are timed too (validation is part of grading).
    }
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

const coldStart = performance.now();
run(); // warm-up: loads the wink model, compiles and caches every scenario's patterns
const cold = performance.now() - coldStart;
const times = run();
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
console.log(`grader: ${times.length} answers (calibration set + model answers + long answers)`);
console.log(`first pass (model load + pattern compilation): ${cold.toFixed(0)} ms total`);
console.log(
  `per answer: p50 ${at(0.5).toFixed(2)} ms, p99 ${at(0.99).toFixed(2)} ms, max ${(times.at(-1) ?? 0).toFixed(2)} ms`,
);
console.log(`target p99 < 50 ms: ${at(0.99) < 50 ? 'met' : 'NOT met'}`);
