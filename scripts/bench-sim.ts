/**
 * Simulator benchmark: events/s and requests/s for a plain M/M/1, an M/M/4 and the 3-service
 * sidecar chain, each over ≥ 1M requests; then, measured in the same run, the same M/M/1 and
 * M/M/4 models in SimPy (scripts/bench/mm-simpy.py) and in a C loop (scripts/bench/mm-loop.c,
 * compiled with the system cc now), each doing the engine's per-request work ("same work") and
 * only a running mean ("mean only"), printed as ratios; and the CLI's start-up time. The SimPy
 * peer of record is SimPy 3.0.11 (Debian python3-simpy3, the version issue #12 names); SimPy
 * 2.3.1 (Debian python3-simpy) is printed as well when installed; each is skipped with a message
 * naming its package when missing. Each case says whether the engine ran it on its fast path (plain FIFO
 * queues fed in arrival order; chosen by the engine, bit-identical results) or its general event
 * loop, and the plain-queue cases are also timed on the general loop (`fastPath: false`).
 * Prints numbers; never passes or fails.
 * Each engine case runs right after its JIT warm-up (≥ 300 ms of unmeasured runs), five times;
 * each peer after one unmeasured run, five times. Medians are printed with the spread (min–max)
 * and the ratios come from the medians of CPU time.
 * Usage: npm run bench:sim [-- --requests N] [--cases mm1,mm4,chain]
 * Paired A/B against another revision: scripts/bench-sim-ab.ts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simConfigSchema } from '@/lib/sim/config';
import type { SimConfigInput } from '@/lib/sim/config';
import { Simulation } from '@/lib/sim/engine';
import { casesFromArg } from './bench-sim-cases';

const argIdx = process.argv.indexOf('--requests');
const REQUESTS = argIdx > 0 ? Number(process.argv[argIdx + 1]) : 1_000_000;

// --cases mm1,mm4,chain: only those (the peers run for the M/M/c cases chosen).
const cases = casesFromArg('--cases');

const mb = (n: number) => (n / 1048576).toFixed(0);
let peakHeap = 0;
console.log(
  `Simulator benchmark — ${REQUESTS.toLocaleString('en-US')} requests per case, Node ${process.version}\n`,
);
// JIT warm-up: unmeasured runs of a case until V8's optimising compiler is done with it (it
// compiles on background threads, which process.cpuUsage() counts): at least 300 ms, on the path
// the case uses (the fast path runs 50k requests in a few ms, before compiles finish), right
// before the case is measured. Warming every case up front instead left the M/M/1 fast path
// re-optimising (and 1.4× slower) in its first measured runs after the chain's warm-up.
const warmUp = (config: SimConfigInput) => {
  const warm = simConfigSchema.parse({ ...config, requests: 50_000 });
  const t0 = performance.now();
  for (let seed = 1; performance.now() - t0 < 300; seed += 1)
    new Simulation(warm, { seed }).runToCompletion();
};

const REPEATS = 5;
/** Median, min and max of some timings. */
const spread = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, min: s[0]!, max: s[s.length - 1]! };
};
/** "min–max (±p %)" of a spread: p is half the range over the median. */
const fmtSpread = (st: { median: number; min: number; max: number }, digits = 0) =>
  `${st.min.toFixed(digits)}–${st.max.toFixed(digits)} (±${((50 * (st.max - st.min)) / st.median).toFixed(1)} %)`;
/** Median engine requests/s per case name (wall and CPU time), for the peer ratios below. */
const engineRps = new Map<
  string,
  { wall: number; cpu: number; e2e: { meanMs: number; p50Ms: number; p99Ms: number } }
