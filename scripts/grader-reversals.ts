// Lists what the model-answer reversal detector finds on the tune split (study aid, tune only).
import { loadCalibration, loadScenarios } from './grader-calibration';
import { analyzeText } from '../lib/grading/text';
import { cachedLemmaOffsets } from '../lib/grading/lemmas';
import {
  ALIGNMENT,
  findModelReversals,
  type AlignmentThresholds,
} from '../lib/grading/model-reversal';

// Study only: `-- 0.4 0.7` tries other similarity thresholds (opposites, negation).
const [similarity, negation] = process.argv.slice(2).map(Number);
if (similarity !== undefined && negation !== undefined)
  Object.assign(ALIGNMENT as AlignmentThresholds, {
    minOppositeSimilarity: similarity,
    minNegationSimilarity: negation,
  });

const scenarios = await loadScenarios();
const byShape = new Map<string, { n: number; flagged: number }>();
for (const item of loadCalibration('tune')) {
  const scenario = scenarios.get(item.scenarioId);
  if (!scenario) continue;
  const found = findModelReversals(analyzeText(item.justification, cachedLemmaOffsets), scenario);
  const entry = byShape.get(item.shape) ?? { n: 0, flagged: 0 };
  entry.n += 1;
  if (found.length > 0) entry.flagged += 1;
  byShape.set(item.shape, entry);
  for (const f of found)
    console.log(
      `${item.id} ${item.shape} hand=${item.handScore} ${f.signal} ${f.similarity} [${f.criterionIds.join(',')}]\n   A: ${f.text}\n   M: ${f.modelText}`,
    );
}
for (const [shape, { n, flagged }] of byShape) console.log(shape.padEnd(20), flagged, '/', n);
