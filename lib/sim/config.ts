/**
 * The simulator's configuration format (zod). The same schema is used by the UI, the CLI,
 * presets and share URLs. Defaults carry their source (see profiles.ts for S-ids).
 */
import { z } from 'zod';
import { MAX_CALLS_PER_REQUEST, MAX_WINDOWS, callsPerRequest } from './budget';
import { SIDECAR_PROFILES } from './profiles';

const NAME = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'use lowercase letters, digits and dashes (max 40)');

/** Service-time distribution; all means in ms. */
export const distributionSchema = z.object({
  kind: z.enum(['exponential', 'constant', 'lognormal']).default('exponential'),
  meanMs: z.number().positive().max(60_000),
  /** Lognormal shape σ (ignored for other kinds). */
  sigma: z.number().positive().max(3).default(0.5),
});
/** A service-time distribution. */
export type Distribution = z.infer<typeof distributionSchema>;

/** Call graph: stages run one after another; the targets inside a stage are called in parallel. */
export const stagesSchema = z.array(z.array(NAME).min(1).max(8)).max(8);

/** Retry conditions (Envoy `retry_on` names; `unavailable` ≈ gRPC UNAVAILABLE ≈ HTTP 503 [E]). */
export const RETRY_ON = [
  '5xx',
  'gateway-error',
  'connect-failure',
  'reset',
  'unavailable',
] as const;
/** A retry condition. */
export type RetryOn = (typeof RETRY_ON)[number];

/** Retry policy of the route to a service (client side). */
export const retryPolicySchema = z.object({
  /** Retries after the first try. Envoy: retries off unless configured (S19); Istio default 2 (S26). */
  attempts: z.number().int().min(0).max(10).default(0),
  /** Istio's default retryOn: connect-failure, refused-stream, unavailable, cancelled (S26). */
  retryOn: z.array(z.enum(RETRY_ON)).default(['connect-failure', 'unavailable']),
  /** Per-try timeout, ms; null = none, the route timeout applies (S19, S26). */
  perTryTimeoutMs: z.number().positive().nullable().default(null),
  /** Envoy backoff base: 25 ms, full jitter (S19, S20). */
  backoffBaseMs: z.number().min(0).max(10_000).default(25),
  /** Linkerd-style budget: ratio 0.2, 10 retries/s floor, 10 s window (S32, S35); null = off. */
  budget: z
    .object({
      ratio: z.number().min(0).max(10).default(0.2),
      minPerSecond: z.number().min(0).max(10_000).default(10),
      ttlS: z.number().int().min(1).max(60).default(10),
    })
    .nullable()
    .default(null),
});

// Istio's connection-pool defaults are 2^32−1, i.e. "unlimited" (S28); Envoy's own are 1024 (S21).
const UNLIMITED = 4294967295;

/** Circuit-breaker thresholds (per client proxy and destination). */
export const circuitBreakerSchema = z.object({
  maxConnections: z.number().int().min(1).default(UNLIMITED),
  maxPendingRequests: z.number().int().min(0).default(UNLIMITED),
  maxRequests: z.number().int().min(1).default(UNLIMITED),
  /** Concurrent retries; Envoy default 3, Istio 2^32−1 (S21, S28). */
  maxRetries: z.number().int().min(0).default(UNLIMITED),
});

/** Outlier detection; Envoy/Istio defaults (S22, S28). */
export const outlierDetectionSchema = z.object({
  consecutive5xx: z.number().int().min(1).default(5),
  intervalMs: z.number().positive().default(10_000),
  baseEjectionMs: z.number().positive().default(30_000),
  maxEjectionMs: z.number().positive().default(300_000),
  maxEjectionPercent: z.number().min(0).max(100).default(10),
  /** Envoy ≥ PR #34796: always allow one ejection (S23). */
  alwaysEjectOneHost: z.boolean().default(false),
});

/** Client-side fault injection (Istio HTTPFaultInjection, S26). */
export const faultSchema = z.object({
  abortPercent: z.number().min(0).max(100).default(0),
  abortStatus: z.number().int().min(400).max(599).default(503),
  delayPercent: z.number().min(0).max(100).default(0),
  delayMs: z.number().min(0).max(60_000).default(0),
});

