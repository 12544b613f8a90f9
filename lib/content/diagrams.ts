import type { Element, ElementContent, Properties } from 'hast';
import type { DiagramId } from './schemas';

// Diagrams are data (boxes, groups, arrows) drawn as inline SVG by one renderer, so every
// diagram gets the same accessibility treatment: role="img" named by <title> and described
// by <desc>, plus a visible caption and a step-by-step text alternative for screen readers
// and anyone who prefers text. Colours use currentColor so light and dark themes both work.

type Box = { x: number; y: number; w: number; h: number; label: string; sublabel?: string; tone?: 'plain' | 'accent'; dashed?: boolean };
type Group = { x: number; y: number; w: number; h: number; label: string };
type Arrow = {
  from: [number, number];
  to: [number, number];
  label?: string;
  labelAt?: [number, number];
  labelAnchor?: 'start' | 'middle';
  dashed?: boolean;
};
type Note = { x: number; y: number; text: string; anchor?: 'start' | 'middle' };

export type DiagramSpec = {
  title: string;
  description: string;
  caption: string;
  steps: string[];
  width: number;
  height: number;
  groups: Group[];
  boxes: Box[];
  arrows: Arrow[];
  notes?: Note[];
};

const pod = (x: number, y: number, name: string): { group: Group; service: Box; proxy: Box } => ({
  group: { x, y, w: 180, h: 160, label: name },
  service: { x: x + 20, y: y + 30, w: 140, h: 40, label: `Service ${name.slice(-1)}` },
  proxy: { x: x + 20, y: y + 100, w: 140, h: 40, label: 'Sidecar proxy', tone: 'accent' },
});
const podA = pod(30, 170, 'Pod A');
const podB = pod(240, 170, 'Pod B');
const podC = pod(450, 170, 'Pod C');

