/**
 * Simulator CLI (stable contract, see docs/simulator.md):
 *   npm run sim -- --config <file.json> [--seed N] [--requests N] [--max-events N] [--json]
 * `runCli` does everything except exiting, so tests call it in-process. Every input is
 * validated (zod for the file, explicit ranges for the flags) and every run has an event
 * budget checked before it starts and enforced while it runs.
 * Exit codes: 0 ok, 1 invalid config, arguments or over budget, 2 unreadable file.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { z } from 'zod';
import { CLI_EVENT_BUDGET, checkBudget, estimateEvents } from '@/lib/sim/budget';
import { formatConfigIssues, simConfigSchema } from '@/lib/sim/config';
import { runBatch, SimBudgetError } from '@/lib/sim/engine';
import type { LatencyStats, SimSummary } from '@/lib/sim/engine';
import { intentListSchema } from '@/lib/sim/intents';
import type { Intent } from '@/lib/sim/intents';

/** Largest config file the CLI reads. */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** Largest seed (seeds are uint32). */
export const MAX_SEED = 4294967295;
/** Largest `--max-events`. */
export const MAX_EVENT_BUDGET = 10_000_000_000;

/** What a CLI invocation produced. */
export type CliResult = { code: number; stdout: string; stderr: string };

class CliError extends Error {
  constructor(
    message: string,
    readonly code = 1,
  ) {
    super(message);
  }
}

const USAGE =
  'usage: npm run sim -- --config <file.json> [--seed N] [--requests N] [--max-events N] [--json]\n';

type Args = {
  config: string;
  seed: number | null;
  requests: number | null;
  maxEvents: number;
  json: boolean;
};

function parseArgs(argv: string[]): Args | 'help' {
  const out: Partial<Args> = {
    seed: null,
    requests: null,
    maxEvents: CLI_EVENT_BUDGET,
    json: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new CliError(`${arg} needs a value`);
      return v;
    };
    const int = (v: string, min: number, max: number) => {
      const n = /^\d+$/.test(v) ? Number(v) : NaN;
      if (!Number.isSafeInteger(n) || n < min || n > max)
        throw new CliError(
          `${arg} must be an integer from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}, got "${v}"`,
        );
      return n;
    };
    if (arg === '--config') out.config = value();
    else if (arg === '--seed') out.seed = int(value(), 0, MAX_SEED);
    // The same cap as `requests` in a config file (the schema checks it again below).
    else if (arg === '--requests') out.requests = int(value(), 1, 50_000_000);
    else if (arg === '--max-events') out.maxEvents = int(value(), 1, MAX_EVENT_BUDGET);
    else if (arg === '--json') out.json = true;
    else if (arg === '--help' || arg === '-h') return 'help';
    else throw new CliError(`unknown argument "${arg}" (try --help)`);
  }
  if (!out.config) throw new CliError('missing --config <file.json>');
  return out as Args;
}

/** Reads at most MAX_CONFIG_BYTES (works for pipes and devices such as /dev/zero, too). */
function readLimited(file: string): string {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw new CliError(`cannot read ${file}: ${(e as Error).message}`, 2);
  }
  try {
    if (fstatSync(fd).isDirectory())
      throw new CliError(`cannot read ${file}: it is a directory`, 2);
    const buf = Buffer.alloc(MAX_CONFIG_BYTES + 1);
    let len = 0;
    for (;;) {
      const n = readSync(fd, buf, len, buf.length - len, null);
      if (n === 0) break;
      len += n;
      if (len > MAX_CONFIG_BYTES)
        throw new CliError(
          `${file} is larger than ${MAX_CONFIG_BYTES / 1024} KiB; a config is a small JSON file`,
          2,
        );
    }
    return buf.subarray(0, len).toString('utf8');
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`cannot read ${file}: ${(e as Error).message}`, 2);
  } finally {
    closeSync(fd);
  }
}

// A preset file: { config, seed?, intents?, … } (other keys, e.g. title, are ignored).
const presetFileSchema = z.looseObject({
  config: z.unknown(),
  seed: z.number().int().min(0).max(MAX_SEED).optional(),
  intents: intentListSchema.optional(),
});

function issues(prefix: string, list: readonly z.core.$ZodIssue[]): string[] {
  return formatConfigIssues(
    list.map((i) => ({ ...i, path: prefix ? [prefix, ...i.path] : i.path })),
  );
}

