// Stances per rubric point: patterns (match.ts syntax) that state the REVERSE of a scenario's
// rubric criterion, e.g. "managed means nobody has to own it" against "a managed mesh still needs
// an owner". An affirmed reverse marks the criterion reversed: no credit, a penalty and the
// reversed-point cap. Written from the lessons' sources, per scenario id and criterion id; kept
// beside (not inside) content/scenarios so content edits stay independent. Pure data + zod check.
import { z } from 'zod';

const stanceTableSchema = z.record(z.string(), z.record(z.string(), z.array(z.string().min(3))));

const RAW_STANCES: Record<string, Record<string, string[]>> = {
  'choose-small-team-mtls-fast': {
    'authz-next': [
      'mtls ~ gives|means|is|equals|provides ~ zero trust|authorization|access control',
      'no ~ authorization|policy|policies ~ needed|required|necessary',
      'mtls ~ answers|solves|covers|handles ~ access',
      'only ~ services ~ mesh identity ~ can reach',
    ],
  },
  'choose-kubernetes-deep-l7': {
    'alternatives-rejected': [
      'linkerd ~ just as good|equally good|as capable',
      'linkerd ~ has|offers|supports ~ most advanced|mirroring|fault injection',
      'consul ~ kubernetes-only|kubernetes only',
    ],
  },
  'choose-none-serverless-shop': {
    'tls-managed': [
      "endpoints|aws|managed ~ not|do not|don't ~ encrypt*|use tls|tls",
      'plaintext|unencrypted ~ between|inside ~ aws|vpc|functions',
      'need* ~ mesh|sidecar|proxy ~ to|for ~ encrypt*|tls',
    ],
    'runtime-mismatch': [
      'sidecar ~ in|into|inside ~ lambda|function*',
      'inject* ~ into ~ lambda|function*',
    ],
    'no-platform-for-mesh': ['move|migrate ~ to ~ eks|kubernetes ~ so ~ mesh'],
  },
  'justify-three-service-startup': {
    'cheaper-alternatives': [
      'encryption|tls ~ requires|needs ~ mesh',
      'no other way ~ tls|encrypt*',
      'only way ~ tls|encrypt*',
    ],
  },
  'justify-monolith-pci-scope': {
    'direct-tls': [
      'postgres|database ~ not ~ support* ~ tls',
      'stunnel|sidecar proxy ~ because ~ postgres|database',
      'postgres|database ~ can not|cannot ~ tls|encrypt*',
      'need* ~ mesh|sidecar|stunnel ~ to ~ encrypt*|tls',
    ],
  },
  'justify-no-oncall-no-owner': {
    'managed-not-free': [
      'managed ~ means|so ~ nobody|no one|no owner|no ops|no work|hands-off',
      'managed ~ no ~ owner|operations|ops|on-call',
      'provider|vendor|cloud ~ owns|runs|handles ~ everything|it all',
    ],
  },
  'justify-polyglot-resilience-sprawl': {
    'resilience-incident': [
      'aggressive ~ retr*',
      'retr* ~ every|each|all ~ hop*',
      'more ~ retries',
    ],
  },
  'justify-latency-budget-bid-path': {
    'tail-under-load': [
      'queue*|load|utili*ation ~ improv*|better|lower|reduc*|smooth* ~ tail|p99|latency',
      'higher|more ~ load|rps ~ lower|better|improv* ~ tail|p99',
      'tail ~ improves|better ~ under load',
    ],
  },
  'justify-regulated-fintech-200-services': {
    'compliance-mtls-authz': ['mtls ~ enough|sufficient|satisf* ~ 3.2|regulator|least privilege'],
  },
  'rollout-first-mesh-adoption': {
    'limited-blast-radius': [
      'every|all|each ~ namespace* ~ at once|same time|together',
      'no blast radius ~ worry|concern',
      'nothing ~ can|could ~ break',
    ],
  },
  'rollout-permissive-to-strict': {
    cleanup: [
      'keep ~ exception* ~ permanent*|forever|afterwards',
      'exception* ~ cost nothing|harmless',
    ],
  },
  'rollout-control-plane-upgrade': {
    'restart-needed': [
      'proxies|sidecars|data plane ~ upgrade|update|switch|move ~ automatically|on their own|immediately|without ~ restart*',
      'no ~ restart* ~ needed|required|necessary',
      'without restarting',
    ],
  },
  'rollout-authorization-policies': {
    'default-deny-last': ['default deny|deny-all|allow-nothing ~ first|day one|start'],
    'mtls-not-authz': ['mtls ~ already ~ restricts|controls|decides', 'mtls ~ is ~ authorization'],
  },
  'rollout-sidecar-to-ambient': {
    'waypoint-before-switch': [
      'waypoint* ~ later|afterwards|after ~ switch*|removing',
      'remove ~ sidecars ~ first|before ~ waypoint*',
    ],
    coexistence: [
      'remov* ~ all ~ sidecars ~ first|before ~ ztunnel|install*',
      'ztunnel ~ and ~ sidecars ~ can not|cannot ~ run|coexist',
    ],
  },
  'diagnose-ambient-l7-rule-on-ztunnel': {
    'identity-at-waypoint': [
      'waypoint ~ preserves|keeps|forwards|passes ~ identity|principal',
      'identity ~ unchanged|stays the same|does not change',
      'no change ~ principal*|identity',
    ],
  },
  'diagnose-deny-overrides-allow': {
    'deny-before-allow': [
      'more specific ~ allow ~ wins|override*|beat*',
      'allow ~ wins|overrides|takes precedence|beats ~ deny',
      'add ~ allow ~ fix*|solve*',
    ],
  },
  'diagnose-control-plane-churn-stale-endpoints': {
    'scale-scope': [
      'outlier detection|retr*|safety net ~ fix*|solve*|cure*|enough',
      'no need ~ scale ~ istiod',
    ],
  },
  'diagnose-fault-injection-disables-retries': {
    'fault-disables-retries': [
      'retries ~ still|do|did ~ run|work|apply|fire',
      'retries ~ are ~ working|applied',
      'retr* ~ happen*|fire* ~ but',
    ],
  },
  'diagnose-strict-breaks-batch-job': {
    'narrow-exception': [
      'whole|entire ~ namespace ~ back|to ~ permissive',
      'namespace-wide ~ permissive',
      'set ~ namespace ~ permissive',
      'revert ~ permissive',
    ],
  },
  'diagnose-breaker-503-uo-flash-sale': {
    'backend-healthy': ['inventory|backend ~ is ~ overloaded|the bottleneck|failing|saturated'],
    'keep-breaker': ['remove|delete|disable ~ breaker|circuit breaking|connectionpool'],
  },
  'estimate-ambient-vs-sidecar-cpu': {
    'waypoint-math': [
      'waypoint ~ free|no cost|negligible|costs nothing',
      'l7 ~ free|no extra|no additional',
    ],
  },
  'estimate-fan-out-tail': {
    'mesh-overhead': [
      'proxy|mesh|sidecar ~ tail|overhead ~ once|only once|not per call|not on every',
      'paid ~ once ~ per page',
    ],
  },
  'estimate-sidecar-fleet-cpu': {
    'memory-per-proxy': ['memory ~ scales|grows|proportional ~ rps|traffic|request rate'],
  },
  'estimate-retry-amplification': {
    formula: [
      'multiplication ~ stops',
      'only ~ last hop ~ touches|counts',
      'additive|adds up linearly',
    ],
  },
};

