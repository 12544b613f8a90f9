// Mesh fact base: which mesh offers which capability (with the version it arrived in), from the
// sources the lessons cite, and a claim reader that catches false attributions such as
// "Linkerd's ambient mode" or "Linkerd has the most advanced L7 fault injection". Pure.
import { z } from 'zod';
import { compilePhrases, findOccurrences, type CompiledPhrase } from './match';
import type { AnalyzedText, TextToken } from './text';

/** Meshes the fact base knows. */
export const MESHES = ['istio', 'linkerd', 'cilium', 'consul', 'kuma'] as const;
export type MeshId = (typeof MESHES)[number];

/** 'yes' = offered; 'limited' = partly or with caveats; 'no' = not offered. */
const supportSchema = z.enum(['yes', 'limited', 'no']);

const capabilitySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label: z.string().min(1),
  /** Patterns that name the capability in a learner's sentence (match.ts syntax). */
  patterns: z.array(z.string().min(1)).min(1),
  support: z.strictObject({
    istio: supportSchema,
    linkerd: supportSchema,
    cilium: supportSchema,
    consul: supportSchema,
    kuma: supportSchema,
  }),
  /** Meshes a superlative ("the most advanced …", "the only mesh with …") may truthfully name. */
  leaders: z.array(z.enum(MESHES)),
  /** Version notes, e.g. "Istio ambient GA in 1.24". */
  since: z.string().optional(),
  /** A capability this one denies ("runs on Kubernetes only" denies "meshes VMs"). */
  inverseOf: z.string().optional(),
  /** Words right before a match that make it something else ("service mirror" is multicluster). */
  notAfter: z.array(z.string()).optional(),
  /**
   * Only a claim when a verb that credits the capability sits between the mesh and it ("Linkerd
   * handles the mirroring"), not a verb that hands it elsewhere ("Linkerd would leave mirroring
   * to other tools"): for features answers name mostly to say which mesh lacks them.
   */
  needsCreditVerb: z.boolean().optional(),
  source: z.string().url(),
});
/** One capability row of the fact base. */
export type MeshCapability = z.infer<typeof capabilitySchema>;

