/**
 * Control plane: validates intents against the current config, applies them (pure), and
 * explains each one — what changed, what the model predicts and why — with the rule's source.
 * Source ids (S…) refer to the research notes, §6.
 */
import type { SimConfig } from './config';
import type { Intent } from './intents';
import { SIDECAR_COSTS, WAYPOINT_COST, ZTUNNEL_COST } from './profiles';

/** Offered load per service from the callers' rates, ignoring retries: rps of first tries. */
export function offeredRates(config: SimConfig): Map<string, number> {
  const rates = new Map<string, number>(config.services.map((s) => [s.name, 0]));
  const byName = new Map(config.services.map((s) => [s.name, s]));
  const add = (name: string, rps: number, depth: number) => {
    if (depth > 16) return;
    rates.set(name, (rates.get(name) ?? 0) + rps);
    for (const stage of byName.get(name)?.calls ?? [])
      for (const t of stage) add(t, rps, depth + 1);
  };
  for (const c of config.callers)
    for (const stage of c.calls) for (const t of stage) add(t, c.rps, 1);
  return rates;
}

/** Per-server utilisation ρ = λ·E[S] / (replicas · workers) of a service (may exceed 1 = overload). */
export function utilization(config: SimConfig, name: string, rates = offeredRates(config)): number {
  const s = config.services.find((x) => x.name === name);
  if (!s) return 0;
  return (((rates.get(name) ?? 0) / 1000) * s.serviceTime.meanMs) / (s.replicas * s.workers);
}

/** Names of callers and services that call `name` directly. */
export function callersOf(config: SimConfig, name: string): { name: string; meshed: boolean }[] {
  const out: { name: string; meshed: boolean }[] = [];
  for (const c of config.callers)
    if (c.calls.some((st) => st.includes(name))) out.push({ name: c.name, meshed: c.meshed });
  for (const s of config.services)
    if (s.calls.some((st) => st.includes(name))) out.push({ name: s.name, meshed: true });
  return out;
}

/** Longest chain of hops from any caller down to `name` (1 = called directly by a caller). */
export function depthOf(config: SimConfig, name: string): number {
  const byName = new Map(config.services.map((s) => [s.name, s]));
  let best = 0;
  const walk = (n: string, d: number) => {
    if (d > 16) return;
    if (n === name) best = Math.max(best, d);
    for (const st of byName.get(n)?.calls ?? []) for (const t of st) walk(t, d + 1);
  };
  for (const c of config.callers) for (const st of c.calls) for (const t of st) walk(t, 1);
  return best;
}

/**
 * Probability that one call to `name` fails as its caller sees it, after that route's retries:
 * q = 1 − (1 − p_own)·Π(1 − seen(child)), then q^(r+1) when retryOn covers the failure [D].
 * `override` replaces the route's retry policy of `name` (to predict an intent's effect).
 */
export function failureSeen(
  config: SimConfig,
  name: string,
  override?: { attempts: number; retryOn: readonly string[] },
  depth = 0,
): { raw: number; seen: number } {
  const s = config.services.find((x) => x.name === name);
  if (!s || depth > 16) return { raw: 0, seen: 0 };
  let ok = 1 - s.failureProb;
  for (const stage of s.calls)
    for (const t of stage) ok *= 1 - failureSeen(config, t, undefined, depth + 1).seen;
  const raw = 1 - ok;
  const pol = override ?? s.policy.retries;
  const l7 = hasL7(config) && !s.policy.fault;
  // Dependency failures come back as HTTP 500 from the app; own failures have their own kind.
  const ownCovered = retryCovers(pol.retryOn, s.failureKind);
  const depCovered = retryCovers(pol.retryOn, '500');
  const covered = raw === 0 || (s.failureProb > 0 ? ownCovered : depCovered);
  const seen = l7 && covered && pol.attempts > 0 ? raw ** (pol.attempts + 1) : raw;
  return { raw, seen };
}

function hasL7(config: SimConfig): boolean {
  const dp = config.dataPlane;
  return dp.mode === 'sidecar' || ((dp.mode === 'ambient' || dp.mode === 'ebpf') && dp.l7);
}

const L7_NEEDED: Intent['type'][] = [
  'set-retries',
  'set-timeout',
  'set-canary-weight',
  'inject-fault',
  'clear-fault',
  'set-circuit-breaker',
  'set-outlier-detection',
];

