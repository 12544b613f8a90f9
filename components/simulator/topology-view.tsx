'use client';

import { useEffect, useRef, useState } from 'react';
import type { SimConfig } from '@/lib/sim/config';
import type { SimSummary } from '@/lib/sim/engine';
import { describeTopology, edgeHealth } from '@/lib/sim/topology';
import type { EdgeHealth, TopologyEdge } from '@/lib/sim/topology';
import { fmtMs, fmtNum, fmtPct } from './format';
import { NODE_H, layoutTopology } from './topology-layout';

const HEALTH_CLS: Record<EdgeHealth, string> = {
  ok: 'stroke-success',
  degraded: 'stroke-warning',
  failing: 'stroke-danger',
  refused: 'stroke-danger',
};
const HEALTH_TEXT: Record<EdgeHealth, string> = {
  ok: 'healthy',
  degraded: 'degraded (≥ 1% errors)',
  failing: 'failing (≥ 5% errors)',
  refused: 'refused',
};

function securityText(e: TopologyEdge, mode: string): string {
  if (e.mtlsRejected) return 'refused: mTLS';
  if (e.denied) return 'denied: 403';
  if (mode === 'none') return 'no mesh';
  return e.encrypted ? (e.explicitAllow ? 'mTLS · allowed' : 'mTLS') : 'plaintext';
}

/** Measures an element's width (px) with a ResizeObserver; `fallback` until mounted. */
function useWidth(fallback: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const ro = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.round(entry.contentRect.width));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width] as const;
}

