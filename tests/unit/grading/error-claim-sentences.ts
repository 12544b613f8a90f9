// Hand-written sentences for the error-claim matcher (tests/unit/grading/error-claims.test.ts):
// confident wrong claims in varied phrasing (`isWrong: true`, each must hit a claim of its
// scenario's catalogue) and correct statements, many naming the wrong option to reject it
// (`isWrong: false`, none may hit). Written for the catalogue, not taken from calibration items.
export const CLAIM_SENTENCES: ReadonlyArray<{
  scenarioId: string;
  isWrong: boolean;
  text: string;
}> = [
  {
    scenarioId: 'choose-cilium-ebpf-platform',
    isWrong: true,
    text: 'Cilium will enforce the GET /invoices rule in the kernel with eBPF, so no proxy is involved.',
  },
  {
    scenarioId: 'choose-cilium-ebpf-platform',
    isWrong: true,
    text: 'WireGuard encryption is basically free because it runs in the kernel.',
  },
  {
    scenarioId: 'choose-cilium-ebpf-platform',
    isWrong: false,
    text: 'Cilium encrypts with WireGuard; the two HTTP rules still go through the per-node Envoy, so we test them in staging.',
  },
  {
    scenarioId: 'choose-cilium-ebpf-platform',
    isWrong: false,
    text: 'Some people think eBPF encryption is free, but kernel CPU is just hidden from pod metrics.',
  },
  {
    scenarioId: 'choose-hybrid-vms-multi-datacenter',
    isWrong: true,
    text: 'We should mesh only the OpenShift clusters first and leave the VMs outside until the migration is done.',
  },
  {
    scenarioId: 'choose-hybrid-vms-multi-datacenter',
    isWrong: false,
    text: 'Meshing only the OpenShift part would leave the VM calls uncovered, so Consul is the right choice.',
  },
  {
    scenarioId: 'choose-kong-multi-zone-universal',
    isWrong: true,
    text: 'Kuma only runs on Kubernetes, so the Madrid and Warsaw zones need a cluster first.',
  },
  {
    scenarioId: 'choose-kong-multi-zone-universal',
    isWrong: false,
    text: "Kuma's universal mode runs on the VMs in Madrid and Warsaw without Kubernetes.",
  },
  {
    scenarioId: 'choose-kubernetes-deep-l7',
    isWrong: true,
    text: 'Linkerd could cover mirroring and fault injection just as well, with less overhead.',
  },
  {
    scenarioId: 'choose-kubernetes-deep-l7',
    isWrong: false,
    text: 'Linkerd is lighter, but it has no mirroring or fault injection, so Istio wins here.',
  },
  {
    scenarioId: 'choose-none-serverless-shop',
    isWrong: true,
    text: 'We can run an Envoy sidecar inside each Lambda function as an extension.',
  },
  {
    scenarioId: 'choose-none-serverless-shop',
    isWrong: false,
    text: 'There is nowhere to put a sidecar inside a Lambda function, so no mesh.',
  },
  {
    scenarioId: 'choose-small-team-mtls-fast',
    isWrong: true,
    text: 'Once mTLS is on, only scheduling-svc can reach records-svc, so authorization is done.',
  },
  {
    scenarioId: 'choose-small-team-mtls-fast',
    isWrong: false,
    text: 'mTLS does not decide who may call records-svc; authorization policies come next.',
  },
  {
    scenarioId: 'diagnose-ambient-l7-rule-on-ztunnel',
    isWrong: true,
    text: 'ztunnel can check the GET method, so the rule itself is fine; the principal must have a typo.',
  },
  {
    scenarioId: 'diagnose-ambient-l7-rule-on-ztunnel',
    isWrong: false,
    text: 'ztunnel cannot check HTTP methods, so the policy fails closed.',
  },
  {
    scenarioId: 'diagnose-ambient-l7-rule-on-ztunnel',
    isWrong: false,
    text: 'Does ztunnel evaluate the method? No, it only sees L4.',
  },
  {
    scenarioId: 'diagnose-breaker-503-uo-flash-sale',
    isWrong: true,
    text: 'The 503s come from inventory-svc, which is overloaded during the sale.',
  },
  {
    scenarioId: 'diagnose-breaker-503-uo-flash-sale',
    isWrong: true,
    text: 'Delete the connectionPool settings; circuit breakers cause outages.',
  },
  {
    scenarioId: 'diagnose-breaker-503-uo-flash-sale',
    isWrong: false,
    text: 'The channel says circuit breakers are dangerous and should be deleted, but that is wrong: resize them.',
  },
  {
    scenarioId: 'diagnose-breaker-503-uo-flash-sale',
    isWrong: false,
    text: 'Deleting the breaker would let requests pile up when inventory really slows.',
  },
  {
    scenarioId: 'diagnose-canary-v2-errors',
    isWrong: true,
    text: '1.4% is within noise, so we should move to 50% to get more data.',
  },
  {
    scenarioId: 'diagnose-canary-v2-errors',
    isWrong: false,
    text: 'The mobile team says 1.4% is within noise, but v2 alone is at 12%.',
  },
  {
    scenarioId: 'diagnose-control-plane-churn-stale-endpoints',
    isWrong: true,
    text: 'The apps cache DNS too long; lower the DNS TTL in every service.',
  },
  {
    scenarioId: 'diagnose-control-plane-churn-stale-endpoints',
    isWrong: true,
    text: 'Request traffic at the evening peak overloads istiod.',
  },
  {
    scenarioId: 'diagnose-control-plane-churn-stale-endpoints',
    isWrong: false,
    text: 'It is churn, not request traffic, that overloads istiod.',
  },
  {
    scenarioId: 'diagnose-deny-overrides-allow',
    isWrong: true,
    text: 'The more specific ALLOW should win, so the problem is that it has not propagated yet.',
  },
  {
    scenarioId: 'diagnose-deny-overrides-allow',
    isWrong: false,
    text: 'No ALLOW, however specific, wins against a matching DENY.',
  },
  {
    scenarioId: 'diagnose-fault-injection-disables-retries',
    isWrong: true,
    text: 'retryOn does not include 503, so the aborts are never retried.',
  },
  {
    scenarioId: 'diagnose-fault-injection-disables-retries',
    isWrong: false,
    text: 'retryOn 5xx does include 503; retries are simply off while a fault is configured.',
  },
  {
    scenarioId: 'diagnose-missing-timeouts-slow-leaf',
    isWrong: true,
    text: 'Istio has a default timeout of 15 seconds, which is too long here.',
  },
  {
    scenarioId: 'diagnose-missing-timeouts-slow-leaf',
    isWrong: false,
    text: 'Istio sets no timeout by default, so checkout waits as long as it takes.',
  },
  {
    scenarioId: 'diagnose-outlier-detection-never-ejects',
    isWrong: true,
    text: 'Lower consecutive5xxErrors to 1 so it reacts faster.',
  },
  {
    scenarioId: 'diagnose-outlier-detection-never-ejects',
    isWrong: false,
    text: 'If we lowered consecutive5xxErrors to 1 we would eject healthy pods on a blip.',
  },
  {
    scenarioId: 'diagnose-retry-storm-failing-leaf',
    isWrong: true,
    text: 'Retries add up linearly, so at most 6 extra attempts per request reach inventory.',
  },
  {
    scenarioId: 'diagnose-retry-storm-failing-leaf',
    isWrong: false,
    text: 'Scaling inventory-svc would not help; the 27x multiplier hits new pods too.',
  },
  {
    scenarioId: 'diagnose-strict-breaks-batch-job',
    isWrong: true,
    text: 'We should set the payments namespace back to PERMISSIVE so the job works.',
  },
  {
    scenarioId: 'diagnose-strict-breaks-batch-job',
    isWrong: false,
    text: 'Rather than switching the namespace back to PERMISSIVE, add a port-level exception.',
  },
  {
    scenarioId: 'estimate-ambient-vs-sidecar-cpu',
    isWrong: true,
    text: 'Each request only crosses one ztunnel, so the L4 part is 3.6 vCPU.',
  },
  {
    scenarioId: 'estimate-ambient-vs-sidecar-cpu',
    isWrong: false,
    text: 'Each request crosses two ztunnels, source and destination.',
  },
  {
    scenarioId: 'estimate-fan-out-tail',
    isWrong: true,
    text: 'The probabilities add up: 20 × 1% = 20% of pages are slow.',
  },
  {
    scenarioId: 'estimate-fan-out-tail',
    isWrong: false,
    text: 'Adding the probabilities would give 20%, which double counts; the right value is 1 − 0.99^20 ≈ 18%.',
  },
  {
    scenarioId: 'estimate-p99-added-per-hop',
    isWrong: true,
    text: 'Each call passes one proxy, so I double the 0.3 ms figure for both sidecars.',
  },
  {
    scenarioId: 'estimate-p99-added-per-hop',
    isWrong: false,
    text: 'The 0.3 ms already covers both sidecars of one call.',
  },
  {
    scenarioId: 'estimate-retry-amplification',
    isWrong: true,
    text: 'attempts: 3 means three tries in total, so 3^3 = 27 and 250 × 27 = 6,750 rps.',
  },
  {
    scenarioId: 'estimate-retry-amplification',
    isWrong: false,
    text: 'attempts counts retries, so four tries per hop: 4^3 = 64.',
  },
  {
    scenarioId: 'estimate-sidecar-fleet-cpu',
    isWrong: true,
    text: 'Memory scales with request rate, so at 450 rps each sidecar needs about 27 MB.',
  },
  {
    scenarioId: 'estimate-sidecar-fleet-cpu',
    isWrong: false,
    text: 'Memory does not scale with request rate; it follows config size.',
  },
  {
    scenarioId: 'justify-latency-budget-bid-path',
    isWrong: true,
    text: 'The vendor benchmark shows under 1 ms in total, so that is fine for the bid path.',
  },
  {
    scenarioId: 'justify-latency-budget-bid-path',
    isWrong: false,
    text: 'The vendor claims under 1 ms, but four hops of two proxies add up against 12 ms.',
  },
  {
    scenarioId: 'justify-monolith-pci-scope',
    isWrong: true,
    text: 'Postgres does not support TLS, so we need a sidecar to encrypt the connection.',
  },
  {
    scenarioId: 'justify-monolith-pci-scope',
    isWrong: false,
    text: 'Postgres supports TLS natively with sslmode=verify-full.',
  },
  {
    scenarioId: 'justify-no-oncall-no-owner',
    isWrong: true,
    text: 'The managed add-on means nobody has to own the mesh, the provider handles everything.',
  },
  {
    scenarioId: 'justify-no-oncall-no-owner',
    isWrong: false,
    text: 'A managed add-on does not remove the need for an owner.',
  },
  {
    scenarioId: 'justify-polyglot-resilience-sprawl',
    isWrong: true,
    text: 'Just standardise the libraries; one library per language would be simpler.',
  },
  {
    scenarioId: 'justify-polyglot-resilience-sprawl',
    isWrong: false,
    text: 'One library per language would mean five codebases, which is not simpler.',
  },
  {
    scenarioId: 'justify-regulated-fintech-200-services',
    isWrong: true,
    text: 'mTLS satisfies 3.2 because identities prove least privilege.',
  },
  {
    scenarioId: 'justify-regulated-fintech-200-services',
    isWrong: false,
    text: 'mTLS does not satisfy 3.2 on its own; authorization policies give least privilege.',
  },
  {
    scenarioId: 'justify-three-service-startup',
    isWrong: true,
    text: 'The questionnaire requires a mesh, because only mTLS can encrypt the Postgres connection.',
  },
  {
    scenarioId: 'justify-three-service-startup',
    isWrong: false,
    text: 'Encryption in transit does not require a mesh; turn on TLS to Postgres.',
  },
  {
    scenarioId: 'rollout-authorization-policies',
    isWrong: true,
    text: 'Start with a default deny everywhere and add allow rules as teams complain.',
  },
  {
    scenarioId: 'rollout-authorization-policies',
    isWrong: false,
    text: 'Default deny comes last, once every caller is covered.',
  },
  {
    scenarioId: 'rollout-control-plane-upgrade',
    isWrong: true,
    text: 'Sidecars pick up the new version automatically once istiod is upgraded.',
  },
  {
    scenarioId: 'rollout-control-plane-upgrade',
    isWrong: false,
    text: 'Sidecars keep their version until the pods restart.',
  },
  {
    scenarioId: 'rollout-first-mesh-adoption',
    isWrong: true,
    text: 'Turn on STRICT from day one so security is happy, then add dashboards later.',
  },
  {
    scenarioId: 'rollout-first-mesh-adoption',
    isWrong: false,
    text: 'STRICT from day one would break the report-export CronJob, so PERMISSIVE first.',
  },
  {
    scenarioId: 'rollout-permissive-to-strict',
    isWrong: true,
    text: 'Set the mesh-wide default to STRICT first, then fix whatever breaks.',
  },
  {
    scenarioId: 'rollout-permissive-to-strict',
    isWrong: false,
    text: 'The mesh-wide default comes last, after the waves.',
  },
  {
    scenarioId: 'rollout-sidecar-to-ambient',
    isWrong: true,
    text: 'Switch the namespaces first and add waypoints later if something breaks.',
  },
  {
    scenarioId: 'rollout-sidecar-to-ambient',
    isWrong: false,
    text: 'Waypoints come before the switch, or the L7 rules fail closed on ztunnel.',
  },
  {
    scenarioId: 'choose-none-serverless-shop',
    isWrong: false,
    text: 'Traffic between the functions is not plaintext: API Gateway and SQS endpoints are HTTPS.',
  },
  {
    scenarioId: 'justify-monolith-pci-scope',
    isWrong: false,
    text: 'A mesh is not out of scope: it would itself enter PCI scope.',
  },
  {
    scenarioId: 'diagnose-outlier-detection-never-ejects',
    isWrong: false,
    text: 'Outlier detection is not disabled; the stats show 118 detections.',
  },
  {
    scenarioId: 'diagnose-strict-breaks-batch-job',
    isWrong: false,
    text: 'Encryption is not optional for settlement traffic, so disabling mTLS is out.',
  },
  {
    scenarioId: 'diagnose-fault-injection-disables-retries',
    isWrong: false,
    text: 'The retry code is not broken; the fault turns it off.',
  },
  {
    scenarioId: 'diagnose-fault-injection-disables-retries',
    isWrong: true,
    text: 'Retries are broken in this Istio version, so we upgrade.',
  },
  {
    scenarioId: 'choose-none-serverless-shop',
    isWrong: true,
    text: 'Traffic between SQS and the functions is plaintext today.',
  },
  {
    scenarioId: 'diagnose-outlier-detection-never-ejects',
    isWrong: true,
    text: 'Outlier detection is off by default, so the DestinationRule is ignored.',
  },
  {
    scenarioId: 'diagnose-ambient-l7-rule-on-ztunnel',
    isWrong: false,
    text: "The node proxy in ambient only understands connections and identities, so a rule about HTTP verbs is something it can't honour, and rather than let traffic through it refuses everything. That's why even the GETs die. Stand up a waypoint for profile-svc, bind the policy to it via targetRefs, and keep the frontend principal check there because ztunnel will only see the waypoint's identity after that.",
  },
  {
    scenarioId: 'diagnose-ambient-l7-rule-on-ztunnel',
    isWrong: false,
    text: 'Nothing is wrong with the service account string; it worked yesterday. The new methods field needs an L7 proxy, and there is no waypoint in accounts, so ztunnel turns the ALLOW into a deny. Deleting the policy would restore traffic but drop the control; a waypoint is the fix.',
  },
  {
    scenarioId: 'diagnose-breaker-503-uo-flash-sale',
    isWrong: false,
    text: "These 503s are manufactured by checkout's own Envoy: the pool of 50 in-flight requests per caller pod is full because 900 rps at 60 ms is about 54 concurrent requests. Inventory is idling at 55% CPU and never sees them. Keep the circuit breaker but give it headroom, say 150, verify with a load test, and don't let retries pile onto the overflow.",
  },
  {
    scenarioId: 'diagnose-breaker-503-uo-flash-sale',
    isWrong: false,
    text: "Scaling inventory won't change anything because the limit lives in the client sidecar, and ripping out the connection pool would leave inventory unprotected when it really slows down. Size the limit from Little's law with 2-3x headroom.",
  },
  {
    scenarioId: 'diagnose-canary-v2-errors',
    isWrong: false,
    text: 'Break the errors down by version: v1 is at its normal 0.2% while v2 fails 12% of its 18,000 requests, which is no statistical accident. 0.9 × 0.2 + 0.1 × 12 ≈ 1.4, the whole rise. Pull v2 to weight 0 right now, then fix the avatar resizing and put Argo Rollouts analysis on the next attempt.',
  },
  {
    scenarioId: 'diagnose-canary-v2-errors',
    isWrong: false,
    text: 'Going to 50% for more data would expose half the users to a 12% failure rate. The split is working fine; it is what lets us roll back with one line.',
  },
  {
    scenarioId: 'diagnose-control-plane-churn-stale-endpoints',
    isWrong: false,
    text: "Each sidecar keeps the endpoint list istiod last pushed, so after spot reclamations it keeps dialing dead pod IPs until the next push lands; with istiod pinned at 100% CPU that takes 40 seconds. The load comes from pods churning, not from user requests. Give istiod more replicas and CPU, cut every proxy's config down with Sidecar scoping, and alert on convergence time.",
  },
  {
    scenarioId: 'diagnose-control-plane-churn-stale-endpoints',
    isWrong: false,
    text: 'This is not DNS caching and not kube-proxy; sidecars pick endpoints themselves. Outlier detection can soften it but the fix is a control plane that keeps up.',
  },
  {
    scenarioId: 'diagnose-deny-overrides-allow',
    isWrong: false,
    text: "A matching DENY ends evaluation before any ALLOW is looked at, and the guardrail's notNamespaces covers everything outside payments, ops included. So the ALLOW is irrelevant. Ask security to carve refund-worker's principal out of the DENY rather than adding ALLOWs or deleting their guardrail.",
  },
  {
    scenarioId: 'diagnose-deny-overrides-allow',
    isWrong: false,
    text: 'The ALLOW was pushed hours ago, so it is not propagation. refund-worker has a valid SPIFFE identity; the 403 RBAC denial is authorization. Evaluation order is CUSTOM, DENY, ALLOW.',
  },
  {
    scenarioId: 'diagnose-fault-injection-disables-retries',
    isWrong: false,
    text: "The abort is injected by the caller's sidecar on the very route that carries the retry policy, and Istio switches retries and timeouts off on a route that has a fault, so nothing was retried (attempt count 1, flag FI). With retries on, 0.5^4 would leave about 6%. Make payments-svc itself fail instead, with a chaos tool, so the caller can retry real 503s.",
  },
  {
    scenarioId: 'diagnose-fault-injection-disables-retries',
    isWrong: false,
    text: '5xx does cover 503 and the retry code is not broken; upgrading would change nothing. Put the fault on the next hop or in the app.',
  },
  {
    scenarioId: 'diagnose-missing-timeouts-slow-leaf',
    isWrong: false,
    text: 'Without a configured timeout Istio waits forever, so every checkout thread ends up parked on recommendation-svc and even /cart queues behind them. Give the route a 300 ms timeout, just above the 220 ms p99.9, at most one retry with a per-try timeout, and render checkout without recommendations when it fires.',
  },
  {
    scenarioId: 'diagnose-missing-timeouts-slow-leaf',
    isWrong: false,
    text: 'Adding replicas or retries only prolongs the pile-up; mTLS has nothing to do with it. Bound the wait first.',
  },
  {
    scenarioId: 'diagnose-outlier-detection-never-ejects',
    isWrong: false,
    text: 'Detection fires, ejection is refused: ejecting one of three pods is a third of the pool, over the default 10% cap, so ejections_overflow climbs with ejections_active at zero. Raise maxEjectionPercent to 50 or run more replicas, and retry on another host meanwhile.',
  },
  {
    scenarioId: 'diagnose-outlier-detection-never-ejects',
    isWrong: false,
    text: 'Lowering consecutive5xxErrors to 1 would not help because the bad pod already trips detection 118 times. Older Envoy always let one host go, newer ones count it.',
  },
  {
    scenarioId: 'diagnose-retry-storm-failing-leaf',
    isWrong: false,
    text: 'Users kept sending about 400 rps while inventory got 9,600: the extra is the retries. Three hops each retrying twice gives (1+2)^3 = 27 tries per request, so the leaf never recovers. Retry once at checkout-api only, cap with a 20% retry budget, add per-try timeouts and let a breaker shed load; scale later if demand needs it.',
  },
  {
    scenarioId: 'diagnose-retry-storm-failing-leaf',
    isWrong: false,
    text: 'The HPA bump was useless: new pods got the same 27x. Fewer retries, not more replicas.',
  },
  {
    scenarioId: 'diagnose-strict-breaks-batch-job',
    isWrong: false,
    text: "The finance-batch namespace has no injection, so the CronJob talks plaintext and STRICT makes payments-svc's sidecar reset it during the handshake; nothing reaches the access log. Inject the namespace with a native sidecar so the job still exits, or add a port-level PERMISSIVE exception for payments-svc with an expiry.",
  },
  {
    scenarioId: 'diagnose-strict-breaks-batch-job',
    isWrong: false,
    text: 'There is no AuthorizationPolicy and no 403, so this is not authorization, and the certificate is fine because meshed callers work. Reverting the namespace to PERMISSIVE would drop encryption for everyone.',
  },
  {
    scenarioId: 'diagnose-breaker-503-uo-flash-sale',
    isWrong: false,
    text: 'Per checkout pod, 900 rps × 0.06 s ≈ 54 requests in flight, above the 50 limit. Raise http2MaxRequests to about 150 so concurrency stays under the new limit with headroom. On Istio 1.24 a retry budget is not available (it needs 1.27), so cap retries with maxRetries.',
  },
  {
    scenarioId: 'diagnose-breaker-503-uo-flash-sale',
    isWrong: false,
    text: '3 pods × 900 = 2,700 rps total, 54 in flight per pod, and each sidecar counts its own limit. A retry budget needs Istio 1.27; on 1.24 use maxRetries.',
  },
  {
    scenarioId: 'diagnose-outlier-detection-never-ejects',
    isWrong: false,
    text: 'One of three is 33%, more than 10%, so set maxEjectionPercent to at least 34 (33 is not enough).',
  },
  {
    scenarioId: 'diagnose-retry-storm-failing-leaf',
    isWrong: false,
    text: 'With one retry layer the leaf sees at most 3 attempts per user request instead of 27, an amplification of 3x.',
  },
  {
    scenarioId: 'diagnose-control-plane-churn-stale-endpoints',
    isWrong: false,
    text: 'Convergence p99 is 0.8 s normally and 41 s during bursts.',
  },
  {
    scenarioId: 'estimate-retry-amplification',
    isWrong: false,
    text: 'A retry budget, available since Istio 1.27, caps it near 1.73x; on 1.24 there is none.',
  },
  {
    scenarioId: 'diagnose-ambient-l7-rule-on-ztunnel',
    isWrong: false,
    text: 'Root cause: the methods match can only be evaluated by an L7 proxy and the namespace has none, so istio fails safe and ztunnel denies all. Fix: add a waypoint, label profile-svc to use it, target the policy at the Service. Principal checks go to the waypoint too.',
  },
  {
    scenarioId: 'diagnose-breaker-503-uo-flash-sale',
    isWrong: false,
    text: "UO = the caller's Envoy refused the request itself because the connection pool was full. Not inventory: it never saw them. Fix: bigger limits (2-3x of ~54), keep the breaker, load test, no blind retries on UO.",
  },
  {
    scenarioId: 'diagnose-canary-v2-errors',
    isWrong: false,
    text: "v2 is broken, v1 isn't: 12% vs 0.2%. Weight v2 to 0 first, investigate later, then automate canary analysis so this rolls back by itself next time. Also look at v2's own inbound stats since retries can hide failures.",
  },
  {
    scenarioId: 'diagnose-control-plane-churn-stale-endpoints',
    isWrong: false,
    text: 'Stale EDS: the proxies still route to pods that are gone because istiod is overloaded by churn and pushes lag 40 s. Scale istiod, scope config with Sidecar resources and discovery selectors, SLO and alert on convergence. Outlier detection and retries on connect-failure only as a safety net.',
  },
  {
    scenarioId: 'diagnose-deny-overrides-allow',
    isWrong: false,
    text: "DENY wins over ALLOW in Istio, always. The guardrail denies anything outside payments calling refunds, and refund-worker lives in ops, so it's denied. Get security to add refund-worker to notPrincipals; more ALLOWs won't do anything.",
  },
  {
    scenarioId: 'diagnose-fault-injection-disables-retries',
    isWrong: false,
    text: "When a route has a fault, Istio turns its retries and timeouts off, and the abort is generated in rides-svc's own sidecar, so the experiment never exercised retries. Expected with working retries: 0.5^4 ≈ 6%. Redo the game day with the failure injected server-side.",
  },
  {
    scenarioId: 'diagnose-missing-timeouts-slow-leaf',
    isWrong: false,
    text: 'No timeout on the route, so threads wait 20-30 s on recommendation-svc and the pool of 200 fills; /cart starves too. Set ~300 ms (p99.9 is 220 ms), one retry max inside it, degrade to no recommendations.',
  },
  {
    scenarioId: 'diagnose-outlier-detection-never-ejects',
    isWrong: false,
    text: 'The pool is three hosts and the cap is 10%, so ejecting one (33%) is always refused, see ejections_overflow. Set maxEjectionPercent: 50 or add replicas; keep retrying to another host.',
  },
  {
    scenarioId: 'diagnose-retry-storm-failing-leaf',
    isWrong: false,
    text: 'Every hop retries twice so one user request turns into up to 27 calls on inventory, which keeps its DB pool saturated: 400 rps at the edge, 9,600 at the leaf. Only checkout-api should retry, with a 20% budget and per-try timeouts; add a breaker and outlier detection so callers fail fast.',
  },
  {
    scenarioId: 'diagnose-strict-breaks-batch-job',
    isWrong: false,
    text: 'The job is outside the mesh (no injection label on finance-batch), and STRICT only accepts mTLS, hence the resets. Inject it (native sidecar so the Job finishes) or a temporary port-level PERMISSIVE exception. Check plaintext telemetry before the next flip.',
  },
  {
    scenarioId: 'diagnose-canary-v2-errors',
    isWrong: false,
    text: "It's not noise; with 1,200 requests a minute the gap is obvious. Setting the weight to 0 is the rollback, no redeploy needed.",
  },
  {
    scenarioId: 'diagnose-breaker-503-uo-flash-sale',
    isWrong: false,
    text: "Deleting the limits means unlimited concurrency; when inventory truly slows, requests pile up. So resize, don't remove.",
  },
  {
    scenarioId: 'choose-cilium-ebpf-platform',
    isWrong: true,
    text: 'Cilium handles the HTTP path and method checks directly in eBPF, so there is no Envoy in the path at all.',
  },
  {
    scenarioId: 'choose-cilium-ebpf-platform',
    isWrong: true,
    text: 'Cilium gives us per-connection mTLS between pods just like an Istio sidecar would.',
  },
  {
    scenarioId: 'choose-cilium-ebpf-platform',
    isWrong: true,
    text: 'We would swap the CNI for a fresh Istio install to get proper L7.',
  },
  {
    scenarioId: 'choose-hybrid-vms-multi-datacenter',
    isWrong: true,
    text: 'Consul only really works on Kubernetes, so the VMs would need agents from another tool.',
  },
  {
    scenarioId: 'choose-hybrid-vms-multi-datacenter',
    isWrong: true,
    text: 'Linkerd is the strongest fit for a VM-heavy estate like this.',
  },
  {
    scenarioId: 'choose-kong-multi-zone-universal',
    isWrong: true,
    text: 'Kuma has the largest community of all the meshes, which is why it is the safe pick.',
  },
  {
    scenarioId: 'choose-kong-multi-zone-universal',
    isWrong: true,
    text: 'We would install Kubernetes in Madrid and Warsaw so that every zone runs the same way.',
  },
  {
    scenarioId: 'choose-kubernetes-deep-l7',
    isWrong: true,
    text: 'Linkerd supports traffic mirroring and fault injection natively, so either would work.',
  },
  {
    scenarioId: 'choose-kubernetes-deep-l7',
    isWrong: true,
    text: 'Istio is lightweight to operate, so the team size hardly matters.',
  },
  {
    scenarioId: 'choose-none-serverless-shop',
    isWrong: true,
    text: 'We can add a Linkerd proxy as a Lambda extension so every function joins the mesh.',
  },
  {
    scenarioId: 'choose-none-serverless-shop',
    isWrong: true,
    text: 'Calls between the functions go over plaintext inside AWS, which is why we need mTLS.',
  },
  {
    scenarioId: 'choose-small-team-mtls-fast',
    isWrong: true,
    text: "Linkerd's mTLS is opt-in, so we would need to configure certificates for each service.",
  },
  {
    scenarioId: 'choose-small-team-mtls-fast',
    isWrong: true,
    text: 'With mTLS in place, only our own services can reach records-svc, which covers authorization.',
  },
  {
    scenarioId: 'diagnose-ambient-l7-rule-on-ztunnel',
    isWrong: true,
    text: 'ztunnel simply ignores the methods field it cannot read, so the problem must be elsewhere.',
  },
  {
    scenarioId: 'diagnose-ambient-l7-rule-on-ztunnel',
    isWrong: true,
    text: 'Re-enable sidecar injection for profile-svc so the L7 rule is enforced again.',
  },
  {
    scenarioId: 'diagnose-breaker-503-uo-flash-sale',
    isWrong: true,
    text: 'UO means the upstream inventory pods are overloaded and rejecting connections.',
  },
  {
    scenarioId: 'diagnose-breaker-503-uo-flash-sale',
    isWrong: true,
    text: 'The limit of 50 is shared by all checkout pods, so the whole service gets 50 requests in flight.',
  },
  {
    scenarioId: 'diagnose-canary-v2-errors',
    isWrong: true,
    text: 'The v1 pods were degraded by the deploy, so restart v1 and keep the canary going.',
  },
  {
    scenarioId: 'diagnose-canary-v2-errors',
    isWrong: true,
    text: 'The split is broken; remove the VirtualService so traffic flows normally again.',
  },
  {
    scenarioId: 'diagnose-control-plane-churn-stale-endpoints',
    isWrong: true,
    text: 'kube-proxy iptables rules are stale on the spot nodes, so restart kube-proxy everywhere.',
  },
  {
    scenarioId: 'diagnose-control-plane-churn-stale-endpoints',
    isWrong: true,
    text: 'Enabling outlier detection fixes the problem, because dead pods get ejected.',
  },
  {
    scenarioId: 'diagnose-deny-overrides-allow',
    isWrong: true,
    text: 'ALLOW policies are evaluated before DENY policies, so the ALLOW should already work.',
  },
  {
    scenarioId: 'diagnose-deny-overrides-allow',
    isWrong: true,
    text: 'The fix is to add a broader ALLOW for the whole ops namespace.',
  },
  {
    scenarioId: 'diagnose-fault-injection-disables-retries',
    isWrong: true,
    text: 'The retry budget was exhausted by the 50% error rate, so retries stopped.',
  },
  {
    scenarioId: 'diagnose-fault-injection-disables-retries',
    isWrong: true,
    text: "The abort happens in payments-svc's sidecar, so the caller retried and failed each time.",
  },
  {
    scenarioId: 'diagnose-missing-timeouts-slow-leaf',
    isWrong: true,
    text: "Istio's default route timeout is 15 seconds, which is why checkout waited that long.",
  },
  {
    scenarioId: 'diagnose-missing-timeouts-slow-leaf',
    isWrong: true,
    text: 'Give checkout-api more replicas so it can hold more waiting requests.',
  },
  {
    scenarioId: 'diagnose-outlier-detection-never-ejects',
    isWrong: true,
    text: 'Outlier detection only counts 502, 503 and 504, not 500, so the pod is never ejected.',
  },
  {
    scenarioId: 'diagnose-outlier-detection-never-ejects',
    isWrong: true,
    text: 'Because load balancing spreads the requests, five consecutive errors never happen.',
  },
  {
    scenarioId: 'diagnose-retry-storm-failing-leaf',
    isWrong: true,
    text: 'inventory-svc is simply under-provisioned; raise the HPA maximum and it recovers.',
  },
  {
    scenarioId: 'diagnose-retry-storm-failing-leaf',
    isWrong: true,
    text: 'Each hop adds two retries, so at most 6 extra calls reach inventory per request.',
  },
  {
    scenarioId: 'diagnose-strict-breaks-batch-job',
    isWrong: true,
    text: 'The workload certificate of payments-svc expired, so restart istiod to re-issue it.',
  },
  {
    scenarioId: 'diagnose-strict-breaks-batch-job',
    isWrong: true,
    text: "An AuthorizationPolicy is denying the job's service account; add an ALLOW rule.",
  },
  {
    scenarioId: 'estimate-ambient-vs-sidecar-cpu',
    isWrong: true,
    text: 'Ambient handles the L7 share in ztunnel too, so the total is just 7.2 vCPU.',
  },
  {
    scenarioId: 'estimate-fan-out-tail',
    isWrong: true,
    text: 'Only 1% of page requests are slow, since each backend is slow 1% of the time.',
  },
  {
    scenarioId: 'estimate-p99-added-per-hop',
    isWrong: true,
    text: 'Five services means five hops, so 5 × 0.3 = 1.5 ms.',
  },
  {
    scenarioId: 'estimate-retry-amplification',
    isWrong: true,
    text: 'Retries add per hop: 4 + 4 + 4 = 12 tries, so 250 × 12 = 3,000 rps.',
  },
  {
    scenarioId: 'estimate-sidecar-fleet-cpu',
    isWrong: true,
    text: 'Each sidecar costs a flat 0.2 vCPU, so 320 × 0.2 = 64 vCPU.',
  },
  {
    scenarioId: 'justify-latency-budget-bid-path',
    isWrong: true,
    text: 'Sidecars actually lower p99 thanks to connection pooling, so the bid path benefits.',
  },
  {
    scenarioId: 'justify-latency-budget-bid-path',
    isWrong: true,
    text: 'For consistency the mesh has to cover every service, bid path included.',
  },
  {
    scenarioId: 'justify-monolith-pci-scope',
    isWrong: true,
    text: 'We should split billing and auth out of the monolith first so the mesh has something to do.',
  },
  {
    scenarioId: 'justify-monolith-pci-scope',
    isWrong: true,
    text: 'PCI DSS requires a service mesh for encryption between tiers.',
  },
  {
    scenarioId: 'justify-no-oncall-no-owner',
    isWrong: true,
    text: 'The cloud provider owns the managed mesh, so we do not need anyone on call for it.',
  },
  {
    scenarioId: 'justify-no-oncall-no-owner',
    isWrong: true,
    text: 'Install it next sprint and learn as we go; the problems will justify it.',
  },
  {
    scenarioId: 'justify-polyglot-resilience-sprawl',
    isWrong: true,
    text: 'Mandating one resilience library per language is cheaper and enough here.',
  },
  {
    scenarioId: 'justify-polyglot-resilience-sprawl',
    isWrong: true,
    text: 'Start with STRICT mTLS and authorization everywhere in week one.',
  },
  {
    scenarioId: 'justify-regulated-fintech-200-services',
    isWrong: true,
    text: 'Enable the mesh on all 200 services in one change window to get it over with.',
  },
  {
    scenarioId: 'justify-regulated-fintech-200-services',
    isWrong: true,
    text: "mTLS alone satisfies the regulator's least-privilege clause.",
  },
  {
    scenarioId: 'justify-three-service-startup',
    isWrong: true,
    text: 'Encryption in transit requires a mesh, so Istio is the only way to answer the questionnaire.',
  },
  {
    scenarioId: 'justify-three-service-startup',
    isWrong: true,
    text: 'Four engineers can run Istio easily with the managed offering.',
  },
  {
    scenarioId: 'rollout-authorization-policies',
    isWrong: true,
    text: 'STRICT mTLS already stops the compromised scheduler from reading records.',
  },
  {
    scenarioId: 'rollout-authorization-policies',
    isWrong: true,
    text: 'Skip audit mode and enforce the policies directly, then fix what breaks.',
  },
  {
    scenarioId: 'rollout-control-plane-upgrade',
    isWrong: true,
    text: 'Do a single in-place Helm upgrade; revisions are overkill.',
  },
  {
    scenarioId: 'rollout-control-plane-upgrade',
    isWrong: true,
    text: 'Remove the old revision right away to avoid confusion.',
  },
  {
    scenarioId: 'rollout-first-mesh-adoption',
    isWrong: true,
    text: 'Inject all 14 namespaces at once so everyone gets the mesh together.',
  },
  {
    scenarioId: 'rollout-first-mesh-adoption',
    isWrong: true,
    text: 'Write the bypass plan later, once we know what breaks.',
  },
  {
    scenarioId: 'rollout-permissive-to-strict',
    isWrong: true,
    text: 'Flip STRICT and see what breaks; the known list of callers is enough.',
  },
  {
    scenarioId: 'rollout-sidecar-to-ambient',
    isWrong: true,
    text: 'Selector-based policies keep working in ambient, so there is no need to retarget them.',
  },
  {
    scenarioId: 'rollout-sidecar-to-ambient',
    isWrong: true,
    text: 'Remove all sidecars at once over a weekend to get the savings quickly.',
  },
  {
    scenarioId: 'justify-latency-budget-bid-path',
    isWrong: true,
    text: 'Modern Envoy adds basically zero latency, so the bid path can go into sidecars with everything else.',
  },
  {
    scenarioId: 'justify-latency-budget-bid-path',
    isWrong: true,
    text: 'Four hops at 0.3 ms is only 1.2 ms, which is nothing against 12 ms, so sidecars are fine on the bid path too.',
  },
  {
    scenarioId: 'justify-latency-budget-bid-path',
    isWrong: true,
    text: 'The vendor blog already proved it adds under 1 ms, so there is no need to load test.',
  },
  {
    scenarioId: 'justify-latency-budget-bid-path',
    isWrong: true,
    text: "A sidecar's overhead stays the same at 180,000 rps as at 1,000 rps.",
  },
  {
    scenarioId: 'justify-monolith-pci-scope',
    isWrong: true,
    text: "The managed Postgres can't do TLS, so we need a sidecar proxy in front of it.",
  },
  {
    scenarioId: 'justify-monolith-pci-scope',
    isWrong: true,
    text: 'A mesh stays outside PCI scope because it only moves packets.',
  },
  {
    scenarioId: 'justify-monolith-pci-scope',
    isWrong: true,
    text: "The monolith's pods talk to each other constantly, so there is a lot of east-west traffic to secure.",
  },
  {
    scenarioId: 'justify-monolith-pci-scope',
    isWrong: true,
    text: 'Redis is internal to the cluster, so it can stay plaintext.',
  },
  {
    scenarioId: 'justify-no-oncall-no-owner',
    isWrong: true,
    text: 'A mesh sits outside the request path, so a bad config only affects telemetry.',
  },
  {
    scenarioId: 'justify-no-oncall-no-owner',
    isWrong: true,
    text: 'The two incidents have nothing to do with whether we can run a mesh.',
  },
  {
    scenarioId: 'justify-no-oncall-no-owner',
    isWrong: true,
    text: 'SLOs can come later; the mesh dashboards will give us the baseline.',
  },
  {
    scenarioId: 'justify-polyglot-resilience-sprawl',
    isWrong: true,
    text: 'INC-311 was just the database failover, unrelated to retries.',
  },
  {
    scenarioId: 'justify-polyglot-resilience-sprawl',
    isWrong: true,
    text: 'Five engineers is too few to run a control plane.',
  },
  {
    scenarioId: 'justify-polyglot-resilience-sprawl',
    isWrong: true,
    text: 'The mesh costs nothing in latency or CPU, so there is no trade-off.',
  },
  {
    scenarioId: 'justify-regulated-fintech-200-services',
    isWrong: true,
    text: 'A shared TLS library could cover all four languages and the vendor images too.',
  },
  {
    scenarioId: 'justify-regulated-fintech-200-services',
    isWrong: true,
    text: 'Each squad should run its own mesh so they stay autonomous.',
  },
  {
    scenarioId: 'justify-regulated-fintech-200-services',
    isWrong: true,
    text: 'Start with authorization policies before mTLS so least privilege comes first.',
  },
  {
    scenarioId: 'justify-three-service-startup',
    isWrong: true,
    text: 'Everyone runs Istio these days, so three services is plenty to justify it.',
  },
  {
    scenarioId: 'justify-three-service-startup',
    isWrong: true,
    text: 'Linkerd basically runs itself, so four engineers with no on-call can own it.',
  },
  {
    scenarioId: 'justify-three-service-startup',
    isWrong: true,
    text: 'A mesh should be ruled out for good at this company.',
  },
  {
    scenarioId: 'choose-cilium-ebpf-platform',
    isWrong: true,
    text: 'Kernel CPU from encryption shows up in the pod metrics, so capacity planning stays simple.',
  },
  {
    scenarioId: 'choose-cilium-ebpf-platform',
    isWrong: true,
    text: 'A sidecar per pod would fit within the 150 vCPU cap anyway.',
  },
  {
    scenarioId: 'choose-hybrid-vms-multi-datacenter',
    isWrong: true,
    text: 'Consul cannot handle two datacenters, so failover needs something else.',
  },
  {
    scenarioId: 'choose-hybrid-vms-multi-datacenter',
    isWrong: true,
    text: 'We would retire the Consul catalog and move discovery to Kubernetes DNS.',
  },
  {
    scenarioId: 'choose-kong-multi-zone-universal',
    isWrong: true,
    text: 'Kuma runs separate meshes per zone with no global control plane.',
  },
  {
    scenarioId: 'choose-kong-multi-zone-universal',
    isWrong: true,
    text: 'Kuma has no downsides here; every feature is battle-tested.',
  },
  {
    scenarioId: 'choose-kubernetes-deep-l7',
    isWrong: true,
    text: 'Istio cannot validate JWT claims, so entitlement needs a separate gateway.',
  },
  {
    scenarioId: 'choose-kubernetes-deep-l7',
    isWrong: true,
    text: 'ztunnel handles header routing and mirroring without any waypoint.',
  },
  {
    scenarioId: 'choose-none-serverless-shop',
    isWrong: true,
    text: "IAM doesn't give the functions any identity, so least privilege needs mTLS.",
  },
  {
    scenarioId: 'choose-none-serverless-shop',
    isWrong: true,
    text: "X-Ray can't follow SQS, so the trace gap needs a mesh.",
  },
  {
    scenarioId: 'choose-small-team-mtls-fast',
    isWrong: true,
    text: 'Linkerd has no authorization policy support, so we would add Istio later.',
  },
  {
    scenarioId: 'choose-small-team-mtls-fast',
    isWrong: true,
    text: "Linkerd doesn't ship golden metrics, we would build the dashboards ourselves.",
  },
  {
    scenarioId: 'diagnose-strict-breaks-batch-job',
    isWrong: true,
    text: 'The job already has a sidecar, so mTLS is not the issue; it must be the certificate.',
  },
  {
    scenarioId: 'diagnose-control-plane-churn-stale-endpoints',
    isWrong: true,
    text: 'Enabling outlier detection fixes the problem.',
  },
  {
    scenarioId: 'diagnose-control-plane-churn-stale-endpoints',
    isWrong: true,
    text: 'Outlier detection fixes the problem.',
  },
  {
    scenarioId: 'diagnose-control-plane-churn-stale-endpoints',
    isWrong: true,
    text: 'Outlier detection fixes the stale endpoints.',
  },
  // Round 2 (breadth): the new claim families, and correct statements that share their words.
  {
    scenarioId: 'choose-cilium-ebpf-platform',
    isWrong: false,
    text: 'A sidecar per pod on 3,000 pods would cost more than the 150 vCPU ceiling, so Cilium is cheaper than Istio here.',
  },
  {
    scenarioId: 'choose-cilium-ebpf-platform',
    isWrong: false,
    text: 'Cilium encrypts with WireGuard in the kernel, and the two HTTP rules go through the shared per-node Envoy.',
  },
  {
    scenarioId: 'choose-cilium-ebpf-platform',
    isWrong: true,
    text: 'Istio sidecars would be cheaper than Cilium here.',
  },
  {
    scenarioId: 'choose-cilium-ebpf-platform',
    isWrong: true,
    text: 'Encryption is handled by Envoy in each pod.',
  },
  {
    scenarioId: 'choose-hybrid-vms-multi-datacenter',
    isWrong: false,
    text: 'Consul connects both datacenters with mesh gateways and cluster peering, and intentions apply the same way on VMs and Kubernetes.',
  },
  {
    scenarioId: 'choose-hybrid-vms-multi-datacenter',
    isWrong: true,
    text: 'Intentions are based on IP addresses and subnets.',
  },
  {
    scenarioId: 'choose-hybrid-vms-multi-datacenter',
    isWrong: true,
    text: 'Move all the VMs to Kubernetes first, then pick a mesh.',
  },
  {
    scenarioId: 'choose-kong-multi-zone-universal',
    isWrong: false,
    text: 'Universal mode runs Kuma on VMs without Kubernetes, and the global control plane only distributes policy; traffic stays in the zones.',
  },
  {
    scenarioId: 'choose-kong-multi-zone-universal',
    isWrong: true,
    text: 'Kuma has a richer ecosystem than Istio.',
  },
  {
    scenarioId: 'choose-kubernetes-deep-l7',
    isWrong: false,
    text: 'Linkerd would be simpler, but it has no fault injection or JWT-aware authorization, so Istio fits better.',
  },
  {
    scenarioId: 'choose-kubernetes-deep-l7',
    isWrong: true,
    text: 'Linkerd supports fault injection and mirroring, so it covers these needs.',
  },
  {
    scenarioId: 'choose-kubernetes-deep-l7',
    isWrong: false,
    text: 'Sidecar cost is real, so we scope config with Sidecar resources and size requests.',
  },
  {
    scenarioId: 'choose-none-serverless-shop',
    isWrong: false,
    text: 'There is no pod for a sidecar in Lambda, and IAM-signed calls already give workload identity.',
  },
  {
    scenarioId: 'choose-none-serverless-shop',
    isWrong: true,
    text: 'Linkerd can run inside the Lambda functions.',
  },
  {
    scenarioId: 'choose-small-team-mtls-fast',
    isWrong: false,
    text: 'Linkerd turns on mTLS for meshed TCP traffic automatically, but mTLS is not authorization, so we add Server and AuthorizationPolicy next.',
  },
  {
    scenarioId: 'choose-small-team-mtls-fast',
    isWrong: true,
    text: 'Once mTLS is on, no further authorization is needed.',
  },
  {
    scenarioId: 'diagnose-ambient-l7-rule-on-ztunnel',
    isWrong: false,
    text: 'ztunnel only sees L4, so the method rule cannot be checked there and Istio turns it into a deny; deploy a waypoint and attach the policy with targetRefs.',
  },
  {
    scenarioId: 'diagnose-ambient-l7-rule-on-ztunnel',
    isWrong: true,
    text: 'ztunnel evaluates the HTTP method and rejects the GETs because of the principal.',
  },
  {
    scenarioId: 'diagnose-breaker-503-uo-flash-sale',
    isWrong: false,
    text: 'UO means the caller sidecar refused the request because its own pool limit was reached; 900 rps × 0.06 s is about 54 in flight per pod, so raise the limit to about 150 and load-test it.',
  },
  {
    scenarioId: 'diagnose-breaker-503-uo-flash-sale',
    isWrong: true,
    text: 'The 503s come from inventory-svc, which is overloaded.',
  },
  {
    scenarioId: 'diagnose-breaker-503-uo-flash-sale',
    isWrong: true,
    text: 'Set the limits to unlimited so nothing is rejected.',
  },
  {
    scenarioId: 'diagnose-canary-v2-errors',
    isWrong: false,
    text: 'The blended rate is 0.9 × 0.2% + 0.1 × 12% ≈ 1.4%, so set v2 weight to 0 now, then debug v2 with per-version metrics.',
  },
  {
    scenarioId: 'diagnose-canary-v2-errors',
    isWrong: true,
    text: 'We need more data before rolling back.',
  },
  {
    scenarioId: 'diagnose-control-plane-churn-stale-endpoints',
    isWrong: false,
    text: 'Callers use endpoint lists pushed by istiod, not DNS, so lowering the DNS TTL would not help; scale istiod and scope the config with discovery selectors.',
  },
  {
    scenarioId: 'diagnose-control-plane-churn-stale-endpoints',
    isWrong: true,
    text: 'Lower the DNS TTL in every service.',
  },
  {
    scenarioId: 'diagnose-deny-overrides-allow',
    isWrong: false,
    text: 'DENY is evaluated before ALLOW, so the security team narrows their DENY to exclude refund-worker through their change process.',
  },
  {
    scenarioId: 'diagnose-deny-overrides-allow',
    isWrong: true,
    text: 'Give the ALLOW a higher priority than the deny.',
  },
  {
    scenarioId: 'diagnose-fault-injection-disables-retries',
    isWrong: false,
    text: 'The abort happens in the caller sidecar, where fault injection switches off the route retries; with retries it would have been 0.5^4 ≈ 6%.',
  },
  {
    scenarioId: 'diagnose-fault-injection-disables-retries',
    isWrong: true,
    text: 'Add 503 to retryOn and the aborts will be retried.',
  },
  {
    scenarioId: 'diagnose-missing-timeouts-slow-leaf',
    isWrong: false,
    text: 'Istio sets no route timeout by default, so calls waited 20–30 s and filled the 200 threads; set a 300 ms timeout from the p99.9 with at most one retry.',
  },
  {
    scenarioId: 'diagnose-missing-timeouts-slow-leaf',
    isWrong: true,
    text: 'Set a timeout of 30 s on recommendation calls.',
  },
  {
    scenarioId: 'diagnose-outlier-detection-never-ejects',
    isWrong: false,
    text: 'One of three hosts is 33%, above the default 10% maxEjectionPercent, so raise it to 50 or add replicas.',
  },
  {
    scenarioId: 'diagnose-outlier-detection-never-ejects',
    isWrong: true,
    text: 'Lower consecutive5xxErrors to 1 so the pod is ejected.',
  },
  {
    scenarioId: 'diagnose-retry-storm-failing-leaf',
    isWrong: false,
    text: 'Each of three hops retries twice, so (1+2)^3 = 27 attempts reach the leaf; retry only at the edge, with a budget and per-try timeouts.',
  },
  {
    scenarioId: 'diagnose-retry-storm-failing-leaf',
    isWrong: true,
    text: 'Raise the HPA limit so inventory-svc can scale out.',
  },
  {
    scenarioId: 'diagnose-strict-breaks-batch-job',
    isWrong: false,
    text: 'PERMISSIVE accepts plaintext but STRICT requires a client certificate; mesh the job with native sidecars or add a narrow port-level exception.',
  },
  {
    scenarioId: 'diagnose-strict-breaks-batch-job',
    isWrong: true,
    text: 'Switch the namespace back to PERMISSIVE.',
  },
  {
    scenarioId: 'estimate-ambient-vs-sidecar-cpu',
    isWrong: false,
    text: 'Ambient total ≈ 7.2 + 3.0 = 10.2 vCPU; sidecars total about 24 vCPU, so ambient saves about 14.',
  },
  {
    scenarioId: 'estimate-ambient-vs-sidecar-cpu',
    isWrong: true,
    text: 'Ambient total is about 3.6 vCPU.',
  },
  {
    scenarioId: 'estimate-fan-out-tail',
    isWrong: false,
    text: 'The chance none is slow is 0.99^20 ≈ 0.818, so about 18% of page requests hit a tail call; each call pays the proxy tail on every branch.',
  },
  {
    scenarioId: 'estimate-fan-out-tail',
    isWrong: true,
    text: 'About 20% of page requests, 20 × 1%.',
  },
  {
    scenarioId: 'estimate-p99-added-per-hop',
    isWrong: false,
    text: 'Four sequential calls × 0.30 ms per proxy pair ≈ 1.2 ms, a conservative upper bound that depends on version and load.',
  },
  {
    scenarioId: 'estimate-retry-amplification',
    isWrong: false,
    text: 'attempts: 3 means 3 retries, 4 tries per hop, and (1 + 3)^3 = 64, so 250 × 64 = 16,000 rps.',
  },
  {
    scenarioId: 'estimate-retry-amplification',
    isWrong: true,
    text: 'That is 250 × 12 = 3,000 rps.',
  },
  {
    scenarioId: 'estimate-sidecar-fleet-cpu',
    isWrong: false,
    text: 'Each sidecar needs 0.45 × 0.20 = 0.09 vCPU, so 320 × 0.45 × 0.20 = 28.8 vCPU; memory is 320 × 60 MB ≈ 19.2 GB and follows config size.',
  },
  {
    scenarioId: 'estimate-sidecar-fleet-cpu',
    isWrong: true,
    text: 'Memory grows with request rate.',
  },
  {
    scenarioId: 'justify-latency-budget-bid-path',
    isWrong: false,
    text: 'Each hop crosses two proxies, so four hops pay eight sidecar passes out of a 12 ms budget; mesh the back office and keep the bid path on L4.',
  },
  {
    scenarioId: 'justify-latency-budget-bid-path',
    isWrong: true,
    text: 'Sidecars would lower latency on the bid path thanks to connection pooling.',
  },
  {
    scenarioId: 'justify-monolith-pci-scope',
    isWrong: false,
    text: 'Postgres and Redis both support TLS, so turning it on for the three client connections fixes the finding without a mesh.',
  },
  {
    scenarioId: 'justify-monolith-pci-scope',
    isWrong: true,
    text: 'Redis does not support TLS, so we need a sidecar.',
  },
  {
    scenarioId: 'justify-no-oncall-no-owner',
    isWrong: false,
    text: 'The mesh sits in every request path, and a managed add-on still leaves config, data-plane upgrades and incident response with us.',
  },
  {
    scenarioId: 'justify-no-oncall-no-owner',
    isWrong: true,
    text: 'The managed add-on handles upgrades and incidents for us.',
  },
  {
    scenarioId: 'justify-polyglot-resilience-sprawl',
    isWrong: false,
    text: 'Start with telemetry and platform-owned retry and timeout defaults, then mTLS and authorization later.',
  },
  {
    scenarioId: 'justify-polyglot-resilience-sprawl',
    isWrong: true,
    text: 'Start with STRICT mTLS everywhere in week one.',
  },
  {
    scenarioId: 'justify-regulated-fintech-200-services',
    isWrong: false,
    text: 'Roll out in phases: enable mTLS first in one namespace, then authorization with evidence for the regulator.',
  },
  {
    scenarioId: 'justify-regulated-fintech-200-services',
    isWrong: true,
    text: 'mTLS gives us access control, so that covers the regulator.',
  },
  {
    scenarioId: 'justify-three-service-startup',
    isWrong: false,
    text: 'Not yet: TLS at the load balancer, a retry library and the APM cover it; revisit when we pass 15 services or hire a platform team.',
  },
  {
    scenarioId: 'justify-three-service-startup',
    isWrong: true,
    text: 'Four engineers are enough to run Istio.',
  },
  {
    scenarioId: 'rollout-authorization-policies',
    isWrong: false,
    text: 'STRICT mTLS first, then templates, then audit mode that shows what would be denied, enforce in a canary namespace, and the allow-nothing default last.',
  },
  {
    scenarioId: 'rollout-authorization-policies',
    isWrong: true,
    text: 'Skip audit mode and enforce directly.',
  },
  {
    scenarioId: 'rollout-control-plane-upgrade',
    isWrong: false,
    text: 'Install the new revision side by side, move one low-risk namespace, restart its pods so the proxies update, check rollback triggers, then waves, and remove the old revision after a soak.',
  },
  {
    scenarioId: 'rollout-control-plane-upgrade',
    isWrong: true,
    text: 'Just run helm upgrade on istiod in place.',
  },
  {
    scenarioId: 'rollout-first-mesh-adoption',
    isWrong: true,
    text: 'Inject every namespace at once.',
  },
  {
    scenarioId: 'rollout-permissive-to-strict',
    isWrong: false,
    text: 'Alerts first, query telemetry for plaintext, give the VM a narrow temporary exception, flip one namespace, waves, then the mesh-wide default, and remove the exceptions last.',
  },
  {
    scenarioId: 'rollout-permissive-to-strict',
    isWrong: true,
    text: 'Just ask the teams whether they use plaintext.',
  },
  {
    scenarioId: 'rollout-sidecar-to-ambient',
    isWrong: false,
    text: 'Inventory L7 users, take the baseline, install ztunnel beside sidecars, deploy waypoints and retarget L7 policies before removing sidecars, then one namespace and waves.',
  },
  {
    scenarioId: 'rollout-sidecar-to-ambient',
    isWrong: true,
    text: 'Remove the sidecars first, then deploy waypoints.',
  },
  {
    scenarioId: 'choose-small-team-mtls-fast',
    isWrong: true,
    text: "Linkerd's proxy is written in Go, so it is lighter than Envoy.",
  },
  {
    scenarioId: 'choose-small-team-mtls-fast',
    isWrong: false,
    text: "Linkerd's Rust micro-proxy keeps the footprint small, and its automatic mTLS covers all meshed TCP traffic.",
  },
  {
    scenarioId: 'choose-kong-multi-zone-universal',
    isWrong: true,
    text: 'Kuma was built by HashiCorp, so it fits Consul better than Kong.',
  },
  {
    scenarioId: 'choose-kong-multi-zone-universal',
    isWrong: false,
    text: 'Kuma was created by Kong and runs Envoy; one global control plane can govern both Kubernetes and universal zones.',
  },
  {
    scenarioId: 'choose-hybrid-vms-multi-datacenter',
    isWrong: true,
    text: 'Consul is just service discovery; it has no service mesh.',
  },
  {
    scenarioId: 'choose-hybrid-vms-multi-datacenter',
    isWrong: false,
    text: 'Consul service mesh adds mTLS and intentions on top of the catalog they already run on the VMs.',
  },
  {
    scenarioId: 'justify-three-service-startup',
    isWrong: true,
    text: 'Linkerd has no control plane to run, so four engineers can handle it.',
  },
  {
    scenarioId: 'justify-three-service-startup',
    isWrong: false,
    text: 'Even Linkerd has a control plane to upgrade and debug, and the APM already gives basic service metrics.',
  },
  {
    scenarioId: 'justify-latency-budget-bid-path',
    isWrong: true,
    text: 'ztunnel runs a full Envoy on each node, so it costs as much as sidecars.',
  },
  {
    scenarioId: 'justify-latency-budget-bid-path',
    isWrong: false,
    text: 'ztunnel is a lighter L4 proxy, so the bid path keeps mTLS with far less added p99 than two Envoys per hop.',
  },
  {
    scenarioId: 'justify-monolith-pci-scope',
    isWrong: true,
    text: 'Turning on TLS for Postgres and Redis would be a big project, so a mesh is simpler.',
  },
  {
    scenarioId: 'justify-monolith-pci-scope',
    isWrong: false,
    text: 'mTLS needs a proxy on both ends, so the managed Postgres and the processor need TLS on the client connection anyway.',
  },
  {
    scenarioId: 'justify-no-oncall-no-owner',
    isWrong: true,
    text: 'Our enterprise support contract can act as the on-call for the mesh.',
  },
  {
    scenarioId: 'rollout-first-mesh-adoption',
    isWrong: false,
    text: 'SLOs and a baseline first, then telemetry, the bypass, a PERMISSIVE pilot in two low-risk namespaces, STRICT after telemetry, authorization in audit first.',
  },
  {
    scenarioId: 'rollout-first-mesh-adoption',
    isWrong: true,
    text: 'Authorization policies go first, so nothing unapproved ever talks.',
  },
  {
    scenarioId: 'rollout-first-mesh-adoption',
    isWrong: true,
    text: 'Start with authorization, then worry about telemetry.',
  },
  {
    scenarioId: 'choose-small-team-mtls-fast',
    isWrong: true,
    text: 'Istio is manageable for two engineers, so take the extra features.',
  },
  {
    scenarioId: 'choose-small-team-mtls-fast',
    isWrong: false,
    text: 'Istio would not be manageable for two engineers within five weeks; Linkerd turns mTLS on by default.',
  },
  {
    scenarioId: 'choose-small-team-mtls-fast',
    isWrong: true,
    text: 'mTLS is quicker to turn on with Istio.',
  },
  {
    scenarioId: 'choose-cilium-ebpf-platform',
    isWrong: true,
    text: 'The CNI should be replaced with Calico and Istio layered on top.',
  },
  {
    scenarioId: 'choose-cilium-ebpf-platform',
    isWrong: false,
    text: 'The CNI stays: Cilium is already running, so extending it keeps one data plane.',
  },
];