const MORE_STANCES: Record<string, Record<string, string[]>> = {
  'diagnose-ambient-l7-rule-on-ztunnel': {
    'fail-closed': [
      'rule|policy ~ is ~ ignored|skipped',
      'allows ~ everything|all traffic',
      'fails open|fail open',
    ],
    'ztunnel-l4-only': ['ztunnel ~ enforces|checks|reads|sees ~ http|paths|methods|l7'],
  },
  'diagnose-breaker-503-uo-flash-sale': {
    'uo-meaning': [
      'uo ~ means ~ upstream ~ overloaded|returned|sent',
      'inventory ~ returned|sent ~ 503',
    ],
  },
  'diagnose-control-plane-churn-stale-endpoints': {
    'churn-load': ['traffic|rps|request volume ~ overloads|overloaded ~ istiod|control plane'],
  },
  'diagnose-outlier-detection-never-ejects': {
    'small-pool-math': ['33% ~ below|under|less than ~ 10%'],
  },
  'diagnose-missing-timeouts-slow-leaf': {
    'no-default-timeout': [
      'istio ~ default ~ timeout ~ of ~ 15|15s|30|30s|seconds',
      'default timeout ~ 15|15s|30s',
    ],
  },
  'diagnose-strict-breaks-batch-job': {
    // "meshed" stems to "mesh": "the job is outside the mesh" must not read as "the job is meshed".
    unmeshed: [
      'job|cronjob ~ has ~ sidecar|proxy',
      'job|cronjob ~ is|was ~ injected',
      'job|cronjob + is|was + meshed|already meshed',
    ],
  },
  'diagnose-retry-storm-failing-leaf': {
    'one-layer': ['retr* ~ at|on ~ every|each|all ~ hop*|layer*|level*'],
  },
  'estimate-p99-added-per-hop': {
    'sum-overestimates': ['summing|sum|adding ~ underestimat*|understat*'],
  },
  'estimate-fan-out-tail': {
    independence: ["correlat* ~ does not matter|doesn't matter|irrelevant"],
  },
  'justify-monolith-pci-scope': {
    'little-east-west': ['lots|plenty|a lot ~ of ~ east-west|service-to-service'],
  },
  'justify-no-oncall-no-owner': {
    'no-owner': ['owner* ~ not needed|unnecessary|optional', 'nobody ~ needs ~ own'],
    'critical-path': ['failures ~ only ~ affect ~ mesh', 'outside ~ the ~ request path|data path'],
  },
  'justify-three-service-startup': {
    'scale-too-small': ['three|3 services ~ enough ~ justify|warrant'],
  },
  'justify-regulated-fintech-200-services': {
    polyglot: ['one|single|shared ~ library ~ works|covers|enough|fine ~ all|every'],
  },
  'rollout-control-plane-upgrade': {
    'soak-cleanup': [
      'remove|delete|uninstall ~ old ~ revision|control plane ~ immediately|right away|at once',
    ],
  },
  'rollout-first-mesh-adoption': {
    'baseline-first': ['baseline|slos ~ later|afterwards|after ~ mesh|install*'],
  },
  'rollout-permissive-to-strict': {
    'alert-first': ['alert* ~ later|afterwards|after ~ the ~ switch|change|flip'],
  },
  'rollout-sidecar-to-ambient': {
    'identity-note': [
      "identity|principal* ~ unchanged|stays the same|does not change|doesn't change",
    ],
  },
};

