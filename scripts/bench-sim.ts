/**
 * Simulator benchmark: events/s and requests/s for a plain M/M/1, an M/M/4 and the 3-service
 * sidecar chain, each over ≥ 1M requests. Prints numbers; never passes or fails.
 * Each case runs after a short JIT warm-up, three times; the median and the best are printed.
 * Usage: npm run bench:sim [-- --requests N]
 */
import { simConfigSchema } from '@/lib/sim/config';
import type { SimConfigInput } from '@/lib/sim/config';
import { Simulation } from '@/lib/sim/engine';

const argIdx = process.argv.indexOf('--requests');
const REQUESTS = argIdx > 0 ? Number(process.argv[argIdx + 1]) : 1_000_000;

const cases: { name: string; config: SimConfigInput }[] = [
  {
    name: 'M/M/1 (ρ=0.8, no mesh)',
    config: {
      networkMs: 0,
      callers: [{ name: 'load', rps: 800, calls: [['queue']] }],
      services: [{ name: 'queue', workers: 1, serviceTime: { kind: 'exponential', meanMs: 1 } }],
    },
  },
  {
    name: 'M/M/4 (ρ=0.8, no mesh)',
    config: {
      networkMs: 0,
      callers: [{ name: 'load', rps: 3200, calls: [['queue']] }],
      services: [{ name: 'queue', workers: 4, serviceTime: { kind: 'exponential', meanMs: 1 } }],
    },
  },
  {
    name: '3-service sidecar chain (istio-1.24)',
    config: {
      dataPlane: { mode: 'sidecar', profile: 'istio-1.24' },
      callers: [{ name: 'frontend', rps: 1000, calls: [['payments-svc']] }],
      services: [
        {
          name: 'payments-svc',
          replicas: 2,
          workers: 4,
          serviceTime: { kind: 'exponential', meanMs: 2 },
          calls: [['profile-svc']],
        },
        {
          name: 'profile-svc',
          replicas: 2,
          workers: 4,
          serviceTime: { kind: 'exponential', meanMs: 2 },
          calls: [['inventory-svc']],
        },
        {
          name: 'inventory-svc',
          replicas: 2,
          workers: 4,
          serviceTime: { kind: 'exponential', meanMs: 2 },
        },
      ],
    },
  },
];

const mb = (n: number) => (n / 1048576).toFixed(0);
let peakHeap = 0;
console.log(
  `Simulator benchmark — ${REQUESTS.toLocaleString('en-US')} requests per case, Node ${process.version}\n`,
);
// JIT warm-up: one short unmeasured run per case, so the first measured case does not pay for
// V8's optimising compiler (which process.cpuUsage() would count).
for (const c of cases) {
  new Simulation(simConfigSchema.parse({ ...c.config, requests: 50_000 }), {
    seed: 1,
  }).runToCompletion();
}

const REPEATS = 3;
for (const c of cases) {
  const config = simConfigSchema.parse({ ...c.config, requests: REQUESTS });
  const runs: {
    wallMs: number;
    cpuMs: number;
    events: number;
    summary: ReturnType<Simulation['summarize']>;
  }[] = [];
  for (let r = 0; r < REPEATS; r += 1) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const sim = new Simulation(config, { seed: 42 });
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
  runs.sort((a, b) => a.wallMs - b.wallMs);
  const median = runs[Math.floor(REPEATS / 2)]!;
  const best = runs[0]!;
  const rate = (n: number, ms: number) => (n / (ms / 1000) / 1e6).toFixed(2);
  console.log(c.name);
  console.log(
    `  wall ${median.wallMs.toFixed(0)} ms median of ${REPEATS} (best ${best.wallMs.toFixed(0)} ms), CPU ${median.cpuMs.toFixed(0)} ms`,
  );
  console.log(
    `  ${rate(median.events, median.wallMs)} M events/s, ${rate(REQUESTS, median.wallMs)} M requests/s (wall, median);` +
      ` ${rate(median.events, median.cpuMs)} M events/s (CPU); best ${rate(best.events, best.wallMs)} M events/s`,
  );
  console.log(
    `  events ${median.events.toLocaleString('en-US')}, e2e mean ${median.summary.endToEnd.meanMs.toFixed(3)} ms, p99 ${median.summary.endToEnd.p99Ms.toFixed(3)} ms\n`,
  );
}
const mem = process.memoryUsage();
const rusage = process.resourceUsage();
console.log(
  `Peak RSS ${(rusage.maxRSS / 1024).toFixed(0)} MiB; heap used now ${mb(mem.heapUsed)} MiB, peak sampled ${mb(peakHeap)} MiB`,
);
