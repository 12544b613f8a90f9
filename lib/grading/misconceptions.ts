// Mesh misconceptions: claims that are false in every case a rubric point is about, written once
// per topic instead of once per scenario ("mTLS gives least privilege", "the managed add-on owns
// the pager", "a more specific ALLOW beats a DENY"). A misconception applies to a scenario's
// heaviest criterion whose own text (concept, phrases, id) is about its topic; an affirmed match
// reverses that criterion. Patterns use match.ts syntax and come from the lessons' sources, not
// from any scenario's wording. Pure data; compiled per scenario object.
import { compilePhrases, type CompiledPhrase } from './match';
import type { GradableScenario } from './types';

export type Misconception = {
  id: string;
  /** The criterion text (id and concept) this misconception reverses. */
  about: RegExp;
  /** Only in scenarios whose case or options mention this (optional). */
  caseMentions?: RegExp;
  /** Ways of stating the false claim (match.ts syntax). */
  patterns: readonly string[];
  /** Not when the match's sentence says this (e.g. the proxy is taken away: "without", "off"). */
  unlessSentence?: RegExp;
  /** Only when the match's sentence also says this (e.g. the load the claim is about). */
  onlySentence?: RegExp;
  /**
   * A false detail that carries no case's argument ("ztunnel is an Envoy build"): it costs
   * `minorReversal` whatever the weight of the criterion it is about.
   */
  minor?: boolean;
  /** Where the fact comes from. */
  source: string;
};

