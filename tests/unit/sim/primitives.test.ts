/** PRNG, histogram and the control plane's closed-form predictions. */
import { describe, expect, it } from 'vitest';
import { LogHistogram, bucketOf } from '@/lib/sim/histogram';
import { cloneRng, nextUint32, nextUniform, seedRng } from '@/lib/sim/rng';
import { Simulation } from '@/lib/sim/engine';
import { explainIntent, failureSeen, meanBackoffMs } from '@/lib/sim/control-plane';
import { retryChain } from './helpers';

describe('sfc32 PRNG', () => {
  it('is reproducible from its plain-data state', () => {
    const a = seedRng(42);
    for (let i = 0; i < 10; i++) nextUint32(a);
    const b = cloneRng(a);
    const fromJson = JSON.parse(JSON.stringify(a)) as typeof a;
    const xs = Array.from({ length: 5 }, () => nextUint32(a));
    expect(Array.from({ length: 5 }, () => nextUint32(b))).toEqual(xs);
    expect(Array.from({ length: 5 }, () => nextUint32(fromJson))).toEqual(xs);
  });

  it('gives uniforms in (0, 1) with mean ≈ 0.5 (SE of 100k draws ≈ 0.0009)', () => {
    const st = seedRng(7);
    let sum = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = nextUniform(st);
      expect(u > 0 && u < 1).toBe(true);
      sum += u;
    }
    expect(Math.abs(sum / 100_000 - 0.5)).toBeLessThan(0.004);
  });

  it('the engine exposes its PRNG state as plain uint32 data', () => {
    const sim = new Simulation(retryChain({ attempts: 0, failureProb: 0 }), { seed: 3 });
    const st = sim.rngState();
    for (const v of Object.values(st))
      expect(Number.isInteger(v) && v >= 0 && v < 2 ** 32).toBe(true);
  });
});

describe('log histogram', () => {
  it('reads quantiles of 1..10000 µs within 1%', () => {
    const h = new LogHistogram();
    for (let i = 1; i <= 10_000; i++) h.record(i / 1000);
    expect(Math.abs(h.quantileMs(0.5) - 5) / 5).toBeLessThan(0.01);
    expect(Math.abs(h.quantileMs(0.99) - 9.9) / 9.9).toBeLessThan(0.01);
    expect(h.meanMs()).toBeCloseTo(5.0005, 6);
  });
});

describe('log histogram, one-pass quantiles and reset', () => {
  it('quantilePairMs gives the numbers of two quantileMs calls; reset clears every bucket', () => {
    const rng = seedRng(7);
    const h = new LogHistogram();
    const out = new Float64Array(2);
    for (let round = 0; round < 50; round++) {
      const n = 1 + (nextUint32(rng) % 500);
      for (let i = 0; i < n; i++) {
        // Latencies from 0.1 µs to ~ 3 days, some sharing buckets, some past the range.
        const u = nextUniform(rng);
        h.record(round % 7 === 0 ? 2e10 * u : Math.exp(30 * u - 16));
      }
      for (const [qa, qb] of [
        [0.5, 0.99],
        [0.5, 0.5],
        [0.01, 0.999],
      ] as const) {
        h.quantilePairMs(qa, qb, out);
        expect(out[0]).toBe(h.quantileMs(qa));
        expect(out[1]).toBe(h.quantileMs(qb));
      }
      h.reset();
      expect(h.counts.every((c) => c === 0)).toBe(true);
      h.quantilePairMs(0.5, 0.99, out);
      expect([...out]).toEqual([0, 0]);
    }
  });
});

describe('control-plane predictions', () => {
  it('mean Envoy backoff: 12.5, 37.5, 87.5 ms per retry (137.5 ms for three)', () => {
    expect(meanBackoffMs(1)).toBe(12.5);
    expect(meanBackoffMs(3)).toBe(137.5);
  });

  it('failureSeen compounds dependency failures and retries: p = 0.9, r = 2 → 0.729 seen', () => {
    const cfg = retryChain({ attempts: 2, failureProb: 0.9 });
    expect(failureSeen(cfg, 'c').seen).toBeCloseTo(0.729, 6);
    // b sees c's 72.9% as a dependency failure, then retries it twice: 0.729^3.
    expect(failureSeen(cfg, 'b').seen).toBeCloseTo(0.729 ** 3, 6);
  });

  it('a retry intent on a service whose dependency is down names the storm', () => {
    const cfg = retryChain({ attempts: 0, failureProb: 1 });
    const text = explainIntent(cfg, {
      type: 'set-retries',
      service: 'b',
      attempts: 2,
      retryOn: ['5xx'],
    });
    expect(text.predicted).toMatch(/dependency/);
    expect(text.predicted).toMatch(/3\.00×/);
  });
});

describe('bucketOf', () => {
  // The reference: exponent and top 6 mantissa bits read from the float's words (the layout the
  // histogram documents); bucketOf computes it in integers below 2^25 µs.
  const f64 = new Float64Array(1);
  const u32 = new Uint32Array(f64.buffer);
  const words = (ms: number): number => {
    const us = ms * 1000;
    if (!(us >= 1)) return 0;
    f64[0] = us;
    const hi = u32[1]!;
    return 1 + (((hi >>> 20) - 1023) << 6) + ((hi >>> 14) & 63);
  };
  const i64 = new BigInt64Array(f64.buffer);
  /** The double next to x (by ulps). */
  const ulp = (x: number, by: bigint): number => {
    f64[0] = x;
    i64[0]! += by;
    return f64[0]!;
  };

  it('matches the float-word layout at every octave and sub-bucket edge, ±1 ulp', () => {
    for (let k = -12; k < 42; k++)
      for (let sub = 0; sub < 64; sub++) {
        const us = 2 ** k * (1 + sub / 64);
        for (const v of [ulp(us, -1n), us, ulp(us, 1n)]) {
          expect(bucketOf(v / 1000)).toBe(words(v / 1000));
          expect(bucketOf(v)).toBe(words(v));
        }
      }
  });

  it('matches it on seeded random latencies over the whole range and on edge values', () => {
    const st = seedRng(7);
    for (let i = 0; i < 200_000; i++) {
      const ms = nextUniform(st) * 2 ** (nextUniform(st) * 44 - 12);
      expect(bucketOf(ms)).toBe(words(ms));
    }
    for (const ms of [0, -1, NaN, Infinity, 0.001, 33_554.432, ulp(33_554.432, -1n), 1e300])
      expect(bucketOf(ms)).toBe(words(ms));
  });
});
