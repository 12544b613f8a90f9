/**
 * The general event loop's lean handlers (lib/sim/engine.ts `leanStartCall`, `leanHop`,
 * `leanResponse`: sidecar routes with nothing to check, each a fused copy of the general
 * handlers) must give bit-identical results to the general handlers alone. `fastPath: false`
 * turns them off, so every case runs both ways and compares everything a run exposes: call
 * graphs with several stages and fan-out, meshed and un-meshed callers, canaries, failing
 * replicas, retries, and stepped runs whose intents turn the lean routes on and off mid-flight.
 */
import { describe, expect, it } from 'vitest';
import { outlierDetectionSchema, simConfigSchema } from '@/lib/sim/config';
import type { SimConfig, SimConfigInput } from '@/lib/sim/config';
import { Simulation } from '@/lib/sim/engine';
import type { Intent } from '@/lib/sim/intents';
import { expectSame, fingerprint, lcg } from './helpers';

const KINDS = ['500', '503', 'connect-failure'] as const;

/** A random sidecar mesh: services s0..sN-1, each calling only higher-numbered ones (a DAG). */
function meshConfig(k: number): { config: SimConfig; seed: number } {
  const r = lcg(k * 6151 + 29);
  const nS = 2 + Math.floor(r() * 4);
  const services = Array.from({ length: nS }, (_, i) => {
    const later = Array.from({ length: nS - i - 1 }, (_, j) => `s${i + 1 + j}`);
    const stages: string[][] = [];
    if (later.length > 0 && r() < 0.8) {
      const nStages = 1 + Math.floor(r() * 2);
      for (let s = 0; s < nStages; s++) {
        const fan = 1 + Math.floor(r() * Math.min(2, later.length));
        stages.push(later.slice(0, fan));
      }
    }
    const failing = r() < 0.3;
    return {
      name: `s${i}`,
      replicas: 1 + Math.floor(r() * 3),
      workers: 1 + Math.floor(r() * 4),
      serviceTime: {
        kind: r() < 0.8 ? ('exponential' as const) : ('constant' as const),
        meanMs: 0.2 + r() * 2,
      },
      calls: stages,
      failureProb: failing ? r() * 0.2 : 0,
      failureKind: KINDS[Math.floor(r() * 3)]!,
      failingReplicas: failing && r() < 0.5 ? 1 : 0,
      canary: r() < 0.2 ? { replicas: 1 } : null,
      policy:
        r() < 0.3
          ? { retries: { attempts: 1 + Math.floor(r() * 2), retryOn: ['5xx' as const] } }
          : undefined,
    };
  });
  const nC = 1 + Math.floor(r() * 2);
  const callers = Array.from({ length: nC }, (_, i) => ({
    name: `c${i}`,
    rps: 100 + r() * 1500,
    meshed: r() < 0.7,
    calls: [[`s${Math.floor(r() * 2)}`]],
  }));
  const input: SimConfigInput = {
    requests: 1000 + Math.floor(r() * 2000),
    warmupFraction: r() < 0.5 ? 0 : r() * 0.3,
    networkMs: r() < 0.3 ? 0 : r() * 0.3,
    windowMs: [50, 250, 1000][Math.floor(r() * 3)]!,
    stepIntervalMs: 300 + Math.floor(r() * 500),
    dataPlane: { mode: 'sidecar', connectionReuse: r() < 0.85 },
    callers,
    services,
  };
  return { config: simConfigSchema.parse(input), seed: Math.floor(r() * 4294967295) };
}

describe('lean sidecar handlers ≡ general handlers (bit-identical)', () => {
  it('batch runs of 40 random sidecar meshes give identical results', () => {
    for (let k = 0; k < 40; k++) {
      const { config, seed } = meshConfig(k);
      const run = (fastPath: boolean) => {
        const sim = new Simulation(config, { seed, fastPath });
        sim.runToCompletion();
        return fingerprint(sim);
      };
      expectSame(run(true), run(false), `config ${k}`);
    }
  }, 60_000);

  it('stepped runs whose intents switch the lean routes off and on mid-flight match', () => {
    for (let k = 0; k < 12; k++) {
      const { config, seed } = meshConfig(500 + k);
      const s0 = 's0';
      const s1 = 's1';
      const script: Intent[][] = [
        [{ type: 'set-timeout', service: s1, timeoutMs: 3 }],
        [{ type: 'set-failure', service: s1, failureProb: 0.1 }],
        [{ type: 'set-timeout', service: s1, timeoutMs: null }],
        [{ type: 'set-mtls', service: s0, mode: 'strict' }],
        [{ type: 'set-data-plane', mode: 'ambient', l7: true }],
        [{ type: 'set-data-plane', mode: 'sidecar', profile: 'linkerd' }],
        [
          {
            type: 'set-outlier-detection',
            service: s1,
            settings: outlierDetectionSchema.parse({ consecutive5xx: 2, baseEjectionMs: 200 }),
          },
        ],
        [{ type: 'set-replicas', service: s0, replicas: 3 }],
        [{ type: 'set-data-plane', mode: 'none' }],
      ];
      const run = (fastPath: boolean) => {
        const sim = new Simulation(config, { seed, requests: Infinity, fastPath });
        sim.runUntil(config.stepIntervalMs / 2);
        for (const intents of script) {
          for (const intent of intents) sim.enqueueIntent(intent);
          sim.step();
        }
        return fingerprint(sim);
      };
      expectSame(run(true), run(false), `config ${k}`);
    }
  }, 60_000);

  it("the benchmark's 3-service sidecar chain gives identical results", () => {
    const config = simConfigSchema.parse({
      requests: 5000,
      dataPlane: { mode: 'sidecar', profile: 'istio-1.24' },
      callers: [{ name: 'frontend', rps: 1000, calls: [['a']] }],
      services: [
        { name: 'a', replicas: 2, workers: 4, serviceTime: { meanMs: 2 }, calls: [['b']] },
        { name: 'b', replicas: 2, workers: 4, serviceTime: { meanMs: 2 }, calls: [['c']] },
        { name: 'c', replicas: 2, workers: 4, serviceTime: { meanMs: 2 } },
      ],
    });
    const lean = new Simulation(config, { seed: 42 });
    lean.runToCompletion();
    const general = new Simulation(config, { seed: 42, fastPath: false });
    general.runToCompletion();
    expect(lean.events).toBe(9 * 5000);
    expectSame(fingerprint(lean), fingerprint(general), 'chain');
  });
});
