/**
 * The engine's fast path (plain FIFO queues fed in arrival order, lib/sim/engine.ts `runFast`)
 * must give bit-identical results to the general event loop: the same summaries (windows,
 * quantiles, busy share, offered load, errors, security shares), the same event count, the same
 * PRNG state afterwards, the same budget stop. Every case runs both ways (`fastPath: false` forces
 * the general loop) and compares the JSON exactly, over many random small configs.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { simConfigSchema } from '@/lib/sim/config';
import type { SimConfig, SimConfigInput } from '@/lib/sim/config';
import { SimBudgetError, Simulation } from '@/lib/sim/engine';
import type { Intent } from '@/lib/sim/intents';
import { expectSame, fingerprint, lcg } from './helpers';
import { replayRun } from '@/lib/sim/replay';

const DISTS = ['exponential', 'constant', 'lognormal'] as const;
const KINDS = ['500', '503', 'connect-failure'] as const;

/** A random config the fast path can run: callers → one leaf service each, data plane none. */
function plainConfig(k: number): { config: SimConfig; seed: number } {
  const r = lcg(k * 7919 + 13);
  const nS = 1 + Math.floor(r() * 3);
  const services = Array.from({ length: nS }, (_, i) => ({
    name: `s${i}`,
    replicas: 1 + Math.floor(r() * 4),
    workers: 1 + Math.floor(r() * 6),
    serviceTime: {
      kind: DISTS[Math.floor(r() * 3)]!,
      meanMs: 0.1 + r() * 4,
      sigma: 0.1 + r() * 1.5,
    },
    failureProb: r() < 0.4 ? r() * 0.3 : 0,
    failureKind: KINDS[Math.floor(r() * 3)]!,
    failingReplicas: 0,
    canary: r() < 0.25 ? { replicas: 1 + Math.floor(r() * 2), failureProb: r() * 0.1 } : null,
    // Policies need an L7 proxy: inert here, live once a test switches to sidecars.
    policy:
      r() < 0.5
        ? {
            retries: {
              attempts: Math.floor(r() * 3),
              retryOn: ['5xx' as const, 'connect-failure' as const],
              perTryTimeoutMs: r() < 0.3 ? 2 + r() * 5 : null,
              budget: r() < 0.3 ? { ratio: 0.2, minPerSecond: 10, ttlS: 10 } : null,
            },
            timeoutMs: r() < 0.3 ? 5 + r() * 20 : null,
            circuitBreaker:
              r() < 0.3 ? { maxConnections: 2, maxPendingRequests: 2, maxRetries: 1 } : null,
            outlierDetection:
              r() < 0.3 ? { consecutive5xx: 2, maxEjectionPercent: 50, baseEjectionMs: 200 } : null,
            fault: r() < 0.15 ? { abortPercent: 5, delayPercent: 10, delayMs: 3 } : null,
          }
        : undefined,
  }));
  const nC = 1 + Math.floor(r() * 4);
  const callers = Array.from({ length: nC }, (_, i) => ({
    name: `c${i}`,
    rps: 20 + r() * 1500,
    meshed: r() < 0.5,
    calls: [[`s${Math.floor(r() * nS)}`]],
  }));
  const input: SimConfigInput = {
    requests: 2000 + Math.floor(r() * 6000),
    warmupFraction: r() < 0.5 ? 0 : r() * 0.3,
    networkMs: r() < 0.4 ? 0 : r() * 0.5,
    windowMs: [10, 50, 250, 1000][Math.floor(r() * 4)]!,
    stepIntervalMs: 200 + Math.floor(r() * 800),
    dataPlane: { mode: 'none', connectionReuse: r() < 0.7 },
    callers,
    services,
  };
  return { config: simConfigSchema.parse(input), seed: Math.floor(r() * 4294967295) };
}

/** A random single-lane queue: one caller, one replica with one worker (M/M/1, M/D/1, M/G/1). */
function oneLaneConfig(k: number): { config: SimConfig; seed: number } {
  const r = lcg(k * 104729 + 7);
  const input: SimConfigInput = {
    requests: 3000 + Math.floor(r() * 6000),
    warmupFraction: r() < 0.5 ? 0 : r() * 0.3,
    networkMs: r() < 0.4 ? 0 : r() * 0.5,
    windowMs: [10, 50, 250, 1000][Math.floor(r() * 4)]!,
    stepIntervalMs: 200 + Math.floor(r() * 800),
    dataPlane: { mode: 'none', connectionReuse: r() < 0.7 },
    callers: [{ name: 'load', rps: 50 + r() * 1000, calls: [['q']] }],
    services: [
      {
        name: 'q',
        replicas: 1,
        workers: 1,
        serviceTime: { kind: DISTS[Math.floor(r() * 3)]!, meanMs: 0.1 + r(), sigma: 0.1 + r() },
        failureProb: r() < 0.5 ? r() * 0.3 : 0,
        failureKind: r() < 0.5 ? '500' : '503',
      },
    ],
  };
  return { config: simConfigSchema.parse(input), seed: Math.floor(r() * 4294967295) };
}

