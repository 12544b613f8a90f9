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
    unmeshed: ['job|cronjob ~ has ~ sidecar|proxy', 'job ~ is ~ meshed|injected'],
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

/** Reverse-stance patterns per scenario id and criterion id, validated at module load. */
export const STANCES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> =
  stanceTableSchema.parse(mergeStances(RAW_STANCES, MORE_STANCES));

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