/** Authorization (Istio order: DENY, then ALLOW; no ALLOW policy → allow, S30). */
export const authzSchema = z.object({
  /** Principals allowed; null = no ALLOW policy; [] = allow-nothing (`spec: {}`). */
  allow: z.array(NAME).nullable().default(null),
  /** Principals denied (checked first). */
  deny: z.array(NAME).default([]),
  /** The policy has an L7 rule (e.g. methods: [GET]); ztunnel cannot enforce it → DENY all (S31). */
  l7Rule: z.boolean().default(false),
});

/** Policies attached to a destination service (VirtualService + DestinationRule + security). */
export const policySchema = z.object({
  /** PeerAuthentication mode; UNSET behaves as PERMISSIVE (S29). */
  mtls: z.enum(['disable', 'permissive', 'strict']).default('permissive'),
  authz: authzSchema.default({ allow: null, deny: [], l7Rule: false }),
  retries: retryPolicySchema.default({
    attempts: 0,
    retryOn: ['connect-failure', 'unavailable'],
    perTryTimeoutMs: null,
    backoffBaseMs: 25,
    budget: null,
  }),
  /** Route timeout including retries, ms; null = disabled (Istio default, S26). */
  timeoutMs: z.number().positive().nullable().default(null),
  circuitBreaker: circuitBreakerSchema.nullable().default(null),
  outlierDetection: outlierDetectionSchema.nullable().default(null),
  /** Percent of traffic to the canary (v2) subset: weight/Σweights (S26). */
  canaryWeight: z.number().min(0).max(100).default(0),
  fault: faultSchema.nullable().default(null),
});
/** Policies of one destination. */
export type Policy = z.infer<typeof policySchema>;

/** One service: replicas × workers FIFO station, then its downstream call stages. */
export const serviceSchema = z.object({
  name: NAME,
  replicas: z.number().int().min(1).max(32).default(1),
  workers: z.number().int().min(1).max(256).default(4),
  serviceTime: distributionSchema,
  /** Probability that a request fails at this service. */
  failureProb: z.number().min(0).max(1).default(0),
  /** How it fails: HTTP 500, HTTP 503, or refused connection (hard-down pod). */
  failureKind: z.enum(['500', '503', 'connect-failure']).default('500'),
  /** If > 0, only the first N replicas fail (for outlier detection); 0 = all replicas. */
  failingReplicas: z.number().int().min(0).max(32).default(0),
  calls: stagesSchema.default([]),
  /** A canary (v2) deployment that receives `policy.canaryWeight` percent. */
  canary: z
    .object({
      replicas: z.number().int().min(1).max(32).default(1),
      serviceTime: distributionSchema.optional(),
      failureProb: z.number().min(0).max(1).default(0),
    })
    .nullable()
    .default(null),
  policy: policySchema.default(policySchema.parse({})),
});
/** A service. */
export type Service = z.infer<typeof serviceSchema>;

/** An open-loop Poisson traffic source (a load generator or a client workload). */
export const callerSchema = z.object({
  name: NAME,
  /** Mean arrival rate, requests per second (≥ 0.001: one request per ~17 minutes). */
  rps: z
    .number()
    .min(0.001, 'must be at least 0.001 requests per second')
    .max(1_000_000, 'must be at most 1,000,000 requests per second'),
  /** Whether the caller has a proxy / mesh identity (false = legacy or out-of-mesh job). */
  meshed: z.boolean().default(true),
  calls: stagesSchema.min(1),
});
/** A caller. */
export type Caller = z.infer<typeof callerSchema>;

/** Data-plane mode. */
export const dataPlaneSchema = z.object({
  mode: z.enum(['none', 'sidecar', 'ambient', 'ebpf']).default('none'),
  /** Sidecar profile (sidecar mode only). */
  profile: z.enum(SIDECAR_PROFILES).default('istio-1.24'),
  /** Ambient: add a waypoint per service; eBPF: route through Cilium's per-node Envoy. Enables L7 policy. */
  l7: z.boolean().default(false),
  /** Istio auto mTLS, default true (S27). */
  autoMtls: z.boolean().default(true),
  /** Cilium: WireGuard/IPsec transparent encryption (off unless enabled, S13). */
  encryption: z.boolean().default(false),
  /** Pooled keep-alive connections; false = a new TCP (+1 RTT) and TLS 1.3 (+1 RTT) handshake per request (S37). */
  connectionReuse: z.boolean().default(true),
  /** Proxy workers (Envoy concurrency); Istio benchmarks use 2 (S1). */
  proxyWorkers: z.number().int().min(1).max(64).default(2),
});

