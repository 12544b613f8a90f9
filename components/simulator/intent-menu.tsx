'use client';

import { useId, useState } from 'react';
import type { SimConfig } from '@/lib/sim/config';
import type { Intent } from '@/lib/sim/intents';
import { SIDECAR_PROFILES } from '@/lib/sim/profiles';
import { humanIntentIssue } from './intent-text';

const ACTIONS: { value: Intent['type']; label: string }[] = [
  { value: 'set-mtls', label: 'Set mTLS mode' },
  { value: 'set-retries', label: 'Set retries' },
  { value: 'set-timeout', label: 'Set route timeout' },
  { value: 'add-deny', label: 'Add a DENY rule' },
  { value: 'set-allow', label: 'Set the ALLOW list' },
  { value: 'set-canary-weight', label: 'Shift traffic to v2 (canary)' },
  { value: 'inject-fault', label: 'Inject a fault' },
  { value: 'clear-fault', label: 'Clear a fault' },
  { value: 'set-circuit-breaker', label: 'Set circuit-breaker limits' },
  { value: 'set-outlier-detection', label: 'Set outlier detection' },
  { value: 'set-data-plane', label: 'Switch the data plane' },
  { value: 'set-replicas', label: 'Scale a service' },
  { value: 'set-failure', label: 'Make a service fail' },
  { value: 'set-rate', label: 'Change a caller’s load' },
];