// Broader paraphrases of the reverse of each scenario's crucial points, written from the rubric
// concepts and the lessons (the reverse claim in several phrasings: verbs, negations, pronouns),
// so a reversal is caught however it is worded, not only in the calibration set's words.
// Reverse claims of the remaining crucial points, in the "wrong claim, so no need for X" style.
const CRUCIAL_STANCES: Record<string, Record<string, string[]>> = {
  'choose-small-team-mtls-fast': {
    'small-team': [
      'two|2 ~ engineers|people ~ enough|plenty|fine ~ for ~ istio|any mesh',
      'istio ~ fine|ok|manageable|easy ~ for ~ two|2|small team',
    ],
  },
  'choose-kong-multi-zone-universal': {
    'kong-fit': [
      'kong ~ investment|gateway ~ irrelevant|does not matter|sunk cost',
      'replace|drop ~ kong',
    ],
  },
  'diagnose-breaker-503-uo-flash-sale': {
    'littles-law': [
      'in-flight|concurrency|concurrent ~ independent of|unrelated to|does not depend on ~ latency',
    ],
  },
  'diagnose-canary-v2-errors': {
    'per-version': ['no need ~ per-version|break* down|by version|split'],
  },
  'diagnose-missing-timeouts-slow-leaf': {
    'resource-exhaustion': [
      'slow|waiting ~ request*|call* ~ cost nothing|are free|harmless',
      "slow|waiting ~ request*|call* ~ do not|don't|never ~ consume|use|tie up|block|hold",
      'thread*|connection*|pool* ~ not|never ~ exhaust*|the issue|the problem|affected',
    ],
  },
  'diagnose-outlier-detection-never-ejects': {
    'max-ejection-percent': [
      "maxejectionpercent|max ejection percent*|ejection percent* ~ is not|isn't|not ~ the|a ~ problem|issue|cause",
      'raise|lower ~ consecutive*|threshold ~ fix*|solve*',
    ],
  },
  'diagnose-retry-storm-failing-leaf': {
    amplification: ["retr* ~ do not|don't|never ~ multiply|compound"],
  },
  'diagnose-strict-breaks-batch-job': {
    'strict-semantics': [
      'plaintext|unmeshed ~ callers|clients|job* ~ keep|still ~ work*|connect* ~ under|after|with ~ strict',
    ],
  },
  'estimate-ambient-vs-sidecar-cpu': {
    'ztunnel-math': ['one|single ~ ztunnel ~ pass|hop|traversal', 'ztunnel ~ once ~ per ~ request'],
  },
  'estimate-fan-out-tail': {
    'page-p99': ['page ~ p99 ~ same as|equals|matches ~ backend ~ p99'],
  },
  'justify-latency-budget-bid-path': {
    'per-hop-cost': ['one ~ proxy ~ per|each ~ hop', 'each|every ~ hop ~ one ~ proxy'],
  },
  'justify-polyglot-resilience-sprawl': {
    'repeated-problem': ['libraries ~ are ~ fine|enough|consistent|working well'],
  },
  'justify-three-service-startup': {
    'scale-too-small': ['three|3 services ~ plenty|enough|justif*|warrant|worth'],
  },
  'rollout-control-plane-upgrade': {
    'rollback-triggers': [
      'no need ~ rollback|triggers',
      'no ~ rollback ~ trigger*|plan|criteria ~ needed',
    ],
  },
  'rollout-permissive-to-strict': {
    'strict-rejects-plaintext': [
      'strict ~ accepts|allows|permits|lets ~ plaintext|unmeshed|non-mesh',
      'plaintext|unmeshed ~ callers|clients ~ keep|still ~ work*|connect* ~ under|after|with ~ strict',
    ],
    'telemetry-inventory': ['see|find out|learn ~ what breaks'],
  },
  'rollout-sidecar-to-ambient': {
    'l7-inventory': ['no ~ workload*|service* ~ needs ~ l7|waypoint*'],
  },
};

// Reverse claims written with pronouns, other subjects and other word orders.
const WORDING_STANCES: Record<string, Record<string, string[]>> = {
  'choose-hybrid-vms-multi-datacenter': {
    'hybrid-runtime': [
      'containeri*|migrate|move ~ them|vms|services|workloads ~ onto|to|into ~ openshift|kubernetes|containers ~ first|before',
      'mesh ~ only ~ handle*|cover*|see* ~ kubernetes|pods|containers',
    ],
  },
  'justify-latency-budget-bid-path': {
    'tail-under-load': [
      'latency|overhead|tail|p99 ~ is|stays|remains ~ flat|constant|stable|unchanged|the same ~ with|under|at|as ~ load|traffic|rps',
      'will look like|matches|same as|like ~ the ~ benchmark',
      'fair|safe|good ~ worst case',
    ],
  },
  'estimate-fan-out-tail': {
    'mesh-overhead': [
      'overhead|tail|latency ~ is ~ added|paid|counted|applied ~ once',
      'mesh|proxy|sidecar ~~ not ~ enter|part of|in ~ the ~ math|calculation|estimate',
    ],
  },
  'rollout-authorization-policies': {
    'mtls-not-authz': [
      'mesh|mtls|strict ~ already ~ restricts|controls|decides|limits|enforces ~ which|who|what',
    ],
  },
  'rollout-sidecar-to-ambient': {
    'identity-note': [
      'principal*|source ~ rules|checks|policies ~ can|may|will ~ stay|remain|keep',
      'waypoint ~~ still ~ carries|keeps|preserves|forwards|passes ~ original|caller|source',
    ],
  },
  'diagnose-missing-timeouts-slow-leaf': {
    'no-default-timeout': [
      '15|30|15s|30s ~ second* ~ default',
      'applies|sets|has ~ default ~ timeout',
    ],
  },
};

