import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PresetChecksFile, QuotableTexts } from '@/lib/content/preset-checks';
import {
  checkCoverage,
  presetChecksChecker,
  presetChecksFileSchema,
  readChecksDir,
  runChecks,
  statedOutcomes,
} from '@/lib/content/preset-checks';
import { readPresetDir } from '@/lib/content/simulator-preset-pack';
import { PRESET_IDS } from '@/lib/sim/preset-ids';

const CONTENT = path.resolve(import.meta.dirname, '../../../content');

async function load() {
  const { presets } = await readPresetDir(path.join(CONTENT, 'simulator', 'presets'));
  const { files, problems } = await readChecksDir(path.join(CONTENT, 'simulator', 'checks'));
  expect(problems).toEqual([]);
  return { presets: new Map(presets.map((p) => [p.id, p])), files };
}

const retryFile = (expectAttempts: number): { file: string; data: PresetChecksFile } => ({
  file: 'test.json',
  data: presetChecksFileSchema.parse({
    presetId: 'retry-storm',
    checks: [
      {
        id: 'leaf',
        claim: 'the leaf takes this many attempts',
        metric: { scope: 'service', service: 'inventory-svc', stat: 'attemptsPerRequest' },
        window: { afterStep: 1, requests: 1000 },
        expect: { approx: expectAttempts, tolerance: 1.5 },
        statedIn: [{ source: 'preset', quote: 'about 27×' }],
      },
    ],
  }),
});

