import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import { z } from 'zod';
import { applyIntent, validateIntent } from '@/lib/sim/control-plane';
import type { SimConfig } from '@/lib/sim/config';
import { CAUSES, runBatch } from '@/lib/sim/engine';
import type { SimSummary } from '@/lib/sim/engine';
import { intentSchema } from '@/lib/sim/intents';
import { PRESET_IDS } from '@/lib/sim/preset-ids';
import type { Preset } from '@/lib/sim/presets';
import type { ContentChecker } from './content-error';
import { formatZodIssues } from './content-error';
import { readPresetDir } from './simulator-preset-pack';

// Preset checks (content/simulator/checks/<preset-id>.json): every number that a preset
// description, a scenario prediction or a lesson states about a preset is declared here with the
// metric, the window it is measured in, the expected value and a tolerance. `content:check` and
// tests/unit/content/preset-checks.test.ts run each window through the engine (seeded, a bounded
// number of requests) and fail on any mismatch. No 'server-only': plain tsx uses it.

const SERVICE_STATS = [
  'attemptsPerRequest',
  'utilization',
  'offeredLoad',
  'errorRate',
  'p50Ms',
  'p99Ms',
  'meanMs',
  'cpuVcpu',
  'memoryMiB',
  'canaryShare',
  'ejections',
] as const;
const LATENCY_STATS = ['errorRate', 'p50Ms', 'p95Ms', 'p99Ms', 'meanMs', 'throughputRps'] as const;

/** What is measured in a window's summary. */
export const checkMetricSchema = z.discriminatedUnion('scope', [
  z.strictObject({ scope: z.literal('endToEnd'), stat: z.enum(LATENCY_STATS) }),
  z.strictObject({
    scope: z.literal('service'),
    service: z.string().min(1).max(40),
    stat: z.enum(SERVICE_STATS),
  }),
  z.strictObject({
    scope: z.literal('security'),
    stat: z.enum(['encryptedShare', 'authorizedShare']),
  }),
  z.strictObject({
    scope: z.literal('dataPlane'),
    stat: z.enum(['cpuVcpu', 'memoryMiB', 'proxies']),
  }),
  /** Share of completed root requests that failed with this cause (0..1). */
  z.strictObject({ scope: z.literal('errorCause'), cause: z.enum(CAUSES) }),
]);
export type CheckMetric = z.infer<typeof checkMetricSchema>;

/**
 * A measurement window: the preset's config after its first `afterStep` intents (what the
 * learner has after pressing Step that many times), plus optional what-if intents, run as a
 * fresh seeded batch of `requests` root requests with the first 20 % discarded as warm-up.
 */
export const checkWindowSchema = z.strictObject({
  afterStep: z.int().min(0).max(8),
  whatIf: z.array(intentSchema).max(4).default([]),
  requests: z.int().min(500).max(20_000).default(4000),
});
export type CheckWindow = z.infer<typeof checkWindowSchema>;

/** Where the checked number is written; `quote` must appear in that text (whitespace-insensitive). */
const statedInSchema = z.strictObject({
  source: z
    .string()
    .regex(/^(preset|scenario:[a-z0-9-]+|lesson:[a-z0-9-]+)$/, {
      error: 'must be "preset", "scenario:<id>" or "lesson:<id>"',
    }),
  quote: z.string().trim().min(2).max(200),
});

const expectSchema = z.union([
  z.strictObject({ approx: z.number(), tolerance: z.number().positive() }),
  z.strictObject({ atLeast: z.number() }),
  z.strictObject({ atMost: z.number() }),
]);

/** One declared number about a preset. */
export const presetCheckSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  claim: z.string().trim().min(5).max(300),
  metric: checkMetricSchema,
  window: checkWindowSchema,
  /** Compare with a second window: the value becomes `window − baseline` or `window ÷ baseline`. */
  relativeTo: z
    .strictObject({ op: z.enum(['difference', 'ratio']), window: checkWindowSchema })
    .optional(),
  /** Divides the value (e.g. by the number of hops to get a per-hop figure). */
  divideBy: z.number().positive().default(1),
  expect: expectSchema,
  statedIn: z.array(statedInSchema).min(1).max(6),
});
export type PresetCheck = z.infer<typeof presetCheckSchema>;