>();
for (const c of cases) {
  warmUp(c.config);
  const config = simConfigSchema.parse({ ...c.config, requests: REQUESTS });
  const runs: {
    wallMs: number;
    cpuMs: number;
    events: number;
    summary: ReturnType<Simulation['summarize']>;
  }[] = [];
  let fast = false;
  for (let r = 0; r < REPEATS; r += 1) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const sim = new Simulation(config, { seed: 42 });
    fast = sim.fastPathActive;
    sim.runToCompletion();
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    runs.push({
      wallMs,
      cpuMs: (cpu.user + cpu.system) / 1000,
      events: sim.events,
      summary: sim.summarize(),
    });
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }
  const wall = spread(runs.map((r) => r.wallMs));
  const cpu = spread(runs.map((r) => r.cpuMs));
  const median = runs[0]!; // every run is the same one (seed 42): its events and summary
  const rate = (n: number, ms: number) => (n / (ms / 1000) / 1e6).toFixed(2);
  engineRps.set(c.name, {
    wall: REQUESTS / (wall.median / 1000),
    cpu: REQUESTS / (cpu.median / 1000),
    e2e: median.summary.endToEnd,
  });
  console.log(`${c.name} — ${fast ? 'fast path' : 'general event loop'}`);
  console.log(
    `  CPU ${cpu.median.toFixed(0)} ms median of ${REPEATS}, spread ${fmtSpread(cpu)} ms; wall ${wall.median.toFixed(0)} ms, spread ${fmtSpread(wall)} ms`,
  );
  console.log(
    `  ${rate(median.events, cpu.median)} M events/s, ${rate(REQUESTS, cpu.median)} M requests/s (CPU, median; ${rate(REQUESTS, cpu.max)}–${rate(REQUESTS, cpu.min)} over the runs);` +
      ` ${rate(REQUESTS, wall.median)} M requests/s (wall)`,
  );
  if (fast) {
    // The same runs on the general event loop: the results are identical, only the time differs.
    const cpus: number[] = [];
    let same = true;
    for (let r = 0; r < REPEATS; r += 1) {
      const cpu0 = process.cpuUsage();
      const sim = new Simulation(config, { seed: 42, fastPath: false });
      sim.runToCompletion();
      const cpu = process.cpuUsage(cpu0);
      cpus.push((cpu.user + cpu.system) / 1000);
      same &&= JSON.stringify(sim.summarize()) === JSON.stringify(median.summary);
    }
    console.log(
      `  general event loop on the same runs: ${rate(REQUESTS, spread(cpus).median)} M requests/s (CPU, median); results ${same ? 'identical' : 'DIFFERENT'}`,
    );
  }
  console.log(
    `  events ${median.events.toLocaleString('en-US')}, e2e mean ${median.summary.endToEnd.meanMs.toFixed(3)} ms, p99 ${median.summary.endToEnd.p99Ms.toFixed(3)} ms\n`,
  );
}
const mem = process.memoryUsage();
const rusage = process.resourceUsage();
console.log(
  `Peak RSS ${(rusage.maxRSS / 1024).toFixed(0)} MiB; heap used now ${mb(mem.heapUsed)} MiB, peak sampled ${mb(peakHeap)} MiB`,
);

// ---- peers: the same M/M/1 and M/M/4 in SimPy and in a C loop, measured now, on this machine.
const root = path.resolve(import.meta.dirname, '..');
const peers = [
  { name: 'M/M/1 (ρ=0.8, no mesh)', rps: 800, c: 1 },
  { name: 'M/M/4 (ρ=0.8, no mesh)', rps: 3200, c: 4 },
];
const fmtRate = (r: number) => `${(r / 1e6).toFixed(3)} M req/s`;
type PeerRun = {
  requests: number;
  seconds: number;
  cpuSeconds: number;
  meanMs: number;
  p50Ms?: number;
  p99Ms?: number;
  version?: string;
};
/** One unmeasured run (caches, page faults, CPU frequency), then the median of five by CPU time. */
const peerMedian = (f: () => PeerRun): { run: PeerRun; cpu: ReturnType<typeof spread> } => {
  f();
  const runs = Array.from({ length: REPEATS }, f);
  const cpu = spread(runs.map((r) => r.cpuSeconds * 1000));
  const run = runs.find((r) => r.cpuSeconds * 1000 === cpu.median)!;
  return { run, cpu };
};

// Ratios use CPU time: on a shared machine wall time mostly measures waiting for a core.
console.log('\nPeers (same model, same machine, same run; ratios from CPU time)');
// The SimPy peers: 3.0.11 first (the peer of record), then 2.3.1 (what earlier rounds measured).
const hasModule = (py: string, mod: string) =>
  spawnSync(py, [
    '-c',
    `import importlib.util as u, sys; sys.exit(0 if u.find_spec("${mod}") else 1)`,
  ]).status === 0;
