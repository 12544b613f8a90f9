'use client';

import type { SimConfig } from '@/lib/sim/config';
import type { SimSummary } from '@/lib/sim/engine';
import { describeTopology } from '@/lib/sim/topology';
import type { TopologyEdge } from '@/lib/sim/topology';
import { fmtMs, fmtPct } from './format';

const COL_W = 210;
const ROW_H = 92;
const NODE_W = 140;
const NODE_H = 44;

function edgeState(e: TopologyEdge): { label: string; cls: string } {
  if (e.mtlsRejected) return { label: 'rejected (mTLS)', cls: 'stroke-danger' };
  if (e.denied) return { label: 'denied (403)', cls: 'stroke-danger' };
  if (e.encrypted)
    return { label: e.explicitAllow ? 'mTLS · allowed' : 'mTLS', cls: 'stroke-success' };
  return { label: 'plaintext', cls: 'stroke-warning' };
}

/** SVG call graph: callers, services, proxies per data-plane mode, edge security, request dots. */
export function TopologyView({
  config,
  summary,
  selected,
  onSelect,
  reducedMotion,
}: {
  config: SimConfig;
  summary: SimSummary;
  selected: string | null;
  onSelect: (name: string) => void;
  reducedMotion: boolean;
}) {
  const { nodes, edges } = describeTopology(config);
  const mode = config.dataPlane.mode;
  const cols = Math.max(...nodes.map((n) => n.column)) + 1;
  const rows = Math.max(...nodes.map((n) => n.row)) + 1;
  const width = 40 + cols * COL_W;
  const height = 40 + rows * ROW_H + (mode === 'ambient' ? 40 : 0);
  const pos = new Map(
    nodes.map((n) => [n.name, { x: 20 + n.column * COL_W, y: 20 + n.row * ROW_H }]),
  );
  const proxyLabel =
    mode === 'sidecar' ? 'sidecar' : mode === 'ebpf' && config.dataPlane.l7 ? 'node Envoy' : null;
  const summaryText = edges.map((e) => `${e.from} to ${e.to}: ${edgeState(e).label}`).join('; ');
  return (
    <figure className="space-y-2">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="w-full"
        role="img"
        aria-label={`Topology, data plane ${mode}. ${summaryText}.`}
      >
        <defs>
          <marker
            id="sim-arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="6"
            markerHeight="6"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" className="fill-muted" />
          </marker>
        </defs>
        {edges.map((e) => {
          const a = pos.get(e.from)!;
          const b = pos.get(e.to)!;
          const x1 = a.x + NODE_W;
          const y1 = a.y + NODE_H / 2;
          const x2 = b.x - (proxyLabel ? 14 : 2);
          const y2 = b.y + NODE_H / 2;
          const st = edgeState(e);
          const stats = summary.services[e.to];
          const failing = (stats?.errorRate ?? 0) > 0.05 || e.mtlsRejected || e.denied;
          const dur = Math.min(4, Math.max(0.8, (stats?.p50Ms ?? 1) / 2));
          const path = `M ${x1} ${y1} L ${x2} ${y2}`;
          return (
            <g key={`${e.from}-${e.to}`}>
              <path
                d={path}
                className={`${st.cls} fill-none`}
                strokeWidth={2}
                strokeDasharray={e.encrypted ? undefined : '6 4'}
                markerEnd="url(#sim-arrow)"
              />
              <text
                x={(x1 + x2) / 2}
                y={(y1 + y2) / 2 - 6}
                textAnchor="middle"
                className="fill-fg text-[11px]"
              >
                {mode === 'none' ? '' : `${e.encrypted ? '🔒 ' : ''}${st.label}`}
              </text>
              {!reducedMotion && (
                <circle r={4} className={failing ? 'fill-danger' : 'fill-accent'}>
                  <animateMotion dur={`${dur}s`} repeatCount="indefinite" path={path} />
                </circle>
              )}
            </g>
          );
        })}
        {nodes.map((n) => {
          const p = pos.get(n.name)!;
          const stats = summary.services[n.name];
          const isSel = selected === n.name;
          return (
            <g
              key={n.name}
              onClick={n.kind === 'service' ? () => onSelect(n.name) : undefined}
              className={n.kind === 'service' ? 'cursor-pointer' : undefined}
            >
              <rect
                x={p.x}
                y={p.y}
                width={NODE_W}
                height={NODE_H}
                rx={8}
                className={`${n.kind === 'caller' ? 'fill-surface-2' : 'fill-surface'} ${isSel ? 'stroke-accent' : 'stroke-border'}`}
                strokeWidth={isSel ? 3 : 1.5}
              />
              <text x={p.x + 8} y={p.y + 18} className="fill-fg text-[12px] font-semibold">
                {n.name}
              </text>
              <text x={p.x + 8} y={p.y + 35} className="fill-muted text-[11px]">
                {n.kind === 'caller'
                  ? `${config.callers.find((c) => c.name === n.name)?.rps ?? 0} rps${n.meshed ? '' : ' · no mesh'}`
                  : stats
                    ? `p99 ${fmtMs(stats.p99Ms)} · err ${fmtPct(stats.errorRate)}`
                    : ''}
              </text>
              {proxyLabel && (n.kind === 'service' || n.meshed) && (
                <g>
                  <rect
                    x={n.kind === 'service' ? p.x - 14 : p.x + NODE_W - 2}
                    y={p.y + 10}
                    width={16}
                    height={24}
                    rx={3}
                    className="fill-accent"
                  />
                  <title>{`${proxyLabel} proxy`}</title>
                </g>
              )}
              {mode === 'ambient' && config.dataPlane.l7 && n.kind === 'service' && (
                <g>
                  <polygon
                    points={`${p.x + NODE_W - 20},${p.y - 8} ${p.x + NODE_W - 8},${p.y - 8} ${p.x + NODE_W - 2},${p.y + 2} ${p.x + NODE_W - 8},${p.y + 12} ${p.x + NODE_W - 20},${p.y + 12} ${p.x + NODE_W - 26},${p.y + 2}`}
                    className="fill-warning"
                  />
                  <title>waypoint (L7 proxy)</title>
                </g>
              )}
            </g>
          );
        })}
        {mode === 'ambient' && (
          <g>
            <rect
              x={20}
              y={height - 34}
              width={width - 40}
              height={22}
              rx={4}
              className="fill-surface-2 stroke-border"
            />
            <text x={30} y={height - 19} className="fill-fg text-[11px]">
              {`ztunnel on each of ${config.clusterNodes} nodes (L4 mTLS / HBONE)`}
            </text>
          </g>
        )}
      </svg>
      <figcaption className="text-sm text-muted">
        Solid green edges are mTLS, dashed amber edges are plaintext, red edges are refused.
        {mode === 'sidecar' && ' Small boxes are sidecar proxies.'}
        {mode === 'ambient' && config.dataPlane.l7 && ' Hexagons are waypoints.'} Select a service
        below (or click it) to inspect it.
      </figcaption>
    </figure>
  );
}
