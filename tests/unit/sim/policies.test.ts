/** Mesh policies against closed forms (notes §2.3–2.4) and documented behaviour (notes §3). */
import { describe, expect, it } from 'vitest';
import { runBatch } from '@/lib/sim/engine';
import { simConfigSchema } from '@/lib/sim/config';
import type { SimConfigInput } from '@/lib/sim/config';
import { rel, retryChain } from './helpers';

describe('retry amplification', () => {
  // A hard-down leaf fails every attempt, so each of d = 3 hops makes exactly 1 + r tries:
  // leaf load is (1 + r)^d per user request with no sampling error at all.
  for (const [r, expected] of [
    [1, 8],
    [2, 27],
    [3, 64],
  ] as const) {
    it(`r = ${r} at 3 hops against a hard-down leaf → ${expected}× leaf attempts`, () => {
      const s = runBatch(retryChain({ attempts: r, failureProb: 1, requests: 2000 }), { seed: 1 });
      expect(s.services.c!.attemptsPerRequest).toBe(expected);
      expect(s.endToEnd.errorRate).toBe(1);
      expect(s.endToEnd.errorsByCause.upstream).toBe(2000);
    });
  }

  it('independent failures p = 0.9, r = 2, d = 3 → 9.42× load, 94.2% success', () => {
    // Leaf attempts are a sum over 20k requests of a bounded count (≤ 27): SE < 0.5%.
    const s = runBatch(retryChain({ attempts: 2, failureProb: 0.9, requests: 20_000 }), {
      seed: 2,
    });
    expect(rel(s.services.c!.attemptsPerRequest, 9.42)).toBeLessThan(0.02);
    // Binomial SE of the error rate: √(0.058·0.942/20k) = 0.17 percentage points.
    expect(Math.abs(s.endToEnd.errorRate - 0.058)).toBeLessThan(0.006);
  });

  it('rare faults: p = 0.5 gives 2.0× and near-total success', () => {
    const s = runBatch(retryChain({ attempts: 2, failureProb: 0.5, requests: 20_000 }), {
      seed: 3,
    });
    expect(rel(s.services.c!.attemptsPerRequest, 2.0)).toBeLessThan(0.02);
    expect(s.endToEnd.errorRate).toBeLessThan(0.001);
  });

  it('a Linkerd-style budget keeps a storm near 1.2× per hop instead of 27×', () => {
    const s = runBatch(
      retryChain({ attempts: 2, failureProb: 1, requests: 20_000, rps: 1000, budget: true }),
      { seed: 4 },
    );
    // ≤ 1.2³ ≈ 1.73 plus the 10 retries/s floor (notes §2.4: ≈ 1.77 at 1000 rps).
    expect(s.services.c!.attemptsPerRequest).toBeLessThan(1.9);
    expect(s.services.c!.attemptsPerRequest).toBeGreaterThan(1.2);
  });

  it("Istio's default retryOn does not retry an application 500", () => {
    const config = retryChain({ attempts: 2, failureProb: 1, requests: 1000 });
    for (const svc of config.services)
      svc.policy.retries.retryOn = ['connect-failure', 'unavailable'];
    const s = runBatch(config, { seed: 5 });
    expect(s.services.c!.attemptsPerRequest).toBe(1);
  });

  it('connect failures are retried by the default retryOn at the hop that sees them', () => {
    const config = retryChain({ attempts: 2, failureProb: 1, requests: 1000 });
    for (const svc of config.services)
      svc.policy.retries.retryOn = ['connect-failure', 'unavailable'];
    config.services[2]!.failureKind = 'connect-failure';
    const s = runBatch(config, { seed: 5 });
    // Only the b → c hop retries (the app above answers 500): 3 attempts per request.
    expect(s.services.c!.attemptsPerRequest).toBe(3);
  });
});