/** A checks file: every check for one preset. */
export const presetChecksFileSchema = z.strictObject({
  presetId: z.enum(PRESET_IDS),
  checks: z.array(presetCheckSchema).min(1).max(24),
});
export type PresetChecksFile = z.infer<typeof presetChecksFileSchema>;

/** The config of a window, or a problem message when an intent is not valid at that point. */
export function windowConfig(preset: Preset, window: CheckWindow): SimConfig | string {
  if (window.afterStep > preset.intents.length)
    return `afterStep ${window.afterStep} is past the preset's ${preset.intents.length} steps`;
  let config = preset.config;
  for (const intent of preset.intents.slice(0, window.afterStep))
    config = applyIntent(config, intent);
  for (const [i, intent] of window.whatIf.entries()) {
    const error = validateIntent(config, intent);
    if (error) return `whatIf[${i}]: ${error}`;
    config = applyIntent(config, intent);
  }
  return config;
}

/** Runs a window through the engine (deterministic: the preset's seed). */
export function runWindow(preset: Preset, window: CheckWindow): SimSummary | string {
  const config = windowConfig(preset, window);
  if (typeof config === 'string') return config;
  return runBatch({ ...config, warmupFraction: 0.2 }, { seed: preset.seed, requests: window.requests });
}

/** Reads a metric from a summary; a string when it names something the summary does not have. */
export function readMetric(summary: SimSummary, metric: CheckMetric): number | string {
  switch (metric.scope) {
    case 'endToEnd':
      return summary.endToEnd[metric.stat];
    case 'service': {
      const stats = summary.services[metric.service];
      return stats ? stats[metric.stat] : `no service "${metric.service}" in the preset`;
    }
    case 'security':
      return summary.security[metric.stat];
    case 'dataPlane':
      return summary.dataPlane[metric.stat];
    case 'errorCause': {
      const { count, errorsByCause } = summary.endToEnd;
      return count === 0 ? 0 : (errorsByCause[metric.cause] ?? 0) / count;
    }
  }
}

/** The measured value of a check, or a problem message. */
export function measureCheck(preset: Preset, check: PresetCheck): number | string {
  const main = runWindow(preset, check.window);
  if (typeof main === 'string') return `window: ${main}`;
  const value = readMetric(main, check.metric);
  if (typeof value === 'string') return `metric: ${value}`;
  if (!check.relativeTo) return value / check.divideBy;
  const base = runWindow(preset, check.relativeTo.window);
  if (typeof base === 'string') return `relativeTo.window: ${base}`;
  const baseValue = readMetric(base, check.metric);
  if (typeof baseValue === 'string') return `metric: ${baseValue}`;
  if (check.relativeTo.op === 'difference') return (value - baseValue) / check.divideBy;
  if (baseValue === 0) return 'relativeTo: the baseline is 0, a ratio is undefined';
  return value / baseValue / check.divideBy;
}

/** Whether a measured value meets the expectation. */
export function meetsExpectation(value: number, expected: PresetCheck['expect']): boolean {
  if ('approx' in expected) return Math.abs(value - expected.approx) <= expected.tolerance;
  if ('atLeast' in expected) return value >= expected.atLeast;
  return value <= expected.atMost;
}