function run(argv: string[]): string {
  const args = parseArgs(argv);
  if (args === 'help') return USAGE;
  const text = readLimited(args.config);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new CliError(`cannot parse ${args.config}: ${(e as Error).message}`, 2);
  }
  let configInput = raw;
  let intents: Intent[] = [];
  let seed = args.seed ?? 1;
  let prefix = '';
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw) && 'config' in raw) {
    const preset = presetFileSchema.safeParse(raw);
    if (!preset.success)
      throw new CliError(
        `invalid preset in ${args.config}:\n  ${issues('', preset.error.issues).join('\n  ')}`,
      );
    configInput = preset.data.config;
    intents = preset.data.intents ?? [];
    if (args.seed === null && preset.data.seed !== undefined) seed = preset.data.seed;
    prefix = 'config';
  }
  // --requests goes through the schema like the file's own value (same cap, same checks).
  if (args.requests !== null && configInput !== null && typeof configInput === 'object')
    configInput = { ...configInput, requests: args.requests };
  const parsed = simConfigSchema.safeParse(configInput);
  if (!parsed.success)
    throw new CliError(
      `invalid config in ${args.config}:\n  ${issues(prefix, parsed.error.issues).join('\n  ')}`,
    );
  const config = parsed.data;
  const over = checkBudget(
    estimateEvents(config, { requests: config.requests }),
    args.maxEvents,
    `this run (${config.requests.toLocaleString('en-US')} requests)`,
  );
  if (over) throw new CliError(`${over} (or raise --max-events)`);
  let summary: SimSummary;
  try {
    summary = runBatch(config, { seed, intents, maxEvents: args.maxEvents });
  } catch (e) {
    if (e instanceof SimBudgetError) throw new CliError(`${e.message} (or raise --max-events)`);
    throw e;
  }
  return args.json ? jsonOut(summary) : textOut(summary, seed);
}

const pick = (s: LatencyStats) => ({
  meanMs: s.meanMs,
  p50Ms: s.p50Ms,
  p95Ms: s.p95Ms,
  p99Ms: s.p99Ms,
  errorRate: s.errorRate,
  throughputRps: s.throughputRps,
});

function jsonOut(summary: SimSummary): string {
  const out = {
    endToEnd: { ...pick(summary.endToEnd), errorsByCause: summary.endToEnd.errorsByCause },
    services: Object.fromEntries(
      Object.entries(summary.services).map(([name, s]) => [
        name,
        {
          ...pick(s),
          utilization: s.utilization,
          offeredLoad: s.offeredLoad,
          attempts: s.attempts,
          retries: s.retries,
          cpuVcpu: s.cpuVcpu,
          memoryMiB: s.memoryMiB,
          errorsByCause: s.errorsByCause,
        },
      ]),
    ),
    security: summary.security,
    dataPlane: summary.dataPlane,
    decisions: summary.decisions,
    warnings: summary.warnings,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

function textOut(summary: SimSummary, seed: number): string {
  const f = (x: number, d = 2) => x.toFixed(d);
  const e = summary.endToEnd;
  const lines = [
    `seed ${seed}, ${e.count.toLocaleString('en-US')} measured requests, data plane ${summary.dataPlane.mode}`,
    `end to end: mean ${f(e.meanMs, 3)} ms  p50 ${f(e.p50Ms, 3)}  p95 ${f(e.p95Ms, 3)}  p99 ${f(e.p99Ms, 3)}  errors ${f(e.errorRate * 100)}%  ${f(e.throughputRps, 1)} rps`,
  ];
  for (const [name, s] of Object.entries(summary.services))
    lines.push(
      `  ${name}: mean ${f(s.meanMs, 3)} ms  p99 ${f(s.p99Ms, 3)}  errors ${f(s.errorRate * 100)}%  busy ${f(s.utilization, 3)} (offered ${f(s.offeredLoad, 3)})  attempts ${s.attempts} (retries ${s.retries})  proxy ${f(s.cpuVcpu, 3)} vCPU ${f(s.memoryMiB, 0)} MiB`,
    );
  lines.push(
    `security: ${f(summary.security.encryptedShare * 100, 1)}% encrypted, ${f(summary.security.authorizedShare * 100, 1)}% explicitly authorized`,
    `proxies: ${summary.dataPlane.proxies}, ${f(summary.dataPlane.cpuVcpu, 3)} vCPU, ${f(summary.dataPlane.memoryMiB, 0)} MiB`,
  );
  for (const d of summary.decisions)
    lines.push(`decision ${d.index} [${d.status}]: ${d.what} ${d.predicted}`);
  for (const w of summary.warnings) lines.push(`warning: ${w}`);
  return `${lines.join('\n')}\n`;
}

/** Runs the CLI on `argv` (without node and script) and returns its output and exit code. */
export function runCli(argv: string[]): CliResult {
  try {
    return { code: 0, stdout: run(argv), stderr: '' };
  } catch (e) {
    if (e instanceof CliError) return { code: e.code, stdout: '', stderr: `sim: ${e.message}\n` };
    throw e;
  }
}
