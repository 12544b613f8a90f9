// Checks one calibration file against the scenario files: item format, consecutive ids (the first item's
// prefix and number, e.g. h2-001 … or cal-482 …), one split for the whole file, option / item / prediction
// ids, permutations, shapes, and prints counts per shape, kind and scenario. It reads only the scenario
// front matter (it does not use the grader), so writers of blind sets can run it.
// Usage: node scripts/check-calibration-file.mjs tests/fixtures/grader-calibration/<file>.json
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';

const SCENARIO_DIR = 'content/service-mesh/scenarios';
const FILE = process.argv[2];
if (!FILE) {
  console.error('usage: node scripts/check-calibration-file.mjs <calibration file.json>');
  process.exit(2);
}
const SHAPES = new Set([
  'good-own-words',
  'good-rubric-words',
  'mediocre',
  'wrong',
  'vocab-stuffing',
  'reversed-point',
  'negation-forms',
  'false-fact',
  'non-english',
  'off-topic',
  'terse-correct',
  'hedged',
]);
const KEYS = new Set([
  'id',
  'scenarioId',
  'kind',
  'decision',
  'justification',
  'prediction',
  'handScore',
  'reason',
  'shape',
  'split',
]);

const scenarios = new Map();
for (const file of readdirSync(SCENARIO_DIR).filter((name) => name.endsWith('.md'))) {
  const { data } = matter(readFileSync(join(SCENARIO_DIR, file), 'utf8'));
  scenarios.set(data.id, data);
}

const items = JSON.parse(readFileSync(FILE, 'utf8'));
const errors = [];
const count = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);
const byShape = new Map();
const byKind = new Map();
const byScenario = new Map();
const ids = new Set();

if (!Array.isArray(items) || items.length === 0) {
  console.error(`${FILE}: the file must hold a non-empty array of items`);
  process.exit(1);
}
const firstMatch = /^(.*?)(\d+)$/.exec(String(items[0].id ?? ''));
const FIRST_ID = firstMatch
  ? { prefix: firstMatch[1], number: Number(firstMatch[2]), width: firstMatch[2].length }
  : { prefix: '', number: 1, width: 3 };
items.forEach((item, index) => {
  const at = `${item.id ?? `#${index}`}`;
  const fail = (message) => errors.push(`${at}: ${message}`);
  for (const key of Object.keys(item)) if (!KEYS.has(key)) fail(`unknown key ${key}`);
  const expectedId = `${FIRST_ID.prefix}${String(FIRST_ID.number + index).padStart(FIRST_ID.width, '0')}`;
  if (item.id !== expectedId) fail(`id should be ${expectedId}`);
  if (ids.has(item.id)) fail('duplicate id');
  ids.add(item.id);
  const scenario = scenarios.get(item.scenarioId);
  if (!scenario) return fail(`unknown scenario ${item.scenarioId}`);
  if (item.kind !== scenario.kind) fail(`kind ${item.kind} but the scenario is ${scenario.kind}`);
  const answer = scenario.answer;
  if (answer.type === 'choice') {
    const options = answer.options.map((option) => String(option.id));
    if (typeof item.decision !== 'string' || !options.includes(item.decision))
      fail(`decision ${JSON.stringify(item.decision)} is not one of ${options.join(', ')}`);
  } else if (answer.type === 'order') {
    const all = answer.items.map((step) => String(step.id));
    const given = item.decision;
    if (
      !Array.isArray(given) ||
      given.length !== all.length ||
      new Set(given).size !== all.length ||
      !given.every((id) => all.includes(id))
    ) {
      fail(`decision must be a permutation of ${all.join(', ')}`);
    }
  } else if (typeof item.decision !== 'number' || !Number.isFinite(item.decision)) {
    fail('decision must be a finite number');
  }
  const prediction = scenario.simulator?.prediction;
  if (item.prediction !== undefined) {
    if (!prediction) fail('the scenario has no prediction');
    else if (!prediction.options.map((option) => String(option.id)).includes(item.prediction))
      fail(`unknown prediction ${item.prediction}`);
  }
  if (typeof item.justification !== 'string') fail('justification must be text');
  if (!Number.isInteger(item.handScore) || item.handScore < 0 || item.handScore > 100)
    fail('handScore must be an integer 0..100');
  if (typeof item.reason !== 'string' || item.reason.length < 10) fail('reason must be text');
  if (!SHAPES.has(item.shape)) fail(`unknown shape ${item.shape}`);
  if (item.shape === 'non-english' && !/non-English/.test(item.reason))
    fail('a non-english reason must say "non-English"');
  if (
    ![
      'tune',
      'holdout',
      'holdout2',
      'holdout3',
      'holdout4',
      'holdout5',
      'holdout6',
      'holdout7',
      'holdout8',
      'holdout9',
      'holdout10',
      'holdout11',
      'holdout12',
    ].includes(item.split)
  )
    fail(`unknown split ${item.split}`);
  else if (item.split !== items[0].split)
    fail(`split ${item.split} differs from the file's ${items[0].split}`);
  count(byShape, item.shape);
  count(byKind, item.kind);
  count(byScenario, item.scenarioId);
});

const words = items.map((item) =>
  item.justification.trim() ? item.justification.trim().split(/\s+/).length : 0,
);
const bands = Array.from(
  { length: 10 },
  (_, band) => items.filter((item) => Math.min(9, Math.floor(item.handScore / 10)) === band).length,
);
console.log(`${items.length} items, ${byScenario.size} of ${scenarios.size} scenarios`);
console.log('shapes:', Object.fromEntries([...byShape].sort()));
console.log('kinds:', Object.fromEntries([...byKind].sort()));
console.log('with prediction:', items.filter((item) => item.prediction !== undefined).length);
console.log(
  `words: min ${Math.min(...words)}, max ${Math.max(...words)}, mean ${Math.round(words.reduce((a, b) => a + b, 0) / words.length)}`,
);
console.log('score bands 0-9 … 90-100:', bands.join(' '));
for (const shape of [...byShape.keys()].sort()) {
  const scores = items.filter((item) => item.shape === shape).map((item) => item.handScore);
  console.log(
    `  ${shape}: n ${scores.length}, mean ${Math.round(scores.reduce((a, b) => a + b, 0) / scores.length)}, range ${Math.min(...scores)}–${Math.max(...scores)}`,
  );
}
if (errors.length > 0) {
  console.error(errors.join('\n'));
  process.exit(1);
}
