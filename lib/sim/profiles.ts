/**
 * Data-plane cost profiles. Every number carries its source; source ids (S1…S46) refer to
 * the research notes `shared/notes/simulator-model.md` §6. Tags: [P] primary docs, [V] vendor
 * benchmark, [D] derived by arithmetic, [E] modelling estimate (tunable, no direct source).
 *
 * Each proxy is a small FIFO multi-server queue: a request waits for a free worker, leaves
 * after `pathMs` (on-path latency), and keeps the worker busy for `cpuMs` (which also sets
 * vCPU use: 0.20 vCPU per 1000 rps ⇔ 0.20 ms of CPU per request).
 */

/** Cost of one proxy traversal. */
export type ProxyCost = {
  /** On-path latency added to the request, ms. */
  pathMs: number;
  /** Worker busy time per request (CPU), ms. */
  cpuMs: number;
  /** Resident memory per proxy instance, MiB. */
  memoryMiB: number;
};

/** Sidecar profile ids (versioned, because published numbers moved ~10× across releases). */
export const SIDECAR_PROFILES = ['istio-1.24', 'istio-1.20', 'istio-legacy', 'linkerd'] as const;
/** A sidecar profile id. */
export type SidecarProfileId = (typeof SIDECAR_PROFILES)[number];

// Published figures are in MB (10^6 bytes); convert to MiB (2^20 bytes).
const MB = 1e6 / 1048576;

/** Sidecar proxy cost per traversal, by profile. */
export const SIDECAR_COSTS: Record<
  SidecarProfileId,
  ProxyCost & { label: string; source: string }
> = {
  // Istio 1.24 (S1 [P]): 0.20 vCPU and 60 MB per sidecar at 1000 rps, 2 workers.
  // 1.24 latency is published as charts only, so the path latency reuses 1.20's
  // 0.228 ms p90 for the pair → 0.114 ms per proxy (S3 [P], halved [D]).
  'istio-1.24': {
    label: 'Istio 1.24 (Envoy)',
    pathMs: 0.114,
    cpuMs: 0.2,
    memoryMiB: 60 * MB,
    source: 'S1, S3',
  },
  // Istio 1.20 page (S3 [P]): the pair adds 0.228 ms p90 / 0.298 ms p99 → 0.114 ms each [D];
  // CPU text for 1.7–1.22: "about 0.5 vCPU per 1000 rps" (S2, S3); ~50 MB with namespace isolation (S2, S3).
  'istio-1.20': {
    label: 'Istio 1.20 (Envoy)',
    pathMs: 0.114,
    cpuMs: 0.5,
    memoryMiB: 50 * MB,
    source: 'S2, S3',
  },
  // Istio 1.10–1.16 summaries (S4 [P]): 2.65 ms p90 for the pair → 1.325 ms each [D];
  // 0.35 vCPU and 40 MB per 1000 rps.
  'istio-legacy': {
    label: 'Istio 1.10–1.16 (Envoy)',
    pathMs: 1.325,
    cpuMs: 0.35,
    memoryMiB: 40 * MB,
    source: 'S4',
  },
  // linkerd2-proxy: no per-request figure is published. Path ≈ 0.5× Envoy [E] (S6 footnote:
  // median per proxy "less than a millisecond"); CPU ≈ 0.55× Envoy [E] from 36 ms vs 67 ms max
  // proxy CPU time at 2000 rps (S6 [V]); memory 26.3 MB max per proxy, 2.11.1 (S6 [V]).
  linkerd: {
    label: 'Linkerd 2 (linkerd2-proxy)',
    pathMs: 0.057,
    cpuMs: 0.11,
    memoryMiB: 26.3 * MB,
    source: 'S6, S7 [V] + [E]',
  },
};

/** Istio ambient ztunnel (per node, L4 + mTLS/HBONE). */
export const ZTUNNEL_COST: ProxyCost = {
  // 1.22 ambient L4 (S2 [P]): the two ztunnels add 0.17 ms p90 → 0.085 ms each [D].
  pathMs: 0.085,
  // 1.24 (S1 [P]): 0.06 vCPU and 12 MB per 1000 rps.
  cpuMs: 0.06,
  memoryMiB: 12 * MB,
};

/** Istio ambient waypoint (Envoy, L7) — also used for Cilium's per-node Envoy when L7 is on. */
export const WAYPOINT_COST: ProxyCost = {
  // Latency published as charts only: assume Envoy-sidecar-like 0.114 ms [E].
  pathMs: 0.114,
  // 1.24 (S1 [P]): 0.25 vCPU and 60 MB per 1000 rps, 2 workers.
  cpuMs: 0.25,
  memoryMiB: 60 * MB,
};

/** Cilium eBPF datapath per call (kernel; no queue, CPU not visible in container metrics). */
export const EBPF_COST: ProxyCost = {
  // Netperf TCP_RR "almost the same request/response rate as the baseline" (S12 [P]) → ≈0.015 ms [E].
  pathMs: 0.015,
  // Kernel CPU is not attributed to containers (S11, S13); modelled as 0 visible vCPU [E].
  cpuMs: 0,
  memoryMiB: 0,
};

/** Proxy workers (Envoy concurrency) used in Istio's benchmarks: 2 (S1–S3 [P]). */
export const DEFAULT_PROXY_WORKERS = 2;

/** One-way pod-to-pod network latency inside a cluster, ms [E] (≈0.1 ms RTT). */
export const DEFAULT_NETWORK_MS = 0.05;

/** istiod debounce quiet period, ms: PILOT_DEBOUNCE_AFTER = 100 ms (S16 [P]). */
export const DEBOUNCE_MS = 100;

/**
 * Per-proxy convergence after a push, ms [E]: "in most cases less than 1 second" (S17 [P]);
 * modelled as 100 ms + 2 ms per proxy, capped at 1000 ms.
 */
export function convergenceMs(proxyCount: number): number {
  return Math.min(1000, 100 + 2 * proxyCount);
}