describe('timeouts', () => {
  const slow = (
    timeoutMs: number | null,
    perTry: number | null,
    attempts: number,
  ): SimConfigInput => ({
    requests: 20_000,
    dataPlane: { mode: 'sidecar' },
    callers: [{ name: 'frontend', rps: 100, calls: [['slow-svc']] }],
    services: [
      {
        name: 'slow-svc',
        workers: 64,
        serviceTime: { kind: 'lognormal', meanMs: 20, sigma: 1.2 },
        policy: { timeoutMs, retries: { attempts, retryOn: ['5xx'], perTryTimeoutMs: perTry } },
      },
    ],
  });

  it('a route timeout caps latency and turns slow calls into timeouts', () => {
    const base = runBatch(simConfigSchema.parse(slow(null, null, 0)), { seed: 6 });
    const capped = runBatch(simConfigSchema.parse(slow(50, null, 0)), { seed: 6 });
    expect(base.endToEnd.p99Ms).toBeGreaterThan(100);
    expect(capped.endToEnd.p99Ms).toBeLessThanOrEqual(50.5);
    expect(capped.endToEnd.errorsByCause.timeout ?? 0).toBeGreaterThan(0);
  });

  it('a per-try timeout with retries rescues slow attempts inside the route timeout', () => {
    // Lognormal(mean 20 ms, σ 1.2): P(X > 200) ≈ 0.6%, P(X > 40) ≈ 12%. With a 40 ms per-try
    // timeout and 2 retries, a call fails only if all three tries are slow: ≈ 0.17%.
    const noRetry = runBatch(simConfigSchema.parse(slow(200, null, 0)), { seed: 7 });
    const rescued = runBatch(simConfigSchema.parse(slow(200, 40, 2)), { seed: 7 });
    // Over 20k requests: ≈ 120 vs ≈ 34 failures (Poisson SE ≈ 11 and 6).
    expect(rescued.endToEnd.errorRate).toBeLessThan(noRetry.endToEnd.errorRate / 2);
    expect(rescued.endToEnd.p99Ms).toBeLessThan(noRetry.endToEnd.p99Ms);
    expect(rescued.endToEnd.p99Ms).toBeLessThanOrEqual(200.5);
    expect(rescued.services['slow-svc']!.retries).toBeGreaterThan(0);
  });
});