// Other crucial points of the same scenarios, reversed.
const OTHER_POINT_STANCES: Record<string, Record<string, string[]>> = {
  'choose-cilium-ebpf-platform': {
    'encryption-mechanism': [
      'mutual auth*|authentication|handshake* ~ per|on every|for each ~ connection|request',
      'cilium ~ mtls ~ like|same as|identical to ~ istio',
      'wireguard ~ is|gives|provides ~ mtls|mutual auth*|workload identity',
    ],
  },
  'choose-hybrid-vms-multi-datacenter': {
    intentions: ['separate|different|second ~ polic*|rules ~ for ~ vms|each runtime|pods'],
    'migration-path': ['migrate|move|switch ~ all|every|everything ~ at once|in one go|together'],
  },
  'diagnose-missing-timeouts-slow-leaf': {
    'retry-care': ['add|set|configure ~ retries|retry ~ 3|three|5|five|several|multiple'],
  },
  'diagnose-outlier-detection-never-ejects': {
    fix: ['maxejectionpercent|percentage|percent ~ to|of|at ~ 15|20|25|30|33'],
  },
  'diagnose-breaker-503-uo-flash-sale': {
    'per-proxy': [
      'limit*|breaker|pool ~ is|are ~ global|shared|cluster-wide|total|fleet-wide',
      'limit*|breaker ~ applies|apply|counts ~ to|across ~ all|the whole|every ~ fleet|cluster|pods|callers',
    ],
  },
  'diagnose-fault-injection-disables-retries': {
    'client-side': [
      'fault|abort* ~ happen*|applied|injected|runs|occurs ~ in|at|on ~ the ~ server*|destination|upstream|callee|payments',
    ],
  },
};

// The model answers' remaining claims, each flipped.
const FLIPPED_CLAIM_STANCES: Record<string, Record<string, string[]>> = {
  'choose-cilium-ebpf-platform': {
    'l7-caveat': [
      'l7 ~ also|too ~ runs|run|handled|enforced ~ in ~ the ~ kernel|ebpf',
      'kernel cpu ~ is ~ visible|shown|counted ~ in ~ container|pod',
      'no ~ envoy ~ needed|required|at all',
    ],
  },
  'choose-kong-multi-zone-universal': {
    'multi-zone': [
      'global control plane ~ directly ~ manages|configures|programs ~ data plane*|proxies|all',
      'no ~ zone control plane*|zone ingress ~ needed|required',
    ],
  },
  'diagnose-canary-v2-errors': {
    'weighted-math': ['v2 ~ only ~ slightly|a bit|marginally|a little ~ worse|higher|above'],
    'retry-masking': ["retr* ~ do not|don't|cannot|can not|never ~ hide|mask|affect|change"],
  },
  'diagnose-missing-timeouts-slow-leaf': {
    'resource-exhaustion': [
      'async*|non-blocking ~~ no|not|never ~ thread*|worker*|pool',
      'envoy|sidecar|proxy ~ queues|absorbs|buffers|holds ~ them|the requests|slow calls ~ for',
    ],
    degrade: [
      'checkout ~ must|should|has to ~ fail|return an error|wait ~ when|if ~ recommendation*',
      'no ~ fallback ~ needed|required',
    ],
  },
  'diagnose-outlier-detection-never-ejects': {
    'envoy-version': [
      "envoy ~ version ~ does not matter|doesn't matter|irrelevant|makes no difference",
    ],
  },
  'diagnose-retry-storm-failing-leaf': {
    'shed-load': ['scale ~ inventory|leaf|the database ~ first|fix*|solve*|is the fix'],
  },
  'estimate-p99-added-per-hop': {
    conditions: [
      'figure*|number*|benchmark ~ applies|apply|holds|hold|transfers ~ as is|as-is|directly|unchanged|to us|to our',
      'no need ~ load test|measure|benchmark',
    ],
  },
};

