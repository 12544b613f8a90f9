/** Every preset validates, and stepping through it reproduces the fact it teaches (notes §3). */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPresetDir } from '@/lib/content/simulator-preset-pack';
import { Simulation } from '@/lib/sim/engine';
import type { Preset } from '@/lib/sim/presets';
import { PRESET_IDS } from '@/lib/sim/preset-ids';

const dir = path.join(process.cwd(), 'content', 'simulator', 'presets');
const load = async (): Promise<Map<string, Preset>> => {
  const { presets, problems } = await readPresetDir(dir);
  expect(problems).toEqual([]);
  return new Map(presets.map((p) => [p.id, p]));
};

/** Runs a preset step by step; returns the window summary after each step (only that step's metrics). */
function stepThrough(preset: Preset) {
  const sim = new Simulation(preset.config, { seed: preset.seed, requests: Infinity });
  for (const intent of preset.intents) sim.enqueueIntent(intent);
  const out = [];
  // Step 0: a plain interval with no intent taken yet.
  sim.runUntil(preset.config.stepIntervalMs);
  const windows = () => sim.summarize().series;
  let seen = windows().length;
  out.push(windows().slice(0, seen));
  for (let i = 0; i < preset.intents.length; i++) {
    sim.step();
    const all = windows();
    out.push(all.slice(seen + 1)); // skip the window where the change propagates
    seen = all.length;
  }
  return { sim, out };
}
const avg = (
  xs: { errorRate: number }[],
  key: 'errorRate' | 'p99Ms' | 'retriesPerS' | 'p50Ms' = 'errorRate',
) => xs.reduce((a, x) => a + (x as Record<string, number>)[key]!, 0) / Math.max(1, xs.length);

describe('simulator presets', () => {
  it('all ten ids exist and validate (schema + every intent valid at its step)', async () => {
    const presets = await load();
    expect([...presets.keys()].sort()).toEqual([...PRESET_IDS].sort());
  });

  it('retry-storm: a hard-down leaf takes ≈ 27 attempts per request; budgets cut it', async () => {
    const p = (await load()).get('retry-storm')!;
    const sim = new Simulation(p.config, { seed: p.seed, requests: Infinity });
    for (const i of p.intents) sim.enqueueIntent(i);
    sim.step(); // inventory-svc down
    const before = sim.summarize().services['inventory-svc']!;
    sim.step();
    sim.step();
    sim.step();
    const mid = sim.summarize().services['inventory-svc']!;
    sim.step(); // let the last budget work for a full interval
    const after = sim.summarize().services['inventory-svc']!;
    // The stats are cumulative: the leaf's attempts per request during the last interval.
    const lastAttempts = after.attempts - mid.attempts;
    const lastRequests =
      after.attempts / after.attemptsPerRequest - mid.attempts / mid.attemptsPerRequest;
    expect(before.attemptsPerRequest).toBeGreaterThan(20);
    expect(lastAttempts / lastRequests).toBeLessThan(2.5);
  });

  it('strict-mtls-unmeshed-caller: STRICT rejects batch-job, PERMISSIVE lets it back', async () => {
    const { out } = stepThrough((await load()).get('strict-mtls-unmeshed-caller')!);
    expect(avg(out[0]!)).toBe(0);
    expect(Math.abs(avg(out[1]!) - 40 / 440)).toBeLessThan(0.03);
    expect(avg(out[2]!)).toBe(0);
  });

  it('deny-vs-allow: DENY wins over ALLOW; allow-nothing denies all', async () => {
    const { out } = stepThrough((await load()).get('deny-vs-allow')!);
    expect(avg(out[1]!)).toBe(0);
    expect(Math.abs(avg(out[2]!) - 0.25)).toBeLessThan(0.05);
    expect(avg(out[3]!)).toBe(1);
    expect(Math.abs(avg(out[4]!) - 0.25)).toBeLessThan(0.05);
  });

  it('canary-bad-v2: 10% to a 30%-failing v2 shows ≈ 3% errors, rollback clears them', async () => {
    const { out } = stepThrough((await load()).get('canary-bad-v2')!);
    expect(Math.abs(avg(out[1]!) - 0.03)).toBeLessThan(0.012);
    expect(Math.abs(avg(out[2]!) - 0.15)).toBeLessThan(0.03);
    expect(avg(out[3]!)).toBe(0);
  });

  it('fault-injection-disables-retries: 50% abort → ≈ 60% errors and no retries', async () => {
    const { out } = stepThrough((await load()).get('fault-injection-disables-retries')!);
    expect(avg(out[0]!)).toBeLessThan(0.01);
    expect(Math.abs(avg(out[1]!) - 0.6)).toBeLessThan(0.04);
    expect(avg(out[1]!, 'retriesPerS')).toBe(0);
    expect(avg(out[2]!)).toBeLessThan(0.01);
  });

  it('circuit-breaker-overload: overload grows p99; the breaker trades it for fast 503s', async () => {
    const { out } = stepThrough((await load()).get('circuit-breaker-overload')!);
    expect(avg(out[1]!, 'p99Ms')).toBeGreaterThan(10 * avg(out[0]!, 'p99Ms'));
    // The backlog built during overload drains first; judge the last 5 windows of the step.
    const settled = out[2]!.slice(-5);
    expect(avg(settled)).toBeGreaterThan(0.1);
    expect(avg(settled, 'p99Ms')).toBeLessThan(avg(out[1]!, 'p99Ms') / 10);
  });

  it('ambient-vs-sidecar-cost: ambient L4 uses less proxy CPU and memory than sidecars', async () => {
    const p = (await load()).get('ambient-vs-sidecar-cost')!;
    const sim = new Simulation(p.config, { seed: p.seed, requests: Infinity });
    sim.runUntil(10_000);
    const side = sim.summarize().dataPlane;
    const amb = new Simulation(
      { ...p.config, dataPlane: { ...p.config.dataPlane, mode: 'ambient' } },
      { seed: p.seed, requests: Infinity },
    );
    amb.runUntil(10_000);
    const ambient = amb.summarize().dataPlane;
    expect(Math.abs(side.cpuVcpu - 1.2)).toBeLessThan(0.06);
    expect(Math.abs(ambient.cpuVcpu - 0.36)).toBeLessThan(0.03);
    expect(ambient.memoryMiB).toBeLessThan(side.memoryMiB);
  });

  it('timeout-rescue: the route timeout caps p99, per-try retries cut timeouts', async () => {
    const { out } = stepThrough((await load()).get('timeout-rescue')!);
    expect(avg(out[1]!, 'p99Ms')).toBeLessThan(avg(out[0]!, 'p99Ms'));
    expect(avg(out[2]!)).toBeLessThan(avg(out[1]!));
  });
});
