import type { TopologyNode } from '@/lib/sim/topology';

// Layout of the topology graph in real pixels for a given width (the SVG's viewBox equals its
// size, so text is never scaled down): columns side by side when they fit, otherwise one band
// per column, top to bottom, with the nodes of a band wrapped across the width (phones).

/** Node box sizes, px. */
export const NODE_H = 52;
const BAND_GAP = 76; // vertical room between bands for edge labels
const MIN_COL_W = 210;

/** Where each node goes, and the drawing's size. */
export type TopologyLayout = {
  direction: 'horizontal' | 'vertical';
  width: number;
  height: number;
  nodeW: number;
  pos: Map<string, { x: number; y: number }>;
};

/** Lays out nodes (columns from describeTopology) for a drawing `width` px wide. */
export function layoutTopology(nodes: readonly TopologyNode[], width: number): TopologyLayout {
  const w = Math.max(280, Math.floor(width));
  const cols = Math.max(...nodes.map((n) => n.column)) + 1;
  const pos = new Map<string, { x: number; y: number }>();
  if (w >= cols * MIN_COL_W) {
    const colW = w / cols;
    const nodeW = Math.min(190, colW - 56);
    const rows = Math.max(...nodes.map((n) => n.row)) + 1;
    const rowH = NODE_H + 40;
    for (const n of nodes)
      pos.set(n.name, { x: n.column * colW + (colW - nodeW) / 2, y: 12 + n.row * rowH });
    return { direction: 'horizontal', width: w, height: 12 + rows * rowH, nodeW, pos };
  }
  const pad = 8;
  const perRow = Math.max(1, Math.floor((w - pad) / 160));
  const nodeW = Math.min(220, (w - pad * (perRow + 1)) / perRow);
  let y = 8;
  for (let c = 0; c < cols; c++) {
    const band = nodes.filter((n) => n.column === c).sort((a, b) => a.row - b.row);
    for (let i = 0; i < band.length; i += perRow) {
      const line = band.slice(i, i + perRow);
      const used = line.length * nodeW + (line.length - 1) * pad;
      let x = (w - used) / 2;
      for (const n of line) {
        pos.set(n.name, { x, y });
        x += nodeW + pad;
      }
      y += NODE_H + (i + perRow < band.length ? pad : 0);
    }
    y += BAND_GAP;
  }
  return { direction: 'vertical', width: w, height: y - BAND_GAP + 8, nodeW, pos };
}