function batch(config: SimConfig, seed: number, fastPath: boolean): Simulation {
  const sim = new Simulation(config, { seed, fastPath });
  sim.runToCompletion();
  return sim;
}

describe('fast path ≡ general event loop (bit-identical)', () => {
  it('batch runs of 120 random plain-queue configs give identical results', () => {
    let used = 0;
    for (let k = 0; k < 120; k++) {
      const { config, seed } = plainConfig(k);
      const fast = new Simulation(config, { seed });
      if (fast.fastPathActive) used++;
      fast.runToCompletion();
      const general = batch(config, seed, false);
      expect(general.fastPathActive).toBe(false);
      expectSame(fingerprint(fast), fingerprint(general), `config ${k}`);
    }
    expect(used).toBe(120); // every one of these configs is eligible
  });

  it('single-worker queues (M/M/1, M/D/1, M/G/1) through intents and budgets give identical results', () => {
    for (let k = 0; k < 60; k++) {
      const { config, seed } = oneLaneConfig(k);
      expectSame(
        fingerprint(batch(config, seed, true)),
        fingerprint(batch(config, seed, false)),
        `config ${k}`,
      );
      // In slices, with windows marked, and through intents that leave the single lane and return.
      const script: { at: number; intent: Intent }[] = [
        { at: 1, intent: { type: 'set-replicas', service: 'q', replicas: 2 } },
        { at: 2, intent: { type: 'set-replicas', service: 'q', replicas: 1 } },
        {
          at: 3,
          intent: {
            type: 'set-failure',
            service: 'q',
            failureProb: 0.3,
            failureKind: 'connect-failure',
          },
        },
        {
          at: 4,
          intent: { type: 'set-failure', service: 'q', failureProb: 0.1, failureKind: '500' },
        },
        { at: 5, intent: { type: 'set-data-plane', mode: 'sidecar' } },
        { at: 6, intent: { type: 'set-data-plane', mode: 'none' } },
        { at: 7, intent: { type: 'set-rate', caller: 'load', rps: 900 } },
      ];
      const sims = [true, false].map(
        (fastPath) => new Simulation(config, { seed, requests: Infinity, fastPath }),
      );
      const r = lcg(k);
      for (const sim of sims) sim.runUntil(config.stepIntervalMs);
      for (let st = 0; st < 9; st++) {
        for (const sim of sims) {
          for (const e of script) if (e.at === sim.steps) sim.enqueueIntent(e.intent);
          sim.markWindow();
          sim.takeIntent();
          sim.steps++;
        }
        const end = sims[0]!.now + config.stepIntervalMs;
        for (let t = sims[0]!.now + r() * 50; t < end; t += r() * 300)
          for (const sim of sims) sim.runUntil(t);
        for (const sim of sims) sim.runUntil(end);
        expectSame(fingerprint(sims[0]!), fingerprint(sims[1]!), `config ${k} step ${st}`);
      }
      // A budget stops both at the same event.
      const limit = 1 + Math.floor(r() * 12000);
      const stopped = [true, false].map((fastPath) => {
        const sim = new Simulation(config, { seed, fastPath, maxEvents: limit });
        try {
          sim.runToCompletion();
        } catch (e) {
          expect(e).toBeInstanceOf(SimBudgetError);
        }
        return fingerprint(sim);
      });
      expectSame(stopped[0]!, stopped[1]!, `config ${k}, budget ${limit}`);
    }
  });

  it('a run advanced in uneven runUntil slices with windows marked matches the general loop', () => {
    for (let k = 0; k < 30; k++) {
      const { config, seed } = plainConfig(1000 + k);
      const r = lcg(k + 1);
      const sims = [true, false].map((fastPath) => new Simulation(config, { seed, fastPath }));
      let t = 0;
      for (let i = 0; i < 12; i++) {
        t += r() * 400;
        for (const sim of sims) {
          if (i % 3 === 0) sim.markWindow();
          sim.runUntil(t);
        }
        expectSame(fingerprint(sims[0]!), fingerprint(sims[1]!), `config ${k} slice ${i}`);
      }
    }
  });

  it('stepped open-ended runs with intents (including data-plane switches away and back) match', () => {
    for (let k = 0; k < 25; k++) {
      const { config, seed } = plainConfig(2000 + k);
      const c0 = config.callers[0]!.name;
      const target = config.callers[0]!.calls[0]![0]!;
      const script: { at: number; intent: Intent }[] = [
        { at: 0, intent: { type: 'set-rate', caller: c0, rps: 300 + k * 40 } },
        { at: 1, intent: { type: 'set-replicas', service: target, replicas: 3 } },
        { at: 2, intent: { type: 'set-failure', service: target, failureProb: 0.2 } },
        { at: 3, intent: { type: 'set-data-plane', mode: 'sidecar' } },
        {
          at: 4,
          intent: { type: 'set-retries', service: target, attempts: 2, retryOn: ['5xx'] },
        },
        { at: 5, intent: { type: 'set-data-plane', mode: 'none' } },
        { at: 6, intent: { type: 'set-rate', caller: c0, rps: 2000 } },
      ];
      const steps = 9;
      const a = replayRun(config, seed, script, steps);
      const fastCfg = { ...config };
      // The general loop throughout: the same script with the fast path off.
      const b = (() => {
        const sim = new Simulation(fastCfg, { seed, requests: Infinity, fastPath: false });
        sim.runUntil(config.stepIntervalMs);
        const due = () => {
          for (const e of script) if (e.at === sim.steps) sim.enqueueIntent(e.intent);
        };
        due();
        for (let s = 0; s < steps; s++) {
          sim.step();
          due();
        }
        return sim;
      })();
      expectSame(fingerprint(a), fingerprint(b), `config ${k}`);
      expect(a.fastPathActive).toBe(true); // back on after the switch to none
    }
  });

  it('the fast path hands over to the general loop when an intent adds proxies, and back', () => {
    const { config, seed } = plainConfig(77);
    const sim = new Simulation(config, { seed, requests: Infinity });
    expect(sim.fastPathActive).toBe(true);
    sim.enqueueIntent({ type: 'set-data-plane', mode: 'ambient' });
    sim.step();
    sim.step();
    expect(sim.fastPathActive).toBe(false);
    sim.enqueueIntent({ type: 'set-data-plane', mode: 'none' });
    sim.step();
    sim.step();
    expect(sim.fastPathActive).toBe(true);
  });

  it('reading the PRNG state mid-run changes nothing, across data-plane switches', () => {
    for (let k = 0; k < 10; k++) {
      const { config, seed } = plainConfig(4000 + k);
      const target = config.callers[0]!.calls[0]![0]!;
      const script: { at: number; intent: Intent }[] = [
        { at: 1, intent: { type: 'set-data-plane', mode: 'sidecar' } },
        { at: 3, intent: { type: 'set-data-plane', mode: 'none' } },
        { at: 4, intent: { type: 'set-failure', service: target, failureProb: 0.1 } },
      ];
      const run = (observe: boolean) => {
        const sim = new Simulation(config, { seed, requests: Infinity });
        const states: string[] = [];
        sim.runUntil(config.stepIntervalMs);
        for (let s = 0; s < 7; s++) {
          for (const e of script) if (e.at === sim.steps) sim.enqueueIntent(e.intent);
          if (observe) states.push(JSON.stringify(sim.rngState()));
          sim.step();
        }
        return { sim, states };
      };
      const observed = run(true);
      const quiet = run(false);
      expectSame(fingerprint(observed.sim), fingerprint(quiet.sim), `config ${k}`);
      // The states read are the ones a plain sfc32 stream passes through (all distinct).
      expect(new Set(observed.states).size).toBe(observed.states.length);
    }
  });

  it('a budget stops both paths at the same event with the same state', () => {
    for (let k = 0; k < 20; k++) {
      const { config, seed } = plainConfig(3000 + k);
      const r = lcg(k + 99);
      const limit = 1 + Math.floor(r() * 9000);
      const stop = (fastPath: boolean) => {
        const sim = new Simulation(config, { seed, fastPath, maxEvents: limit });
        let error: unknown = null;
        try {
          sim.runToCompletion();
        } catch (e) {
          error = e;
        }
        return { sim, error };
      };
      const f = stop(true);
      const g = stop(false);
      expect(f.error instanceof SimBudgetError).toBe(g.error instanceof SimBudgetError);
      if (g.error) expect(f.sim.events).toBe(limit);
      expectSame(fingerprint(f.sim), fingerprint(g.sim), `config ${k}, budget ${limit}`);
    }
  });

  it('is not used where the model needs the general loop', () => {
    const base = plainConfig(5).config;
    const leaf = { name: 'leaf', serviceTime: { meanMs: 1 } };
    const variants: SimConfigInput[] = [
      { ...base, dataPlane: { mode: 'sidecar' } },
      { ...base, dataPlane: { mode: 'ebpf' } },
      // A service that calls another one.
      {
        ...base,
        callers: [{ name: 'c', rps: 100, calls: [['mid']] }],
        services: [{ name: 'mid', serviceTime: { meanMs: 1 }, calls: [['leaf']] }, leaf],
      },
      // Two calls per request (parallel, then sequential stages).
      {
        ...base,
        callers: [{ name: 'c', rps: 100, calls: [['leaf', 'other']] }],
        services: [leaf, { name: 'other', serviceTime: { meanMs: 1 } }],
      },
      {
        ...base,
        callers: [{ name: 'c', rps: 100, calls: [['leaf'], ['other']] }],
        services: [leaf, { name: 'other', serviceTime: { meanMs: 1 } }],
      },
    ];
    for (const v of variants) {
      const sim = new Simulation(simConfigSchema.parse(v), { seed: 1 });
      expect(sim.fastPathActive).toBe(false);
    }
  });

  it('heavy load (queues hundreds deep, many workers) stays identical', () => {
    for (const [rps, workers, replicas] of [
      [990, 1, 1],
      [7800, 8, 1],
      [3000, 2, 2],
      [20_000, 64, 4],
    ] as const) {
      const config = simConfigSchema.parse({
        requests: 60_000,
        networkMs: 0.05,
        windowMs: 100,
        callers: [{ name: 'load', rps, calls: [['q']] }],
        services: [
          { name: 'q', replicas, workers, serviceTime: { kind: 'exponential', meanMs: 1 } },
        ],
      });
      expectSame(
        fingerprint(batch(config, 3, true)),
        fingerprint(batch(config, 3, false)),
        `rps ${rps}, ${replicas} × ${workers}`,
      );
    }
  });
});

