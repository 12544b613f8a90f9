import type { Intent } from '@/lib/sim/intents';

/** A one-line, human description of an intent for the queue and the decision log. */
export function describeIntent(intent: Intent): string {
  switch (intent.type) {
    case 'set-mtls':
      return `mTLS ${intent.mode.toUpperCase()} on ${intent.service}`;
    case 'set-retries':
      return `${intent.attempts} retries to ${intent.service}${intent.retryOn ? ` on ${intent.retryOn.join(', ')}` : ''}${intent.perTryTimeoutMs ? `, per-try ${intent.perTryTimeoutMs} ms` : ''}${intent.budget ? ', with budget' : ''}`;
    case 'set-timeout':
      return intent.timeoutMs === null
        ? `No timeout on ${intent.service}`
        : `Timeout ${intent.timeoutMs} ms on ${intent.service}`;
    case 'add-deny':
      return `DENY ${intent.from} → ${intent.service}`;
    case 'set-allow':
      return intent.from === null
        ? `Remove ALLOW on ${intent.service}`
        : intent.from.length === 0
          ? `Allow nothing on ${intent.service}`
          : `ALLOW [${intent.from.join(', ')}] → ${intent.service}`;
    case 'set-canary-weight':
      return `Shift ${intent.weight}% of ${intent.service} to v2`;
    case 'inject-fault':
      return `Inject fault on ${intent.service}: abort ${intent.fault.abortPercent}%, delay ${intent.fault.delayPercent}% × ${intent.fault.delayMs} ms`;
    case 'clear-fault':
      return `Clear fault on ${intent.service}`;
    case 'set-circuit-breaker':
      return intent.limits
        ? `Circuit breaker on ${intent.service}: ${intent.limits.maxConnections} conn + ${intent.limits.maxPendingRequests} pending`
        : `Remove circuit breaker on ${intent.service}`;
    case 'set-outlier-detection':
      return intent.settings
        ? `Outlier detection on ${intent.service} (max ${intent.settings.maxEjectionPercent}% ejected)`
        : `Remove outlier detection on ${intent.service}`;
    case 'set-data-plane':
      return `Data plane → ${intent.mode}${intent.profile && intent.mode === 'sidecar' ? ` (${intent.profile})` : ''}${intent.l7 ? ' + L7' : ''}`;
    case 'set-replicas':
      return `Scale ${intent.service} to ${intent.replicas} replicas`;
    case 'set-failure':
      return `${intent.service} fails ${Math.round(intent.failureProb * 100)}%${intent.failureKind ? ` (${intent.failureKind})` : ''}`;
    case 'set-rate':
      return `${intent.caller} sends ${intent.rps} rps`;
  }
}