const RAW_FACTS: MeshCapability[] = [
  {
    id: 'envoy-data-plane',
    label: 'uses Envoy as its proxy',
    patterns: ['envoy'],
    support: { istio: 'yes', linkerd: 'no', cilium: 'limited', consul: 'yes', kuma: 'yes' },
    leaders: [],
    since:
      'Linkerd 2.x uses its own Rust linkerd2-proxy; Cilium runs one shared Envoy per node for L7',
    source: 'https://linkerd.io/2020/12/03/why-linkerd-doesnt-use-envoy/',
  },
  {
    id: 'rust-micro-proxy',
    label: 'uses a purpose-built Rust micro-proxy',
    patterns: ['rust ~ proxy|sidecar|micro-proxy', 'linkerd2-proxy'],
    support: { istio: 'limited', linkerd: 'yes', cilium: 'no', consul: 'no', kuma: 'no' },
    leaders: ['linkerd'],
    since: 'Istio ambient ztunnel is written in Rust (L4 only)',
    source: 'https://linkerd.io/2020/12/03/why-linkerd-doesnt-use-envoy/',
  },
  {
    id: 'ambient-mode',
    label: 'has an ambient (ztunnel + waypoint) data plane',
    patterns: ['ambient', 'ztunnel*', 'waypoint*'],
    support: { istio: 'yes', linkerd: 'no', cilium: 'no', consul: 'no', kuma: 'no' },
    leaders: ['istio'],
    since: 'Istio ambient mode GA in 1.24 (November 2024)',
    source: 'https://istio.io/latest/docs/ambient/overview/',
  },
  {
    id: 'sidecarless',
    label: 'runs without per-pod sidecars',
    patterns: ['sidecar*less|sidecar-free|without sidecars|no sidecars'],
    support: { istio: 'yes', linkerd: 'no', cilium: 'yes', consul: 'no', kuma: 'no' },
    leaders: ['istio', 'cilium'],
    since: 'Istio via ambient (1.24 GA); Cilium via eBPF and a per-node Envoy',
    source: 'https://docs.cilium.io/en/stable/network/servicemesh/',
  },
  {
    id: 'ebpf-data-plane',
    label: 'uses eBPF in the kernel for its data plane',
    patterns: ['ebpf|kernel'],
    support: { istio: 'limited', linkerd: 'no', cilium: 'yes', consul: 'no', kuma: 'limited' },
    leaders: ['cilium'],
    source: 'https://docs.cilium.io/en/stable/network/servicemesh/',
  },
  {
    id: 'advanced-l7',
    label: 'offers advanced L7 traffic management (mirroring, fault injection, header routing)',
    patterns: [
      'mirror*',
      'fault ~ inject*',
      'header* ~ routing|based|match*',
      'header-based ~ routing',
      'l7 ~ feature*|traffic management|depth|routing|capabilit*',
      'traffic management',
    ],
    support: {
      istio: 'yes',
      linkerd: 'limited',
      cilium: 'limited',
      consul: 'limited',
      kuma: 'yes',
    },
    leaders: ['istio'],
    since: 'Linkerd supports HTTPRoute header routing since 2.14 but no built-in mirroring',
    source: 'https://istio.io/latest/docs/tasks/traffic-management/',
  },
  {
    id: 'traffic-mirroring',
    label: 'offers traffic mirroring (shadowing live requests to another service)',
    patterns: ['mirror*', 'shadow ~ traffic|requests', 'traffic shadowing'],
    // Linkerd's multicluster "service mirror" mirrors service entries, not traffic.
    notAfter: ['service', 'services', 'endpoint', 'endpoints'],
    needsCreditVerb: true,
    support: { istio: 'yes', linkerd: 'no', cilium: 'limited', consul: 'limited', kuma: 'yes' },
    leaders: ['istio'],
    since:
      'Istio VirtualService mirror; Kuma MeshHTTPRoute RequestMirror; Linkerd has no mirroring filter (its "service mirror" is multicluster discovery)',
    source: 'https://istio.io/latest/docs/tasks/traffic-management/mirroring/',
  },
  {
    id: 'fault-injection',
    label: 'offers fault injection (delays, aborts)',
    patterns: [
      'fault ~ inject*',
      'inject* ~ fault*|delays|aborts',
      'delay/abort|delays and aborts',
    ],
    support: { istio: 'yes', linkerd: 'no', cilium: 'no', consul: 'limited', kuma: 'yes' },
    leaders: ['istio'],
    needsCreditVerb: true,
    since:
      'Istio VirtualService fault; Kuma MeshFaultInjection; Linkerd has no fault-injection API (only traffic split to a failing backend)',
    source: 'https://istio.io/latest/docs/tasks/traffic-management/fault-injection/',
  },
  {
    id: 'vm-workloads',
    label: 'meshes VMs and non-Kubernetes workloads',
    patterns: ['vm|vms|virtual machine*|bare metal|nomad|non-kubernetes|universal mode'],
    support: { istio: 'limited', linkerd: 'limited', cilium: 'no', consul: 'yes', kuma: 'yes' },
    leaders: ['consul', 'kuma'],
    since: 'Linkerd mesh expansion for non-Kubernetes workloads since 2.15 (2024)',
    source: 'https://developer.hashicorp.com/consul/docs/connect',
  },
  {
    id: 'kubernetes-only',
    label: 'runs on Kubernetes only',
    patterns: [
      'kubernetes-only|kubernetes only|only on kubernetes|only runs on kubernetes|k8s only',
      'limited|restricted|tied ~ to ~ kubernetes|k8s|openshift',
      'only ~ work*|run*|appl*|support* ~ on|to|in|inside ~ kubernetes|k8s|openshift',
    ],
    support: { istio: 'limited', linkerd: 'limited', cilium: 'yes', consul: 'no', kuma: 'no' },
    leaders: [],
    inverseOf: 'vm-workloads',
    source: 'https://kuma.io/docs/latest/introduction/architecture/',
  },
  {
    id: 'mtls-by-default',
    label: 'turns mTLS on by default',
    patterns: [
      'mtls|tls|encryption ~ by default|out of the box|automatic*|on by default|default',
      'automatic ~ mtls',
    ],
    support: { istio: 'yes', linkerd: 'yes', cilium: 'no', consul: 'limited', kuma: 'no' },
    leaders: ['linkerd', 'istio'],
    since: 'Kuma needs mTLS enabled on the Mesh resource; Cilium mutual auth is opt-in',
    source: 'https://linkerd.io/2/features/automatic-mtls/',
  },
  {
    id: 'default-retry-budget',
    label: 'applies a retry budget by default',
    patterns: ['default ~ retry budget', 'retry budget ~ by default|automatic*|default'],
    support: { istio: 'no', linkerd: 'limited', cilium: 'no', consul: 'no', kuma: 'no' },
    leaders: [],
    since: 'Istio has no default retry budget (retries default to 2 attempts)',
    source: 'https://istio.io/latest/docs/concepts/traffic-management/#retries',
  },
  {
    id: 'default-http-timeout',
    label: 'sets an HTTP request timeout by default',
    patterns: ['default ~ timeout', 'timeout ~ by default'],
    support: { istio: 'no', linkerd: 'no', cilium: 'no', consul: 'no', kuma: 'limited' },
    leaders: [],
    since: 'Istio disables HTTP route timeouts by default',
    source: 'https://istio.io/latest/docs/tasks/traffic-management/request-timeouts/',
  },
  {
    id: 'multi-zone',
    label: 'manages multi-zone / multi-datacenter deployments from a global control plane',
    patterns: ['multi-zone|multi zone|global control plane|multi-datacenter|wan federation'],
    support: {
      istio: 'limited',
      linkerd: 'limited',
      cilium: 'limited',
      consul: 'yes',
      kuma: 'yes',
    },
    leaders: ['kuma', 'consul'],
    source: 'https://kuma.io/docs/latest/production/deployment/multi-zone/',
  },
  {
    id: 'single-datacenter',
    label: 'is confined to a single datacenter',
    patterns: [
      'only ~ work*|run*|support*|span* ~ within|in|inside ~ one|a single ~ datacenter|data center|datacentre',
      'scoped|limited|restricted|confined ~ to ~ single|one ~ datacenter|data center|datacentre|site',
    ],
    support: { istio: 'no', linkerd: 'no', cilium: 'no', consul: 'no', kuma: 'no' },
    leaders: [],
    inverseOf: 'multi-zone',
    source:
      'https://developer.hashicorp.com/consul/docs/connect/gateways/mesh-gateway (mesh gateways, WAN federation and cluster peering across datacenters)',
  },
  {
    id: 'golden-metrics',
    label: 'records per-service golden metrics (success rate, request rate, latency) itself',
    patterns: [
      'golden ~ metrics|signals',
      'success rate* ~ latenc*',
      'per-service|per service|per-workload|per workload ~ metrics',
      'red metrics',
    ],
    support: { istio: 'yes', linkerd: 'yes', cilium: 'limited', consul: 'yes', kuma: 'yes' },
    leaders: [],
    since:
      'Linkerd proxies export success rate, request rate and latency per workload (linkerd viz); Istio standard metrics; Cilium through Hubble L7 visibility',
    source: 'https://linkerd.io/2/features/telemetry/',
  },
  {
    id: 'community-size',
    label: 'has the largest community and most production case studies',
    patterns: [
      'community|ecosystem|case studies|battle-tested|mature|adoption|popular',
      'production ~ base|use|deployments|footprint',
      'user base|install base|installed base',
    ],
    support: { istio: 'yes', linkerd: 'yes', cilium: 'yes', consul: 'yes', kuma: 'yes' },
    leaders: ['istio'],
    source: 'https://www.cncf.io/reports/cncf-annual-survey-2023/',
  },
];