function describeExpectation(expected: PresetCheck['expect']): string {
  if ('approx' in expected) return `${expected.approx} ± ${expected.tolerance}`;
  if ('atLeast' in expected) return `≥ ${expected.atLeast}`;
  return `≤ ${expected.atMost}`;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').toLowerCase();

/**
 * Outcome numbers a preset's own text states ("≈ 3%", "about 1.2 vCPU", "toward 27×"): each
 * must sit inside the quote of one of that preset's checks, so no stated outcome goes unchecked.
 */
export function statedOutcomes(text: string): string[] {
  const pattern =
    /(?:≈|~|about|roughly|toward|towards|around)\s*\d[\d.,]*\s*(?:%|×|x\b|ms\b|vcpu\b)/gi;
  return [...text.matchAll(pattern)].map((m) => m[0]);
}

/** The texts a check may quote from, by source. */
export type QuotableTexts = {
  presets: Map<string, string>;
  /** `predictionKey`: the correct option id of the scenario's simulator prediction, if it has one. */
  scenarios: Map<string, { text: string; presetId: string | null; predictionKey: string | null }>;
  lessons: Map<string, string>;
};

/** Static problems of the checks (quotes, coverage) — everything except running the engine. */
export function checkCoverage(
  files: ReadonlyArray<{ file: string; data: PresetChecksFile }>,
  texts: QuotableTexts,
): string[] {
  const problems: string[] = [];
  const byPreset = new Map(files.map((f) => [f.data.presetId, f]));
  for (const id of PRESET_IDS)
    if (!byPreset.has(id)) problems.push(`content/simulator/checks/${id}.json: missing checks file`);
  const citedScenarios = new Map<string, string[]>();
  for (const { file, data } of files) {
    const ids = new Set<string>();
    const presetQuotes: string[] = [];
    data.checks.forEach((check, i) => {
      if (ids.has(check.id)) problems.push(`${file}: checks[${i}].id: duplicate id "${check.id}"`);
      ids.add(check.id);
      check.statedIn.forEach((where, j) => {
        const at = `${file}: checks[${i}].statedIn[${j}]`;
        let text: string | undefined;
        if (where.source === 'preset') {
          text = texts.presets.get(data.presetId);
          presetQuotes.push(squash(where.quote));
        } else if (where.source.startsWith('scenario:')) {
          const id = where.source.slice('scenario:'.length);
          const scenario = texts.scenarios.get(id);
          if (scenario && scenario.presetId !== data.presetId) {
            problems.push(`${at}: scenario "${id}" does not use preset "${data.presetId}"`);
            return;
          }
          citedScenarios.set(id, [...(citedScenarios.get(id) ?? []), squash(where.quote)]);
          text = scenario?.text;
        } else {
          text = texts.lessons.get(where.source.slice('lesson:'.length));
        }
        if (text === undefined) problems.push(`${at}.source: "${where.source}" does not exist`);
        else if (!squash(text).includes(squash(where.quote)))
          problems.push(`${at}.quote: "${where.quote}" does not appear in ${where.source}`);
      });
    });
    const own = texts.presets.get(data.presetId) ?? '';
    for (const outcome of statedOutcomes(own))
      if (!presetQuotes.some((q) => q.includes(squash(outcome))))
        problems.push(
          `${file}: checks: preset "${data.presetId}" states "${outcome}" but no check quotes it`,
        );
  }
  // A prediction's key must be what a check verifies: one citing quote is exactly `correct: <key>`.
  for (const [id, scenario] of texts.scenarios) {
    if (scenario.predictionKey === null) continue;
    const want = squash(`correct: ${scenario.predictionKey}`);
    if (!(citedScenarios.get(id) ?? []).includes(want))
      problems.push(
        `content/service-mesh/scenarios/${id}.md: simulator.prediction: no preset check covers its key (add one with statedIn "scenario:${id}", quote "correct: ${scenario.predictionKey}")`,
      );
  }
  return problems;
}

/** Runs every check through the engine; returns mismatch problems and the measured values. */
export function runChecks(
  files: ReadonlyArray<{ file: string; data: PresetChecksFile }>,
  presets: ReadonlyMap<string, Preset>,
): { problems: string[]; results: { presetId: string; id: string; value: number }[] } {
  const problems: string[] = [];
  const results: { presetId: string; id: string; value: number }[] = [];
  for (const { file, data } of files) {
    const preset = presets.get(data.presetId);
    if (!preset) {
      problems.push(`${file}: presetId: preset "${data.presetId}" is missing or invalid`);
      continue;
    }
    data.checks.forEach((check, i) => {
      const value = measureCheck(preset, check);
      const at = `${file}: checks[${i}] (${check.id})`;
      if (typeof value === 'string') problems.push(`${at}: ${value}`);
      else {
        results.push({ presetId: data.presetId, id: check.id, value });
        if (!meetsExpectation(value, check.expect))
          problems.push(
            `${at}: measured ${value.toPrecision(4)}, expected ${describeExpectation(check.expect)} — "${check.claim}"`,
          );
      }
    });
  }
  return { problems, results };
}

/** Reads every checks file in `dir`. */
export async function readChecksDir(
  dir: string,
): Promise<{ files: { file: string; data: PresetChecksFile }[]; problems: string[] }> {
  const files: { file: string; data: PresetChecksFile }[] = [];
  const problems: string[] = [];
  let names: string[] = [];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    problems.push('content/simulator/checks: (root): directory is missing');
  }
  for (const name of names) {
    const file = `content/simulator/checks/${name}`;
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(path.join(dir, name), 'utf8'));
    } catch (error) {
      problems.push(`${file}: (root): ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const parsed = presetChecksFileSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(...formatZodIssues(file, parsed.error.issues));
      continue;
    }
    if (`${parsed.data.presetId}.json` !== name)
      problems.push(`${file}: presetId: must equal the file name`);
    files.push({ file, data: parsed.data });
  }
  return { files, problems };
}

async function readTexts(contentRoot: string, presets: readonly Preset[]): Promise<QuotableTexts> {
  const presetTexts = new Map(
    presets.map((p) => [p.id, [p.title, p.description, ...p.observe].join('\n')]),
  );
  const scenarios: QuotableTexts['scenarios'] = new Map();
  const scenarioDir = path.join(contentRoot, 'service-mesh', 'scenarios');
  for (const name of (await readdir(scenarioDir)).filter((n) => n.endsWith('.md'))) {
    const raw = await readFile(path.join(scenarioDir, name), 'utf8');
    const data = matter(raw, {}).data as {
      simulator?: { presetId?: string; prediction?: { correct?: unknown } };
    };
    const key = data.simulator?.prediction?.correct;
    scenarios.set(name.slice(0, -3), {
      text: raw,
      presetId: data.simulator?.presetId ?? null,
      predictionKey: key === undefined || key === null ? null : String(key),
    });
  }
  const lessons = new Map<string, string>();
  const lessonDir = path.join(contentRoot, 'service-mesh', 'lessons');
  for (const name of (await readdir(lessonDir)).filter((n) => n.endsWith('.md')))
    lessons.set(name.slice(0, -3), await readFile(path.join(lessonDir, name), 'utf8'));
  return { presets: presetTexts, scenarios, lessons };
}

/** `content:check` entry: validates the checks, their quotes and coverage, then runs them. */
export const presetChecksChecker: ContentChecker = {
  name: 'preset checks',
  async check(contentRoot) {
    const { presets, problems: presetProblems } = await readPresetDir(
      path.join(contentRoot, 'simulator', 'presets'),
    );
    if (presetProblems.length > 0)
      return { problems: ['preset checks: fix the simulator presets first'] };
    const { files, problems } = await readChecksDir(path.join(contentRoot, 'simulator', 'checks'));
    problems.push(...checkCoverage(files, await readTexts(contentRoot, presets)));
    const run = runChecks(files, new Map(presets.map((p) => [p.id, p])));
    problems.push(...run.problems);
    const count = files.reduce((n, f) => n + f.data.checks.length, 0);
    return { problems, summary: `${count} checks over ${files.length} presets, all within tolerance` };
  },
};