/**
 * The call graph as a responsive SVG drawn in real pixels (text stays 12–14 px on any screen):
 * edges carry request rate, p99 and error rate of their destination and are coloured by
 * health (dashed when plaintext); service nodes are buttons (Tab, Enter) that select a service.
 */
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
  const [ref, measured] = useWidth(720);
  const { nodes, edges } = describeTopology(config);
  const mode = config.dataPlane.mode;
  const layout = layoutTopology(nodes, measured);
  const { pos, nodeW } = layout;
  const vertical = layout.direction === 'vertical';
  const sidecars = mode === 'sidecar';
  const waypoints = mode === 'ambient' && config.dataPlane.l7;
  const height = layout.height + (mode === 'ambient' ? 34 : 0);
  const described = edges.map((e) => {
    const stats = summary.services[e.to];
    const health = edgeHealth(e, stats?.errorRate ?? 0);
    return { e, stats, health };
  });
  const summaryText = described
    .map(
      ({ e, stats, health }) =>
        `${e.from} to ${e.to}: ${securityText(e, mode)}, ${HEALTH_TEXT[health]}${stats ? `, ${fmtNum(stats.throughputRps)} requests per second, p99 ${fmtMs(stats.p99Ms)}, errors ${fmtPct(stats.errorRate)}` : ''}`,
    )
    .join('; ');
  return (
    <figure className="space-y-2">
      <div ref={ref} className="w-full">
        <svg
          width={layout.width}
          height={height}
          viewBox={`0 0 ${layout.width} ${height}`}
          className="block max-w-full"
          role="group"
          aria-label={`Topology, data plane ${mode}. ${summaryText}.`}
          data-testid="sim-topology"
          data-direction={layout.direction}
        >
          <defs>
            <marker
              id="sim-arrow"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M 0 0 L 10 5 L 0 10 z" className="fill-muted" />
            </marker>
          </defs>
          {described.map(({ e, stats, health }) => {
            const a = pos.get(e.from)!;
            const b = pos.get(e.to)!;
            const [x1, y1, x2, y2] = vertical
              ? [a.x + nodeW / 2, a.y + NODE_H, b.x + nodeW / 2, b.y - 2]
              : [a.x + nodeW, a.y + NODE_H / 2, b.x - (sidecars ? 12 : 2), b.y + NODE_H / 2];
            const path = `M ${x1} ${y1} L ${x2} ${y2}`;
            const mx = (x1 + x2) / 2;
            const my = (y1 + y2) / 2;
            const dur = Math.min(4, Math.max(0.8, (stats?.p50Ms ?? 1) / 2));
            const lines = [
              securityText(e, mode),
              stats
                ? `${fmtNum(stats.throughputRps)}/s · p99 ${fmtMs(stats.p99Ms)} · ${fmtPct(stats.errorRate)}`
                : '',
            ];
            return (
              <g key={`${e.from}-${e.to}`} data-health={health}>
                <path
                  d={path}
                  className={`${HEALTH_CLS[health]} fill-none`}
                  strokeWidth={2.5}
                  strokeDasharray={e.encrypted ? undefined : '6 4'}
                  markerEnd="url(#sim-arrow)"
                />
                {lines.map((t, i) => (
                  <text
                    key={i}
                    x={mx}
                    y={my - 14 + i * 15}
                    textAnchor="middle"
                    className="fill-fg text-[12px]"
                    stroke="var(--color-surface)"
                    strokeWidth={4}
                    paintOrder="stroke"
                  >
                    {t}
                  </text>
                ))}
                {!reducedMotion && (
                  <circle r={4} className={health === 'ok' ? 'fill-accent' : 'fill-danger'}>
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
            const service = n.kind === 'service';
            const caller = config.callers.find((c) => c.name === n.name);
            const sub = service
              ? stats
                ? `p99 ${fmtMs(stats.p99Ms)} · ${fmtPct(stats.errorRate)} err`
                : ''
              : `${caller?.rps ?? 0} rps${n.meshed ? '' : ' · no mesh'}`;
            const box = (
              <>
                <rect
                  x={p.x}
                  y={p.y}
                  width={nodeW}
                  height={NODE_H}
                  rx={8}
                  className={`${service ? 'fill-surface' : 'fill-surface-2'} ${isSel ? 'stroke-accent' : 'stroke-border'} group-focus-visible:stroke-accent`}
                  strokeWidth={isSel ? 3 : 1.5}
                />
                <rect
                  x={p.x - 4}
                  y={p.y - 4}
                  width={nodeW + 8}
                  height={NODE_H + 8}
                  rx={10}
                  className="fill-none stroke-accent opacity-0 group-focus-visible:opacity-100"
                  strokeWidth={2}
                />
                <text x={p.x + 10} y={p.y + 21} className="fill-fg text-[14px] font-semibold">
                  {n.name}
                </text>
                <text x={p.x + 10} y={p.y + 40} className="fill-muted text-[12px]">
                  {sub}
                </text>
                {sidecars && (service || n.meshed) && (
                  <rect
                    x={service ? p.x - 10 : p.x + nodeW - 2}
                    y={p.y + 12}
                    width={12}
                    height={NODE_H - 24}
                    rx={3}
                    className="fill-accent"
                  >
                    <title>sidecar proxy</title>
                  </rect>
                )}
                {waypoints && service && (
                  <polygon
                    points={`${p.x + nodeW - 22},${p.y - 8} ${p.x + nodeW - 10},${p.y - 8} ${p.x + nodeW - 4},${p.y + 2} ${p.x + nodeW - 10},${p.y + 12} ${p.x + nodeW - 22},${p.y + 12} ${p.x + nodeW - 28},${p.y + 2}`}
                    className="fill-warning"
                  >
                    <title>waypoint (L7 proxy)</title>
                  </polygon>
                )}
              </>
            );
            return service ? (
              <g
                key={n.name}
                role="button"
                tabIndex={0}
                aria-pressed={isSel}
                className="group cursor-pointer outline-none"
                onClick={() => onSelect(n.name)}
                onKeyDown={(ev) => {
                  if (ev.key === 'Enter' || ev.key === ' ') {
                    ev.preventDefault();
                    onSelect(n.name);
                  }
                }}
              >
                {box}
              </g>
            ) : (
              <g key={n.name}>{box}</g>
            );
          })}
          {mode === 'ambient' && (
            <g>
              <rect
                x={8}
                y={height - 30}
                width={layout.width - 16}
                height={24}
                rx={4}
                className="fill-surface-2 stroke-border"
              />
              <text x={16} y={height - 13} className="fill-fg text-[12px]">
                {`ztunnel on each of ${config.clusterNodes} nodes (L4 mTLS)`}
              </text>
            </g>
          )}
        </svg>
      </div>
      <figcaption className="text-sm text-muted">
        Edge colour is health (green ok, amber ≥ 1% errors, red ≥ 5% or refused); dashed edges are
        plaintext. Edge numbers are the destination’s request rate, p99 and error rate.
        {sidecars && ' Small bars are sidecar proxies.'}
        {waypoints && ' Hexagons are waypoints.'} Select a service (Tab, then Enter) to inspect it.
      </figcaption>
    </figure>
  );
}
