/**
 * The engine against queueing theory (reference values: research notes §2, S44).
 *
 * Tolerances come from sample size. Waiting times in a queue are autocorrelated; the
 * relaxation time of an M/M/1 queue is about 1/(μ(1−√ρ)²): ≈ 34 requests at ρ = 0.5, 72 at
 * 0.8, 340 at 0.9. A mean over n requests therefore has a relative standard error of roughly
 * √(2·τ/n) (exponential sojourn: CV = 1). The notes measured ±2% (mean) and ±4% (p99) over
 * five seeds of 2M requests at ρ = 0.9. Each bound below is ≥ 3 standard errors.
 */
import { describe, expect, it } from 'vitest';
import { runBatch, Simulation } from '@/lib/sim/engine';
import { simConfigSchema } from '@/lib/sim/config';
import { plainQueue, rel } from './helpers';

describe('M/M/1 (μ = 1000/s)', () => {
  // ρ, λ, E[T] ms, p99 ms, requests, mean tolerance, p99 tolerance
  const cases = [
    // τ≈34 → SE ≈ √(68/300k) ≈ 1.5% of mean; p99 needs ~2× that.
    [0.5, 500, 2.0, 9.21, 300_000, 0.045, 0.06],
    // τ≈72 → SE ≈ √(144/600k) ≈ 1.5%.
    [0.8, 800, 5.0, 23.03, 600_000, 0.05, 0.07],
    // τ≈340 → SE ≈ √(680/2M) ≈ 1.8% for the mean; p99 sits inside long busy periods and
    // varies ≈ 3–4% between seeds at 2M (notes: 44.7–47.7 ms over five seeds; ours 44.5–47.9).
    [0.9, 900, 10.0, 46.05, 2_000_000, 0.06, 0.1],
  ] as const;
  for (const [rho, lambda, meanMs, p99Ms, n, tolMean, tolP99] of cases) {
    it(`ρ = ${rho}: mean ≈ ${meanMs} ms, p99 ≈ ${p99Ms} ms, utilisation ≈ ρ`, () => {
      const s = runBatch(plainQueue(lambda, 1, n), { seed: 11 });
      expect(rel(s.endToEnd.meanMs, meanMs)).toBeLessThan(tolMean);
      expect(rel(s.endToEnd.p99Ms, p99Ms)).toBeLessThan(tolP99);
      // Below saturation the measured busy share (time served, not work offered) equals the
      // analytic ρ = λ·E[S]; window.test.ts checks that it stays ≤ 1 where offered load is 1.2.
      expect(rel(s.services.queue!.utilization, rho)).toBeLessThan(0.02);
      expect(s.services.queue!.utilization).toBeLessThanOrEqual(1);
      expect(s.endToEnd.errorRate).toBe(0);
    });
  }

  it('p50 follows −ln(0.5)/(μ−λ) at ρ = 0.8', () => {
    const s = runBatch(plainQueue(800, 1, 600_000), { seed: 5 });
    expect(rel(s.endToEnd.p50Ms, 3.466)).toBeLessThan(0.05);
  });
});

describe('M/M/c with Erlang C', () => {
  // c, λ, E[T] ms, p99 ms (notes §2.2). Pooled servers relax faster than M/M/1 at the same ρ.
  const cases = [
    [2, 1600, 2.778, 11.94, 500_000],
    [4, 2000, 1.087, 4.764, 400_000],
    [4, 3200, 1.746, 6.893, 600_000],
    [4, 3600, 2.969, 12.19, 1_000_000],
  ] as const;
  for (const [c, lambda, meanMs, p99Ms, n] of cases) {
    it(`c = ${c}, λ = ${lambda}: mean ≈ ${meanMs} ms, p99 ≈ ${p99Ms} ms`, () => {
      const s = runBatch(plainQueue(lambda, c, n), { seed: 7 });
      expect(rel(s.endToEnd.meanMs, meanMs)).toBeLessThan(0.05);
      expect(rel(s.endToEnd.p99Ms, p99Ms)).toBeLessThan(0.07);
    });
  }

  it('four servers beat one at the same per-server load (p99 6.9 vs 23 ms at ρ = 0.8)', () => {
    const one = runBatch(plainQueue(800, 1, 300_000), { seed: 3 });
    const four = runBatch(plainQueue(3200, 4, 300_000), { seed: 3 });
    expect(four.endToEnd.p99Ms).toBeLessThan(one.endToEnd.p99Ms / 2.5);
  });
});

describe('networks and conservation laws', () => {
  it('a tandem of three M/M/1 stations has the sum of the means (Jackson: 3 × 2 ms at ρ = 0.5)', () => {
    const config = simConfigSchema.parse({
      requests: 400_000,
      warmupFraction: 0.1,
      networkMs: 0,
      callers: [{ name: 'load', rps: 500, calls: [['s1']] }],
      services: [
        { name: 's1', workers: 1, serviceTime: { meanMs: 1 }, calls: [['s2']] },
        { name: 's2', workers: 1, serviceTime: { meanMs: 1 }, calls: [['s3']] },
        { name: 's3', workers: 1, serviceTime: { meanMs: 1 } },
      ],
    });
    const s = runBatch(config, { seed: 21 });
    // Three independent ≈1.5%-SE stations: the sum's SE is < 1.5%; allow 4%.
    expect(rel(s.endToEnd.meanMs, 6)).toBeLessThan(0.04);
  });

  it("Little's law: time-averaged requests in flight = λ · mean latency", () => {
    const config = plainQueue(800, 1, 400_000);
    const sim = new Simulation({ ...config, warmupFraction: 0 }, { seed: 9 });
    let samples = 0;
    let sum = 0;
    // Sample the number in the system every 5 ms for 400 s of simulated time.
    for (let t = 5; t < 400_000; t += 5) {
      sim.runUntil(t);
      sum += sim.inFlight;
      samples++;
    }
    sim.runToCompletion();
    const s = sim.summarize();
    const L = sum / samples;
    // L and W are estimated from the same path, so their errors are correlated; 4% is > 3 SE.
    expect(rel(L, 0.8 * s.endToEnd.meanMs)).toBeLessThan(0.04);
    expect(rel(L, 4)).toBeLessThan(0.08); // L = ρ/(1−ρ) = 4
  });

  it('an M/D/1 queue waits half as long as M/M/1 (Pollaczek–Khinchine: Wq = 2 ms at ρ = 0.8)', () => {
    const config = simConfigSchema.parse({
      requests: 400_000,
      warmupFraction: 0.1,
      networkMs: 0,
      callers: [{ name: 'load', rps: 800, calls: [['queue']] }],
      services: [{ name: 'queue', workers: 1, serviceTime: { kind: 'constant', meanMs: 1 } }],
    });
    const s = runBatch(config, { seed: 4 });
    expect(rel(s.endToEnd.meanMs, 3)).toBeLessThan(0.04);
  });
});