/** Returns why an intent cannot be applied to `config`, or null when it is valid. */
export function validateIntent(config: SimConfig, intent: Intent): string | null {
  const names = new Set([
    ...config.callers.map((c) => c.name),
    ...config.services.map((s) => s.name),
  ]);
  if ('service' in intent && !config.services.some((s) => s.name === intent.service))
    return `Unknown service "${intent.service}".`;
  const mode = config.dataPlane.mode;
  if (L7_NEEDED.includes(intent.type) && !hasL7(config)) {
    if (mode === 'none')
      return 'There is no data plane: without a proxy nothing can apply an L7 route policy.';
    return `This is an L7 policy and the ${mode} data plane has no L7 proxy here: turn on a waypoint (ambient) or the node Envoy (Cilium) first (S31, S11).`;
  }
  switch (intent.type) {
    case 'set-mtls':
      if (mode === 'none') return 'There is no data plane: no proxy can terminate or require mTLS.';
      if (mode === 'ambient' && intent.mode === 'disable')
        return 'Ambient mode does not support DISABLE: all proxy-to-proxy traffic is HBONE over mTLS (S29).';
      return null;
    case 'add-deny':
      if (mode === 'none') return 'There is no data plane to enforce an authorization policy.';
      if (!names.has(intent.from)) return `Unknown caller "${intent.from}".`;
      return null;
    case 'set-allow':
      if (mode === 'none') return 'There is no data plane to enforce an authorization policy.';
      for (const f of intent.from ?? []) if (!names.has(f)) return `Unknown caller "${f}".`;
      return null;
    case 'set-canary-weight': {
      const s = config.services.find((x) => x.name === intent.service)!;
      if (!s.canary) return `${s.name} has no canary (v2) deployment to shift traffic to.`;
      return null;
    }
    case 'set-retries':
      if (intent.budget && intent.attempts === 0)
        return 'A retry budget needs at least one retry attempt.';
      return null;
    case 'set-rate':
      if (!config.callers.some((c) => c.name === intent.caller))
        return `Unknown caller "${intent.caller}".`;
      return null;
    default:
      return null;
  }
}

/** Returns a new config with the intent applied (the input is not modified). Assumes validateIntent passed. */
export function applyIntent(config: SimConfig, intent: Intent): SimConfig {
  const next = structuredClone(config);
  const svc =
    'service' in intent ? next.services.find((s) => s.name === intent.service) : undefined;
  switch (intent.type) {
    case 'set-mtls':
      svc!.policy.mtls = intent.mode;
      break;
    case 'set-retries': {
      const r = svc!.policy.retries;
      r.attempts = intent.attempts;
      if (intent.retryOn) r.retryOn = intent.retryOn;
      if (intent.perTryTimeoutMs !== undefined) r.perTryTimeoutMs = intent.perTryTimeoutMs;
      if (intent.budget !== undefined)
        r.budget = intent.budget ? { ratio: 0.2, minPerSecond: 10, ttlS: 10 } : null;
      break;
    }
    case 'set-timeout':
      svc!.policy.timeoutMs = intent.timeoutMs;
      break;
    case 'add-deny':
      if (!svc!.policy.authz.deny.includes(intent.from)) svc!.policy.authz.deny.push(intent.from);
      break;
    case 'set-allow':
      svc!.policy.authz.allow = intent.from;
      if (intent.l7Rule !== undefined) svc!.policy.authz.l7Rule = intent.l7Rule;
      break;
    case 'set-canary-weight':
      svc!.policy.canaryWeight = intent.weight;
      break;
    case 'inject-fault':
      svc!.policy.fault = intent.fault;
      break;
    case 'clear-fault':
      svc!.policy.fault = null;
      break;
    case 'set-circuit-breaker':
      svc!.policy.circuitBreaker = intent.limits;
      break;
    case 'set-outlier-detection':
      svc!.policy.outlierDetection = intent.settings;
      break;
    case 'set-data-plane':
      next.dataPlane.mode = intent.mode;
      if (intent.profile) next.dataPlane.profile = intent.profile;
      if (intent.l7 !== undefined) next.dataPlane.l7 = intent.l7;
      if (intent.mode === 'ambient')
        for (const s of next.services)
          if (s.policy.mtls === 'disable') s.policy.mtls = 'permissive';
      break;
    case 'set-replicas':
      svc!.replicas = intent.replicas;
      if (svc!.failingReplicas > intent.replicas) svc!.failingReplicas = intent.replicas;
      break;
    case 'set-failure':
      svc!.failureProb = intent.failureProb;
      if (intent.failureKind) svc!.failureKind = intent.failureKind;
      break;
    case 'set-rate':
      next.callers.find((c) => c.name === intent.caller)!.rps = intent.rps;
      break;
  }
  return next;
}

