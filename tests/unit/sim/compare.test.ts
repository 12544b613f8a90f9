/** Compare mode keeps its own data plane when the main run queues a data-plane switch. */
import { describe, expect, it } from 'vitest';
import { SimHost } from '@/components/simulator/sim-host';
import { humanIntentIssue } from '@/components/simulator/intent-text';
import { simConfigSchema } from '@/lib/sim/config';
import { intentSchema } from '@/lib/sim/intents';
import { comparisonScript } from '@/lib/sim/replay';

const base = simConfigSchema.parse({
  callers: [{ name: 'frontend', rps: 200, calls: [['payments-svc']] }],
  services: [{ name: 'payments-svc', workers: 8, serviceTime: { meanMs: 1 } }],
});
const ambient = { ...base, dataPlane: { ...base.dataPlane, mode: 'ambient' as const } };

describe('compare mode', () => {
  it('a queued data-plane intent switches only the main run; other intents apply to both', () => {
    const host = new SimHost();
    host.handle({ type: 'init', config: base, seed: 3, script: [], steps: 0, compare: ambient });
    host.handle({ type: 'enqueue', intent: { type: 'set-data-plane', mode: 'sidecar' } });
    host.handle({
      type: 'enqueue',
      intent: { type: 'set-replicas', service: 'payments-svc', replicas: 3 },
    });
    host.handle({ type: 'step' });
    host.handle({ type: 'step' });
    const v = host.handle({ type: 'step' });
    expect(v.config.dataPlane.mode).toBe('sidecar');
    expect(v.compare!.dataPlane.mode).toBe('ambient');
    expect(v.compareWindow!.dataPlane.mode).toBe('ambient');
    // The replicas intent reached both runs: 3 replicas × 8 workers either way.
    expect(v.summary.decisions.map((d) => d.intent.type)).toEqual([
      'set-data-plane',
      'set-replicas',
    ]);
    expect(v.compare!.decisions.map((d) => d.intent.type)).toEqual(['set-replicas']);
    // Sidecar costs vCPU; ambient's ztunnel costs less per request.
    expect(v.window.dataPlane.cpuVcpu).toBeGreaterThan(v.compareWindow!.dataPlane.cpuVcpu);
  });

  it('a replayed comparison (share link / re-init) drops data-plane switches the same way', () => {
    const script = [
      { at: 0, intent: { type: 'set-data-plane' as const, mode: 'sidecar' as const } },
      {
        at: 1,
        intent: { type: 'set-mtls' as const, service: 'payments-svc', mode: 'strict' as const },
      },
    ];
    expect(comparisonScript(script)).toEqual([script[1]]);
    const host = new SimHost();
    const v = host.handle({
      type: 'init',
      config: base,
      seed: 3,
      script,
      steps: 3,
      compare: ambient,
    });
    expect(v.config.dataPlane.mode).toBe('sidecar');
    expect(v.compare!.dataPlane.mode).toBe('ambient');
  });

  it('a step over the event budget is refused with a clear message', () => {
    const host = new SimHost();
    const heavy = simConfigSchema.parse({
      ...base,
      callers: [{ name: 'frontend', rps: 1_000_000, calls: [['payments-svc']] }],
    });
    expect(() =>
      host.handle({ type: 'init', config: heavy, seed: 1, script: [], steps: 1, compare: null }),
    ).toThrow(/one step at this load needs about .* simulated events, more than its budget/);
  });
});

describe('intent form errors', () => {
  const issue = (input: unknown) => intentSchema.safeParse(input).error!.issues[0]!;
  it('speak in the form’s own fields and units', () => {
    expect(humanIntentIssue(issue({ type: 'set-failure', service: 'a', failureProb: 1.5 }))).toBe(
      'Failure percent must be at most 100.',
    );
    expect(humanIntentIssue(issue({ type: 'set-retries', service: 'a', attempts: 2.5 }))).toBe(
      'Retry attempts must be a whole number.',
    );
    expect(humanIntentIssue(issue({ type: 'set-rate', caller: 'a', rps: 0 }))).toBe(
      'Requests per second must be more than 0.',
    );
    expect(humanIntentIssue(issue({ type: 'set-canary-weight', service: 'a', weight: 120 }))).toBe(
      'Percent to v2 must be at most 100.',
    );
  });
  it('0.3 % is a valid failure percent', () => {
    expect(
      intentSchema.safeParse({ type: 'set-failure', service: 'a', failureProb: 0.003 }).success,
    ).toBe(true);
  });
});