/** The fact base, validated once at module load. */
export const MESH_FACTS: readonly MeshCapability[] = z.array(capabilitySchema).parse(RAW_FACTS);

/** A claim that contradicts the fact base, with the learner's words. */
export type FalseClaim = {
  mesh: MeshId;
  capabilityId: string;
  evidence: string;
  message: string;
};

const MESH_NAMES: Record<string, MeshId> = {
  istio: 'istio',
  linkerd: 'linkerd',
  cilium: 'cilium',
  consul: 'consul',
  kuma: 'kuma',
  kong: 'kuma',
};
const SUPERLATIVES: ReadonlySet<string> = new Set([
  'most',
  'best',
  'richest',
  'strongest',
  'deepest',
  'largest',
  'biggest',
  'widest',
  'broadest',
  'only',
  'unique',
  'superior',
]);
const INSIDE_DENIALS: ReadonlySet<string> = new Set([
  'not',
  'no',
  'never',
  'disabled',
  'off',
  'without',
]);
const PRONOUNS: ReadonlySet<string> = new Set(['it', 'its', 'itself']);
/** Verbs that credit a mesh with a capability (`needsCreditVerb`). */
const CREDIT_VERBS: ReadonlySet<string> = new Set(
  'has have offers offer supports support handles handle does do provides provide covers cover gives give ships ship includes include brings bring'.split(
    ' ',
  ),
);
/** Words that hand the capability elsewhere or deny it, between the mesh and the capability. */
const HANDING_OFF: ReadonlySet<string> = new Set(
  'leave leaves leaving lacks lack lacking missing miss misses without except needs need other another instead'.split(
    ' ',
  ),
);

