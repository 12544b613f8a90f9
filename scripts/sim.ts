/**
 * Simulator CLI (stable contract, see docs/simulator.md):
 *   npm run sim -- --config <file.json> [--seed N] [--requests N] [--json]
 * The config is the same zod-validated format the UI uses. A preset file (with a `config`
 * key) is accepted too; its intents are applied at the start of the run.
 * Exit codes: 0 ok, 1 invalid config or arguments, 2 unreadable file.
 */
import { readFileSync } from 'node:fs';
import { parseSimConfig } from '@/lib/sim/config';
import { runBatch } from '@/lib/sim/engine';
import type { LatencyStats, SimSummary } from '@/lib/sim/engine';
import { intentListSchema } from '@/lib/sim/intents';
import type { Intent } from '@/lib/sim/intents';

function fail(message: string, code = 1): never {
  process.stderr.write(`sim: ${message}\n`);
  process.exit(code);
}

function parseArgs(argv: string[]) {
  const out: { config?: string; seed: number; requests?: number; json: boolean } = {
    seed: 1,
    json: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) fail(`${arg} needs a value`);
      return v;
    };
    const int = (name: string, v: string, min: number) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < min) fail(`${name} must be an integer ≥ ${min}, got "${v}"`);
      return n;
    };
    if (arg === '--config') out.config = value();
    else if (arg === '--seed') out.seed = int('--seed', value(), 0);
    else if (arg === '--requests') out.requests = int('--requests', value(), 1);
    else if (arg === '--json') out.json = true;
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(
        'usage: npm run sim -- --config <file.json> [--seed N] [--requests N] [--json]\n',
      );
      process.exit(0);
    } else fail(`unknown argument "${arg}" (try --help)`);
  }
  if (!out.config) fail('missing --config <file.json>');
  return out;
}

const args = parseArgs(process.argv.slice(2));
let raw: unknown;
try {
  raw = JSON.parse(readFileSync(args.config!, 'utf8'));
} catch (e) {
  fail(`cannot read ${args.config}: ${(e as Error).message}`, 2);
}

let intents: Intent[] = [];
let configInput = raw;
let seed = args.seed;
if (raw && typeof raw === 'object' && 'config' in raw) {
  // A preset file: { id, title, …, config, seed, intents }.
  const preset = raw as { config: unknown; seed?: unknown; intents?: unknown };
  configInput = preset.config;
  const parsed = intentListSchema.safeParse(preset.intents ?? []);
  if (!parsed.success)
    fail(
      `invalid intents:\n  ${parsed.error.issues.map((i) => `intents.${i.path.join('.')}: ${i.message}`).join('\n  ')}`,
    );
  intents = parsed.data;
  if (!process.argv.includes('--seed') && typeof preset.seed === 'number') seed = preset.seed;
}
const parsed = parseSimConfig(configInput);
if (!parsed.ok) fail(`invalid config in ${args.config}:\n  ${parsed.errors.join('\n  ')}`);

const summary: SimSummary = runBatch(parsed.config, { seed, requests: args.requests, intents });
const pick = (s: LatencyStats) => ({
  meanMs: s.meanMs,
  p50Ms: s.p50Ms,
  p95Ms: s.p95Ms,
  p99Ms: s.p99Ms,
  errorRate: s.errorRate,
  throughputRps: s.throughputRps,
});

if (args.json) {
  const out = {
    endToEnd: { ...pick(summary.endToEnd), errorsByCause: summary.endToEnd.errorsByCause },
    services: Object.fromEntries(
      Object.entries(summary.services).map(([name, s]) => [
        name,
        {
          ...pick(s),
          utilization: s.utilization,
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
  };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
} else {
  const f = (x: number, d = 2) => x.toFixed(d);
  const e = summary.endToEnd;
  const lines = [
    `seed ${seed}, ${e.count.toLocaleString('en-US')} measured requests, data plane ${summary.dataPlane.mode}`,
    `end to end: mean ${f(e.meanMs, 3)} ms  p50 ${f(e.p50Ms, 3)}  p95 ${f(e.p95Ms, 3)}  p99 ${f(e.p99Ms, 3)}  errors ${f(e.errorRate * 100)}%  ${f(e.throughputRps, 1)} rps`,
  ];
  for (const [name, s] of Object.entries(summary.services))
    lines.push(
      `  ${name}: mean ${f(s.meanMs, 3)} ms  p99 ${f(s.p99Ms, 3)}  errors ${f(s.errorRate * 100)}%  util ${f(s.utilization, 3)}  attempts ${s.attempts} (retries ${s.retries})  proxy ${f(s.cpuVcpu, 3)} vCPU ${f(s.memoryMiB, 0)} MiB`,
    );
  lines.push(
    `security: ${f(summary.security.encryptedShare * 100, 1)}% encrypted, ${f(summary.security.authorizedShare * 100, 1)}% explicitly authorized`,
    `proxies: ${summary.dataPlane.proxies}, ${f(summary.dataPlane.cpuVcpu, 3)} vCPU, ${f(summary.dataPlane.memoryMiB, 0)} MiB`,
  );
  for (const d of summary.decisions)
    lines.push(`decision ${d.index} [${d.status}]: ${d.what} ${d.predicted}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