/**
 * Saved runs and share links store (config, seed, intents) and replay them, so a change to the
 * engine must not move any number. These digests were taken from the engine before the fast
 * path existed; update them only for a deliberate model change (old links then replay
 * differently, which the changelog must say).
 */
describe('results are those of the engine before the fast path', () => {
  const digest = (x: unknown) =>
    createHash('sha256').update(JSON.stringify(x)).digest('hex').slice(0, 16);
  const cases: [SimConfigInput, string][] = [
    [
      {
        requests: 20000,
        warmupFraction: 0.1,
        callers: [{ name: 'load', rps: 800, calls: [['q']] }],
        services: [{ name: 'q', workers: 1, serviceTime: { meanMs: 1 } }],
      },
      'd6ff867f98a91115',
    ],
    [
      {
        requests: 20000,
        networkMs: 0.1,
        callers: [
          { name: 'a', rps: 300, calls: [['x']] },
          { name: 'b', rps: 500, calls: [['y']] },
        ],
        services: [
          {
            name: 'x',
            replicas: 3,
            workers: 2,
            serviceTime: { kind: 'lognormal', meanMs: 2, sigma: 0.8 },
            failureProb: 0.05,
            failureKind: 'connect-failure',
          },
          {
            name: 'y',
            workers: 3,
            serviceTime: { kind: 'constant', meanMs: 3 },
            failureProb: 0.1,
            canary: { replicas: 1 },
          },
        ],
      },
      '09801b16df00c930',
    ],
    [
      {
        requests: 5000,
        dataPlane: { mode: 'sidecar' },
        callers: [{ name: 'f', rps: 200, calls: [['a']] }],
        services: [
          {
            name: 'a',
            workers: 4,
            serviceTime: { meanMs: 1 },
            calls: [['b']],
            policy: { retries: { attempts: 2, retryOn: ['5xx'] } },
          },
          {
            name: 'b',
            workers: 4,
            serviceTime: { meanMs: 1 },
            failureProb: 0.2,
            policy: { retries: { attempts: 2, retryOn: ['5xx'] } },
          },
        ],
      },
      '653e2a7fe9449a14',
    ],
  ];

  it('batch runs (fast path and general loop) match the recorded digests', () => {
    cases.forEach(([input, expected], i) => {
      const sim = new Simulation(simConfigSchema.parse(input), { seed: 7 + i });
      sim.runToCompletion();
      expect(digest([sim.summarize(), sim.events, sim.rngState()]), `case ${i}`).toBe(expected);
    });
  });

  it('a stepped run switching the data plane away and back matches its recorded digest', () => {
    const config = simConfigSchema.parse({ ...cases[1]![0], stepIntervalMs: 1000 });
    const sim = new Simulation(config, { seed: 3, requests: Infinity });
    sim.runUntil(1000);
    const intents: (Intent | null)[] = [
      { type: 'set-data-plane', mode: 'sidecar' },
      null,
      { type: 'set-data-plane', mode: 'none' },
      { type: 'set-rate', caller: 'a', rps: 900 },
    ];
    for (const intent of intents) {
      if (intent) sim.enqueueIntent(intent);
      sim.step();
    }
    expect(
      digest([sim.summarize('total'), sim.summarize('window'), sim.events, sim.rngState()]),
    ).toBe('611c3dcd47ea448f');
  });
});