// Further wordings: other subjects, pronouns, "on the same day", "barely worse", "keep waiting".
const PARAPHRASE_STANCES: Record<string, Record<string, string[]>> = {
  'choose-hybrid-vms-multi-datacenter': {
    intentions: [
      'intention*|polic* ~ only ~ apply|applies|work*|cover* ~ to|on|for ~ kubernetes|pods|k8s',
      'own|separate ~ firewall* ~ rules|polic*',
    ],
    'hybrid-runtime': [
      'move|migrate|containeri* ~~ vm|vms ~~ into|onto|to ~ openshift|kubernetes',
      'mesh ~ is ~ a|really a|only a|just a ~ kubernetes',
    ],
  },
  'choose-kong-multi-zone-universal': {
    'universal-mode': ['universal mode ~ limited|restricted|only ~ to|for|on ~ kubernetes'],
    'multi-zone': [
      'global control plane ~~ directly ~ talk*|connect*|manag*|configur*|program* ~ every|all|each',
      'zone control plane* ~ unnecessary|not needed|optional|redundant',
    ],
  },
  'diagnose-canary-v2-errors': {
    'per-version': ['barely|hardly|only slightly|marginally ~ worse|higher|above'],
    'rollback-weight': [
      'continu* ~ the ~ rollout|canary|release',
      'keep ~ the ~ 10%|split|canary ~ running|going|as is|in place|and',
      'look again|check again ~ tomorrow|later|next',
    ],
    'not-noise': ['could|might|may ~ be ~ chance|luck|noise|random|a fluke'],
  },
  'diagnose-missing-timeouts-slow-leaf': {
    'no-default-timeout': [
      'sidecar|proxy|envoy|mesh|istio ~~ default ~ timeout',
      'cuts|times|kills|drops ~ slow|long ~ calls|requests ~ off',
    ],
    degrade: ['keep ~ waiting', 'checkout ~ should|must ~ wait'],
  },
  'diagnose-retry-storm-failing-leaf': {
    amplification: [
      'add|adds ~ its|their ~ two|2 ~ retries ~ on top',
      'seven|7|six|6|nine|9 ~ times|x|fold ~ the|user|edge',
    ],
  },
  'estimate-p99-added-per-hop': {
    'two-proxies': ['only ~ the ~ client|caller*|calling ~ sidecar|proxy'],
  },
  'rollout-authorization-policies': {
    'mtls-not-authz': [
      'mesh|mtls|strict ~~ already ~ limits|restricts|controls|decides|enforces ~ callers|who|which|access',
      'allow-lists|allow lists|policies ~ are ~ just|only|mostly ~ a formality|documentation|cosmetic',
    ],
  },
  'rollout-sidecar-to-ambient': {
    'waypoint-before-switch': [
      'remove|uninstall|drop|delete|strip ~ sidecar* ~~ first|then ~~ waypoint*',
    ],
  },
  'justify-regulated-fintech-200-services': {
    'compliance-mtls-authz': [
      'least privilege ~~ already ~ satisfied|met|covered|done|handled|given|achieved',
    ],
  },
  'diagnose-breaker-503-uo-flash-sale': {
    'backend-healthy': [
      'inventory* ~ is ~ overflowing|overwhelmed|overloaded',
      'need* ~ more ~ replicas|pods|instances|capacity',
    ],
    'keep-breaker': [
      'circuit break*|breaker* ~ only ~ hurts|harms|causes',
      'drop|remove|delete ~ it|them ~ from ~ the ~ destinationrule|destination rule',
    ],
  },
};

