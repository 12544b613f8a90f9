/** Current-window metrics, the real busy share, and event budgets. */
import { describe, expect, it } from 'vitest';
import { estimateEvents, estimateRunEvents } from '@/lib/sim/budget';
import { simConfigSchema } from '@/lib/sim/config';
import { runBatch, SimBudgetError, Simulation } from '@/lib/sim/engine';
import { startRun } from '@/lib/sim/replay';
import { plainQueue, rel, retryChain } from './helpers';

describe('utilization is the busy share, offered load is separate', () => {
  it('at ρ = 1.2 the server is busy ≈ 100% of the time while the offered load is ≈ 1.2', () => {
    const s = runBatch(plainQueue(1200, 1, 100_000), { seed: 3 });
    const q = s.services.queue!;
    expect(q.utilization).toBeLessThanOrEqual(1);
    expect(q.utilization).toBeGreaterThan(0.99);
    expect(rel(q.offeredLoad, 1.2)).toBeLessThan(0.03);
  });

  it('at ρ = 0.6 with 2 servers both agree with λ·E[S]/c', () => {
    const s = runBatch(plainQueue(1200, 2, 200_000), { seed: 4 });
    expect(rel(s.services.queue!.utilization, 0.6)).toBeLessThan(0.02);
    expect(rel(s.services.queue!.offeredLoad, 0.6)).toBeLessThan(0.02);
  });

  it('an open-ended run does not count queued work beyond now as busy time', () => {
    const sim = new Simulation(plainQueue(1500, 1, 1), { seed: 2, requests: Infinity });
    sim.runUntil(2000);
    const q = sim.summarize().services.queue!;
    expect(q.utilization).toBeLessThanOrEqual(1);
    expect(q.utilization).toBeGreaterThan(0.98);
    expect(q.offeredLoad).toBeGreaterThan(1.3);
  });
});

describe('current-window metrics', () => {
  const mesh = () =>
    simConfigSchema.parse({
      callers: [{ name: 'frontend', rps: 300, calls: [['payments-svc']] }],
      services: [{ name: 'payments-svc', workers: 8, serviceTime: { meanMs: 1 } }],
    });

  it('after switching to sidecars the window shows ≈ 100% encrypted while since-start lags', () => {
    const sim = startRun(mesh(), 1);
    for (let i = 0; i < 4; i++) sim.step();
    sim.enqueueIntent({ type: 'set-data-plane', mode: 'sidecar' });
    sim.step(); // the switch lands ≈ 0.2 s into this step
    sim.step();
    const win = sim.summarize('window');
    const total = sim.summarize('total');
    expect(win.scope).toBe('window');
    expect(win.fromMs).toBe(6 * mesh().stepIntervalMs);
    expect(win.security.encryptedShare).toBe(1);
    expect(total.security.encryptedShare).toBeGreaterThan(0.2);
    expect(total.security.encryptedShare).toBeLessThan(0.4); // ≈ 2 of 7 intervals
    // The window holds one step's requests (300 rps × 10 s), the total all of them.
    expect(rel(win.endToEnd.count, 3000)).toBeLessThan(0.06);
    expect(total.endToEnd.count).toBeGreaterThan(5 * win.endToEnd.count);
  });

  it('the retry storm reads ≈ 27 attempts per request in the window, less since start', () => {
    const sim = startRun(retryChain({ attempts: 2, failureProb: 0, rps: 50 }), 4);
    sim.step();
    sim.step();
    sim.enqueueIntent({ type: 'set-failure', service: 'c', failureProb: 1, failureKind: '500' });
    sim.step();
    sim.step();
    const win = sim.summarize('window').services.c!;
    const total = sim.summarize('total').services.c!;
    expect(rel(win.attemptsPerRequest, 27)).toBeLessThan(0.05);
    expect(total.attemptsPerRequest).toBeLessThan(0.75 * win.attemptsPerRequest);
  });

  it('window counts add up to the total over consecutive steps', () => {
    const sim = startRun(mesh(), 9);
    let sum = sim.summarize('total').endToEnd.count;
    for (let i = 0; i < 3; i++) {
      sim.step();
      sum += sim.summarize('window').endToEnd.count;
    }
    expect(sim.summarize('total').endToEnd.count).toBe(sum);
  });
});

describe('event budgets', () => {
  it('the estimate is an upper bound of what a plain and a meshed run process', () => {
    for (const mode of ['none', 'sidecar', 'ambient'] as const) {
      const cfg = simConfigSchema.parse({
        requests: 5000,
        dataPlane: { mode },
        callers: [{ name: 'f', rps: 100, calls: [['a'], ['b', 'c']] }],
        services: [
          { name: 'a', serviceTime: { meanMs: 1 }, calls: [['c']] },
          { name: 'b', serviceTime: { meanMs: 1 } },
          { name: 'c', serviceTime: { meanMs: 1 } },
        ],
      });
      const sim = new Simulation(cfg, { seed: 1 });
      sim.runToCompletion();
      const est = estimateEvents(cfg, { requests: 5000 });
      expect(sim.events).toBeLessThanOrEqual(est);
      expect(sim.events).toBeGreaterThan(est / 4); // and not absurdly loose
    }
  });

  it('a run stops with SimBudgetError at its budget', () => {
    const cfg = plainQueue(800, 1, 100_000);
    const sim = new Simulation(cfg, { seed: 1, maxEvents: 10_000 });
    expect(() => sim.runToCompletion()).toThrow(SimBudgetError);
    expect(sim.events).toBe(10_000);
    const open = startRun(cfg, 1, 1e9);
    expect(() => open.step()).not.toThrow();
    expect(() => startRun(cfg, 1, 100)).toThrow(/budget of 100 simulated events/);
  });

  it('an overload that queues work without end stops at the pending-event cap', () => {
    // 1000× overload: every request waits in the future, so pending events pile up.
    const cfg = plainQueue(1_000_000, 1, 1);
    const sim = new Simulation(cfg, { seed: 1, requests: Infinity });
    expect(() => sim.runUntil(60_000)).toThrow(/more than 4,194,304 events are pending at once/);
  });

  it('estimateRunEvents grows with steps and rate', () => {
    const a = estimateRunEvents(plainQueue(100, 1, 1), 10);
    expect(estimateRunEvents(plainQueue(100, 1, 1), 20)).toBeGreaterThan(a);
    expect(estimateRunEvents(plainQueue(1000, 1, 1), 10)).toBeCloseTo(a * 10, 0);
  });
});
