'use client';

import type { SeriesPoint } from '@/lib/sim/engine';
import type { Decision } from '@/lib/sim/intents';
import { fmtMs, fmtNum, fmtPct, fmtSimTime } from './format';

type Line = { label: string; values: number[]; cls: string; dashed?: boolean };
/** The moment an intent reached the proxies. */
type Marker = { tMs: number; label: string };

// Full class names (not built by string replace) so Tailwind's scanner keeps them.
const SWATCH: Record<string, string> = {
  'stroke-accent': 'bg-accent',
  'stroke-warning': 'bg-warning',
  'stroke-danger': 'bg-danger',
  'stroke-success': 'bg-success',
  'stroke-muted': 'bg-muted',
};

const W = 520;
const H = 160;
const PAD_L = 52;
const PAD_B = 22;

/** One accessible SVG line chart with a table alternative. */
function LineChart({
  title,
  times,
  lines,
  format,
  markers,
  windowMs,
}: {
  title: string;
  times: number[];
  lines: Line[];
  format: (v: number) => string;
  markers: Marker[];
  windowMs: number;
}) {
  const all = lines.flatMap((l) => l.values).filter(Number.isFinite);
  const max = Math.max(1e-9, ...all) * 1.1;
  const n = times.length;
  const x = (i: number) => PAD_L + (n <= 1 ? 0 : (i / (n - 1)) * (W - PAD_L - 8));
  const y = (v: number) => 8 + (1 - Math.min(v, max) / max) * (H - PAD_B - 8);
  const latest = lines.map((l) => `${l.label} ${format(l.values.at(-1) ?? 0)}`).join(', ');
  const rows = times
    .map((t, i) => ({
      t,
      values: lines.map((l) => l.values[i] ?? 0),
      marks: markers.filter((m) => m.tMs >= t && m.tMs < t + windowMs).map((m) => m.label),
    }))
    .slice(-30);
  const t0 = times[0] ?? 0;
  const t1 = times.at(-1) ?? 0;
  const mx = (t: number) => PAD_L + (t1 > t0 ? ((t - t0) / (t1 - t0)) * (W - PAD_L - 8) : 0);
  const visible = markers.filter((m) => m.tMs >= t0 && m.tMs <= t1);
  return (
    <figure className="card space-y-2">
      <figcaption className="font-semibold">{title}</figcaption>
      {n === 0 ? (
        <p className="text-sm text-muted">No data yet — press Step.</p>
      ) : (
        <svg
          viewBox={`0 0 ${W} ${H}`}
          className="w-full"
          role="img"
          aria-label={`${title} over the last ${n} windows of simulated time; latest: ${latest}.${visible.length ? ` Marked: ${visible.map((m) => `${m.label} at ${fmtSimTime(m.tMs)}`).join(', ')}.` : ''}`}
        >
          {visible.map((m) => (
            <g key={`${m.label}-${m.tMs}`}>
              <line
                x1={mx(m.tMs)}
                x2={mx(m.tMs)}
                y1={8}
                y2={H - PAD_B}
                className="stroke-muted"
                strokeDasharray="3 3"
              />
              <text x={mx(m.tMs) + 3} y={18} className="fill-fg text-[10px]">
                {m.label}
              </text>
            </g>
          ))}
          <line x1={PAD_L} y1={H - PAD_B} x2={W - 8} y2={H - PAD_B} className="stroke-border" />
          <line x1={PAD_L} y1={8} x2={PAD_L} y2={H - PAD_B} className="stroke-border" />
          <text x={PAD_L - 4} y={14} textAnchor="end" className="fill-muted text-[10px]">
            {format(max)}
          </text>
          <text x={PAD_L - 4} y={H - PAD_B} textAnchor="end" className="fill-muted text-[10px]">
            0
          </text>
          <text x={PAD_L} y={H - 6} className="fill-muted text-[10px]">
            {fmtSimTime(times[0] ?? 0)}
          </text>
          <text x={W - 8} y={H - 6} textAnchor="end" className="fill-muted text-[10px]">
            {fmtSimTime(times.at(-1) ?? 0)}
          </text>
          {lines.map((l) => (
            <polyline
              key={l.label}
              points={l.values
                .map((v, i) => `${x(i).toFixed(1)},${y(Number.isFinite(v) ? v : 0).toFixed(1)}`)
                .join(' ')}
              className={`${l.cls} fill-none`}
              strokeWidth={2}
              strokeDasharray={l.dashed ? '5 4' : undefined}
            />
          ))}
        </svg>
      )}
      <ul className="flex flex-wrap gap-3 text-xs text-muted" aria-hidden="true">
        {lines.map((l) => (
          <li key={l.label}>
            <span
              className={`mr-1 inline-block h-0.5 w-4 align-middle ${SWATCH[l.cls] ?? 'bg-muted'}`}
            />
            {l.label}
          </li>
        ))}
      </ul>
      <details className="text-sm">
        <summary className="cursor-pointer">
          {title} as a table (last {rows.length} windows)
        </summary>
        {/* Focusable so keyboard users can scroll it (axe: scrollable-region-focusable). */}
        <div
          className="mt-2 max-h-64 overflow-auto"
          tabIndex={0}
          role="region"
          aria-label={`${title} table`}
        >
          <table className="w-full text-left">
            <thead>
              <tr>
                <th scope="col">Sim time</th>
                <th scope="col">Intent applied</th>
                {lines.map((l) => (
                  <th key={l.label} scope="col">
                    {l.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.t}>
                  <td>{fmtSimTime(r.t)}</td>
                  <td>{r.marks.join(', ') || '—'}</td>
                  {r.values.map((v, i) => (
                    <td key={i}>{format(v)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

/** Latency, error rate and throughput over simulated time (optionally with a comparison run). */
export function SimCharts({
  series,
  compare,
  compareLabel,
  decisions,
}: {
  series: SeriesPoint[];
  compare: SeriesPoint[] | null;
  compareLabel: string;
  /** Applied decisions are marked on every chart at the moment they reached the proxies. */
  decisions: Decision[];
}) {
  const times = series.map((p) => p.tMs);
  const windowMs = times.length > 1 ? times[1]! - times[0]! : 1000;
  const markers: Marker[] = decisions
    .filter((d) => d.status === 'applied' && d.applyAtMs !== null)
    .map((d) => ({ tMs: d.applyAtMs!, label: `#${d.index}` }));
  const common = { times, markers, windowMs };
  const cmp = compare?.slice(-series.length) ?? null;
  const extra = (pick: (p: SeriesPoint) => number, label: string, cls: string): Line[] =>
    cmp ? [{ label: `${label} (${compareLabel})`, values: cmp.map(pick), cls, dashed: true }] : [];
  return (
    <div className="space-y-2">
      <p className="text-sm text-muted">
        Dotted vertical lines mark when an intent (#n in the decision log) reached the proxies.
      </p>
      <div className="grid gap-4 lg:grid-cols-3">
        <LineChart
          {...common}
          title="Latency p50 / p99"
          format={fmtMs}
          lines={[
            { label: 'p50', values: series.map((p) => p.p50Ms), cls: 'stroke-accent' },
            { label: 'p99', values: series.map((p) => p.p99Ms), cls: 'stroke-warning' },
            ...extra((p) => p.p99Ms, 'p99', 'stroke-muted'),
          ]}
        />
        <LineChart
          {...common}
          title="Error rate"
          format={(v) => fmtPct(v)}
          lines={[
            { label: 'errors', values: series.map((p) => p.errorRate), cls: 'stroke-danger' },
            ...extra((p) => p.errorRate, 'errors', 'stroke-muted'),
          ]}
        />
        <LineChart
          {...common}
          title="Throughput and retries"
          format={(v) => `${fmtNum(v)}/s`}
          lines={[
            {
              label: 'requests',
              values: series.map((p) => p.throughputRps),
              cls: 'stroke-success',
            },
            { label: 'retries', values: series.map((p) => p.retriesPerS), cls: 'stroke-warning' },
            ...extra((p) => p.throughputRps, 'requests', 'stroke-muted'),
          ]}
        />
      </div>
    </div>
  );
}
