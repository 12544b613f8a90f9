import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import matter from 'gray-matter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenarioFile, readScenarioDir } from '@/lib/content/scenario-pack';
import { scenarioFrontmatterSchema, type ScenarioFrontmatter } from '@/lib/content/scenario-schema';
import type { GradableScenario } from '@/lib/grading/types';

const FIXTURE_DIR = path.resolve(import.meta.dirname, '../../fixtures/scenarios');
const FILE = 'content/service-mesh/scenarios/x.md';

let base: Record<string, unknown>;
let context: string;
beforeAll(async () => {
  const parsed = matter(await readFile(path.join(FIXTURE_DIR, 'fixture-diagnose-retry-storm.md'), 'utf8'), {});
  base = parsed.data;
  context = parsed.content;
});

/** Deep copy of the valid fixture with `edit` applied, serialised back to a file. */
function fileWith(edit: (data: Record<string, unknown>) => void): string {
  const data = structuredClone(base);
  edit(data);
  return matter.stringify(context, data);
}

const problemsOf = (edit: (data: Record<string, unknown>) => void) => parseScenarioFile(FILE, fileWith(edit)).problems;
const rubric = (data: Record<string, unknown>) => data.rubric as Array<Record<string, unknown>>;
const answer = (data: Record<string, unknown>) => data.answer as Record<string, unknown>;