export const DIAGRAMS: Record<DiagramId, DiagramSpec> = {
  'data-plane-vs-control-plane': {
    title: 'Data plane and control plane',
    description:
      'A control plane at the top sends configuration and certificates to a sidecar proxy in each of three pods. ' +
      'The pods form the data plane: service traffic flows from proxy to proxy over mTLS, never through the control plane.',
    caption: 'The control plane configures the proxies; the proxies (data plane) carry every request.',
    steps: [
      'The control plane holds routing rules, security policy, service discovery and the certificate authority.',
      'It pushes configuration and workload certificates to every proxy (for Envoy, over the xDS APIs).',
      'Each pod runs the service next to its own proxy; the service talks to its proxy over localhost.',
      'Requests travel proxy to proxy over mutual TLS. The control plane is not on the request path, so if it is down, existing traffic keeps flowing with the last configuration.',
    ],
    width: 660,
    height: 360,
    groups: [{ x: 12, y: 130, w: 636, h: 216, label: 'Data plane' }, podA.group, podB.group, podC.group],
    boxes: [
      { x: 210, y: 16, w: 240, h: 64, label: 'Control plane', sublabel: 'policy · certificates · discovery', tone: 'accent' },
      podA.service,
      podA.proxy,
      podB.service,
      podB.proxy,
      podC.service,
      podC.proxy,
    ],
    arrows: [
      { from: [300, 80], to: [120, 168], dashed: true },
      { from: [330, 80], to: [330, 168], dashed: true },
      { from: [360, 80], to: [540, 168], dashed: true, label: 'config + certificates', labelAt: [462, 108], labelAnchor: 'start' },
      { from: [120, 240], to: [120, 268] },
      { from: [330, 240], to: [330, 268] },
      { from: [540, 240], to: [540, 268] },
      { from: [190, 290], to: [258, 290], label: 'mTLS', labelAt: [224, 282] },
      { from: [400, 290], to: [468, 290], label: 'mTLS', labelAt: [434, 282] },
    ],
  },
  'sidecar-request-path': {
    title: 'Request path with sidecar proxies',
    description:
      'Service A in pod A sends a request to its own sidecar proxy, which opens an mTLS connection to the sidecar in pod B, ' +
      'which hands the request to service B. Every call crosses two proxies.',
    caption: 'With sidecars, one call between two services passes through two proxies.',
    steps: [
      'Service A sends a plain request to localhost; traffic redirection sends it into its own sidecar proxy.',
      'The outbound sidecar applies routing, retries, timeouts and load balancing, then opens an mTLS connection.',
      'The inbound sidecar in pod B terminates mTLS, checks authorization policy and records telemetry.',
      'It forwards the request to service B over localhost. Both proxies add latency and use CPU and memory in every pod.',
    ],
    width: 680,
    height: 220,
    groups: [
      { x: 12, y: 30, w: 300, h: 130, label: 'Pod A' },
      { x: 368, y: 30, w: 300, h: 130, label: 'Pod B' },
    ],
    boxes: [
      { x: 28, y: 75, w: 110, h: 50, label: 'Service A' },
      { x: 170, y: 75, w: 126, h: 50, label: 'Sidecar proxy', sublabel: 'outbound', tone: 'accent' },
      { x: 384, y: 75, w: 126, h: 50, label: 'Sidecar proxy', sublabel: 'inbound', tone: 'accent' },
      { x: 542, y: 75, w: 110, h: 50, label: 'Service B' },
    ],
    arrows: [
      { from: [138, 100], to: [168, 100] },
      { from: [296, 100], to: [382, 100], label: 'mTLS', labelAt: [340, 92] },
      { from: [510, 100], to: [540, 100] },
    ],
    notes: [{ x: 340, y: 200, text: 'Two proxy hops per call: latency and CPU on both sides', anchor: 'middle' }],
  },
  'ambient-request-path': {
    title: 'Request path in ambient mode',
    description:
      'Service A on node 1 sends a request through the ztunnel on its node, which tunnels it over mTLS (HBONE) to the ztunnel on node 2, ' +
      'which delivers it to service B. An optional waypoint proxy sits between the ztunnels when layer 7 policy is needed.',
    caption: 'Ambient mode moves the proxy out of the pod: a per-node ztunnel for L4, an optional waypoint for L7.',
    steps: [
      'Service A sends a request; the node-level ztunnel on node 1 captures it. No sidecar runs in the pod.',
      'The ztunnel gives the workload its identity and encrypts the traffic with mTLS inside an HBONE tunnel (HTTP CONNECT).',
      'If the destination needs layer 7 features (HTTP routing, retries, L7 authorization), traffic goes through a waypoint proxy first.',
      'The ztunnel on node 2 terminates the tunnel, applies L4 authorization and delivers the request to service B.',
    ],
    width: 680,
    height: 262,
    groups: [
      { x: 12, y: 30, w: 300, h: 140, label: 'Node 1' },
      { x: 368, y: 30, w: 300, h: 140, label: 'Node 2' },
    ],
    boxes: [
      { x: 28, y: 75, w: 110, h: 50, label: 'Service A' },
      { x: 170, y: 75, w: 126, h: 50, label: 'ztunnel', sublabel: 'L4 · mTLS', tone: 'accent' },
      { x: 384, y: 75, w: 126, h: 50, label: 'ztunnel', sublabel: 'L4 · mTLS', tone: 'accent' },
      { x: 542, y: 75, w: 110, h: 50, label: 'Service B' },
      { x: 270, y: 196, w: 140, h: 50, label: 'Waypoint proxy', sublabel: 'optional · L7', dashed: true },
    ],
    arrows: [
      { from: [138, 100], to: [168, 100] },
      { from: [296, 100], to: [382, 100], label: 'HBONE', labelAt: [340, 92] },
      { from: [510, 100], to: [540, 100] },
      { from: [233, 125], to: [290, 194], dashed: true },
      { from: [390, 196], to: [447, 127], dashed: true },
    ],
  },
  'mesh-adoption-timeline': {
    title: 'A staged mesh adoption timeline',
    description:
      'Six stages from left to right: measure a baseline, install the control plane, pilot one namespace, observe golden signals, ' +
      'enforce strict mTLS and authorization, then expand with a bypass plan ready.',
    caption: 'Adopt in stages so each step has a small blast radius, a measurement and a way back.',
    steps: [
      'Measure: record SLOs (latency percentiles, error rate) and resource use before any proxy is added.',
      'Install: run the control plane and its own health checks before any workload joins.',
      'Pilot: mesh one low-risk namespace with mTLS in PERMISSIVE mode so unmeshed callers keep working.',
      'Observe: compare golden signals and proxy cost with the baseline; add timeouts and conservative retries.',
      'Enforce: switch to STRICT mTLS and add authorization policies once every caller is in the mesh.',
      'Expand: onboard more namespaces one at a time, with a documented, tested bypass plan for emergencies.',
    ],
    width: 700,
    height: 172,
    groups: [],
    boxes: [
      ['Measure', 'SLO baseline'],
      ['Install', 'control plane'],
      ['Pilot', 'one namespace'],
      ['Observe', 'golden signals'],
      ['Enforce', 'STRICT + authz'],
      ['Expand', 'bypass ready'],
    ].map(([label, sublabel], index) => ({
      x: 12 + index * 114,
      y: 50,
      w: 100,
      h: 64,
      label: `${index + 1}. ${label ?? ''}`,
      sublabel,
      tone: index === 4 ? ('accent' as const) : ('plain' as const),
    })),
    arrows: [0, 1, 2, 3, 4].map((index) => ({
      from: [112 + index * 114, 82] as [number, number],
      to: [124 + index * 114, 82] as [number, number],
    })),
    notes: [
      { x: 350, y: 150, text: 'Blast radius grows one step at a time; every step can be rolled back', anchor: 'middle' },
    ],
  },
};