/** Words after the crediting verb that point back at a fronted capability. */
const FRONTED_OBJECTS: ReadonlySet<string> = new Set(
  'as too it them those these all both everything natively equally'.split(' '),
);
/** Modal verbs that may sit between a fronted capability's mesh and its crediting verb. */
const MODALS: ReadonlySet<string> = new Set(['would', 'could', 'can', 'will', 'also', 'easily']);

/**
 * A capability named before its mesh: the first mesh within 15 words after `from` in the same
 * sentence, directly followed (modals aside) by a crediting verb and no negation ("… Linkerd
 * would cover as well"). -1 when none.
 */
function frontedMesh(tokens: readonly TextToken[], from: number): number {
  const sentence = tokens[from - 1]?.sentence;
  for (let i = from; i < Math.min(tokens.length, from + 15); i += 1) {
    const token = tokens[i];
    if (!token || token.sentence !== sentence) return -1;
    if (!meshOf(token)) continue;
    let next = i + 1;
    while (MODALS.has(tokens[next]?.norm ?? '')) next += 1;
    const verb = tokens[next];
    if (!verb || !CREDIT_VERBS.has(verb.norm) || verb.negationDepth % 2 === 1) return -1;
    // The verb's object must be the fronted capability: a pronoun, "as well", or nothing more.
    const following = tokens[next + 1];
    if (!following || following.segment !== verb.segment) return i;
    return FRONTED_OBJECTS.has(following.norm) ? i : -1;
  }
  return -1;
}

/** A crediting verb and no hand-off word between the mesh at `from` and the capability at `to`. */
function creditsCapability(tokens: readonly TextToken[], from: number, to: number): boolean {
  let credited = false;
  for (let i = from + 1; i < to; i += 1) {
    const norm = tokens[i]?.norm ?? '';
    if (HANDING_OFF.has(norm)) return false;
    if (CREDIT_VERBS.has(norm)) credited = true;
  }
  return credited;
}
/** Words that open a noun phrase: a segment starting with one may be the next item of a list. */
const LIST_ITEM_OPENERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'its', 'their', 'our']);
/** A segment holding one of these states its own clause, not a list item. */
const CLAUSE_VERBS: ReadonlySet<string> = new Set(
  'is are was were be needs need requires require has have does do can could would will must should goes go stays stay'.split(
    ' ',
  ),
);

/**
 * The segment a capability at `at` continues: "it handles the header canary, the 5% mirroring and
 * the game days" — a segment that opens with a noun phrase and holds no verb of its own is the
 * next item of the previous segment's list (at most three items back).
 */
