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

/** Form fields as the intent menu shows them: label and the factor from intent value to field. */
const FIELD_LABELS: Record<string, [string, number]> = {
  attempts: ['Retry attempts', 1],
  perTryTimeoutMs: ['Per-try timeout (ms)', 1],
  timeoutMs: ['Timeout (ms)', 1],
  weight: ['Percent to v2', 1],
  abortPercent: ['Abort percent', 1],
  delayMs: ['Delay (ms)', 1],
  maxConnections: ['Max connections', 1],
  maxPendingRequests: ['Max pending requests', 1],
  maxEjectionPercent: ['Max ejection percent', 1],
  replicas: ['Replicas', 1],
  failureProb: ['Failure percent', 100],
  rps: ['Requests per second', 1],
  service: ['Service', 1],
  caller: ['Caller', 1],
  from: ['Caller', 1],
};

type IssueLike = {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  maximum?: unknown;
  minimum?: unknown;
  inclusive?: boolean;
  expected?: string;
};

/** One intent-form error in words ("Failure percent must be at most 100."), not schema text. */
export function humanIntentIssue(issue: IssueLike): string {
  const key = [...issue.path].reverse().find((p) => typeof p === 'string') as string | undefined;
  const [label, factor]: [string, number] = (key ? FIELD_LABELS[key] : undefined) ?? [
    'This value',
    1,
  ];
  const n = (v: unknown) =>
    typeof v === 'number' || typeof v === 'bigint' ? Number(v) * factor : NaN;
  const fmt = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 6 });
  if (issue.code === 'too_big' && Number.isFinite(n(issue.maximum)))
    return `${label} must be at most ${fmt(n(issue.maximum))}${issue.inclusive === false ? ' (exclusive)' : ''}.`;
  if (issue.code === 'too_small' && Number.isFinite(n(issue.minimum)))
    return issue.inclusive === false && n(issue.minimum) === 0
      ? `${label} must be more than 0.`
      : `${label} must be at least ${fmt(n(issue.minimum))}.`;
  if (issue.code === 'invalid_type' && issue.expected === 'int')
    return `${label} must be a whole number.`;
  if (issue.code === 'invalid_type') return `${label} must be a number.`;
  if (issue.code === 'invalid_value') return `${label}: choose one of the options.`;
  return `${label} is not valid.`;
}