describe('scenario frontmatter schema', () => {
  it('accepts every fixture and produces a value the grader accepts', async () => {
    const { scenarios, problems } = await readScenarioDir(FIXTURE_DIR);
    expect(problems).toEqual([]);
    expect(scenarios.map((s) => s.kind).sort()).toEqual(['choose', 'diagnose', 'estimate', 'justify', 'rollout']);
    // Type-level check: the schema output is assignable to the grader's input type.
    const gradable: GradableScenario[] = scenarios satisfies ScenarioFrontmatter[];
    expect(gradable[0]?.rubric.length).toBeGreaterThanOrEqual(3);
  });

  it.each<[string, (data: Record<string, unknown>) => void, string]>([
    ['unknown correct option', (d) => void (answer(d).correct = ['nope']), `${FILE}: answer.correct[0]: "nope" is not one of the options ids`],
    ['weight above 3', (d) => void (rubric(d)[0]!.weight = 4), `${FILE}: rubric[0].weight: must be 1..3`],
    ['weight 0', (d) => void (rubric(d)[1]!.weight = 0), `${FILE}: rubric[1].weight: must be 1..3`],
    ['fractional weight', (d) => void (rubric(d)[0]!.weight = 1.5), `${FILE}: rubric[0].weight: must be an integer 1..3`],
    [
      'unknown lesson in rubric',
      (d) => void (rubric(d)[0]!.lessonId = 'istio-internals'),
      `${FILE}: rubric[0].lessonId: must be one of the lesson ids`,
    ],
    ['unknown lesson in lessonIds', (d) => void (d.lessonIds = ['nope']), `${FILE}: lessonIds[0]: must be one of the lesson ids`],
    [
      'unknown preset',
      (d) => void ((d.simulator as Record<string, unknown>).presetId = 'chaos-monkey'),
      `${FILE}: simulator.presetId: must be one of the simulator preset ids`,
    ],
    [
      'prediction answer not an option',
      (d) => void (((d.simulator as Record<string, unknown>).prediction as Record<string, unknown>).correct = 'x100'),
      `${FILE}: simulator.prediction.correct: "x100" is not one of the prediction option ids`,
    ],
    ['kind and answer type disagree', (d) => void (d.kind = 'rollout'), `${FILE}: answer.type: a rollout scenario needs answer type "order"`],
    ['duplicate rubric id', (d) => void (rubric(d)[1]!.id = rubric(d)[0]!.id), `${FILE}: rubric[1].id: duplicate rubric id "amplification"`],
    ['too few criteria', (d) => void (d.rubric = rubric(d).slice(0, 2)), `${FILE}: rubric: must have 3..8 criteria`],
    ['no wrong turns', (d) => void (d.wrongTurns = []), `${FILE}: wrongTurns: must have 1..5 wrong turns`],
    ['empty phrase', (d) => void (rubric(d)[0]!.phrases = ['  ']), `${FILE}: rubric[0].phrases[0]: must not be empty`],
    ['punctuation-only phrase', (d) => void (rubric(d)[0]!.phrases = ['—']), `${FILE}: rubric[0].phrases[0]: must contain at least one word`],
    ['difficulty 4', (d) => void (d.difficulty = 4), `${FILE}: difficulty: must be 1, 2 or 3`],
    ['unknown competency', (d) => void (d.competencies = ['kubernetes']), `${FILE}: competencies[0]:`],
    ['missing model answer', (d) => void delete d.modelAnswer, `${FILE}: modelAnswer: is required`],
    ['unknown field', (d) => void (d.hint = 'x'), `${FILE}: hint: unknown field`],
  ])('%s → names the file and field', (_name, edit, expected) => {
    const problems = problemsOf(edit);
    expect(problems.some((line) => line.startsWith(expected))).toBe(true);
  });

  it('checks order answers are a permutation of the items', () => {
    const orderAnswer = { type: 'order', items: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }, { id: 'c', label: 'C' }], correct: ['a', 'b'] };
    const problems = problemsOf((d) => {
      d.kind = 'rollout';
      d.answer = orderAnswer;
    });
    expect(problems).toEqual([`${FILE}: answer.correct: must list every item id exactly once, in the right order`]);
  });

  it('checks number answers have a relative tolerance and a non-zero value', () => {
    const problems = problemsOf((d) => {
      d.kind = 'estimate';
      d.answer = { type: 'number', unit: 'ms', correct: 0, tolerance: 1.5 };
    });
    expect(problems).toContain(`${FILE}: answer.correct: must be a finite, non-zero number (the tolerance is relative)`);
    expect(problems).toContain(`${FILE}: answer.tolerance: must be ≤ 1 (relative, 0.15 = ±15 %)`);
  });

  it('keeps YAML ids such as `no` and numeric ids as strings', () => {
    const result = scenarioFrontmatterSchema.safeParse({
      ...structuredClone(base),
      answer: { type: 'choice', options: [{ id: 'no', label: 'No' }, { id: 1, label: 'One' }], correct: [1] },
    });
    expect(result.success).toBe(true);
    if (result.success && result.data.answer.type === 'choice') expect(result.data.answer.correct).toEqual(['1']);
  });

  it('reports invalid YAML, a missing frontmatter and an empty context', () => {
    expect(parseScenarioFile(FILE, '---\nid: [unclosed\n---\nbody')).toMatchObject({ scenario: null });
    expect(parseScenarioFile(FILE, '---\nid: [unclosed\n---\nbody').problems[0]).toMatch(/^content\/service-mesh\/scenarios\/x\.md: frontmatter: invalid YAML/);
    expect(parseScenarioFile(FILE, 'just text').problems).toEqual([`${FILE}: frontmatter: missing (start the file with a --- YAML block)`]);
    expect(parseScenarioFile(FILE, matter.stringify('\n', structuredClone(base))).problems).toEqual([
      `${FILE}: body: the context (markdown body) must not be empty`,
    ]);
  });
});

describe('readScenarioDir', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'scenarios-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('requires the id to equal the file name and reports a missing directory', async () => {
    await writeFile(path.join(dir, 'other-name.md'), fileWith(() => undefined));
    const { scenarios, problems } = await readScenarioDir(dir);
    expect(scenarios).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/other-name\.md: id: must equal the file name "other-name" \(found "fixture-diagnose-retry-storm"\)$/);
    expect((await readScenarioDir(path.join(dir, 'missing'))).problems[0]).toMatch(/missing: \(root\): directory is missing$/);
  });
});
