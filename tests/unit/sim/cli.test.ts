/** The CLI on every bad input from issue #12: a clear message and exit code, never a hang. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '@/scripts/sim-cli';

const dir = mkdtempSync(path.join(tmpdir(), 'sim-cli-'));
let n = 0;
const file = (content: unknown) => {
  const f = path.join(dir, `c${n++}.json`);
  writeFileSync(f, typeof content === 'string' ? content : JSON.stringify(content));
  return f;
};
const mm1 = (extra: Record<string, unknown> = {}, caller: Record<string, unknown> = {}) => ({
  networkMs: 0,
  callers: [{ name: 'load', rps: 800, calls: [['queue']], ...caller }],
  services: [{ name: 'queue', workers: 1, serviceTime: { kind: 'exponential', meanMs: 1 } }],
  ...extra,
});

describe('sim CLI', () => {
  it('runs a valid config and reports the real busy share and the offered load', () => {
    const r = runCli(['--config', file(mm1({ requests: 20_000 })), '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.services.queue.utilization).toBeGreaterThan(0.7);
    expect(out.services.queue.utilization).toBeLessThanOrEqual(1);
    expect(out.warnings).toEqual([]);
  });

  it('--requests obeys the same cap as the config file', () => {
    const r = runCli(['--config', file(mm1()), '--requests', '999999999999']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--requests must be an integer from 1 to 50,000,000/);
  });

  it('--requests within the cap but over the event budget is refused before running', () => {
    const r = runCli([
      '--config',
      file(mm1()),
      '--requests',
      '50000000',
      '--max-events',
      '1000000',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/needs about .* simulated events, more than its budget of 1 M/);
  });

  it('the budget is also enforced while running (retries multiply the work)', () => {
    const cfg = {
      requests: 2000,
      dataPlane: { mode: 'sidecar' },
      callers: [{ name: 'load', rps: 100, calls: [['a']] }],
      services: [
        {
          name: 'a',
          serviceTime: { meanMs: 1 },
          failureProb: 1,
          policy: { retries: { attempts: 10, retryOn: ['5xx'] } },
        },
      ],
    };
    // The estimate (no retries) fits in 25,000 events; eleven tries per call do not.
    const r = runCli(['--config', file(cfg), '--max-events', '25000']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/reached its budget of 25,000 simulated events/);
  });

  it.each([
    ['denormal', 5e-324],
    ['tiny', 1e-9],
  ])('a %s rps is a clear error', (_, rps) => {
    const r = runCli(['--config', file(mm1({}, { rps }))]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/callers\.0\.rps: must be at least 0\.001 requests per second/);
  });

  it('a windowMs too small for the run is a clear error', () => {
    const r = runCli(['--config', file(mm1({ windowMs: 10, requests: 1_000_000 }, { rps: 0.01 }))]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/windowMs: too small for this run/);
  });

  it('low rates with small windows finish quickly (idle windows are skipped, not walked)', () => {
    const r = runCli([
      '--config',
      file(mm1({ windowMs: 10, requests: 50 }, { rps: 0.001 })),
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).endToEnd.errorRate).toBe(0);
  });

  it('a call graph that multiplies is refused (bounded calls per request)', () => {
    // 16 services, each calling the next one 64 times (8 stages × 8 targets): 64^15 calls.
    const names = Array.from({ length: 16 }, (_, i) => `s${i}`);
    const cfg = {
      callers: [{ name: 'load', rps: 1, calls: [['s0']] }],
      services: names.map((name, i) => ({
        name,
        serviceTime: { meanMs: 1 },
        calls: i < 15 ? Array.from({ length: 8 }, () => Array(8).fill(names[i + 1])) : [],
      })),
    };
    const r = runCli(['--config', file(cfg)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/services: one request fans out to 1\.\d+e\+27 calls; at most 1000/);
  });

  it('a config file larger than 1 MiB is refused, including an endless device', () => {
    const big = runCli(['--config', file(' '.repeat(1024 * 1024 + 10))]);
    expect(big.code).toBe(2);
    expect(big.stderr).toMatch(/larger than 1024 KiB/);
    const zero = runCli(['--config', '/dev/zero']);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toMatch(/\/dev\/zero is larger than 1024 KiB/);
  });

  it('a cycle blames only the services on it and names the cycle', () => {
    const cfg = {
      callers: [{ name: 'load', rps: 1, calls: [['entry']] }],
      services: [
        { name: 'entry', serviceTime: { meanMs: 1 }, calls: [['a']] },
        { name: 'a', serviceTime: { meanMs: 1 }, calls: [['b']] },
        { name: 'b', serviceTime: { meanMs: 1 }, calls: [['a']] },
      ],
    };
    const r = runCli(['--config', file(cfg)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('services.1.calls: call graph has a cycle: a → b → a');
    expect(r.stderr).toContain('services.2.calls: call graph has a cycle: a → b → a');
    expect(r.stderr).not.toContain('services.0.calls');
  });

  it('{"config": 5} is reported at config, not (root)', () => {
    const r = runCli(['--config', file({ config: 5 })]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\n {2}config: Invalid input: expected object, received number/);
    expect(r.stderr).not.toContain('(root)');
  });

  it.each([['4294967296'], ['-1'], ['1.5'], ['1e3']])('--seed %s is out of range', (seed) => {
    const r = runCli(['--config', file(mm1()), '--seed', seed]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--seed must be an integer from 0 to 4,294,967,295/);
  });

  it('a preset file with a seed beyond 2^32 − 1 is refused instead of wrapping', () => {
    const r = runCli(['--config', file({ config: mm1(), seed: 2 ** 32 })]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/seed: Too big/);
  });

  it('reports when quantiles clamp at the histogram range', () => {
    // Service time 60 s with 1 worker at 10 rps: waits grow past 2^40 µs ≈ 12.7 days.
    const cfg = {
      requests: 40_000,
      networkMs: 0,
      callers: [{ name: 'load', rps: 10, calls: [['slow']] }],
      services: [{ name: 'slow', workers: 1, serviceTime: { kind: 'constant', meanMs: 60_000 } }],
    };
    const r = runCli(['--config', file(cfg), '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.warnings[0]).toMatch(/latencies exceeded the histogram's range .* clamped/);
    expect(out.services.slow.utilization).toBeLessThanOrEqual(1);
    expect(out.services.slow.offeredLoad).toBeGreaterThan(100);
  });

  it('unknown flags, missing values and unreadable files', () => {
    expect(runCli(['--config']).stderr).toMatch(/--config needs a value/);
    expect(runCli(['--nope']).stderr).toMatch(/unknown argument/);
    const missing = runCli(['--config', path.join(dir, 'missing.json')]);
    expect(missing.code).toBe(2);
    expect(runCli(['--config', file('{not json')]).code).toBe(2);
  });
});