/** The whole simulation config. */
export const simConfigSchema = z
  .object({
    version: z.literal(1).default(1),
    /** Total root requests for a batch run (CLI/tests); the UI runs open-ended. */
    requests: z.number().int().min(1).max(50_000_000).default(20_000),
    /** Share of the run discarded as warm-up before metrics start. */
    warmupFraction: z.number().min(0).max(0.9).default(0),
    /** Time-series window, ms (Kiali-like windows, notes §4). */
    windowMs: z.number().min(10).max(600_000).default(1000),
    /** One-way network latency per hop, ms [E]. */
    networkMs: z.number().min(0).max(1000).default(0.05),
    /** Cluster nodes (one ztunnel / Cilium agent each) [E]. */
    clusterNodes: z.number().int().min(1).max(1000).default(3),
    /** Simulated time advanced by one control-loop Step, ms. */
    stepIntervalMs: z.number().min(100).max(600_000).default(10_000),
    dataPlane: dataPlaneSchema.default(dataPlaneSchema.parse({})),
    callers: z.array(callerSchema).min(1).max(8),
    services: z.array(serviceSchema).min(1).max(16),
  })
  .superRefine((cfg, ctx) => {
    const names = new Set<string>();
    const all = [...cfg.callers.map((c) => c.name), ...cfg.services.map((s) => s.name)];
    all.forEach((n, i) => {
      if (names.has(n)) {
        const isCaller = i < cfg.callers.length;
        ctx.addIssue({
          code: 'custom',
          message: `duplicate name "${n}"`,
          path: isCaller ? ['callers', i, 'name'] : ['services', i - cfg.callers.length, 'name'],
        });
      }
      names.add(n);
    });
    const serviceNames = new Set(cfg.services.map((s) => s.name));
    const checkStages = (stages: string[][], base: (string | number)[]) =>
      stages.forEach((stage, si) =>
        stage.forEach((t, ti) => {
          if (!serviceNames.has(t))
            ctx.addIssue({
              code: 'custom',
              message: `unknown service "${t}"`,
              path: [...base, 'calls', si, ti],
            });
        }),
      );
    cfg.callers.forEach((c, i) => checkStages(c.calls, ['callers', i]));
    cfg.services.forEach((s, i) => {
      checkStages(s.calls, ['services', i]);
      if (s.failingReplicas > s.replicas)
        ctx.addIssue({
          code: 'custom',
          message: 'must be ≤ replicas',
          path: ['services', i, 'failingReplicas'],
        });
      if (s.policy.canaryWeight > 0 && !s.canary)
        ctx.addIssue({
          code: 'custom',
          message: 'a canary weight needs a canary',
          path: ['services', i, 'policy', 'canaryWeight'],
        });
    });
    // The call graph must be acyclic (a request would otherwise never finish). Only the
    // services on a cycle are blamed, each with the cycle spelled out.
    const cycles = findCycles(cfg.services);
    cfg.services.forEach((s, i) => {
      const cycle = cycles.get(s.name);
      if (cycle)
        ctx.addIssue({
          code: 'custom',
          message: `call graph has a cycle: ${cycle.join(' → ')}`,
          path: ['services', i, 'calls'],
        });
    });
    if (cycles.size > 0) return;
    // Fan-out multiplies along the graph; bound the calls one request can cause.
    const calls = callsPerRequest(cfg);
    if (calls > MAX_CALLS_PER_REQUEST)
      ctx.addIssue({
        code: 'custom',
        message: `one request fans out to ${calls > 1e15 ? calls.toExponential(2) : calls.toLocaleString('en-US')} calls; at most ${MAX_CALLS_PER_REQUEST} are allowed`,
        path: ['services'],
      });
    const totalRps = cfg.callers.reduce((a, c) => a + c.rps, 0);
    const windows = (cfg.requests / totalRps) * (1000 / cfg.windowMs);
    if (windows > MAX_WINDOWS)
      ctx.addIssue({
        code: 'custom',
        message: `too small for this run: ${Math.round(windows).toLocaleString('en-US')} windows of ${cfg.windowMs} ms (at most ${MAX_WINDOWS.toLocaleString('en-US')}); raise windowMs or the request rate`,
        path: ['windowMs'],
      });
  });