function listHead(tokens: readonly TextToken[], at: number): number {
  let index = at;
  for (let step = 0; step < 3; step += 1) {
    const token = tokens[index];
    if (!token) return at;
    let start = index;
    while (start > 0 && tokens[start - 1]?.segment === token.segment) start -= 1;
    const previous = tokens[start - 1];
    if (!previous || previous.sentence !== token.sentence) return index;
    let opener = start;
    if (tokens[opener]?.norm === 'and' || tokens[opener]?.norm === 'or') opener += 1;
    const first = tokens[opener];
    if (!first || !(LIST_ITEM_OPENERS.has(first.norm) || /^\d/.test(first.norm))) return index;
    for (let i = start; i < tokens.length && tokens[i]?.segment === token.segment; i += 1)
      if (CLAUSE_VERBS.has(tokens[i]?.norm ?? '')) return index;
    index = start - 1;
  }
  return index;
}

type CompiledFact = { fact: MeshCapability; patterns: CompiledPhrase[] };
let compiled: CompiledFact[] | null = null;
const getCompiled = () =>
  (compiled ??= MESH_FACTS.map((fact) => ({ fact, patterns: compilePhrases(fact.patterns) })));

const meshOf = (token: TextToken | undefined): MeshId | undefined =>
  token ? MESH_NAMES[token.norm] : undefined;

/**
 * Index of the mesh a capability at `at` is claimed for: the nearest mesh before it in the same
 * clause; with a pronoun in the clause, the sentence's first mesh, or (when the sentence starts
 * with "It"/"Its") the first mesh of the nearest earlier sentence naming one. -1 when none.
 */
function subjectMesh(tokens: readonly TextToken[], capabilityAt: number): number {
  const at = listHead(tokens, capabilityAt);
  const anchor = tokens[at];
  if (!anchor) return -1;
  if (at !== capabilityAt && meshOf(anchor)) return at;
  for (let i = at - 1; i >= 0 && tokens[i]?.segment === anchor.segment; i -= 1)
    if (meshOf(tokens[i])) return i;
  let sentenceStart = at;
  while (sentenceStart > 0 && tokens[sentenceStart - 1]?.sentence === anchor.sentence)
    sentenceStart -= 1;
  let hasPronoun = false;
  for (let i = at - 1; i >= sentenceStart && tokens[i]?.segment === anchor.segment; i -= 1)
    if (PRONOUNS.has(tokens[i]?.norm ?? '')) hasPronoun = true;
  if (!hasPronoun) return -1;
  if (!PRONOUNS.has(tokens[sentenceStart]?.norm ?? '')) {
    for (let i = sentenceStart; i < at; i += 1) if (meshOf(tokens[i])) return i;
    // "Main reason: it's the most mature …": a pronoun in a sentence that names no mesh before
    // it refers back, like a sentence that opens with "It".
  }
  for (
    let sentence = anchor.sentence - 1;
    sentence >= Math.max(0, anchor.sentence - 3);
    sentence -= 1
  ) {
    const first = tokens.findIndex(
      (token) => token.sentence === sentence && meshOf(token) !== undefined,
    );
    if (first >= 0) return first;
  }
  return -1;
}

/** Possessive pronouns that credit the capability after them to the mesh they refer to. */
const POSSESSIVES: ReadonlySet<string> = new Set(['its', 'their']);
/** Linking verbs between a capability and a superlative predicate ("… is the most advanced"). */
const LINKING: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'remains', 'remain']);

/**
 * A superlative predicate after the capability ending at `from`: a linking verb, then within
 * three words "most" / "best" / …, in the same sentence and with no mesh in between.
 */
function superlativeAfter(tokens: readonly TextToken[], from: number, sentence: number): boolean {
  for (let i = from; i < Math.min(tokens.length, from + 6); i += 1) {
    const token = tokens[i];
    if (!token || token.sentence !== sentence || meshOf(token)) return false;
    if (!LINKING.has(token.norm) || token.negationDepth % 2 === 1) continue;
    for (let j = i + 1; j <= i + 3; j += 1) {
      const next = tokens[j];
      if (!next || next.sentence !== sentence || meshOf(next)) return false;
      if (SUPERLATIVES.has(next.norm) && next.norm !== 'only') return true;
    }
    return false;
  }
  return false;
}