/** Builds an intent from menus and number fields (no JSON typing) and queues it. */
export function IntentMenu({
  config,
  onAdd,
}: {
  config: SimConfig;
  onAdd: (intent: Intent) => void;
}) {
  const id = useId();
  const services = config.services.map((s) => s.name);
  const callers = config.callers.map((c) => c.name);
  const [type, setType] = useState<Intent['type']>('set-mtls');
  const [service, setService] = useState(services[0] ?? '');
  const [caller, setCaller] = useState(callers[0] ?? '');
  const [from, setFrom] = useState(callers[0] ?? '');
  const [allowList, setAllowList] = useState<string[]>([]);
  const [allowNone, setAllowNone] = useState(false);
  const [mtls, setMtls] = useState<'disable' | 'permissive' | 'strict'>('strict');
  const [num, setNum] = useState(2);
  const [num2, setNum2] = useState(0);
  const [flag, setFlag] = useState(false);
  const [mode, setMode] = useState<'none' | 'sidecar' | 'ambient' | 'ebpf'>('ambient');
  const [profile, setProfile] = useState<(typeof SIDECAR_PROFILES)[number]>('istio-1.24');
  const [error, setError] = useState<string | null>(null);

  const build = (): unknown => {
    switch (type) {
      case 'set-mtls':
        return { type, service, mode: mtls };
      case 'set-retries':
        return {
          type,
          service,
          attempts: num,
          retryOn: ['5xx'],
          perTryTimeoutMs: num2 > 0 ? num2 : null,
          budget: flag,
        };
      case 'set-timeout':
        return { type, service, timeoutMs: num > 0 ? num : null };
      case 'add-deny':
        return { type, service, from };
      case 'set-allow':
        return { type, service, from: allowNone ? null : allowList, l7Rule: flag };
      case 'set-canary-weight':
        return { type, service, weight: num };
      case 'inject-fault':
        return {
          type,
          service,
          fault: {
            abortPercent: num,
            abortStatus: 503,
            delayPercent: num2 > 0 ? 100 : 0,
            delayMs: num2,
          },
        };
      case 'clear-fault':
        return { type, service };
      case 'set-circuit-breaker':
        return {
          type,
          service,
          limits: {
            maxConnections: num,
            maxPendingRequests: num2,
            maxRequests: 4294967295,
            maxRetries: 3,
          },
        };
      case 'set-outlier-detection':
        return {
          type,
          service,
          settings: {
            consecutive5xx: 5,
            intervalMs: 10000,
            baseEjectionMs: 30000,
            maxEjectionMs: 300000,
            maxEjectionPercent: num,
            alwaysEjectOneHost: flag,
          },
        };
      case 'set-data-plane':
        return { type, mode, profile, l7: flag };
      case 'set-replicas':
        return { type, service, replicas: num };
      case 'set-failure':
        return { type, service, failureProb: num / 100 };
      case 'set-rate':
        return { type, caller, rps: num };
    }
  };

  const defaults: Partial<Record<Intent['type'], [number, number]>> = {
    'set-retries': [2, 0],
    'set-timeout': [200, 0],
    'set-canary-weight': [10, 0],
    'inject-fault': [50, 0],
    'set-circuit-breaker': [8, 8],
    'set-outlier-detection': [34, 0],
    'set-replicas': [3, 0],
    'set-failure': [100, 0],
    'set-rate': [1000, 0],
  };
  const numLabel: Partial<Record<Intent['type'], [string, string | null]>> = {
    'set-retries': ['Retry attempts', 'Per-try timeout, ms (0 = none)'],
    'set-timeout': ['Timeout, ms (0 = disabled)', null],
    'set-canary-weight': ['Percent to v2', null],
    'inject-fault': ['Abort percent', 'Delay every call by, ms (0 = none)'],
    'set-circuit-breaker': ['Max connections', 'Max pending requests'],
    'set-outlier-detection': ['Max ejection percent', null],
    'set-replicas': ['Replicas', null],
    'set-failure': ['Failure percent', null],
    'set-rate': ['Requests per second', null],
  };
  const flagLabel: Partial<Record<Intent['type'], string>> = {
    'set-retries': 'Use a retry budget (20% + 10/s)',
    'set-allow': 'The rule has an L7 condition (e.g. methods: GET)',
    'set-outlier-detection': 'Always allow one ejection',
    'set-data-plane': 'With L7 proxy (waypoint / node Envoy)',
  };
  const needsService = !['set-data-plane', 'set-rate'].includes(type);
  const labels = numLabel[type];

  return (
    <form
      className="card space-y-3"
      aria-labelledby={`${id}-h`}
      onSubmit={async (ev) => {
        ev.preventDefault();
        const intent = build();
        // The schema (and zod with it) loads on first use, not with the page: it is most of
        // the simulator bundle's size and evaluation time.
        const { intentSchema } = await import('@/lib/sim/intents');
        const parsed = intentSchema.safeParse(intent);
        if (!parsed.success) {
          setError(parsed.error.issues.map((i) => humanIntentIssue(i)).join(' '));
          return;
        }
        setError(null);
        onAdd(parsed.data);
      }}
    >
      <h3 id={`${id}-h`} className="text-lg">
        Add an intent
      </h3>
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label className="label" htmlFor={`${id}-type`}>
            Action
          </label>
          <select
            id={`${id}-type`}
            className="input"
            value={type}
            onChange={(e) => {
              const t = e.target.value as Intent['type'];
              setType(t);
              const d = defaults[t];
              if (d) {
                setNum(d[0]);
                setNum2(d[1]);
              }
              setFlag(false);
            }}
          >
            {ACTIONS.map((a) => (
              <option key={a.value} value={a.value}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
        {needsService && (
          <div>
            <label className="label" htmlFor={`${id}-svc`}>
              Service
            </label>
            <select
              id={`${id}-svc`}
              className="input"
              value={service}
              onChange={(e) => setService(e.target.value)}
            >
              {services.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </div>
        )}
        {type === 'set-rate' && (
          <div>
            <label className="label" htmlFor={`${id}-caller`}>
              Caller
            </label>
            <select
              id={`${id}-caller`}
              className="input"
              value={caller}
              onChange={(e) => setCaller(e.target.value)}
            >
              {callers.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </div>
        )}
        {type === 'set-mtls' && (
          <div>
            <label className="label" htmlFor={`${id}-mtls`}>
              Mode
            </label>
            <select
              id={`${id}-mtls`}
              className="input"
              value={mtls}
              onChange={(e) => setMtls(e.target.value as typeof mtls)}
            >
              <option value="strict">STRICT</option>
              <option value="permissive">PERMISSIVE</option>
              <option value="disable">DISABLE</option>
            </select>
          </div>
        )}
        {type === 'add-deny' && (
          <div>
            <label className="label" htmlFor={`${id}-from`}>
              Deny calls from
            </label>
            <select
              id={`${id}-from`}
              className="input"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
            >
              {[...callers, ...services].map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </div>
        )}
        {type === 'set-allow' && (
          <fieldset className="sm:col-span-2">
            <legend className="label">Allow calls from</legend>
            <div className="flex flex-wrap gap-3">
              {[...callers, ...services].map((s) => (
                <label key={s} className="flex items-center gap-1 text-sm">
                  <input
                    type="checkbox"
                    checked={allowList.includes(s)}
                    disabled={allowNone}
                    onChange={(e) =>
                      setAllowList((prev) =>
                        e.target.checked ? [...prev, s] : prev.filter((x) => x !== s),
                      )
                    }
                  />
                  {s}
                </label>
              ))}
              <label className="flex items-center gap-1 text-sm">
                <input
                  type="checkbox"
                  checked={allowNone}
                  onChange={(e) => setAllowNone(e.target.checked)}
                />
                Remove the ALLOW policy
              </label>
            </div>
            <p className="text-xs text-muted">Nothing ticked = allow-nothing.</p>
          </fieldset>
        )}
        {type === 'set-data-plane' && (
          <>
            <div>
              <label className="label" htmlFor={`${id}-mode`}>
                Mode
              </label>
              <select
                id={`${id}-mode`}
                className="input"
                value={mode}
                onChange={(e) => setMode(e.target.value as typeof mode)}
              >
                <option value="none">No mesh</option>
                <option value="sidecar">Sidecar</option>
                <option value="ambient">Ambient (ztunnel)</option>
                <option value="ebpf">eBPF (Cilium)</option>
              </select>
            </div>
            {mode === 'sidecar' && (
              <div>
                <label className="label" htmlFor={`${id}-profile`}>
                  Profile
                </label>
                <select
                  id={`${id}-profile`}
                  className="input"
                  value={profile}
                  onChange={(e) => setProfile(e.target.value as typeof profile)}
                >
                  {SIDECAR_PROFILES.map((p) => (
                    <option key={p}>{p}</option>
                  ))}
                </select>
              </div>
            )}
          </>
        )}
        {labels && (
          <div>
            <label className="label" htmlFor={`${id}-n1`}>
              {labels[0]}
            </label>
            <input
              id={`${id}-n1`}
              className="input"
              type="number"
              inputMode="decimal"
              step="any"
              min={0}
              value={num}
              onChange={(e) => setNum(Number(e.target.value))}
            />
          </div>
        )}
        {labels?.[1] && (
          <div>
            <label className="label" htmlFor={`${id}-n2`}>
              {labels[1]}
            </label>
            <input
              id={`${id}-n2`}
              className="input"
              type="number"
              inputMode="decimal"
              step="any"
              min={0}
              value={num2}
              onChange={(e) => setNum2(Number(e.target.value))}
            />
          </div>
        )}
        {flagLabel[type] && (
          <label className="flex items-center gap-2 text-sm sm:col-span-2">
            <input type="checkbox" checked={flag} onChange={(e) => setFlag(e.target.checked)} />
            {flagLabel[type]}
          </label>
        )}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="btn btn-secondary">
        Add to the queue
      </button>
    </form>
  );
}