const simpyPeers = [
  { api: '3', module: 'simpy', pkg: 'python3-simpy3 (SimPy 3.0.11)' },
  { api: '2', module: 'SimPy', pkg: 'python3-simpy (SimPy 2.3.1)' },
].flatMap((peer) => {
  const py = ['/usr/bin/python3', 'python3'].find((p) => hasModule(p, peer.module));
  if (py) return [{ ...peer, python: py }];
  console.log(
    `  SimPy ${peer.api}: skipped — \`import ${peer.module}\` fails (Debian: apt-get install ${peer.pkg})`,
  );
  return [];
});
let cBin: string | null = null;
try {
  cBin = path.join(mkdtempSync(path.join(tmpdir(), 'mm-loop-')), 'mm-loop');
  execFileSync('cc', ['-O2', '-o', cBin, path.join(root, 'scripts/bench/mm-loop.c'), '-lm'], {
    stdio: 'pipe',
  });
} catch (e) {
  console.log(
    `  C loop: skipped — cannot compile with cc (${(e as Error).message.split('\n')[0]})`,
  );
  cBin = null;
}
// Each peer runs in two modes (scripts/bench/mm-loop.c and mm-simpy.py say exactly what each does):
// `full` does the engine's per-request work (departures in time order, three log histograms,
// windows with quantiles; the C loop's numbers equal the engine's), `mean` keeps only a running
// mean. Like-for-like is `full`; `mean` is printed as the floor (SimPy's mean-only run is the
// baseline the ≥ 100× target was set against).
const peerRun = (file: string, args: string[]): PeerRun =>
  JSON.parse(execFileSync(file, args, { encoding: 'utf8' })) as PeerRun;
for (const p of peers) {
  const ours = engineRps.get(p.name);
  if (!ours) continue; // case not chosen (--cases)
  console.log(
    `  ${p.name}: engine ${fmtRate(ours.cpu)} per CPU second (${fmtRate(ours.wall)} wall)`,
  );
  for (const sp of simpyPeers) {
    // SimPy is ~100× slower: 100k requests give a stable rate in under a second per run.
    const n = Math.max(20_000, Math.floor(REQUESTS / 10));
    for (const mode of ['mean', 'full'] as const) {
      const args = [path.join(root, 'scripts/bench/mm-simpy.py'), `--api=${sp.api}`, String(n)];
      const { run: r, cpu: st } = peerMedian(() =>
        peerRun(sp.python, [...args, String(p.rps), String(p.c), '1', '42', mode]),
      );
      const cpu = r.requests / r.cpuSeconds;
      const wall = r.requests / r.seconds;
      console.log(
        `    SimPy ${r.version} ${mode === 'full' ? 'same work' : 'mean only'}: ${fmtRate(cpu)} per CPU second (${fmtRate(wall)} wall; CPU ${fmtSpread(st)} ms) → engine is ${(ours.cpu / cpu).toFixed(0)}× SimPy (CPU; ${(ours.wall / wall).toFixed(0)}× wall)`,
      );
    }
  }
  if (cBin && existsSync(cBin)) {
    for (const mode of ['full', 'mean'] as const) {
      const args = [String(REQUESTS), String(p.rps), String(p.c), '1', '42', mode];
      const { run: r, cpu: st } = peerMedian(() => peerRun(cBin!, args));
      const cpu = r.requests / r.cpuSeconds;
      const wall = r.requests / r.seconds;
      // The same draws in the same order: the like-for-like loop reproduces the engine's numbers.
      const near = (x: number | undefined, y: number) => x !== undefined && Math.abs(x - y) < 1e-5;
      const same =
        mode === 'full'
          ? near(r.meanMs, ours.e2e.meanMs) &&
            near(r.p50Ms, ours.e2e.p50Ms) &&
            near(r.p99Ms, ours.e2e.p99Ms)
            ? "; mean, p50, p99 equal the engine's"
            : "; results DIFFER from the engine's"
          : '';
      console.log(
        `    C loop (cc -O2) ${mode === 'full' ? 'same work' : 'mean only'}: ${fmtRate(cpu)} per CPU second (${fmtRate(wall)} wall; CPU ${fmtSpread(st, 1)} ms${same}) → C is ${(cpu / ours.cpu).toFixed(1)}× the engine (CPU; ${(wall / ours.wall).toFixed(1)}× wall)`,
      );
    }
  }
}

// ---- CLI start-up: the bundled CLI (what `npm run sim` runs) as a whole process, --help only.
const bundle = path.join(root, '.sim', 'sim.mjs');
if (!existsSync(bundle)) execFileSync(process.execPath, [path.join(root, 'scripts/build-sim.mjs')]);
const startMs = (args: string[]) => {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    spawnSync(process.execPath, args, { stdio: 'ignore' });
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[2]!;
};
console.log('\nCLI start-up (node process, --help, median of 5)');
console.log(`  node .sim/sim.mjs:        ${startMs([bundle, '--help']).toFixed(0)} ms`);
console.log(
  `  node scripts/run-sim.mjs: ${startMs([path.join(root, 'scripts/run-sim.mjs'), '--help']).toFixed(0)} ms (staleness check + bundle)`,
);
console.log(`  bare node (floor):        ${startMs(['-e', '0']).toFixed(0)} ms`);