/** Claims about meshes that the fact base says are false. */
export function findFalseClaims(analyzed: AnalyzedText): FalseClaim[] {
  const { tokens, text } = analyzed;
  const claims: FalseClaim[] = [];
  const seen = new Set<string>();
  for (const { fact, patterns } of getCompiled()) {
    for (const occurrence of findOccurrences(analyzed, patterns)) {
      const first = tokens[occurrence.start];
      if (!first) continue;
      if (fact.notAfter?.includes(tokens[occurrence.start - 1]?.norm ?? '')) continue;
      let meshIndex = subjectMesh(tokens, occurrence.start);
      // "The mirroring and the fault injection Linkerd would cover as well": the capability first.
      const fronted = meshIndex < 0 && fact.needsCreditVerb === true;
      if (fronted) meshIndex = frontedMesh(tokens, occurrence.end);
      if (meshIndex < 0) continue;
      const mesh = meshOf(tokens[meshIndex]);
      if (!mesh) continue;
      const meshToken = tokens[meshIndex];
      if (!meshToken) continue;
      // "its mirroring" / "their fault injection": the possessive credits the capability.
      const possessed = [1, 2].some(
        (back) =>
          POSSESSIVES.has(tokens[occurrence.start - back]?.norm ?? '') &&
          tokens[occurrence.start - back]?.segment === first.segment,
      );
      if (
        fact.needsCreditVerb &&
        !fronted &&
        !possessed &&
        !creditsCapability(tokens, meshIndex, occurrence.start)
      )
        continue;
      let negated = occurrence.negated || meshToken.negationDepth % 2 === 1;
      // "timeouts are disabled by default": the denial can sit inside the matched words.
      for (let i = occurrence.start; i < occurrence.end; i += 1)
        if (INSIDE_DENIALS.has(tokens[i]?.norm ?? '')) negated = !negated;
      let superlative = false;
      for (let i = Math.max(meshIndex, occurrence.start - 6); i < occurrence.start; i += 1) {
        const token = tokens[i];
        if (token && token.sentence === first.sentence && SUPERLATIVES.has(token.norm))
          superlative = true;
      }
      // "… its mirroring and fault injection are the most advanced": the superlative after the
      // capability, as the predicate of its clause (no other mesh in between).
      if (!superlative) superlative = superlativeAfter(tokens, occurrence.end, first.sentence);
      const support = fact.support[mesh];
      let message: string | null = null;
      if (superlative && !negated && !fact.leaders.includes(mesh) && fact.leaders.length > 0)
        message = `${label(mesh)} is not the leader for “${fact.label}” (${fact.leaders.map(label).join(', ')} ${fact.leaders.length === 1 ? 'is' : 'are'}).`;
      else if (!negated && support === 'no')
        message = `${label(mesh)} does not ${fact.label.replace(/^(?:uses|offers|has|runs|meshes|manages|turns|applies|sets)\b/, (verb) => verbBase(verb))}.`;
      else if (negated && support === 'yes' && !superlative && fact.id !== 'community-size')
        message = `${label(mesh)} does ${fact.label.replace(/^(?:uses|offers|has|runs|meshes|manages|turns|applies|sets)\b/, (verb) => verbBase(verb))}.`;
      if (!message) continue;
      const key = `${mesh}:${fact.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const start = Math.min(meshToken.start, first.start);
      const endToken = tokens[occurrence.end - 1];
      claims.push({
        mesh,
        capabilityId: fact.id,
        evidence: text.slice(start, endToken?.end ?? first.end),
        message: fact.since ? `${message} ${fact.since}.` : message,
      });
    }
  }
  claims.push(...parityClaims(analyzed, seen));
  return claims;
}

/**
 * "Linkerd could cover the header canary, the mirror and the game days just as well": a mesh,
 * then in the same sentence a capability it offers only in part, then a parity phrase. Parity
 * with the leader is as false as a superlative. The capability may sit in a list after the mesh.
 */
function parityClaims(analyzed: AnalyzedText, seen: Set<string>): FalseClaim[] {
  const { tokens, text } = analyzed;
  const claims: FalseClaim[] = [];
  // Cheap test first: most answers claim no parity at all.
  if (!/\b(?:just|equally|as good|as capable|on par|no worse|as well as)\b/i.test(text))
    return claims;
  const occurrencesOf = new Map<string, ReturnType<typeof findOccurrences>>();
  for (let m = 0; m < tokens.length; m += 1) {
    const mesh = meshOf(tokens[m]);
    const meshToken = tokens[m];
    if (!mesh || !meshToken || meshToken.negationDepth % 2 === 1) continue;
    const parityAt = parityIndex(tokens, m, meshToken.sentence);
    if (parityAt < 0) continue;
    for (const { fact, patterns } of getCompiled()) {
      if (fact.support[mesh] !== 'limited' || fact.leaders.length === 0) continue;
      if (fact.leaders.includes(mesh)) continue;
      const key = `${mesh}:${fact.id}`;
      if (seen.has(key)) continue;
      const all = occurrencesOf.get(fact.id) ?? findOccurrences(analyzed, patterns);
      occurrencesOf.set(fact.id, all);
      const occurrence = all.find(
        (found) => found.start > m && found.end <= parityAt && !found.negated,
      );
      if (!occurrence) continue;
      // Another mesh between them is the subject of the capability instead.
      let other = false;
      for (let i = m + 1; i < occurrence.start; i += 1) if (meshOf(tokens[i])) other = true;
      if (other) continue;
      seen.add(key);
      const end = tokens[parityAt + 1] ?? tokens[parityAt];
      claims.push({
        mesh,
        capabilityId: fact.id,
        evidence: text.slice(meshToken.start, end?.end ?? meshToken.end),
        message: `${label(mesh)} only partly ${fact.label}; it does not match ${fact.leaders.map(label).join(', ')} there.${fact.since ? ` ${fact.since}.` : ''}`,
      });
    }
  }
  return claims;
}

/**
 * Index of a parity phrase after `from` in the sentence ("just as well", "equally well", "as good
 * as", "on par", "no worse than", "as well as <mesh>"), or -1; plain "as well" means "also".
 */
function parityIndex(tokens: readonly TextToken[], from: number, sentence: number): number {
  for (let i = from + 1; i < tokens.length && tokens[i]?.sentence === sentence; i += 1) {
    const token = tokens[i];
    if (!token || token.negationDepth % 2 === 1) continue;
    const next = tokens[i + 1]?.sentence === sentence ? (tokens[i + 1]?.norm ?? '') : '';
    const after = tokens[i + 2]?.sentence === sentence ? tokens[i + 2] : undefined;
    const norm = token.norm;
    if ((norm === 'just' || norm === 'equally') && (next === 'as' || next === 'well')) return i;
    if (norm === 'as' && (next === 'good' || next === 'capable') && after?.norm === 'as') return i;
    if (norm === 'on' && next === 'par') return i;
    if (norm === 'no' && next === 'worse') return i;
    if (norm === 'as' && next === 'well' && after?.norm === 'as' && meshOf(tokens[i + 3])) return i;
  }
  return -1;
}

function label(mesh: MeshId): string {
  return mesh === 'kuma' ? 'Kuma / Kong Mesh' : mesh.charAt(0).toUpperCase() + mesh.slice(1);
}

function verbBase(verb: string): string {
  const bases: Record<string, string> = {
    uses: 'use',
    offers: 'offer',
    has: 'have',
    runs: 'run',
    meshes: 'mesh',
    manages: 'manage',
    turns: 'turn',
    applies: 'apply',
    sets: 'set',
  };
  return bases[verb] ?? verb;
}

/** Compiled patterns of one capability and of the capability it denies (empty for an unknown id). */
export function capabilityPatterns(capabilityId: string): readonly CompiledPhrase[] {
  const own = getCompiled().find(({ fact }) => fact.id === capabilityId);
  const inverse = own?.fact.inverseOf
    ? getCompiled().find(({ fact }) => fact.id === own.fact.inverseOf)
    : undefined;
  return [...(own?.patterns ?? []), ...(inverse?.patterns ?? [])];
}