const pct = (x: number, digits = 1) => `${(x * 100).toFixed(digits)}%`;
const list = (xs: string[]) =>
  xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`;

function retryCovers(retryOn: readonly string[], kind: string): boolean {
  if (kind === 'connect-failure')
    return retryOn.includes('5xx') || retryOn.includes('connect-failure');
  if (kind === '503')
    return retryOn.some((r) => r === '5xx' || r === 'gateway-error' || r === 'unavailable');
  return retryOn.includes('5xx');
}

/** Mean total Envoy backoff (ms) for `n` retries: Σ min((2^k − 1)·25, 250)/2 (S19, S20). */
export function meanBackoffMs(n: number, baseMs = 25): number {
  let sum = 0;
  for (let k = 1; k <= n; k++) sum += Math.min((2 ** k - 1) * baseMs, 10 * baseMs) / 2;
  return sum;
}

/** Explains an intent against the config it will change: what, predicted effect, why. */
export function explainIntent(
  config: SimConfig,
  intent: Intent,
): { what: string; predicted: string; why: string } {
  const rates = offeredRates(config);
  const svc =
    'service' in intent ? config.services.find((s) => s.name === intent.service) : undefined;
  const name = svc?.name ?? '';
  switch (intent.type) {
    case 'set-mtls': {
      const mode = intent.mode.toUpperCase();
      const plain = callersOf(config, name)
        .filter((c) => !c.meshed)
        .map((c) => c.name);
      const autoOff = config.dataPlane.mode === 'sidecar' && !config.dataPlane.autoMtls;
      let predicted: string;
      if (intent.mode === 'strict')
        predicted = plain.length
          ? `${list(plain)} ${plain.length > 1 ? 'have' : 'has'} no mesh certificate, so ${plain.length > 1 ? 'their' : 'its'} calls to ${name} are now rejected (connection reset); meshed callers keep working over mTLS.`
          : autoOff
            ? `Auto-mTLS is off, so clients send plaintext: every call to ${name} is now rejected.`
            : `Every caller of ${name} is meshed and already uses mTLS, so nothing breaks; plaintext is refused from now on.`;
      else if (intent.mode === 'permissive')
        predicted = plain.length
          ? `${list(plain)} can reach ${name} again in plaintext; meshed callers still use mTLS (auto-mTLS).`
          : `No visible change: meshed callers keep using mTLS; plaintext would be accepted again.`;
      else
        predicted = `Calls to ${name} travel in plaintext: the encrypted share drops and identity-based rules stop matching.`;
      return {
        what: `PeerAuthentication for ${name} set to ${mode}.`,
        predicted,
        why: 'STRICT requires a client certificate; PERMISSIVE accepts mTLS and plaintext; meshed clients pick mTLS automatically when the server accepts it (Istio PeerAuthentication and auto-mTLS, S29, S27).',
      };
    }
    case 'set-retries': {
      const r = intent.attempts;
      const retryOn = intent.retryOn ?? svc!.policy.retries.retryOn;
      const { raw: p, seen } = failureSeen(config, name, { attempts: r, retryOn });
      const ownFails = svc!.failureProb > 0;
      const covered = retryCovers(retryOn, ownFails ? svc!.failureKind : '500');
      const d = depthOf(config, name);
      let predicted: string;
      if (r === 0)
        predicted = `Failures at ${name} are passed straight to the caller; no extra load.`;
      else if (p === 0)
        predicted = `${name} and its dependencies are healthy, so retries rarely fire: load stays about 1×. They pay off only when faults are rare and independent.`;
      else if (!covered)
        predicted = `${name} fails with ${ownFails ? (svc!.failureKind === 'connect-failure' ? 'refused connections' : `HTTP ${svc!.failureKind}`) : 'HTTP 500 (a dependency failed)'}, which retryOn [${retryOn.join(', ')}] does not cover: no retries fire.`;
      else {
        const attempts = p >= 1 ? r + 1 : (1 - p ** (r + 1)) / (1 - p);
        predicted = `Calls to ${name} fail ${pct(p)} of the time${ownFails ? '' : ' because a dependency fails'}; each call now makes about ${attempts.toFixed(2)}× attempts ((1 − p^${r + 1})/(1 − p)) and failures seen by callers fall to ${pct(seen, 2)}. Backoff adds ~${meanBackoffMs(r).toFixed(1)} ms on average when all ${r} retries run.`;
        if (p >= 0.5 && d > 1)
          predicted += ` If the ${d - 1} hop(s) above also retry on 5xx, attempts multiply: up to (1+${r})^${d} = ${(r + 1) ** d}× on the deepest service.`;
      }
      if (intent.budget)
        predicted +=
          ' The budget caps retries at ~20% of requests plus 10/s, so a storm stays near 1.2× per hop.';
      return {
        what: `Retries to ${name}: ${r} attempt(s) on [${retryOn.join(', ')}]${intent.perTryTimeoutMs ? `, per-try timeout ${intent.perTryTimeoutMs} ms` : ''}${intent.budget ? ', Linkerd-style budget' : ''}.`,
        predicted,
        why: 'Envoy retries only on the listed conditions, waits a fully jittered backoff (25 ms base, 250 ms cap) and never outlives the route timeout; retries at several hops compound (S19, S20, S32).',
      };
    }
    case 'set-timeout': {
      const t = intent.timeoutMs;
      return {
        what:
          t === null
            ? `Route timeout for ${name} removed.`
            : `Route timeout for ${name}: ${t} ms (covers every retry).`,
        predicted:
          t === null
            ? `Slow calls to ${name} wait as long as they take: the tail can grow without bound under load.`
            : `Calls to ${name} still unanswered after ${t} ms fail with 504 (UT) and free their caller; p99 of callers is capped near ${t} ms. Retries must fit inside the same ${t} ms.`,
        why: 'The Envoy route timeout includes all retries; without a per-try timeout, an attempt that times out is not retried (S19, S20). Istio disables the route timeout by default (S26).',
      };
    }
    case 'add-deny': {
      const from = callersOf(config, name).find((c) => c.name === intent.from);
      const plain = config.callers.some((c) => c.name === intent.from && !c.meshed);
      return {
        what: `AuthorizationPolicy DENY on ${name} for ${intent.from}.`,
        predicted: plain
          ? `${intent.from} is not meshed and has no identity, so a principal-based DENY never matches it: its calls are not blocked. Use STRICT mTLS or an ALLOW list instead.`
          : from
            ? `Calls from ${intent.from} to ${name} fail with 403, even if an ALLOW rule lists ${intent.from}.`
            : `${intent.from} does not call ${name} today, so nothing visible changes.`,
        why: 'Istio evaluates DENY before ALLOW: a matching DENY wins over any ALLOW (S30).',
      };
    }
    case 'set-allow': {
      const from = intent.from;
      const ambientL4 = config.dataPlane.mode === 'ambient' && !config.dataPlane.l7;
      const blocked = callersOf(config, name)
        .filter((c) => from !== null && !(c.meshed && from.includes(c.name)))
        .map((c) => c.name);
      let predicted: string;
      if (intent.l7Rule && ambientL4)
        predicted = `The rule has an L7 condition but only ztunnel enforces it here: it fails safe and denies every call to ${name}. Attach it to a waypoint instead.`;
      else if (from === null)
        predicted = `No ALLOW policy remains, so every caller is allowed again (unless a DENY matches).`;
      else if (from.length === 0)
        predicted = `Allow-nothing: every call to ${name} is now refused with 403.`;
      else
        predicted = blocked.length
          ? `${list(blocked)} will now get 403 from ${name}.`
          : `All current callers are on the list; nothing breaks.`;
      return {
        what:
          from === null
            ? `ALLOW policy on ${name} removed.`
            : `ALLOW on ${name} for [${from.join(', ')}]${intent.l7Rule ? ' with an L7 (method) rule' : ''}.`,
        predicted,
        why: 'With no ALLOW policy a request is allowed; once one exists, only matching requests pass; a plaintext caller has no principal to match; ztunnel turns L7 rules into DENY (S30, S31).',
      };
    }
    case 'set-canary-weight': {
      const w = intent.weight / 100;
      const p1 = svc!.failureProb;
      const p2 = svc!.canary?.failureProb ?? 0;
      const sigma = Math.sqrt((w * (1 - w)) / 1000);
      return {
        what: `Traffic split for ${name}: ${intent.weight}% to v2, ${100 - intent.weight}% to v1.`,
        predicted: `Expected error rate at ${name}: ${pct(w)} × ${pct(p2)} + ${pct(1 - w)} × ${pct(p1)} = ${pct(w * p2 + (1 - w) * p1, 2)}. Over 1000 calls the observed v2 share wobbles by ±${pct(sigma, 2)}.`,
        why: 'A destination gets weight/Σweights of requests; the split is random per request, so short runs are noisy (S26).',
      };
    }
    case 'inject-fault': {
      const f = intent.fault;
      return {
        what: `Fault on the route to ${name}: abort ${f.abortPercent}% with ${f.abortStatus}, delay ${f.delayPercent}% by ${f.delayMs} ms.`,
        predicted: `About ${f.abortPercent}% of calls to ${name} fail and are not retried; the route's retries and timeout are switched off while the fault is active.`,
        why: 'Istio: timeouts and retries are not enabled when faults are enabled on the client side (S26).',
      };
    }
    case 'clear-fault':
      return {
        what: `Fault injection on ${name} removed.`,
        predicted: 'Errors from the fault stop, and the route’s retries and timeout work again.',
        why: 'The fault filter no longer runs, so the route’s own policy applies (S26).',
      };
    case 'set-circuit-breaker': {
      const l = intent.limits;
      const lam = rates.get(name) ?? 0;
      const rho = utilization(config, name, rates);
      const meanS = svc!.serviceTime.meanMs;
      const inflight = rho < 1 ? (lam / 1000) * (meanS / Math.max(0.05, 1 - rho)) : Infinity;
      const limit = l ? Math.min(l.maxConnections + l.maxPendingRequests, l.maxRequests) : Infinity;
      return {
        what: l
          ? `Circuit breaker to ${name}: ${limit} requests in flight per client proxy, ${l.maxRetries} concurrent retries.`
          : `Circuit breaker limits on ${name} removed (Istio default: 2^32−1).`,
        predicted: !l
          ? `Nothing fails fast any more: under overload requests queue and latency grows.`
          : rho >= 1
            ? `${name} is overloaded (ρ ≈ ${rho.toFixed(2)}): its queue grows until more than ${limit} requests are in flight, then extra calls fail at once with 503 UO — errors rise, latency falls, ${name} is protected.`
            : `By Little's law about ${inflight.toFixed(1)} calls are in flight (λ = ${lam.toFixed(0)} rps, ρ = ${rho.toFixed(2)}); the breaker trips only when a client proxy exceeds ${limit}.`,
        why: 'Envoy fails fast with 503 and response flag UO when a limit is exceeded; Istio leaves limits at 2^32−1 unless a DestinationRule sets them (S21, S24, S28). Little: L = λW.',
      };
    }
    case 'set-outlier-detection': {
      const o = intent.settings;
      const n = svc!.replicas + (svc!.canary?.replicas ?? 0);
      let predicted = `Outlier detection on ${name} removed: failing hosts keep receiving traffic.`;
      if (o) {
        const first = (1 / n) * 100;
        predicted =
          first <= o.maxEjectionPercent || o.alwaysEjectOneHost
            ? `A host returning ${o.consecutive5xx} consecutive 5xx is ejected for ${o.baseEjectionMs / 1000} s × ejections (max ${o.maxEjectionMs / 1000} s); traffic moves to the healthy ones.`
            : `With ${n} hosts one ejection is ${first.toFixed(0)}% > maxEjectionPercent ${o.maxEjectionPercent}%: nothing is ever ejected. Raise it to ≥ ${Math.ceil(first)}% or set alwaysEjectOneHost.`;
      }
      return {
        what: o
          ? `Outlier detection on ${name}: ${o.consecutive5xx} consecutive 5xx, max ${o.maxEjectionPercent}% ejected.`
          : `Outlier detection on ${name} removed.`,
        predicted,
        why: 'Envoy defaults: 5 consecutive 5xx, 30 s × n ejection, max 10%; since Envoy PR #27909 the percentage counts the host about to be ejected (S22, S23, S28).',
      };
    }
    case 'set-data-plane': {
      let callRate = 0;
      for (const v of rates.values()) callRate += v;
      const profile = intent.profile ?? config.dataPlane.profile;
      const l7 = intent.l7 ?? config.dataPlane.l7;
      let cpu = 0;
      let lat = 0;
      if (intent.mode === 'sidecar') {
        cpu = callRate * 2 * SIDECAR_COSTS[profile].cpuMs;
        lat = 2 * SIDECAR_COSTS[profile].pathMs;
      } else if (intent.mode === 'ambient') {
        cpu = callRate * (2 * ZTUNNEL_COST.cpuMs + (l7 ? WAYPOINT_COST.cpuMs : 0));
        lat = 2 * ZTUNNEL_COST.pathMs + (l7 ? WAYPOINT_COST.pathMs : 0);
      } else if (intent.mode === 'ebpf') {
        cpu = l7 ? callRate * WAYPOINT_COST.cpuMs : 0;
        lat = 0.015 + (l7 ? WAYPOINT_COST.pathMs : 0);
      }
      return {
        what: `Data plane switched to ${intent.mode}${intent.mode === 'sidecar' ? ` (${SIDECAR_COSTS[profile].label})` : ''}${intent.mode !== 'sidecar' && l7 ? ' with L7 proxy' : ''}.`,
        predicted:
          intent.mode === 'none'
            ? 'No proxies: no mTLS, no L7 policy, no proxy cost; latency per hop drops to the network alone.'
            : `About ${(cpu / 1000).toFixed(2)} vCPU of proxy CPU at ${callRate.toFixed(0)} calls/s, and +${lat.toFixed(3)} ms per hop before queueing.`,
        why: 'Per-request proxy CPU and on-path latency come from the published profiles: sidecar 0.20 vCPU/1000 rps (Istio 1.24), ztunnel 0.06, waypoint 0.25 (S1–S4); eBPF L4 runs in the kernel (S12).',
      };
    }
    case 'set-replicas': {
      const before = utilization(config, name, rates);
      const after = (before * svc!.replicas) / intent.replicas;
      return {
        what: `${name} scaled from ${svc!.replicas} to ${intent.replicas} replicas.`,
        predicted: `Per-worker utilisation goes from ${before.toFixed(2)} to ${after.toFixed(2)}${after >= 1 ? ' — still overloaded' : ''}; pooled capacity cuts queueing sharply near saturation (Erlang C).`,
        why: 'At the same per-server load, more servers sharing one queue wait less (M/M/c vs M/M/1; notes §2.2).',
      };
    }
    case 'set-failure':
      return {
        what: `${name} now fails ${pct(intent.failureProb, 0)} of requests (${intent.failureKind ?? svc!.failureKind}).`,
        predicted:
          intent.failureProb >= 1
            ? `${name} is hard down. Every retry policy above it multiplies load on it: (1 + r)^d attempts per request.`
            : `Callers see ~${pct(intent.failureProb)} errors from ${name} unless retries cover this failure.`,
        why: 'Independent failures at rate p: retries turn p into p^(r+1) at the cost of (1 − p^(r+1))/(1 − p) attempts (notes §2.4).',
      };
    case 'set-rate': {
      const caller = config.callers.find((c) => c.name === intent.caller)!;
      const factor = intent.rps / caller.rps;
      const hot = config.services
        .map((s) => ({ name: s.name, rho: utilization(config, s.name, rates) * factor }))
        .sort((a, b) => b.rho - a.rho)[0];
      return {
        what: `${intent.caller} sends ${intent.rps} rps (was ${caller.rps}).`,
        predicted: hot
          ? `Busiest service: ${hot.name} at ρ ≈ ${hot.rho.toFixed(2)}${hot.rho >= 1 ? ' — overloaded, queues grow without bound' : hot.rho > 0.8 ? ' — near saturation, the tail grows fast' : ''}.`
          : 'Load changes proportionally.',
        why: 'For an M/M/1 queue p99 = ln(100)/(μ − λ): 9.2 ms at ρ = 0.5, 46 ms at 0.9 (notes §2.1).',
      };
    }
  }
}