describe('circuit breaker, outlier detection, split, fault', () => {
  it('an overloaded leaf behind a breaker fails fast with 503 UO and keeps latency bounded', () => {
    const overloaded = (limits: object | null): SimConfigInput => ({
      requests: 30_000,
      dataPlane: { mode: 'sidecar' },
      callers: [{ name: 'frontend', rps: 1200, calls: [['inventory-svc']] }],
      services: [
        {
          name: 'inventory-svc',
          workers: 1,
          serviceTime: { meanMs: 1 },
          policy: { circuitBreaker: limits },
        },
      ],
    });
    const open = runBatch(simConfigSchema.parse(overloaded(null)), { seed: 8 });
    const guarded = runBatch(
      simConfigSchema.parse(
        overloaded({ maxConnections: 8, maxPendingRequests: 4, maxRequests: 1000 }),
      ),
      { seed: 8 },
    );
    expect(open.endToEnd.errorRate).toBe(0);
    expect(guarded.endToEnd.errorsByCause.overflow ?? 0).toBeGreaterThan(1000);
    expect(guarded.endToEnd.p99Ms).toBeLessThan(open.endToEnd.p99Ms / 10);
  });

  const outlier = (maxEjectionPercent: number): SimConfigInput => ({
    requests: 20_000,
    dataPlane: { mode: 'sidecar' },
    callers: [{ name: 'frontend', rps: 500, calls: [['profile-svc']] }],
    services: [
      {
        name: 'profile-svc',
        replicas: 3,
        failingReplicas: 1,
        failureProb: 1,
        serviceTime: { meanMs: 1 },
        policy: { outlierDetection: { maxEjectionPercent } },
      },
    ],
  });

  it('3 replicas with maxEjectionPercent 10 never eject (1/3 = 33% > 10%)', () => {
    const s = runBatch(simConfigSchema.parse(outlier(10)), { seed: 9 });
    expect(s.services['profile-svc']!.ejections).toBe(0);
    expect(rel(s.endToEnd.errorRate, 1 / 3)).toBeLessThan(0.05);
  });

  it('maxEjectionPercent 34 ejects the bad host and the error rate collapses', () => {
    const s = runBatch(simConfigSchema.parse(outlier(34)), { seed: 9 });
    expect(s.services['profile-svc']!.ejections).toBeGreaterThan(0);
    expect(s.endToEnd.errorRate).toBeLessThan(0.05);
  });

  it('a 90/10 split sends 10% to v2 within 3σ of √(w(1−w)/n)', () => {
    const s = runBatch(
      simConfigSchema.parse({
        requests: 100_000,
        dataPlane: { mode: 'sidecar' },
        callers: [{ name: 'frontend', rps: 500, calls: [['payments-svc']] }],
        services: [
          {
            name: 'payments-svc',
            replicas: 2,
            serviceTime: { meanMs: 1 },
            canary: { replicas: 1, failureProb: 0.2 },
            policy: { canaryWeight: 10 },
          },
        ],
      }),
      { seed: 10 },
    );
    const sigma = Math.sqrt((0.1 * 0.9) / 100_000); // 0.095 percentage points
    expect(Math.abs(s.services['payments-svc']!.canaryShare - 0.1)).toBeLessThan(3 * sigma);
    // Error rate = 10% × 20% = 2% (binomial 3σ ≈ 0.13 pp).
    expect(Math.abs(s.endToEnd.errorRate - 0.02)).toBeLessThan(0.0015);
  });

  it('fault injection disables retries: a 50% abort shows ≈ 50% errors despite 3 retries', () => {
    const s = runBatch(
      simConfigSchema.parse({
        requests: 20_000,
        dataPlane: { mode: 'sidecar' },
        callers: [{ name: 'frontend', rps: 200, calls: [['payments-svc']] }],
        services: [
          {
            name: 'payments-svc',
            serviceTime: { meanMs: 1 },
            policy: {
              retries: { attempts: 3, retryOn: ['5xx'] },
              fault: { abortPercent: 50, abortStatus: 503 },
            },
          },
        ],
      }),
      { seed: 11 },
    );
    expect(Math.abs(s.endToEnd.errorRate - 0.5)).toBeLessThan(0.011); // 3σ = 1.06 pp
    expect(s.services['payments-svc']!.retries).toBe(0);
    expect(s.endToEnd.errorsByCause.injected).toBeGreaterThan(0);
  });
});

