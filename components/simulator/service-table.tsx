'use client';

import type { SimConfig } from '@/lib/sim/config';
import type { LatencyStats, SimSummary } from '@/lib/sim/engine';
import { fmtMs, fmtNum, fmtPct } from './format';

function causes(s: LatencyStats): string {
  const entries = Object.entries(s.errorsByCause);
  return entries.length ? entries.map(([k, v]) => `${k} ${fmtNum(v ?? 0)}`).join(', ') : '—';
}

/** Per-service metrics for the chosen period with an end-to-end row (cards on phones). */
export function ServiceTable({
  summary,
  scopeText,
  onSelect,
  selected,
}: {
  summary: SimSummary;
  scopeText: string;
  onSelect: (name: string) => void;
  selected: string | null;
}) {
  const e = summary.endToEnd;
  return (
    <>
      {/* Phones: one card per service, label and value on a row each (no columns to collide). */}
      <ul className="space-y-3 md:hidden" aria-label="Per-service metrics">
        {Object.entries(summary.services).map(([name, s]) => (
          <li key={name} className="rounded-md border border-border p-3">
            <button
              type="button"
              className="btn btn-ghost min-h-8 px-2 font-semibold"
              aria-pressed={selected === name}
              onClick={() => onSelect(name)}
            >
              {name}
            </button>
            <dl className="mt-1 grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
              {(
                [
                  ['p99', fmtMs(s.p99Ms)],
                  ['p50', fmtMs(s.p50Ms)],
                  ['Errors', fmtPct(s.errorRate, 2)],
                  ['Req/s', fmtNum(s.throughputRps)],
                  ['Busy', fmtPct(s.utilization, 0)],
                  ['Attempts / req', s.attemptsPerRequest.toFixed(2)],
                  ['Proxy vCPU', s.cpuVcpu.toFixed(3)],
                  ['By cause', causes(s)],
                ] as const
              ).map(([k, v]) => (
                <div key={k} className="flex justify-between gap-2 border-b border-border">
                  <dt className="text-muted">{k}</dt>
                  <dd className="text-right">{v}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
      <div
        className="hidden overflow-x-auto md:block"
        tabIndex={0}
        role="region"
        aria-label="Per-service metrics table"
      >
        <table className="w-full min-w-[56rem] text-left text-sm">
          <caption className="mb-2 text-left text-muted">
            Numbers for the {scopeText}. Latency is what callers see, retries included; busy is the
            share of time the workers were serving (offered load can exceed it).
          </caption>
          <thead>
            <tr className="border-b border-border">
              <th scope="col">Service</th>
              <th scope="col">p50</th>
              <th scope="col">p95</th>
              <th scope="col">p99</th>
              <th scope="col">Mean</th>
              <th scope="col">Errors</th>
              <th scope="col">By cause</th>
              <th scope="col">Req/s</th>
              <th scope="col">Busy</th>
              <th scope="col">Offered</th>
              <th scope="col">Attempts / req</th>
              <th scope="col">Proxy vCPU</th>
              <th scope="col">Proxy MiB</th>
            </tr>
          </thead>
          <tbody>
            <tr className="border-b border-border font-semibold">
              <th scope="row">End to end</th>
              <td>{fmtMs(e.p50Ms)}</td>
              <td>{fmtMs(e.p95Ms)}</td>
              <td>{fmtMs(e.p99Ms)}</td>
              <td>{fmtMs(e.meanMs)}</td>
              <td>{fmtPct(e.errorRate, 2)}</td>
              <td>{causes(e)}</td>
              <td>{fmtNum(e.throughputRps)}</td>
              <td>—</td>
              <td>—</td>
              <td>—</td>
              <td>{summary.dataPlane.cpuVcpu.toFixed(3)}</td>
              <td>{fmtNum(summary.dataPlane.memoryMiB)}</td>
            </tr>
            {Object.entries(summary.services).map(([name, s]) => (
              <tr
                key={name}
                className={`border-b border-border ${selected === name ? 'bg-surface-2' : ''}`}
              >
                <th scope="row">
                  <button
                    type="button"
                    className="btn btn-ghost min-h-8 px-2"
                    aria-pressed={selected === name}
                    onClick={() => onSelect(name)}
                  >
                    {name}
                  </button>
                </th>
                <td>{fmtMs(s.p50Ms)}</td>
                <td>{fmtMs(s.p95Ms)}</td>
                <td>{fmtMs(s.p99Ms)}</td>
                <td>{fmtMs(s.meanMs)}</td>
                <td>{fmtPct(s.errorRate, 2)}</td>
                <td>{causes(s)}</td>
                <td>{fmtNum(s.throughputRps)}</td>
                <td>{fmtPct(s.utilization, 0)}</td>
                <td>{fmtPct(s.offeredLoad, 0)}</td>
                <td>{s.attemptsPerRequest.toFixed(2)}</td>
                <td>{s.cpuVcpu.toFixed(3)}</td>
                <td>{fmtNum(s.memoryMiB)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Details of one service: its current config and derived numbers. */
export function ServiceDetails({
  name,
  config,
  summary,
}: {
  name: string;
  config: SimConfig;
  summary: SimSummary;
}) {
  const svc = config.services.find((s) => s.name === name);
  const stats = summary.services[name];
  if (!svc || !stats) return null;
  const p = svc.policy;
  const rows: [string, string][] = [
    [
      'Replicas × workers',
      `${svc.replicas} × ${svc.workers}${svc.canary ? ` (+ ${svc.canary.replicas} v2)` : ''}`,
    ],
    ['Service time', `${svc.serviceTime.kind}, mean ${fmtMs(svc.serviceTime.meanMs)}`],
    [
      'Failure',
      svc.failureProb > 0 ? `${fmtPct(svc.failureProb, 0)} (${svc.failureKind})` : 'none',
    ],
    ['mTLS mode', p.mtls.toUpperCase()],
    [
      'Authorization',
      `${p.authz.deny.length ? `DENY [${p.authz.deny.join(', ')}]; ` : ''}${p.authz.allow === null ? 'no ALLOW policy' : `ALLOW [${p.authz.allow.join(', ')}]`}`,
    ],
    [
      'Retries',
      p.retries.attempts
        ? `${p.retries.attempts} on ${p.retries.retryOn.join(', ')}${p.retries.perTryTimeoutMs ? `, per-try ${p.retries.perTryTimeoutMs} ms` : ''}${p.retries.budget ? ', budget' : ''}`
        : 'off',
    ],
    ['Route timeout', p.timeoutMs ? `${p.timeoutMs} ms` : 'disabled'],
    [
      'Circuit breaker',
      p.circuitBreaker
        ? `${p.circuitBreaker.maxConnections} conn + ${p.circuitBreaker.maxPendingRequests} pending`
        : 'Istio default (2^32−1)',
    ],
    [
      'Outlier detection',
      p.outlierDetection
        ? `${p.outlierDetection.consecutive5xx}×5xx, max ${p.outlierDetection.maxEjectionPercent}%`
        : 'off',
    ],
    [
      'Canary weight',
      svc.canary ? `${p.canaryWeight}% (observed ${fmtPct(stats.canaryShare)})` : 'no canary',
    ],
    ['Fault', p.fault ? `abort ${p.fault.abortPercent}%, delay ${p.fault.delayPercent}%` : 'none'],
    ['Ejections', fmtNum(stats.ejections)],
    ['Retries sent', fmtNum(stats.retries)],
  ];
  return (
    <section aria-labelledby="sim-service-details" className="card space-y-2">
      <h3 id="sim-service-details" className="text-lg">
        {name}
      </h3>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
        {rows.map(([k, v]) => (
          <div key={k} className="flex justify-between gap-4 border-b border-border py-1">
            <dt className="text-muted">{k}</dt>
            <dd className="text-right">{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
