/**
 * Paired A/B benchmark of the simulator engine: lib/sim at a base revision (default HEAD)
 * against the working tree's, run alternately in one process on the same case and seed, so
 * both see the same machine load. On a shared machine single runs swing by ±30 %; the
 * median of the per-pair ratios over many pairs (and the ratio of the best runs) is what
 * resolves a few per cent. Also says whether the two give identical results (a digest of
 * summarize(), the PRNG state and the event count).
 * Usage: npx tsx scripts/bench-sim-ab.ts [--base REV] [--case chain|mm1|mm4] [--requests N] [--pairs P]
 * Prints numbers; never passes or fails.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { BENCH_CASES, casesFromArg } from './bench-sim-cases';

const argsSchema = z.strictObject({
  base: z
    .string()
    .regex(/^[\w./~^-]+$/, 'a git revision (letters, digits, . / ~ ^ -)')
    .default('HEAD'),
  requests: z.coerce.number().int().min(1_000).max(10_000_000).default(200_000),
  pairs: z.coerce.number().int().min(1).max(500).default(30),
});
const raw: Record<string, string> = {};
for (const name of ['base', 'requests', 'pairs']) {
  const i = process.argv.indexOf(`--${name}`);
  if (i > 0 && process.argv[i + 1] !== undefined) raw[name] = process.argv[i + 1]!;
}
const parsedArgs = argsSchema.safeParse(raw);
if (!parsedArgs.success) {
  for (const issue of parsedArgs.error.issues)
    console.error(`--${issue.path.join('.')}: ${issue.message}`);
  process.exit(2);
}
const { base, requests: REQUESTS, pairs: PAIRS } = parsedArgs.data;
const chosen = process.argv.includes('--case')
  ? casesFromArg('--case')
  : BENCH_CASES.filter((c) => c.id === 'chain');
if (chosen.length !== 1) {
  console.error('--case: name exactly one case');
  process.exit(2);
}
const benchCase = chosen[0]!;

const root = path.resolve(import.meta.dirname, '..');
const rev = execFileSync('git', ['rev-parse', '--short', base], {
  cwd: root,
  encoding: 'utf8',
}).trim();
// The base's lib/sim in a temporary directory, with a link to node_modules for its imports.
const baseDir = mkdtempSync(path.join(tmpdir(), `sim-ab-${rev}-`));
symlinkSync(path.join(root, 'node_modules'), path.join(baseDir, 'node_modules'));
execFileSync('sh', ['-c', `git archive ${rev} lib/sim | tar -x -C "${baseDir}"`], { cwd: root });

type Sim = { runToCompletion(): void; summarize(): unknown; rngState(): unknown; events: number };
type Side = { name: string; make: (requests: number, seed: number) => Sim };
const load = async (name: string, dir: string): Promise<Side> => {
  const engine = (await import(pathToFileURL(path.join(dir, 'lib/sim/engine.ts')).href)) as {
    Simulation: new (config: unknown, options: { seed: number }) => Sim;
  };
  const config = (await import(pathToFileURL(path.join(dir, 'lib/sim/config.ts')).href)) as {
    simConfigSchema: { parse: (x: unknown) => unknown };
  };
  return {
    name,
    make: (requests, seed) =>
      new engine.Simulation(config.simConfigSchema.parse({ ...benchCase.config, requests }), {
        seed,
      }),
  };
};
const sides = [await load(`base ${rev}`, baseDir), await load('working tree', root)];

// JIT warm-up of both, then pairs in alternating order (base first, then tree first, ...).
for (const s of sides) {
  const t0 = performance.now();
  for (let seed = 1; performance.now() - t0 < 500; seed++) s.make(50_000, seed).runToCompletion();
}
const rates: number[][] = [[], []];
const ratios: number[] = [];
const digests = ['', ''];
for (let p = 0; p < PAIRS; p++) {
  const got = [0, 0];
  for (const k of p % 2 ? [1, 0] : [0, 1]) {
    const cpu0 = process.cpuUsage();
    const sim = sides[k]!.make(REQUESTS, 42);
    sim.runToCompletion();
    const cpu = process.cpuUsage(cpu0);
    got[k] = REQUESTS / ((cpu.user + cpu.system) / 1e6) / 1e6;
    rates[k]!.push(got[k]!);
    digests[k] = createHash('sha256')
      .update(JSON.stringify([sim.summarize(), sim.rngState(), sim.events]))
      .digest('hex')
      .slice(0, 16);
  }
  ratios.push(got[1]! / got[0]!);
}
const med = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (f: number) => s[Math.min(s.length - 1, Math.floor(f * s.length))]!;
  return `${q(0.5).toFixed(3)} (quartiles ${q(0.25).toFixed(3)}–${q(0.75).toFixed(3)}, range ${s[0]!.toFixed(3)}–${s[s.length - 1]!.toFixed(3)})`;
};
console.log(
  `${benchCase.name}: ${REQUESTS.toLocaleString('en-US')} requests, ${PAIRS} pairs, Node ${process.version}`,
);
for (const k of [0, 1]) console.log(`  ${sides[k]!.name}: ${med(rates[k]!)} M requests/s (CPU)`);
console.log(`  paired ratio tree/base: ${med(ratios)}`);
console.log(
  `  best runs: tree/base ${(Math.max(...rates[1]!) / Math.max(...rates[0]!)).toFixed(3)}`,
);
console.log(
  `  results: ${digests[0] === digests[1] ? 'identical' : 'DIFFERENT'} (${digests[0]} / ${digests[1]})`,
);
rmSync(baseDir, { recursive: true, force: true });