export const MISCONCEPTIONS: readonly Misconception[] = [
  {
    id: 'mtls-is-authorization',
    about: /authori[sz]|authz|least[- ]privilege|access control|allow rules?|who (?:may|can) call/i,
    patterns: [
      'mtls|strict|identity|identities|spiffe|certificates|mutual authentication|mutually authenticated ~ gives|give|means|is|equals|provides|covers|handles|satisfies|proves|restricts|controls|decides|enforces ~ least privilege|least-privilege|authorization|authorisation|access control|zero trust|who can call|who may call',
      'only ~ meshed|mesh|our own ~ services|workloads|pods ~ can reach|can call|can access|may call',
      'access control|authorization|authorisation|least privilege ~ handled|covered|solved|done|comes ~ by|with|from ~ mtls|identity|same step|strict',
      'do not need ~ separate|extra|additional ~ policy|policies|authorization|authorisation',
      // "only services with valid identities can call each other": holding an identity is not
      // being allowed to call.
      'only ~ services|workloads|pods|callers ~ with ~ valid|verified|an|a|mesh ~ identity|identities|certificate|certificates|spiffe ~~ can|may ~ call|reach|talk|connect',
    ],
    source:
      'https://istio.io/latest/docs/concepts/security/ (authentication vs authorization policies)',
  },
  {
    id: 'managed-needs-no-owner',
    about: /owner|ownership|on-?call|pager/i,
    caseMentions: /managed/i,
    patterns: [
      'managed|provider|vendor|cloud ~ owns|runs|handles|operates|takes over ~ pager|on-call|incidents|ownership|everything|it all',
      'pager|on-call|ownership ~ is|are|becomes ~ theirs|the provider|the vendor',
      'ownership|owner ~ is ~ covered|solved|handled|less of a blocker',
      'managed ~ fills|closes|removes|solves ~ ownership|owner|gap',
    ],
    source: 'https://cloud.google.com/service-mesh/docs/overview (shared responsibility)',
  },
  {
    id: 'allow-overrides-deny',
    about: /\bdeny\b/i,
    patterns: [
      'specific|tighter|narrower|precise ~ allow|rule|policy ~ wins|takes precedence|overrides|beats',
      'allow ~ takes precedence|overrides|wins|beats ~ over ~ deny',
      'more specific|more precisely|that specific ~~ takes precedence|wins|overrides',
    ],
    source:
      'https://istio.io/latest/docs/concepts/security/#authorization-policy-precedence (DENY is evaluated first)',
  },
  {
    // Istio evaluates CUSTOM, then DENY, then ALLOW: by action, never by age or creation order.
    id: 'authz-order-by-creation',
    about: /\bdeny\b/i,
    patterns: [
      'in|by ~ the order ~ they were|were|was ~ created|added|applied|written',
      'creation order|order of creation|order they were created',
      'created|added|existed ~ first|earlier|before|longer ~~ evaluated|applied|checked|wins|takes precedence|final say',
      'oldest|older|newest|newer|latest|most recent ~ policy|rule ~ wins|takes precedence|overrides|applies',
    ],
    // A denial of the order itself ("regardless of", "not by age"), not any negation nearby.
    unlessSentence:
      /\b(?:regardless|whatever|irrespective|no matter|(?:not|never|n't) (?:by|in|on) (?:the )?(?:order|age|creation))\b/i,
    source:
      'https://istio.io/latest/docs/concepts/security/#authorization-policy-precedence (CUSTOM, DENY, then ALLOW)',
  },
  {
    id: 'cilium-l7-in-kernel',
    about: /\bl7\b|envoy|http/i,
    caseMentions: /cilium/i,
    patterns: [
      'ebpf|kernel ~ evaluates|enforces|handles|parses|checks ~ http|l7|methods|paths',
      'http|l7|methods|paths ~ directly|evaluated|enforced ~ in|by ~ ebpf|the kernel',
    ],
    source:
      'https://docs.cilium.io/en/stable/security/network/proxy/envoy/ (L7 policy goes through Envoy)',
  },
  {
    id: 'strict-upgrades-plaintext',
    about: /strict rejects|rejects (?:plaintext|callers)|permissive/i,
    patterns: [
      'strict ~ upgrade*|upgrades|encrypts ~ plaintext|callers|clients|them|those',
      'callers|clients|plaintext ~ get|are|gets|is ~ upgraded ~ to ~ mtls',
      'upgraded to mtls ~ by',
      'permissive ~~ sidecars|proxies|mesh ~ already ~ encrypt*|upgrade*',
      'permissive ~ encrypts|upgrades',
    ],
    source:
      'https://istio.io/latest/docs/reference/config/security/peer_authentication/ (PERMISSIVE accepts plaintext, STRICT rejects it)',
  },
  {
    id: 'no-restart-needed',
    about: /restart/i,
    patterns: [
      'sidecars|proxies|workloads|pods|data plane ~ switch|move|pick up|update|reconfigure|upgrade ~ as soon as|immediately|live|via xds',
      'workloads|pods|sidecars|proxies ~ do not need ~ restart*|restarting',
      'no restart ~ needed|required',
      'reconfigures ~ existing ~ sidecars|proxies',
      // "once the new control plane is installed, proxies start taking their config from it".
      'proxies|sidecars|workloads|data plane ~ start|begin|switch to ~ taking|using|pulling|getting|receiving ~ config|configuration|xds ~ from ~ it|the new',
    ],
    source:
      'https://istio.io/latest/docs/setup/upgrade/canary/ (the data plane moves when pods restart)',
  },
  {
    id: 'revision-upgrades-in-place',
    about: /side-by-side|revision/i,
    patterns: [
      'revision* ~ upgrade*|upgrades|replaces ~ istiod|control plane ~ itself|in place',
      'helm ~ upgrades ~ istiod',
    ],
    source:
      'https://istio.io/latest/docs/setup/upgrade/canary/ (a revision runs beside the old one)',
  },
  {
    id: 'memory-scales-with-traffic',
    about: /memory/i,
    patterns: [
      'memory ~ scales|tracks|follows|grows|rises ~ with|like|by ~ traffic|rps|requests|request rate|load',
      'memory ~ scales|tracks|follows ~ the same way',
    ],
    source:
      'https://istio.io/latest/docs/ops/deployment/performance-and-scalability/ (proxy memory follows config size)',
  },
  {
    id: 'one-proxy-per-call',
    about: /two proxies|client and server|both (?:sidecars|proxies)|24 vcpu|two envoys/i,
    patterns: [
      'one|a single ~ sidecar|proxy|envoy ~ per|each ~ call|request|hop',
      // "4 calls × one sidecar each" (the × is no word).
      'calls|hops|requests ~ one ~ sidecar|proxy|envoy + each',
      'counts|count|counting ~ one envoy|one sidecar|one proxy',
    ],
    source:
      'https://istio.io/latest/docs/ops/deployment/performance-and-scalability/ (client and server proxy per call)',
  },
  {
    id: 'l7-on-ztunnel-fails-open',
    about: /waypoint/i,
    caseMentions: /ambient|ztunnel/i,
    patterns: [
      'ztunnel ~~ ignore*|skip* ~ http|l7|conditions|rules',
      'ztunnel ~~ let|lets|letting ~ traffic|requests|it ~ through',
      'fail* open',
    ],
    source:
      'https://istio.io/latest/docs/ambient/usage/l7-features/ (L7 rules without a waypoint deny)',
  },
  {
    id: 'principal-survives-waypoint',
    about: /principal|identity[- ]at|waypoint identity|identity[- ]note/i,
    caseMentions: /waypoint|ambient/i,
    patterns: [
      'principal*|source principal|from|identity ~ rules|part|check|checks ~ stay|can stay|remain|leave ~ on ztunnel|as they are|as it is|exactly',
      'leave ~ principals|principal|from ~ on ztunnel',
      'ztunnel ~ still sees ~ identity|caller|frontend',
      'waypoint ~ still carries|carries ~ original ~ caller|identity',
    ],
    source:
      'https://istio.io/latest/docs/ambient/usage/waypoint/ (the destination sees the waypoint identity)',
  },
  {
    id: 'traffic-loads-control-plane',
    about: /churn/i,
    patterns: [
      'traffic|requests per second|request volume|request rate|rps ~ drives|means more|loads|overloads ~ istiod|control plane|config|pushes',
      'drives it is ~ traffic|the traffic|peak traffic',
      'istiod|control plane ~ load|cpu ~ from|driven by|because of ~ traffic|requests|rps',
    ],
    source:
      'https://istio.io/latest/docs/ops/deployment/performance-and-scalability/ (istiod cost follows config and endpoint changes)',
  },
  {
    id: 'overflow-in-server-proxy',
    about: /client proxy|client-side|caller's (?:sidecar|proxy)|per client/i,
    patterns: [
      'inbound|server-side|server side|receiving|destination ~ sidecar|proxy|envoy ~ has hit|hit|hits|applies|applied|injects|injected|generates|rejects|sheds|shedding|overflow*',
      'applied|enforced|generated|injected ~ by|in|at ~ inbound|server-side|destination|receiving',
      'sidecar|proxy ~ has hit|hit ~ inbound ~ connection pool|pool|limit',
    ],
    source:
      'https://www.envoyproxy.io/docs/envoy/latest/intro/arch_overview/upstream/circuit_breaking (limits and faults live in the calling proxy)',
  },
  {
    id: 'weaken-whole-namespace',
    about: /narrow/i,
    patterns: [
      'namespace ~ back to ~ permissive|disable',
      'revert*|switch|set|put ~ namespace ~ to ~ permissive|disable',
    ],
    source:
      'https://istio.io/latest/docs/reference/config/security/peer_authentication/ (port-level and workload-level modes)',
  },
  {
    id: 'retries-help-overload',
    about: /overload/i,
    patterns: [
      'retr* ~ help|helps|smooth*|relieve*|ease* ~ overloaded|slow|struggling|busy|overload',
      'retries ~ actually help',
    ],
    source:
      'https://sre.google/sre-book/handling-overload/ (retries add load to an overloaded service)',
  },
  {
    id: 'stalled-calls-burn-cpu',
    about: /threads?\b|exhaust/i,
    patterns: [
      'stuck|stalled|waiting|hung|hanging ~ requests|calls ~ burn*|consume*|eat*|use up ~ cpu',
      'starved ~ of ~ cpu',
      'cpu ~ starv*|starvation|contention',
    ],
    source:
      'https://sre.google/sre-book/addressing-cascading-failures/ (waiting requests hold threads, not CPU)',
  },
  {
    // A proxy hop is extra work on the request path: it adds latency (most of all in the tail),
    // it never takes latency away. Sidecars only; ambient's ztunnel or an L4 path "lowering
    // latency" compares with sidecars and is true.
    id: 'proxy-lowers-latency',
    about: /latency|p99|per-hop|overhead|tail/i,
    patterns: [
      'sidecar|sidecars|envoy|envoys|proxy|proxies ~ shave*|lower|lowers|reduce|reduces|cut|cuts|speed up|speeds up ~ latency|p99|p50|tail|hop|hops|response time',
      'sidecar|sidecars|envoy|envoys|proxy|proxies ~ add|adds ~ no ~ measurable|noticeable ~ latency|overhead|delay',
      'sidecar|sidecars|envoy|envoys|proxy|proxies ~ make* ~ faster|quicker',
    ],
    // "Taking the sidecars off the bid path lowers its p99" credits their absence.
    unlessSentence:
      /\b(?:off the|out of|without|remov\w*|drop\w*|skip\w*|bypass\w*|fewer|no sidecars?|instead|than|compared)\b/i,
    source:
      'https://istio.io/latest/docs/ops/deployment/performance-and-scalability/ (each proxy adds latency, p99 most)',
  },
  {
    id: 'signing-is-encryption',
    about: /\btls\b|encrypt/i,
    patterns: ['signature|signing|sigv4|signed ~ is what encrypts|encrypts|encrypted'],
    source:
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html (SigV4 authenticates; TLS encrypts)',
  },
  {
    // Native sidecars (Kubernetes 1.28+, an init container with restartPolicy Always) let a Job
    // complete with its proxy; before them, the job told the proxy to exit (quitquitquit).
    id: 'jobs-cannot-run-sidecars',
    about: /mesh the job|inject the job|native sidecar|job completion/i,
    caseMentions: /\b(?:cron)?jobs?\b/i,
    patterns: [
      'job|jobs|cronjob|cronjobs|batch job|batch jobs ~ can not|can never|are unable to ~ run|have|use|carry|get|be given ~ a sidecar|sidecars|a proxy|proxies|the mesh',
      'job|jobs|cronjob|cronjobs ~ can not|can never ~ be ~ meshed|injected',
      'meshing|injecting ~ the|a ~ job|cronjob ~ is ~ not possible|impossible|not an option',
    ],
    // "If the job cannot be meshed tonight": a condition or a time limit, not an impossibility.
    unlessSentence: /\b(?:if|unless|tonight|today|yet|right now|in time)\b/i,
    source:
      'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/ (native sidecars end with the Job; Istio supports them since 1.19)',
  },
  {
    // Istio evaluates CUSTOM, then DENY, then ALLOW for a workload, whatever namespace a policy
    // lives in; the root namespace only makes a policy apply mesh-wide.
    id: 'root-namespace-overrides-deny',
    about: /\bdeny\b/i,
    patterns: [
      'root namespace|istio-system|mesh-wide ~ polic*|allow*|rules|exception* ~ evaluated|checked|applied|take effect ~ before|ahead of|first|over',
      'root namespace|istio-system ~ allow*|polic*|exception* ~ overrides|override|wins|win|takes precedence|take precedence|beats|trumps|bypasses',
      'move|put|apply|create ~ the|an|our ~ allow*|exception ~ in|into|to ~ the root namespace|istio-system',
      'polic*|allow*|exception*|rules ~ in ~ the root namespace|istio-system ~ take precedence|takes precedence|override|overrides|win|wins|beat|beats|come first|go first',
    ],
    source:
      'https://istio.io/latest/docs/concepts/security/#authorization-policy-precedence (CUSTOM, DENY, then ALLOW, regardless of namespace)',
  },
  {
    // TLS terminated at a load balancer or ingress protects the client's hop only: the links
    // behind it (app to database, app to cache) stay as they were.
    id: 'edge-tls-covers-internal',
    about: /\btls\b|encrypt/i,
    caseMentions: /postgres|redis|database|data stores?/i,
    patterns: [
      'terminat* ~ tls|https|ssl ~ at|on ~ the|a ~ load balancer|lb|ingress|edge|alb|elb|gateway',
      'tls|https|ssl ~ at|on ~ the|a ~ load balancer|ingress|edge|lb ~ encrypts|covers|secures|closes|fixes|satisfies|protects',
    ],
    unlessSentence:
      /n't|\b(?:not|no|never|only|already|postgres\w*|redis|database|sslmode|verify-full|users?|browsers?|clients?)\b/i,
    source:
      'https://www.pcisecuritystandards.org/ (PCI DSS 4.0 req. 4.2: every link that carries the data must be encrypted)',
  },
  {
    // PeerAuthentication sets what the selected workloads ACCEPT: it belongs to the receiver.
    id: 'peerauth-on-caller',
    about: /narrow|exception|port-level/i,
    caseMentions: /\bstrict\b/i,
    patterns: [
      'permissive|peerauthentication|peer authentication ~ in|on|for|to ~ the ~ caller*|client*|calling|source|sending ~ namespace|side|workload',
      'caller*|client*|sending ~ namespace ~ to ~ permissive',
    ],
    source:
      'https://istio.io/latest/docs/reference/config/security/peer_authentication/ (applies to the workloads that receive traffic)',
  },
  {
    // ztunnel is a purpose-built Rust proxy; Envoy runs in the waypoints. A side detail.
    id: 'ztunnel-is-envoy',
    about: /ztunnel|ambient|waypoint|l4/i,
    caseMentions: /ztunnel|ambient/i,
    minor: true,
    patterns: [
      'ztunnel + a|an|the ~ envoy|envoy-based|envoy build',
      'ztunnel ~ is|runs|uses ~ envoy|an envoy|a trimmed|a stripped-down|a lightweight ~ envoy',
      'ztunnel ~ based on|built on|built from|fork of ~ envoy',
    ],
    source: 'https://github.com/istio/ztunnel (ztunnel is written in Rust)',
  },
  {
    // Queueing: as utilisation rises, waiting time grows fastest in the tail, so a proxy's p99
    // under peak load is worse than its low-load benchmark, never closer to the median.
    id: 'tail-shrinks-under-load',
    about: /tail|under load|queueing/i,
    patterns: [
      'tail|p99|p99.9|p999|percentiles|tail latency ~~ closer to the median|nearer to the median|closer to the p50|closer to p50|closer to the mean|closer to the average|converges on the median',
      'tail|p99|p99.9|tail latency ~ shrinks|shrink|narrows|narrow|tightens|tighten|improves|improve|drops|gets better|gets smaller',
      'load|traffic|rps|peak ~ shrinks|narrows|tightens|improves|lowers ~ the ~ tail|p99',
      // "the per-request overhead at high load ends up lower than the benchmark": the proxy's
      // cost per request falling as load rises.
      'overhead|per-request cost|per request cost|latency cost ~~ ends up lower|ends up smaller|is lower|gets lower|goes down|gets smaller|shrinks|drops|falls',
      'gets|get ~ better|cheaper ~ at|under|with ~ high|higher|heavy|peak|more ~ load|traffic|rps',
    ],
    onlySentence: /\b(?:load|peak|rps|traffic|busy|utili[sz]ation|requests per second|\d+k)\b/i,
    unlessSentence:
      /n't|\b(?:not|never|low load|idle|quiet|light load|at rest|off-peak|without|drop\w*|remov\w*|off the|out of|fewer|instead|bypass\w*)\b/i,
    source:
      'https://sre.google/sre-book/handling-overload/ and https://istio.io/latest/docs/ops/deployment/performance-and-scalability/ (latency grows with load, most in the tail)',
  },
  {
    // The sidecar is a transparent proxy: it needs no SDK, library or code change in the app,
    // which is why a mesh covers polyglot services and vendor images. (Proxyless gRPC is the
    // exception and says so.)
    id: 'sidecar-needs-sdk',
    about: /polyglot|languages?|librar|vendor|transparent|unmodif/i,
    patterns: [
      'sidecar|sidecars|proxy|proxies|mesh ~ needs|need|requires|require ~ an|the ~ sdk|client library|code changes|recompil*',
      'sdk|library ~ compiled|built|linked ~ into ~ the ~ app|apps|application|applications|service|services|image|images',
    ],
    // Negation of the claim itself is read by the matcher; these words anywhere in the sentence
    // turn it into the right statement ("no SDK", "without code changes", "proxyless gRPC").
    unlessSentence: /\b(?:no|never|without|proxyless|instead of)\b/i,
    source:
      'https://istio.io/latest/docs/ops/deployment/architecture/ (Envoy sidecars intercept traffic transparently; no application changes)',
  },
  {
    // Istio and Linkerd route by weight; analysing a canary and rolling it back is a controller's
    // job (Flagger, Argo Rollouts), not a feature of the route.
    id: 'mesh-auto-rollback',
    about: /canary analysis|automat/i,
    caseMentions: /canary/i,
    patterns: [
      'virtualservice|virtual service|weighted route|route|istio|linkerd|the mesh ~ has|does|runs|performs|includes|offers|comes with ~ automatic|automated|built-in ~ canary analysis|analysis|rollback|rollbacks',
      'virtualservice|virtual service|route|istio|linkerd|the mesh ~ rolls|reverts|revert|roll ~ back ~ automatically|on its own|by itself',
      'virtualservice|virtual service|route ~~ reverts|rolls back ~ when',
    ],
    unlessSentence: /\b(?:no|never|without|flagger|argo|rollouts|kayenta|if)\b/i,
    source:
      'https://istio.io/latest/docs/concepts/traffic-management/ (weights only) and https://docs.flagger.app/ (canary analysis and rollback)',
  },
  {
    // "…, which is exactly the least-privilege evidence": a relative clause that turns the
    // identity or mTLS just described into authorization.
    id: 'mtls-is-authorization-relative',
    about: /authori[sz]|authz|least[- ]privilege|access control|allow rules?|who (?:may|can) call/i,
    patterns: [
      'which|that|this ~ is|gives|provides|covers|satisfies|proves|means|amounts to ~ least privilege|least-privilege|authorization|authorisation|access control',
    ],
    onlySentence: /mtls|\bstrict\b|spiffe|certificate|peer ?authentication/i,
    unlessSentence:
      /n't|\b(?:not|no|never|still|separate|on top|iam|roles?|signed|allow-?lists?|authorizationpolic\w*|polic(?:y|ies)|rules?|intentions|who (?:may|can) call)\b/i,
    source:
      'https://istio.io/latest/docs/concepts/security/ (authentication vs authorization policies)',
  },
  {
    // Zero trust and PCI alike: a link is not safe because it stays inside the cluster or VPC.
    id: 'inside-the-perimeter-is-safe',
    about: /\btls\b|encrypt|mtls|zero[- ]trust/i,
    caseMentions: /plaintext|unencrypted|in the clear|encrypt/i,
    patterns: [
      'never|does not ~ leaves|leave ~ our|the ~ boundary|cluster|network|vpc|perimeter|data center|datacenter',
      'inside|within ~ our|the ~ cluster|network|vpc|boundary|perimeter ~ so|and ~ safe|fine|trusted|exempt|can stay|needs no|does not need',
      'internal|east-west|in-cluster ~ traffic|hop|hops|link|links|calls|requests ~ is|are|counts as|count as ~ safe|trusted|fine|exempt|out of scope',
      // Access checked once at the edge, everything behind it trusted.
      'behind ~ the|our ~ gateway|ingress|edge|firewall ~~ trusted|safe|no checks|no further',
    ],
    unlessSentence: /\b(?:even|still|but|however|although|though|nothing|not trusted|untrusted)\b/i,
    source:
      'https://www.pcisecuritystandards.org/ (PCI DSS 4.0 req. 4.2) and NIST SP 800-207 (zero trust: no implicit trust by network location)',
  },
];

export type CompiledMisconception = {
  id: string;
  criterionId: string;
  minor: boolean;
  patterns: CompiledPhrase[];
  unlessSentence?: RegExp;
  onlySentence?: RegExp;
};

let enabled = true;
let cache = new WeakMap<GradableScenario, CompiledMisconception[]>();

/** Calibration only: turns the misconception table off or on (clears the cache). */
export function setMisconceptions(on: boolean): void {
  enabled = on;
  cache = new WeakMap();
}

/** The misconceptions that apply to this scenario, each with the criterion it reverses. */
export function misconceptionsFor(scenario: GradableScenario): CompiledMisconception[] {
  if (!enabled) return [];
  const known = cache.get(scenario);
  if (known) return known;
  const caseText = [
    scenario.context ?? '',
    scenario.question ?? '',
    ...(scenario.answer.type === 'choice' ? scenario.answer.options.map((o) => o.label) : []),
  ].join(' ');
  const out: CompiledMisconception[] = [];
  for (const misconception of MISCONCEPTIONS) {
    if (misconception.caseMentions && !misconception.caseMentions.test(caseText)) continue;
    const target = scenario.rubric
      .filter((criterion) =>
        misconception.about.test([criterion.id, criterion.concept, ...criterion.phrases].join(' ')),
      )
      .sort((a, b) => b.weight - a.weight)[0];
    if (target)
      out.push({
        id: misconception.id,
        criterionId: target.id,
        minor: misconception.minor === true,
        patterns: compilePhrases(misconception.patterns),
        ...(misconception.unlessSentence ? { unlessSentence: misconception.unlessSentence } : {}),
        ...(misconception.onlySentence ? { onlySentence: misconception.onlySentence } : {}),
      });
  }
  cache.set(scenario, out);
  return out;
}