describe('preset checks', () => {
  it('every stated number about every preset matches the engine (the content:check entry)', async () => {
    const { problems, summary } = await presetChecksChecker.check(CONTENT);
    expect(problems).toEqual([]);
    expect(summary).toMatch(/^\d+ checks over 10 presets/);
  });

  it('covers every preset and every scenario prediction', async () => {
    const { files } = await load();
    expect(files.map((f) => f.data.presetId).sort()).toEqual([...PRESET_IDS].sort());
    const cited = new Set(
      files.flatMap((f) => f.data.checks.flatMap((c) => c.statedIn.map((s) => s.source))),
    );
    expect(cited).toContain('scenario:diagnose-retry-storm-failing-leaf');
    expect(cited).toContain('scenario:diagnose-canary-v2-errors');
    expect(cited).toContain('scenario:diagnose-fault-injection-disables-retries');
  });

  it('fails a check whose expected value disagrees with the run (the old 9× key)', async () => {
    const { presets } = await load();
    expect(runChecks([retryFile(27)], presets).problems).toEqual([]);
    const { problems } = runChecks([retryFile(9)], presets);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/test\.json: checks\[0\] \(leaf\): measured 2\d\.\d+, expected 9 ± 1\.5/);
  });

  it('reports an invalid what-if intent and an unknown service instead of crashing', async () => {
    const { presets } = await load();
    const file = retryFile(27);
    const check = file.data.checks[0]!;
    const bad = {
      ...file,
      data: {
        ...file.data,
        checks: [
          { ...check, window: { ...check.window, whatIf: [{ type: 'clear-fault', service: 'nope' }] } },
          { ...check, metric: { scope: 'service', service: 'nope', stat: 'errorRate' } },
          { ...check, window: { ...check.window, afterStep: 7 } },
        ],
      },
    } as typeof file;
    const { problems } = runChecks([bad], presets);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/window: whatIf\[0\]:/);
    expect(problems[1]).toMatch(/metric: no service "nope"/);
    expect(problems[2]).toMatch(/past the preset's 4 steps/);
  });

  it('rejects malformed checks with zod', () => {
    const parsed = presetChecksFileSchema.safeParse({
      presetId: 'retry-storm',
      checks: [
        {
          id: 'x',
          claim: 'short claim',
          metric: { scope: 'service', service: 'a', stat: 'nonsense' },
          window: { afterStep: 1, requests: 10_000_000 },
          expect: { approx: 1 },
          statedIn: [],
        },
      ],
    });
    expect(parsed.success).toBe(false);
    const paths = parsed.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['checks.0.metric.stat', 'checks.0.window.requests', 'checks.0.statedIn']),
    );
  });

  describe('coverage', () => {
    const texts = (overrides: Partial<QuotableTexts> = {}): QuotableTexts => ({
      presets: new Map([['retry-storm', 'attempts climb to about 27× and then fall']]),
      scenarios: new Map([
        ['s-one', { text: 'the key: correct: x27', presetId: 'retry-storm', predictionKey: 'x27' }],
      ]),
      lessons: new Map(),
      ...overrides,
    });
    const withSources = (sources: { source: string; quote: string }[]) => {
      const file = retryFile(27);
      file.data.checks[0]!.statedIn = sources;
      return [file];
    };
    const only = (problems: string[]) => problems.filter((p) => !p.includes('missing checks file'));

    it('passes when every quote is found and the prediction is cited', () => {
      const files = withSources([
        { source: 'preset', quote: 'about 27×' },
        { source: 'scenario:s-one', quote: 'correct: x27' },
      ]);
      expect(only(checkCoverage(files, texts()))).toEqual([]);
    });

    it('fails when a quote no longer appears in its source (the text was edited)', () => {
      const files = withSources([
        { source: 'preset', quote: 'about 27×' },
        { source: 'scenario:s-one', quote: 'correct: x9' },
      ]);
      expect(only(checkCoverage(files, texts()))).toEqual([
        'test.json: checks[0].statedIn[1].quote: "correct: x9" does not appear in scenario:s-one',
        expect.stringMatching(/s-one\.md: simulator\.prediction: .*quote "correct: x27"/),
      ]);
    });

    it('fails when a scenario prediction has no check', () => {
      const files = withSources([{ source: 'preset', quote: 'about 27×' }]);
      expect(only(checkCoverage(files, texts()))).toEqual([
        expect.stringMatching(/s-one\.md: simulator\.prediction: no preset check covers its key/),
      ]);
    });

    it('fails when the checks cite the scenario but not its current key (the key was changed)', () => {
      const files = withSources([
        { source: 'preset', quote: 'about 27×' },
        { source: 'scenario:s-one', quote: 'correct: x27' },
      ]);
      const changed = texts({
        scenarios: new Map([
          ['s-one', { text: 'correct: x27 and correct: x9', presetId: 'retry-storm', predictionKey: 'x9' }],
        ]),
      });
      expect(only(checkCoverage(files, changed))).toEqual([
        expect.stringMatching(/quote "correct: x9"/),
      ]);
    });

    it('fails when a preset states an outcome no check quotes', () => {
      const files = withSources([
        { source: 'preset', quote: 'and then fall' },
        { source: 'scenario:s-one', quote: 'correct: x27' },
      ]);
      expect(only(checkCoverage(files, texts()))).toEqual([
        'test.json: checks: preset "retry-storm" states "about 27×" but no check quotes it',
      ]);
    });

    it('fails when a check cites a scenario about another preset, or an unknown source', () => {
      const files = withSources([
        { source: 'preset', quote: 'about 27×' },
        { source: 'scenario:s-one', quote: 'correct: x27' },
        { source: 'scenario:s-two', quote: 'x' + 'y' },
        { source: 'lesson:none', quote: 'anything' },
      ]);
      const problems = only(
        checkCoverage(
          files,
          texts({
            scenarios: new Map([
              ['s-one', { text: 'correct: x27', presetId: 'retry-storm', predictionKey: 'x27' }],
              ['s-two', { text: 'xy', presetId: 'canary-bad-v2', predictionKey: null }],
            ]),
          }),
        ),
      );
      expect(problems).toEqual([
        'test.json: checks[0].statedIn[2]: scenario "s-two" does not use preset "retry-storm"',
        'test.json: checks[0].statedIn[3].source: "lesson:none" does not exist',
      ]);
    });
  });

  it('finds stated outcomes but not configuration values', () => {
    expect(statedOutcomes('errors ≈ 3%, about 1.2 vCPU, toward 27×; retries 2 and 20% + 10/s')).toEqual(
      ['≈ 3%', 'about 1.2 vCPU', 'toward 27×'],
    );
  });
});