describe('security', () => {
  const withBatchJob = (
    policy: object,
    mode: 'sidecar' | 'ambient' | 'none' = 'sidecar',
    l7 = false,
  ): SimConfigInput => ({
    requests: 11_000,
    dataPlane: { mode, l7 },
    callers: [
      { name: 'frontend', rps: 1000, calls: [['payments-svc']] },
      { name: 'batch-job', rps: 100, meshed: false, calls: [['payments-svc']] },
    ],
    services: [{ name: 'payments-svc', serviceTime: { meanMs: 1 }, policy }],
  });

  it('PERMISSIVE accepts the un-meshed caller in plaintext; STRICT rejects it', () => {
    const permissive = runBatch(simConfigSchema.parse(withBatchJob({ mtls: 'permissive' })), {
      seed: 12,
    });
    const strict = runBatch(simConfigSchema.parse(withBatchJob({ mtls: 'strict' })), { seed: 12 });
    expect(permissive.endToEnd.errorRate).toBe(0);
    expect(rel(permissive.security.encryptedShare, 1000 / 1100)).toBeLessThan(0.02);
    expect(strict.endToEnd.errorsByCause.mtls).toBeGreaterThan(0);
    // Only batch-job's ≈ 1/11 share fails (binomial 3σ ≈ 0.8 pp).
    expect(Math.abs(strict.endToEnd.errorRate - 1 / 11)).toBeLessThan(0.009);
  });

  it('DENY is evaluated before ALLOW', () => {
    const s = runBatch(
      simConfigSchema.parse(withBatchJob({ authz: { allow: ['frontend'], deny: ['frontend'] } })),
      { seed: 13 },
    );
    expect(s.endToEnd.errorRate).toBe(1); // frontend denied by DENY, batch-job has no identity for ALLOW
    expect(s.endToEnd.errorsByCause.denied).toBe(s.endToEnd.count);
  });

  it('an ALLOW list admits the listed identity and refuses a caller without one', () => {
    const s = runBatch(simConfigSchema.parse(withBatchJob({ authz: { allow: ['frontend'] } })), {
      seed: 14,
    });
    expect(Math.abs(s.endToEnd.errorRate - 1 / 11)).toBeLessThan(0.009);
    expect(rel(s.security.authorizedShare, 10 / 11)).toBeLessThan(0.02);
  });

  it('an L7 rule enforced only by ztunnel fails safe to DENY; a waypoint fixes it', () => {
    const policy = { authz: { allow: ['frontend'], l7Rule: true } };
    const l4 = runBatch(simConfigSchema.parse(withBatchJob(policy, 'ambient', false)), {
      seed: 15,
    });
    const l7 = runBatch(simConfigSchema.parse(withBatchJob(policy, 'ambient', true)), { seed: 15 });
    expect(l4.endToEnd.errorRate).toBe(1);
    expect(l7.endToEnd.errorRate).toBeLessThan(0.1);
  });

  it('without a mesh nothing is encrypted and nothing is enforced', () => {
    const s = runBatch(simConfigSchema.parse(withBatchJob({ mtls: 'strict' }, 'none')), {
      seed: 16,
    });
    expect(s.security.encryptedShare).toBe(0);
    expect(s.endToEnd.errorRate).toBe(0);
  });
});

describe('data-plane cost', () => {
  const fanout = (mode: 'sidecar' | 'ambient', l7 = false): SimConfigInput => ({
    requests: 30_000,
    dataPlane: { mode, l7, profile: 'istio-1.24' },
    callers: [
      { name: 'frontend', rps: 1000, calls: [['payments-svc', 'profile-svc', 'inventory-svc']] },
    ],
    services: ['payments-svc', 'profile-svc', 'inventory-svc'].map((name) => ({
      name,
      serviceTime: { meanMs: 1 },
    })),
  });

  it('sidecars ≈ 1.2 vCPU, ambient L4 ≈ 0.36 vCPU for 3 × 1000 rps (notes §3 fact 3)', () => {
    const side = runBatch(simConfigSchema.parse(fanout('sidecar')), { seed: 17 });
    const amb = runBatch(simConfigSchema.parse(fanout('ambient')), { seed: 17 });
    // CPU = calls × per-call cost; the call rate is Poisson over ~30 s (SE ≈ 0.6%).
    expect(rel(side.dataPlane.cpuVcpu, 1.2)).toBeLessThan(0.03);
    expect(rel(amb.dataPlane.cpuVcpu, 0.36)).toBeLessThan(0.03);
    expect(amb.dataPlane.memoryMiB).toBeLessThan(side.dataPlane.memoryMiB);
  });

  it('switching the sidecar profile moves latency by hops × Δ(path)', () => {
    const fast = runBatch(simConfigSchema.parse(fanout('sidecar')), { seed: 18 });
    const cfg = simConfigSchema.parse(fanout('sidecar'));
    cfg.dataPlane.profile = 'istio-legacy';
    const slow = runBatch(cfg, { seed: 18 });
    // One hop, two proxies: +2 × (1.325 − 0.114) ≈ 2.4 ms on p50.
    expect(slow.endToEnd.p50Ms - fast.endToEnd.p50Ms).toBeGreaterThan(2);
  });
});