const CLASS_STANCES: Record<string, Record<string, string[]>> = {
  'choose-cilium-ebpf-platform': {
    'no-sidecar-cost': [
      'cilium ~ inject*|adds|runs|needs|uses ~ sidecar*|per-pod proxy|proxy per pod',
    ],
    'l7-caveat': [
      'l7 ~ through|via|in ~ envoy ~ free|no caveat*|no risk|no extra',
      'shared envoy ~ no|zero ~ risk|cost|caveat*|downside*',
      'no need ~ validat*|test* ~ l7',
    ],
    'existing-cni': ['replace|rip out|swap out|drop|remove ~ cilium'],
  },
  'choose-hybrid-vms-multi-datacenter': {
    'hybrid-runtime': [
      'migrate|move|containeri* ~ all|every|the ~ vms|services ~ to|onto|first ~ kubernetes|openshift|before',
    ],
    'existing-consul': ['replace|retire|rip out|drop ~ consul ~ catalog|registry'],
  },
  'choose-kong-multi-zone-universal': {
    'universal-mode': [
      'kuma|kong mesh|kong ~ kubernetes-only|kubernetes only|only on kubernetes|only runs on kubernetes',
      "kuma|kong mesh ~ cannot|can not|does not|doesn't ~ run|support|cover ~ vm*",
    ],
    'multi-zone': ['one|single ~ control plane ~ for|across ~ all|every|both ~ zone*|region*'],
    tradeoffs: [
      'community ~ larger|bigger|biggest ~ than ~ istio',
      'no need ~ validat*|check ~ feature*',
    ],
  },
  'choose-kubernetes-deep-l7': {
    'l7-depth': [
      'linkerd|cilium ~ has|offers|supports|provides ~ advanced|richest|most|deepest|full|best ~ l7|traffic management|fault injection|mirroring',
      'linkerd ~ better|best|ideal|fits best ~ for ~ l7|mirroring|fault*|header*',
    ],
    'k8s-only': ['need* ~ vm|vms|hybrid ~ support'],
  },
  'choose-none-serverless-shop': {
    'runtime-mismatch': [
      'sidecar*|proxy|proxies|envoy ~ next to|beside|alongside|inside|with ~ each|every|the ~ lambda*|function*',
      'lambda*|function* ~ can|could ~ run|host|carry ~ sidecar*|proxy|proxies|envoy',
      'mesh ~ works|runs|fits ~ on|in|with ~ lambda*|serverless',
    ],
    'platform-identity': [
      "iam ~ is not|isn't|not ~ enough|sufficient ~ identity|authori*|least privilege",
      'need* ~ mesh|spiffe ~ for ~ identity|authori*',
    ],
    'tls-managed': [
      "managed ~ endpoints|services|apis ~ are not|aren't|not ~ encrypt*|tls",
      'add ~ tls|encryption ~ ourselves|in every function|manually|layer',
      'traffic ~ inside ~ aws ~ plaintext|unencrypted',
    ],
  },
  'choose-small-team-mtls-fast': {
    'authz-next': [
      'mtls ~ covers|gives|provides|means|equals|enforces|is ~ least privilege|access control|authori*|zero trust|who can call',
      'authori*|authz|polic* ~ unnecessary|not needed|redundant|overkill',
      'mtls ~ alone|by itself|on its own ~ enough|sufficient|answers|satisf*',
    ],
    'mtls-default': ['mtls ~ requires|needs ~ lots of|much|heavy|manual ~ config*|work|setup'],
  },
  'diagnose-ambient-l7-rule-on-ztunnel': {
    'ztunnel-l4-only': [
      'ztunnel ~ can|does|will|could ~ read|see|inspect|parse|evaluate|enforce|check|match ~ http|method*|path*|header*|l7|get',
      'ztunnel ~ understands|speaks|handles|terminates ~ http|l7',
      'ztunnel ~ is|acts as ~ l7|full|http ~ proxy',
    ],
    'fail-closed': [
      'rule|policy|it ~ ignored|skipped|bypassed|has no effect|silently dropped',
      'traffic|requests ~ passes|pass|flows|flow|go through ~ unchecked|unfiltered|anyway',
      'allow* ~ every|all ~ request*|traffic|method*',
    ],
    'waypoint-fix': ['no ~ waypoint ~ needed|required|necessary'],
    'identity-at-waypoint': [
      'keep|leave ~ principal*|source*|identity ~ check*|rule*|match* ~ on|at|in ~ ztunnel',
      'ztunnel ~ sees|keeps|is where ~ original|caller*|source ~ identity|principal*',
      'principal*|source identity ~ unchanged|still ~ works|valid|visible ~ behind|through|after ~ waypoint',
    ],
  },
  'diagnose-breaker-503-uo-flash-sale': {
    'uo-meaning': [
      'uo ~ means|is|indicates|shows ~ inventory|upstream|backend|server ~ overload*|fail*|down|reject*|crash*|return*',
      '503* ~ come|comes|coming|came ~ from ~ inventory|backend|upstream|server',
    ],
    'backend-healthy': [
      'inventory|backend ~ is|was ~ overloaded|down|failing|crashing|slow|struggling|saturated|the problem|the bottleneck|the cause',
      'scale|add ~ inventory|backend ~ replica*|pods|instances|capacity',
    ],
    'keep-breaker': [
      'remove|delete|disable|drop|turn off|get rid of|rip out ~ breaker*|circuit break*|connectionpool|connection pool|the limits',
      'breaker*|circuit break*|limits ~ is|are ~ the problem|harmful|useless|pointless|unnecessary',
      "do not|don't|no ~ need ~ breaker*|circuit break*|connectionpool|limit*",
    ],
  },
  'diagnose-canary-v2-errors': {
    'rollback-weight': [
      'increase|raise|shift|push|move ~ v2|canary|weight ~ to ~ 50|100|more',
      'promote ~ v2|canary',
    ],
    'not-noise': ['just|only|probably|likely ~ noise|random*|blip|fluctuation|variance'],
    'per-version': ['overall|blended|aggregate ~ error rate ~ enough|sufficient|fine|tells us'],
  },
  'diagnose-control-plane-churn-stale-endpoints': {
    'churn-load': [
      'request*|traffic|user ~ load|volume|rps ~ causes|caused|overloads|overwhelm*|is the cause',
      'more|higher ~ rps|traffic ~ cause*|overload*|broke',
    ],
    'scale-scope': [
      'restart* ~ istiod ~ fix*|solve*|enough|will fix|is the fix',
      'no need ~ scale|change|touch|resize ~ istiod|control plane',
      'outlier detection|retr* ~ fully|completely|entirely ~ fix*|solve*|cure*|resolve*',
    ],
    'stale-endpoints': ['endpoints ~ are|were ~ up to date|fresh|current|correct'],
    'safety-net': ['outlier detection|retr* ~ is|are ~ the fix|the cure|the solution|enough'],
  },
  'diagnose-deny-overrides-allow': {
    'deny-before-allow': [
      'allow ~~ override*|overrule*|beat*|win* over|takes precedence over|trumps ~ deny',
      'precise|specific|narrow ~~ allow ~~ win*|override*|beat*|precedence',
      'more specific ~ polic*|rule*|allow ~ win*|take* precedence|override*|beat*',
      'allow ~ take* precedence|override*|overrule*|win*|beat* ~ deny',
      'newer|latest|last ~ polic*|rule* ~ win*|applies',
      'order ~ of ~ polic* ~ decides',
    ],
    'fix-deny': ['delete|remove|drop|disable ~ deny|guardrail ~ polic*|rule|entirely'],
  },
  'diagnose-fault-injection-disables-retries': {
    'fault-disables-retries': [
      'retr* ~ were|are|was|is ~ active|enabled|on|applied|working|running',
      'retr* ~ work* ~ fine|correctly|as expected|normally',
      'retr* ~ halve*|reduc*|absorb* ~ error*|failure*|the',
    ],
    'better-test': ['raise|increase|bump ~ attempts|retries ~ to'],
  },
  'diagnose-missing-timeouts-slow-leaf': {
    'no-default-timeout': [
      'default ~ 15|15s|30|30s|second*',
      'default* ~ route|http|request ~ timeout ~ should|would|will ~ cut|stop|kill|end|catch',
      'istio|envoy|mesh ~ default* ~ timeout ~ of|is|protects|applies|kicks in',
      'default timeout ~ protects|covers|kicks in|applies',
      'istio|envoy ~ times out ~ after',
    ],
    'retry-care': ['add|more ~ retries ~ fix*|solve*|help*'],
  },
  'diagnose-outlier-detection-never-ejects': {
    'small-pool-math': [
      '33%|one of three|1 of 3|a third ~~ within|below|under|less than|inside ~ 10%|the limit',
      'one of three|1 of 3|33% ~ is ~ below|under|within|less than ~ 10',
    ],
    'max-ejection-percent': ['consecutive5xx*|threshold ~ too high|is the problem|is the cause'],
  },
  'diagnose-retry-storm-failing-leaf': {
    amplification: ['retr* ~ add up|add linearly|are additive', '2 + 2 + 2|3 + 3 + 3'],
    'one-layer': [
      'set|add|configure|keep|enable|use|put ~ retr* ~ at|on|in ~ every|each|all ~ hop*|layer*|level*|service*',
      'increase|raise|bump ~ retr*|attempts',
    ],
    'shed-load': ['scale ~ inventory ~ fix*|solve*|enough'],
  },
  'diagnose-strict-breaks-batch-job': {
    evidence: ['authori*|rbac ~ polic* ~ den*|block*|reject*'],
    'strict-semantics': ['strict ~ allows|accepts|permits ~ plaintext'],
  },
  'estimate-ambient-vs-sidecar-cpu': {
    'waypoint-math': [
      'waypoint* ~ add* ~ nothing|no cpu|zero',
      'waypoint* ~ replace* ~ ztunnel',
      'ignore ~ waypoint*',
    ],
  },
  'estimate-fan-out-tail': {
    'mesh-overhead': [
      "mesh|proxy|proxies|sidecar* ~~ no difference|negligible|irrelevant|does not matter|doesn't matter|cannot affect|won't affect|does not affect|doesn't affect",
      "mesh|proxy|sidecar ~ overhead|tail|latency ~ cannot|can not|does not|doesn't|won't|never ~ affect|matter|change|show",
      'mesh|proxy|sidecar ~ overhead ~ negligible|irrelevant|too small',
    ],
    mitigation: ['no ~ timeouts|hedging ~ needed|required'],
  },
  'estimate-p99-added-per-hop': {
    'two-proxies': [
      'one|single ~ proxy ~ per|each ~ hop|call',
      'each hop ~ crosses|passes ~ one proxy',
    ],
    conditions: ['vendor|benchmark ~ figure*|number* ~ holds|applies ~ everywhere|always'],
  },
  'estimate-retry-amplification': {
    formula: [
      'only ~ last|final ~ hop ~ hits|touches|reaches|matters|counts',
      "retr* ~ do not|don't|never ~ compound|multiply",
      'retr* ~ add|adds up',
      'only ~ last|final ~ hop ~ matters|counts',
    ],
    'not-for-overload': ['retr* ~ help*|fix*|solve* ~ overload*'],
  },
  'estimate-sidecar-fleet-cpu': {
    'memory-per-proxy': [
      'memory ~ follows|tracks|depends on|grows with|scales with|rises with ~ rps|traffic|requests|load',
    ],
    'cpu-rate': [
      'cpu ~ fixed|constant|flat ~ per ~ sidecar|proxy',
      'cpu ~ independent of|does not depend on ~ traffic|rps',
    ],
  },
  'justify-latency-budget-bid-path': {
    'tail-under-load': [
      'overhead|tail|latency ~ shrink*|drop*|fall*|decreas* ~ below|under ~ vendor|blog|1 ms|figure',
      'more efficient|cheaper|faster ~ at|under|as|with ~ high|heavy|higher|load|traffic|rate*|rps',
      'proxies|proxy|sidecar* ~ become|get ~ more efficient|cheaper|faster',
      'cheaper|smaller|less|lower ~ as|when|under|at ~ traffic|load|rps ~ rise*|grow*|increase*|higher',
      'overhead ~ shrink*|drop*|fall*|smaller ~ at|under ~ high|heavy|peak|more|180k',
      'vendor|blog ~ figure|number|1 ms ~ hold*|applies|is accurate|is safe ~ at|under ~ load',
    ],
    'per-hop-cost': ['overhead ~ paid|counted ~ once|only once'],
    'split-decision': ['mesh|inject ~ bid path|hot path ~ too|as well|also'],
    'measure-own': [
      'trust ~ vendor|blog ~ number|figure|benchmark',
      'no need ~ measure|benchmark|load test',
    ],
  },
  'justify-monolith-pci-scope': {
    'direct-tls': [
      "postgres|database|redis ~ lacks|lack|does not have|doesn't have|has no ~ tls|encryption",
      'postgres|database ~ wire protocol ~ cannot|can not|not',
    ],
    'mesh-cost': ['mesh ~ costs nothing|is free|is cheap|adds no|no overhead'],
  },
  'justify-no-oncall-no-owner': {
    'managed-not-free': [
      'managed|add-on|provider|vendor ~ ownership gap|owner*|on-call ~ goes away|go away|disappear*|solved|not needed',
      'managed|add-on ~ solves|removes|fixes|eliminates|closes ~ owner*|ownership|on-call|operations',
      'provider|vendor|cloud ~ running|managing|operating ~ the mesh|it ~ ownership|no owner|nobody',
    ],
    'no-owner': ['mesh ~ runs|operates|maintains ~ itself|on its own'],
    'critical-path': [
      "mesh ~ outage*|failure*|problems ~ do not|don't|cannot|won't ~ affect|touch|hit ~ app*|requests|traffic|users",
    ],
    'slo-baseline': ['no need ~ slo*|baseline'],
  },
  'justify-polyglot-resilience-sprawl': {
    'resilience-incident': ['retr* ~ 5|five ~ attempts|times ~ every|each|all|by default'],
    sequencing: ['start ~ with ~ strict|mtls everywhere|security'],
    'polyglot-cost': ['one|single|shared ~ library ~ works|covers|enough|fine|easy'],
  },
  'justify-regulated-fintech-200-services': {
    'compliance-mtls-authz': [
      'mtls ~ alone|by itself|on its own ~ satisf*|covers|meets|is enough|answers ~ 3.2|least privilege|regulator|authori*',
      'mtls ~ covers|provides|gives|means|satisf* ~ least privilege|authori*|3.2',
    ],
  },
  'justify-three-service-startup': {
    'cheaper-alternatives': [
      'encrypt*|tls ~ only ~ with|through|via|by ~ mesh|sidecar*|istio|linkerd',
      'only ~ be ~ done|possible|achieved ~ with|through|via ~ mesh',
      'need* ~ mesh|istio|linkerd ~ for ~ encrypt*|tls|questionnaire',
      "postgres|database ~ cannot|can not|does not|doesn't ~ tls|encrypt*|support",
      'only|just ~ a mesh|mesh|istio|linkerd ~ can|gives|provides ~ encrypt*|tls',
    ],
    'team-capacity': [
      'four|4 ~ engineers|devs|people ~ can|could|will ~ easily|handle|run|operate',
    ],
  },
  'rollout-authorization-policies': {
    'mtls-not-authz': [
      'mtls ~ decides|controls|restricts|limits|enforces ~ who|access|callers',
      'mtls ~ already ~ gives|provides|covers ~ least privilege|authori*|access control',
    ],
    'default-deny-last': ['start|begin ~ with ~ default deny|deny-all|deny all'],
    'platform-api': [
      'teams ~ write ~ own|their ~ yaml|policies ~ by hand',
      'hand-written|hand written ~ yaml|policies',
    ],
  },
  'rollout-control-plane-upgrade': {
    'restart-needed': [
      'reconfigur* ~ live|in place|existing sidecars|running sidecars',
      'sidecar*|proxies ~ pick up|get|receive ~ new version|upgrade ~ automatically|live|immediately',
      "do not|don't|no ~ need ~ restart*",
      'restart* ~ not needed|unnecessary|optional',
    ],
    'revision-canary': ['in-place|in place ~ upgrade', 'upgrade ~ istiod|control plane ~ in place'],
    'soak-cleanup': [
      'remove|delete|uninstall ~ old ~ revision|version|control plane ~ right after|immediately|as soon as|straight away|same day',
    ],
  },
  'rollout-first-mesh-adoption': {
    'baseline-first': ['baseline|slo* ~ after|later|once ~ mesh|installed|rollout'],
    'bypass-before-traffic': [
      'bypass|rollback plan|runbook ~ later|after|once ~ incident|problem|needed|something breaks',
    ],
    'observability-first': [
      'polic*|strict|authori* ~ before ~ telemetry|observability|metrics|dashboards',
    ],
  },
  'rollout-permissive-to-strict': {
    cleanup: ['exception* ~ can|may ~ stay|remain'],
    'staged-strict': [
      'flip|switch|set ~ mesh-wide|whole mesh|everything|all namespaces ~ strict|to strict ~ at once|directly|first|in one',
    ],
    'telemetry-inventory': ['wait ~ until|for ~ something breaks|errors|complain*'],
  },
  'rollout-sidecar-to-ambient': {
    coexistence: [
      'ztunnel ~ conflicts|breaks|clashes ~ with ~ sidecar*',
      'uninstall|remove ~ sidecar*|istio ~ before ~ install* ~ ztunnel|ambient',
    ],
    'identity-note': [
      'principal* ~ rules|policies ~ keep|still ~ work*|valid|apply ~ unchanged|as is|as before',
    ],
    'l7-inventory': ['ztunnel ~ handles|covers|enforces ~ l7|http'],
  },
};

/** Reverse-stance patterns per scenario id and criterion id, validated at module load. */
export const STANCES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> =
  stanceTableSchema.parse(
    mergeStances(
      RAW_STANCES,
      MORE_STANCES,
      CLASS_STANCES,
      CRUCIAL_STANCES,
      WORDING_STANCES,
      OTHER_POINT_STANCES,
      FLIPPED_CLAIM_STANCES,
      PARAPHRASE_STANCES,
    ),
  );

function mergeStances(
  ...tables: Array<Record<string, Record<string, string[]>>>
): Record<string, Record<string, string[]>> {
  const merged: Record<string, Record<string, string[]>> = {};
  for (const table of tables)
    for (const [scenarioId, criteria] of Object.entries(table))
      for (const [criterionId, patterns] of Object.entries(criteria)) {
        const forScenario = (merged[scenarioId] ??= {});
        forScenario[criterionId] = [...(forScenario[criterionId] ?? []), ...patterns];
      }
  return merged;
}