/** Services on a call cycle, each with one cycle through it (e.g. a → b → a). */
export function findCycles(
  services: readonly { name: string; calls: string[][] }[],
): Map<string, string[]> {
  const byName = new Map(services.map((s) => [s.name, s]));
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const out = new Map<string, string[]>();
  const visit = (n: string): void => {
    state.set(n, 1);
    stack.push(n);
    for (const stage of byName.get(n)?.calls ?? [])
      for (const t of stage) {
        if (!byName.has(t)) continue;
        const st = state.get(t);
        if (st === 1) {
          const cycle = [...stack.slice(stack.lastIndexOf(t)), t];
          for (const m of cycle) if (!out.has(m)) out.set(m, cycle);
        } else if (st === undefined) visit(t);
      }
    stack.pop();
    state.set(n, 2);
  };
  for (const s of services) if (!state.has(s.name)) visit(s.name);
  return out;
}
/** A validated simulation config (defaults filled in). */
export type SimConfig = z.infer<typeof simConfigSchema>;
/** A config as authored (defaults optional). */
export type SimConfigInput = z.input<typeof simConfigSchema>;

/** Formats zod issues as "path: message" lines, e.g. `services.0.replicas: Too small`. */
export function formatConfigIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
}

/** Parses a config; returns the config or the list of wrong fields. */
export function parseSimConfig(
  input: unknown,
): { ok: true; config: SimConfig } | { ok: false; errors: string[] } {
  const r = simConfigSchema.safeParse(input);
  return r.success
    ? { ok: true, config: r.data }
    : { ok: false, errors: formatConfigIssues(r.error.issues) };
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Drops every key whose value equals the default (recursively through plain objects). */
function prune(value: unknown, defaults: unknown): Json | undefined {
  if (sameJson(value, defaults)) return undefined;
  if (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    defaults !== null &&
    typeof defaults === 'object' &&
    !Array.isArray(defaults)
  ) {
    const out: Record<string, Json> = {};
    const d = defaults as Record<string, unknown>;
    for (const [k, v] of Object.entries(value)) {
      const p = k in d ? prune(v, d[k]) : (v as Json);
      if (p !== undefined) out[k] = p;
    }
    return out;
  }
  return value as Json;
}

/**
 * The shortest input that parses back to `config` (every default left out): share links and
 * stored runs stay small. `simConfigSchema.parse(compactConfig(c))` deep-equals `c`.
 */
export function compactConfig(config: SimConfig): Json {
  const top = simConfigSchema.parse({
    callers: [{ name: 'x', rps: 1, calls: [['y']] }],
    services: [{ name: 'y', serviceTime: { meanMs: 1 } }],
  });
  const svcDefault = serviceSchema.parse({ name: 'y', serviceTime: { meanMs: 1 } });
  const callerDefault = callerSchema.parse({ name: 'x', rps: 1, calls: [['y']] });
  const { callers, services, ...rest } = config;
  const { callers: _c, services: _s, ...topRest } = top;
  const out = (prune(rest, topRest) ?? {}) as Record<string, Json>;
  out.callers = callers.map((c) =>
    prune(c, { ...callerDefault, name: null, rps: null, calls: null })!,
  );
  out.services = services.map((s) =>
    prune(s, {
      ...svcDefault,
      name: null,
      serviceTime: { ...svcDefault.serviceTime, meanMs: null },
      canary: s.canary
        ? { ...serviceSchema.shape.canary.unwrap().unwrap().parse({}), serviceTime: undefined }
        : null,
    })!,
  );
  return out;
}
