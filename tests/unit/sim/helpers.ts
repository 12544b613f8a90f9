import { simConfigSchema } from '@/lib/sim/config';
import type { SimConfig, SimConfigInput } from '@/lib/sim/config';
import type { Simulation } from '@/lib/sim/engine';
import { expect } from 'vitest';

/** A plain FIFO queue: Poisson arrivals at `rps`, exponential service with mean `meanMs`, `c` workers, no mesh. */
export function plainQueue(rps: number, c: number, requests: number, meanMs = 1): SimConfig {
  return simConfigSchema.parse({
    requests,
    warmupFraction: 0.1,
    networkMs: 0,
    callers: [{ name: 'load', rps, calls: [['queue']] }],
    services: [{ name: 'queue', workers: c, serviceTime: { kind: 'exponential', meanMs } }],
  });
}

/** caller → a → b → c, sidecar mode, the same retry policy on every hop. */
export function retryChain(opts: {
  attempts: number;
  failureProb: number;
  rps?: number;
  requests?: number;
  budget?: boolean;
  extra?: Partial<SimConfigInput>;
}): SimConfig {
  const policy = {
    retries: {
      attempts: opts.attempts,
      retryOn: ['5xx' as const],
      budget: opts.budget ? { ratio: 0.2, minPerSecond: 10, ttlS: 10 } : null,
    },
  };
  return simConfigSchema.parse({
    requests: opts.requests ?? 5000,
    dataPlane: { mode: 'sidecar' },
    callers: [{ name: 'frontend', rps: opts.rps ?? 20, calls: [['a']] }],
    services: [
      { name: 'a', workers: 64, serviceTime: { meanMs: 1 }, calls: [['b']], policy },
      { name: 'b', workers: 64, serviceTime: { meanMs: 1 }, calls: [['c']], policy },
      { name: 'c', workers: 64, serviceTime: { meanMs: 1 }, failureProb: opts.failureProb, policy },
    ],
    ...opts.extra,
  });
}

/** Relative error |x − ref| / ref. */
export function rel(x: number, ref: number): number {
  return Math.abs(x - ref) / ref;
}

/** Everything a run exposes, as one string. */
export function fingerprint(sim: Simulation): string {
  return JSON.stringify([
    sim.summarize('total'),
    sim.summarize('window'),
    sim.events,
    sim.rngState(),
    sim.inFlight,
    sim.now,
  ]);
}

/** Asserts two fingerprints are equal, showing only the first difference when they are not. */
export function expectSame(actual: string, general: string, what: string): void {
  if (actual === general) return;
  let i = 0;
  while (actual[i] === general[i]) i++;
  const at = (s: string) => s.slice(Math.max(0, i - 80), i + 40);
  expect(at(actual), `${what}: first difference at character ${i}`).toBe(at(general));
}

/** A small seeded generator for random test configurations (not the engine's PRNG). */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}
