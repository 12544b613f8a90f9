/**
 * Edge security and layout derived from a config: who is encrypted, rejected or denied on each
 * call edge. The engine uses the same function, so the picture and the numbers cannot disagree.
 */
import type { SimConfig } from './config';

/** Security state of one caller → service edge. */
export type EdgeSecurity = {
  /** Sent over mTLS. */
  encrypted: boolean;
  /** Refused by STRICT mTLS (no client certificate). */
  mtlsRejected: boolean;
  /** Refused by authorization (DENY match, not on the ALLOW list, or ztunnel fail-safe). */
  denied: boolean;
  /** Admitted by an explicit ALLOW rule for a verified identity. */
  explicitAllow: boolean;
};

/** Security of calls from `src` (caller or service name) to service `dst` under the current config. */
export function edgeSecurity(config: SimConfig, src: string, dst: string): EdgeSecurity {
  const dp = config.dataPlane;
  const mode = dp.mode;
  const caller = config.callers.find((c) => c.name === src);
  const srcMeshed = mode !== 'none' && (caller ? caller.meshed : true);
  const target = config.services.find((s) => s.name === dst);
  const out: EdgeSecurity = {
    encrypted: false,
    mtlsRejected: false,
    denied: false,
    explicitAllow: false,
  };
  if (!target || mode === 'none') return out;
  const p = target.policy;
  let identity = false;
  if (mode === 'sidecar') {
    // Auto mTLS: clients use mTLS when the server accepts it (S27).
    out.encrypted = srcMeshed && dp.autoMtls && p.mtls !== 'disable';
    identity = out.encrypted;
  } else if (mode === 'ambient') {
    // All proxy-to-proxy traffic is HBONE over mTLS; DISABLE is not supported (S29).
    out.encrypted = srcMeshed;
    identity = srcMeshed;
  } else {
    // Cilium: encryption needs WireGuard/IPsec; identity comes from the agent (S13).
    out.encrypted = srcMeshed && dp.encryption;
    identity = srcMeshed;
  }
  if (p.mtls === 'strict' && !identity) {
    out.mtlsRejected = true;
    return out;
  }
  const l7Enforceable = mode === 'sidecar' || dp.l7;
  const principal = identity ? src : null;
  const hasPolicy = p.authz.allow !== null || p.authz.deny.length > 0;
  // Istio order: DENY first; no ALLOW policy → allow; else must match an ALLOW (S30).
  // An L7 rule that only ztunnel can see fails safe to DENY (S31).
  if (p.authz.l7Rule && hasPolicy && !l7Enforceable) out.denied = true;
  else if (principal !== null && p.authz.deny.includes(principal)) out.denied = true;
  else if (p.authz.allow !== null) {
    if (principal !== null && p.authz.allow.includes(principal)) out.explicitAllow = true;
    else out.denied = true;
  }
  return out;
}

/** One drawn edge of the call graph. */
export type TopologyEdge = { from: string; to: string } & EdgeSecurity;
/** One drawn node with its column (0 = callers) and row. */
export type TopologyNode = {
  name: string;
  kind: 'caller' | 'service';
  meshed: boolean;
  column: number;
  row: number;
};

/** Nodes in columns by call depth, and every call edge with its security state. */
export function describeTopology(config: SimConfig): {
  nodes: TopologyNode[];
  edges: TopologyEdge[];
} {
  const depth = new Map<string, number>();
  const byName = new Map(config.services.map((s) => [s.name, s]));
  const walk = (n: string, d: number) => {
    if (d > 16 || (depth.get(n) ?? 0) >= d) return;
    depth.set(n, d);
    for (const st of byName.get(n)?.calls ?? []) for (const t of st) walk(t, d + 1);
  };
  for (const c of config.callers) for (const st of c.calls) for (const t of st) walk(t, 1);
  const rows = new Map<number, number>();
  const place = (column: number) => {
    const r = rows.get(column) ?? 0;
    rows.set(column, r + 1);
    return r;
  };
  const nodes: TopologyNode[] = [
    ...config.callers.map((c) => ({
      name: c.name,
      kind: 'caller' as const,
      meshed: config.dataPlane.mode !== 'none' && c.meshed,
      column: 0,
      row: place(0),
    })),
    ...config.services.map((s) => {
      const column = depth.get(s.name) ?? 1;
      return {
        name: s.name,
        kind: 'service' as const,
        meshed: config.dataPlane.mode !== 'none',
        column,
        row: place(column),
      };
    }),
  ];
  const edges: TopologyEdge[] = [];
  const seen = new Set<string>();
  const add = (from: string, stages: string[][]) => {
    for (const st of stages)
      for (const to of st) {
        const key = `${from}→${to}`;
        if (seen.has(key)) continue;
        seen.add(key);
        edges.push({ from, to, ...edgeSecurity(config, from, to) });
      }
  };
  for (const c of config.callers) add(c.name, c.calls);
  for (const s of config.services) add(s.name, s.calls);
  return { nodes, edges };
}

/** Health of a call edge from its destination's error rate: ok < 1% ≤ degraded < 5% ≤ failing. */
export type EdgeHealth = 'ok' | 'degraded' | 'failing' | 'refused';

/** Classifies an edge: refused by policy, else by the destination's error rate. */
export function edgeHealth(edge: EdgeSecurity, errorRate: number): EdgeHealth {
  if (edge.mtlsRejected || edge.denied) return 'refused';
  if (errorRate >= 0.05) return 'failing';
  if (errorRate >= 0.01) return 'degraded';
  return 'ok';
}
