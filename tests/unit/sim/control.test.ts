/** Determinism, the control loop and config validation. */
import { describe, expect, it } from 'vitest';
import { runBatch, Simulation } from '@/lib/sim/engine';
import { parseSimConfig, simConfigSchema } from '@/lib/sim/config';
import type { SimConfig } from '@/lib/sim/config';

const base = (): SimConfig =>
  simConfigSchema.parse({
    requests: 5000,
    dataPlane: { mode: 'sidecar' },
    callers: [
      { name: 'frontend', rps: 500, calls: [['payments-svc'], ['profile-svc', 'inventory-svc']] },
      { name: 'batch-job', rps: 20, meshed: false, calls: [['payments-svc']] },
    ],
    services: [
      { name: 'payments-svc', replicas: 2, serviceTime: { meanMs: 2 } },
      { name: 'profile-svc', serviceTime: { kind: 'lognormal', meanMs: 1, sigma: 0.8 } },
      { name: 'inventory-svc', serviceTime: { kind: 'constant', meanMs: 0.5 }, failureProb: 0.05 },
    ],
  });

describe('determinism', () => {
  it('the same config and seed give identical numbers, bit for bit', () => {
    const a = JSON.stringify(runBatch(base(), { seed: 123 }));
    const b = JSON.stringify(runBatch(base(), { seed: 123 }));
    expect(a).toBe(b);
  });

  it('a different seed gives different numbers', () => {
    const a = runBatch(base(), { seed: 1 });
    const b = runBatch(base(), { seed: 2 });
    expect(a.endToEnd.meanMs).not.toBe(b.endToEnd.meanMs);
  });

  it('stepping in chunks equals one long run', () => {
    const one = new Simulation(base(), { seed: 5, requests: Infinity });
    one.runUntil(20_000);
    const chunked = new Simulation(base(), { seed: 5, requests: Infinity });
    for (let t = 1000; t <= 20_000; t += 1000) chunked.runUntil(t);
    expect(JSON.stringify(chunked.summarize())).toBe(JSON.stringify(one.summarize()));
  });
});

describe('control loop', () => {
  it('applies a valid intent after debounce + convergence and explains it', () => {
    const sim = new Simulation(base(), { seed: 1, requests: Infinity });
    sim.enqueueIntent({ type: 'set-mtls', service: 'payments-svc', mode: 'strict' });
    const d = sim.takeIntent()!;
    expect(d.status).toBe('scheduled');
    expect(d.applyAtMs).toBeGreaterThanOrEqual(200); // 100 ms debounce + ≥ 100 ms convergence
    expect(d.predicted).toContain('batch-job');
    sim.runUntil(d.applyAtMs! - 1);
    expect(sim.decisions[0]!.status).toBe('scheduled');
    sim.runUntil(d.applyAtMs! + 1);
    expect(sim.decisions[0]!.status).toBe('applied');
    expect(sim.config.services[0]!.policy.mtls).toBe('strict');
  });

  it('rejects an invalid intent with a reason and keeps running', () => {
    const sim = new Simulation(base(), { seed: 1, requests: Infinity });
    sim.enqueueIntent({ type: 'set-canary-weight', service: 'payments-svc', weight: 10 });
    const d = sim.step()!;
    expect(d.status).toBe('rejected');
    expect(d.why).toMatch(/canary/);
    expect(sim.now).toBe(sim.config.stepIntervalMs);
    expect(sim.summarize().endToEnd.count).toBeGreaterThan(1000);
  });

  it('an L7 intent is rejected in ambient mode without a waypoint', () => {
    const cfg = base();
    cfg.dataPlane.mode = 'ambient';
    const sim = new Simulation(cfg, { seed: 1, requests: Infinity });
    sim.enqueueIntent({ type: 'set-retries', service: 'inventory-svc', attempts: 2 });
    expect(sim.step()!.why).toMatch(/waypoint/);
  });

  it('Step returns null when the queue is empty and still advances time', () => {
    const sim = new Simulation(base(), { seed: 1, requests: Infinity });
    expect(sim.step()).toBeNull();
    expect(sim.now).toBe(10_000);
  });

  it('a STRICT intent turns the un-meshed caller’s calls into mTLS rejections', () => {
    const sim = new Simulation(base(), { seed: 3, requests: Infinity });
    sim.step();
    expect(sim.summarize().endToEnd.errorsByCause.mtls).toBeUndefined();
    sim.enqueueIntent({ type: 'set-mtls', service: 'payments-svc', mode: 'strict' });
    sim.step();
    expect(sim.summarize().endToEnd.errorsByCause.mtls ?? 0).toBeGreaterThan(0);
  });
});

describe('config validation', () => {
  it('names the wrong field', () => {
    const r = parseSimConfig({
      callers: [{ name: 'load', rps: 10, calls: [['missing']] }],
      services: [{ name: 'q', replicas: 0, serviceTime: { meanMs: 1 } }],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.some((e) => e.startsWith('services.0.replicas'))).toBe(true);
      expect(
        r.errors.some((e) => e.startsWith('callers.0.calls.0.0') && e.includes('unknown service')),
      ).toBe(true);
    }
  });

  it('rejects a cyclic call graph', () => {
    const r = parseSimConfig({
      callers: [{ name: 'load', rps: 10, calls: [['a']] }],
      services: [
        { name: 'a', serviceTime: { meanMs: 1 }, calls: [['b']] },
        { name: 'b', serviceTime: { meanMs: 1 }, calls: [['a']] },
      ],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toMatch(/cycle/);
  });
});