// Loose attribute bag for building SVG: hast's typed Properties wants strings for most SVG
// attributes, while numbers read better here; hast-util-to-html serialises both the same way.
type Attributes = Record<string, string | number | boolean | string[] | undefined>;

function el(tagName: string, attributes: Attributes, children: ElementContent[] = []): Element {
  const properties: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) {
    properties[key] = typeof value === 'number' ? String(value) : value;
  }
  return { type: 'element', tagName, properties: properties as Properties, children };
}
const text = (value: string): ElementContent => ({ type: 'text', value });

function svgText(x: number, y: number, value: string, extra: Attributes = {}): Element {
  return el('text', { x, y, fill: 'currentColor', fontSize: 13, textAnchor: 'middle', ...extra }, [text(value)]);
}

/** The SVG figure for one diagram as a hast tree; `uid` keeps ids unique when a page shows it twice. */
export function renderDiagram(diagramId: DiagramId, uid: string = diagramId): Element {
  const spec = DIAGRAMS[diagramId];
  const titleId = `diagram-${uid}-title`;
  const descId = `diagram-${uid}-desc`;
  const markerId = `diagram-${uid}-arrow`;
  const shapes: ElementContent[] = [];

  for (const group of spec.groups) {
    shapes.push(
      el('rect', {
        x: group.x,
        y: group.y,
        width: group.w,
        height: group.h,
        rx: 10,
        fill: 'none',
        stroke: 'currentColor',
        strokeOpacity: 0.55,
        strokeDasharray: '5 4',
      }),
      svgText(group.x + 10, group.y + 18, group.label, { textAnchor: 'start', fontSize: 12, fontWeight: 600 }),
    );
  }
  for (const box of spec.boxes) {
    const centerX = box.x + box.w / 2;
    const centerY = box.y + box.h / 2;
    shapes.push(
      el('rect', {
        x: box.x,
        y: box.y,
        width: box.w,
        height: box.h,
        rx: 8,
        fill: 'currentColor',
        fillOpacity: box.tone === 'accent' ? 0.14 : 0.05,
        stroke: 'currentColor',
        strokeWidth: box.tone === 'accent' ? 2 : 1.25,
        ...(box.dashed ? { strokeDasharray: '6 4' } : {}),
      }),
    );
    if (box.sublabel) {
      shapes.push(
        svgText(centerX, centerY - 4, box.label, { fontWeight: 600 }),
        svgText(centerX, centerY + 13, box.sublabel, { fontSize: 11 }),
      );
    } else {
      shapes.push(svgText(centerX, centerY + 5, box.label, { fontWeight: 600 }));
    }
  }
  for (const arrow of spec.arrows) {
    shapes.push(
      el('line', {
        x1: arrow.from[0],
        y1: arrow.from[1],
        x2: arrow.to[0],
        y2: arrow.to[1],
        stroke: 'currentColor',
        strokeWidth: 1.5,
        markerEnd: `url(#${markerId})`,
        ...(arrow.dashed ? { strokeDasharray: '5 4' } : {}),
      }),
    );
    if (arrow.label) {
      const [x, y] = arrow.labelAt ?? [(arrow.from[0] + arrow.to[0]) / 2, (arrow.from[1] + arrow.to[1]) / 2 - 6];
      shapes.push(svgText(x, y, arrow.label, { fontSize: 12, textAnchor: arrow.labelAnchor ?? 'middle' }));
    }
  }
  for (const note of spec.notes ?? []) {
    shapes.push(svgText(note.x, note.y, note.text, { fontSize: 12, textAnchor: note.anchor ?? 'middle', fontStyle: 'italic' }));
  }

  const svg = el(
    'svg',
    {
      className: ['diagram-svg', 'h-auto', 'w-full', 'text-fg'],
      viewBox: `0 0 ${spec.width} ${spec.height}`,
      width: '100%',
      role: 'img',
      ariaLabelledBy: `${titleId} ${descId}`,
      focusable: 'false',
    },
    [
      el('title', { id: titleId }, [text(spec.title)]),
      el('desc', { id: descId }, [text(spec.description)]),
      el('defs', {}, [
        el(
          'marker',
          { id: markerId, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
          [el('path', { d: 'M0,0 L10,5 L0,10 z', fill: 'currentColor' })],
        ),
      ]),
      ...shapes,
    ],
  );

  return el('figure', { className: ['diagram', 'my-6', 'rounded-lg', 'border', 'border-border', 'bg-surface', 'p-4'], dataDiagram: diagramId }, [
    svg,
    el('figcaption', { className: ['diagram-caption', 'mt-2', 'text-sm', 'text-muted'] }, [text(spec.caption)]),
    el('details', { className: ['diagram-text', 'mt-2', 'text-sm'] }, [
      el('summary', { className: ['cursor-pointer', 'font-medium'] }, [text(`Text description: ${spec.title}`)]),
      el('ol', {}, spec.steps.map((step) => el('li', {}, [text(step)]))),
    ]),
  ]);
}
