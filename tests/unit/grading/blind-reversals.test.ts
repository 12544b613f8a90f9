import { describe, expect, it } from 'vitest';
import type { Scenario } from '@/lib/content/scenario-schema';
import { validateAttempt } from '@/lib/grading/answer-input';
import { findArguedMisorder, misplacedSteps } from '@/lib/grading/argued-order';
import { findFalseClaims } from '@/lib/grading/facts';
import { extractFeatures, gradeAttempt } from '@/lib/grading/grade-attempt';
import { cachedLemmaOffsets } from '@/lib/grading/lemmas';
import { analyzeText } from '@/lib/grading/text';
import { correctDecision, loadAuthoredScenarios } from './helpers';

// Session 7 of #16: general mechanisms for the reversed points and false facts a blind writer
// (holdout 3) used and the grader missed. Every sentence here was written for this file — a
// wrong claim and a correct control that uses the same risky words the right way round.
const { problems, scenario } = await loadAuthoredScenarios();
const analyzed = (text: string) => analyzeText(text, cachedLemmaOffsets);

const grade = (target: Scenario, justification: string, decision = correctDecision(target)) =>
  gradeAttempt({ scenario: target, answer: { decision, justification } });

function features(target: Scenario, justification: string) {
  const attempt = validateAttempt(target, { decision: correctDecision(target), justification });
  if (!attempt.ok) throw new Error(attempt.message);
  return extractFeatures(target, attempt.attempt);
}
const misconceptionIds = (id: string, text: string) =>
  features(scenario(id), text).misconceptions.map((entry) => entry.id);
const catalogueIds = (id: string, text: string) =>
  features(scenario(id), text).errorClaims.map((hit) => hit.claimId);
const falseCapabilities = (text: string) =>
  findFalseClaims(analyzed(text)).map((claim) => `${claim.mesh}:${claim.capabilityId}`);

/** The correct order with the steps `a` and `b` swapped. */
function swapped(target: Scenario, a: string, b: string): string[] {
  const order = [...(correctDecision(target) as string[])];
  const i = order.indexOf(a);
  const j = order.indexOf(b);
  order[i] = b;
  order[j] = a;
  return order;
}

describe('argued misorder (rollouts)', () => {
  it('loads the authored scenarios', () => {
    expect(problems).toEqual([]);
  });

  it('finds the steps on the wrong side of a swapped pair', () => {
    expect([...misplacedSteps(['a', 'b', 'c', 'd'], ['a', 'c', 'b', 'd'])].sort()).toEqual([
      'b',
      'c',
    ]);
    expect(misplacedSteps(['a', 'b'], ['a', 'b']).size).toBe(0);
  });

  const authz = () => scenario('rollout-authorization-policies');
  const order = () => swapped(authz(), 'audit-mode', 'enforce-canary');

  it('a near-miss order whose misplaced step is argued for is a reversed point', () => {
    const text =
      'Confirm STRICT mTLS and identities, then publish the allow-list templates. ' +
      'Enforce the policies in one canary namespace first, because a real 403 teaches more than an audit log, ' +
      'then deploy them in audit mode everywhere, reconcile the allow-lists, enforce in waves and add the default deny last.';
    const hit = findArguedMisorder(authz(), order(), analyzed(text));
    expect(hit?.stepId).toBe('enforce-canary');
    const result = grade(authz(), text, order());
    expect(result.score).toBeLessThanOrEqual(40);
    expect(result.capApplied?.message).toMatch(/wrong side/);
  });

  it('the same near-miss order stated without a reason is not argued (a slip, mediocre band)', () => {
    const text =
      'Confirm STRICT mTLS and identities, then templates. Enforce in a canary namespace, then audit mode, ' +
      'reconcile, waves, and default deny at the end.';
    expect(findArguedMisorder(authz(), order(), analyzed(text))).toBeNull();
  });

  it('a right order argued with the same words is never flagged', () => {
    const text =
      'Deploy the generated policies in audit mode everywhere first, because enforcing before the logs are ' +
      'reconciled would 403 real callers; only then enforce in one canary namespace.';
    expect(
      findArguedMisorder(authz(), correctDecision(authz()) as string[], analyzed(text)),
    ).toBeNull();
  });

  it('a reason about a step the order places right does not count', () => {
    const ambient = scenario('rollout-sidecar-to-ambient');
    const nearMiss = swapped(ambient, 'waves', 'verify');
    const text =
      'Inventory the L7 features first, so we know which namespaces need a waypoint, then install ztunnel next to the sidecars.';
    expect(findArguedMisorder(ambient, nearMiss, analyzed(text))).toBeNull();
  });
});

describe('misconceptions added for a blind writer (wrong fix, wrong mechanism, false fact)', () => {
  it('Jobs can run a sidecar (native sidecars): denying it is a misconception', () => {
    const id = 'diagnose-strict-breaks-batch-job';
    expect(
      misconceptionIds(
        id,
        'Kubernetes Jobs cannot run a sidecar, so meshing the job is not possible.',
      ),
    ).toContain('jobs-cannot-run-sidecars');
    expect(
      misconceptionIds(
        id,
        'Jobs can run a sidecar now: with a native sidecar the proxy exits when the job finishes, so mesh the job.',
      ),
    ).not.toContain('jobs-cannot-run-sidecars');
  });

  it('a root-namespace ALLOW does not outrank a DENY', () => {
    const id = 'diagnose-deny-overrides-allow';
    for (const text of [
      'Create the allow exception in istio-system so it applies before the namespace rules.',
      'Policies in the root namespace take precedence over namespace ones, so the exception wins.',
    ])
      expect(misconceptionIds(id, text)).toContain('root-namespace-overrides-deny');
    expect(
      misconceptionIds(
        id,
        'A DENY in the root namespace applies to the whole mesh, and DENY is evaluated before any ALLOW, so change the DENY.',
      ),
    ).not.toContain('root-namespace-overrides-deny');
  });

  it('TLS terminated at the edge does not encrypt the links behind it', () => {
    const id = 'justify-monolith-pci-scope';
    expect(
      misconceptionIds(
        id,
        'The quickest fix is to terminate TLS at the ingress in front of the app for the assessor.',
      ),
    ).toContain('edge-tls-covers-internal');
    for (const text of [
      'TLS at the load balancer only protects the hop from the users; the Postgres and Redis links need their own.',
      "Terminating TLS at the edge doesn't touch the app-to-database traffic the finding is about.",
    ])
      expect(misconceptionIds(id, text)).not.toContain('edge-tls-covers-internal');
  });

  it("PeerAuthentication belongs to the receiver, not to the caller's namespace", () => {
    const id = 'diagnose-strict-breaks-batch-job';
    expect(
      misconceptionIds(
        id,
        "As a stopgap, set PERMISSIVE on the caller's namespace so the job gets through.",
      ),
    ).toContain('peerauth-on-caller');
    expect(
      catalogueIds(
        id,
        'Tonight apply a PERMISSIVE PeerAuthentication in finance-batch, then inject it.',
      ),
    ).toContain('r3-permissive-on-caller');
    const control =
      "Put a port-level PERMISSIVE exception on payments-svc, the receiving side; a policy in finance-batch would not help, it only governs what finance-batch's own pods accept.";
    expect(misconceptionIds(id, control)).not.toContain('peerauth-on-caller');
    expect(catalogueIds(id, control)).not.toContain('r3-permissive-on-caller');
  });

  it('ztunnel is not Envoy: a minor false detail costs a few points, not the reversal cap', () => {
    const id = 'diagnose-ambient-l7-rule-on-ztunnel';
    const wrong = features(
      scenario(id),
      'The rule lands on ztunnel, a trimmed Envoy build that only sees L4.',
    );
    expect(wrong.misconceptions).toContainEqual(
      expect.objectContaining({ id: 'ztunnel-is-envoy', minor: true }),
    );
    expect(
      misconceptionIds(
        id,
        'ztunnel is a small Rust proxy, not an Envoy; the waypoint is the Envoy that reads HTTP.',
      ),
    ).not.toContain('ztunnel-is-envoy');
  });

  it('"even" intensifies a claim; "even though" concedes it', () => {
    const id = 'choose-cilium-ebpf-platform';
    expect(
      misconceptionIds(
        id,
        'Even the HTTP rules are enforced by eBPF in the kernel, so no proxy is needed.',
      ),
    ).toContain('cilium-l7-in-kernel');
    expect(
      misconceptionIds(
        id,
        'Even though HTTP rules are enforced by eBPF in some demos, ours go through the node Envoy.',
      ),
    ).not.toContain('cilium-l7-in-kernel');
  });
});

describe('fact base: capabilities credited to the wrong mesh', () => {
  it('Linkerd has no traffic mirroring or fault injection, also inside a list after a pronoun', () => {
    expect(
      falseCapabilities('Linkerd handles the retries, the timeouts and the mirroring.'),
    ).toContain('linkerd:traffic-mirroring');
    expect(
      falseCapabilities(
        'Linkerd came second: it covers the header canary, the shadow traffic and the injected delays natively.',
      ),
    ).toEqual(expect.arrayContaining(['linkerd:traffic-mirroring', 'linkerd:fault-injection']));
  });

  it('denials, hand-offs, other subjects and the multicluster service mirror are not claims', () => {
    for (const text of [
      'Linkerd would leave mirroring and fault injection to other tools.',
      'Linkerd has no mirroring or fault injection.',
      'Linkerd lacks mirroring, so Istio.',
      'Unlike Linkerd, Istio mirrors traffic and injects faults.',
      'Linkerd is lighter, the mirroring needs Istio.',
      "Linkerd's service mirror handles multicluster discovery.",
      'Linkerd covers retries and timeouts, and Istio adds the mirroring.',
    ])
      expect(falseCapabilities(text).filter((claim) => /mirroring|fault/.test(claim))).toEqual([]);
  });

  it('a superlative about production use names the leader only', () => {
    expect(falseCapabilities('Kuma has the widest production base of the meshes.')).toContain(
      'kuma:community-size',
    );
    expect(
      falseCapabilities('Istio has the widest production base; Kuma has a smaller one.'),
    ).not.toContain('kuma:community-size');
  });
});

describe('catalogue claims (domain facts of one scenario)', () => {
  it('universal mode needs no Kubernetes, not even k3s', () => {
    const id = 'choose-kong-multi-zone-universal';
    expect(
      catalogueIds(id, 'On the VM-only zones, universal mode needs a single-node k3s per VM.'),
    ).toContain('r2-universal-needs-k8s');
    expect(
      catalogueIds(
        id,
        'Universal mode runs the data plane straight on the VMs, with no Kubernetes or k3s at all.',
      ),
    ).toEqual([]);
  });

  it('ambient mode has L7 in waypoints; only ztunnel is L4-only', () => {
    const id = 'choose-kubernetes-deep-l7';
    expect(
      catalogueIds(id, 'Ambient mode only does L4 and has no L7, so it cannot cut the cost here.'),
    ).toContain('r3-ambient-no-l7');
    for (const text of [
      "Ambient's ztunnel only does L4, so L7 needs a waypoint.",
      'Ambient mode has L7 only through waypoints.',
    ])
      expect(catalogueIds(id, text)).not.toContain('r3-ambient-no-l7');
  });
});

describe('directions and stances stated in new words', () => {
  it('the tail does not move toward the median under load', () => {
    const id = 'justify-latency-budget-bid-path';
    for (const text of [
      'At peak the proxies are warm, so the tail under heavy load ends up closer to the median than in the benchmark.',
      'Under 180k rps the p99 shrinks because the connections stay open.',
    ])
      expect(misconceptionIds(id, text)).toContain('tail-shrinks-under-load');
    for (const text of [
      'At low load the p99 sits close to the median; at 180k rps queueing pushes it out.',
      'At peak load the p99 moves away from the median, not closer to it.',
      'The p99 improves once the sidecars are off the bid path at 180k rps.',
    ])
      expect(misconceptionIds(id, text)).not.toContain('tail-shrinks-under-load');
  });

  it('"the first phase should be STRICT" takes the STRICT-first stance', () => {
    const id = 'justify-polyglot-resilience-sprawl';
    const wrong = features(
      scenario(id),
      'The first phase should be STRICT mTLS in both clusters because security asked for it; telemetry follows.',
    );
    const right = features(
      scenario(id),
      'The first phase is telemetry in one pilot namespace; STRICT mTLS comes in a later phase once callers are known.',
    );
    expect(wrong.wrongTurns.length).toBeGreaterThan(right.wrongTurns.length);
  });
});

describe('claims in other sentence shapes', () => {
  it('a capability named before its mesh ("… Linkerd would cover as well")', () => {
    expect(
      falseCapabilities(
        'The shadow traffic and the injected delays Linkerd would cover as well, so they do not decide it.',
      ),
    ).toEqual(expect.arrayContaining(['linkerd:traffic-mirroring', 'linkerd:fault-injection']));
    for (const text of [
      'Mirroring is something Linkerd does not do.',
      'For mirroring, Istio has it and Linkerd does not.',
      'Mirroring decides it: Linkerd handles retries but not mirroring.',
    ])
      expect(falseCapabilities(text)).toEqual([]);
  });

  it('a relative clause that turns mTLS into least privilege', () => {
    const id = 'justify-regulated-fintech-200-services';
    expect(
      misconceptionIds(
        id,
        'With STRICT mTLS every workload gets a SPIFFE certificate, which is already the least-privilege control 3.2 wants.',
      ),
    ).toContain('mtls-is-authorization-relative');
    for (const text of [
      'STRICT mTLS gives every workload a certificate; per-service allow-lists on top of it, which is what least privilege means.',
      'mTLS proves identity, which is not authorization.',
    ])
      expect(misconceptionIds(id, text)).not.toContain('mtls-is-authorization-relative');
    // Cloud IAM roles do give least privilege: no mTLS in the sentence, no misconception.
    expect(
      misconceptionIds(
        'choose-none-serverless-shop',
        'Each function has its own role and signed calls, which is identity and least privilege.',
      ),
    ).not.toContain('mtls-is-authorization-relative');
  });

  it('a link is not safe because it stays inside the network', () => {
    const id = 'justify-monolith-pci-scope';
    for (const text of [
      'The cache runs in our own VPC, so that hop never leaves our network and can stay plaintext.',
      'Traffic inside the cluster is trusted and fine without TLS.',
    ])
      expect(misconceptionIds(id, text)).toContain('inside-the-perimeter-is-safe');
    for (const text of [
      'Even though the Redis hop never leaves the cluster, the finding covers it, so turn on TLS.',
      'Internal traffic is not trusted just because it stays inside the VPC.',
    ])
      expect(misconceptionIds(id, text)).not.toContain('inside-the-perimeter-is-safe');
  });

  it('"that said" concedes; it does not report someone else\'s claim', () => {
    const id = 'justify-monolith-pci-scope';
    expect(
      catalogueIds(
        id,
        'That said, billing and auth really should come out of the monolith first, so the mesh has work to do.',
      ),
    ).toContain('split-first');
    expect(
      catalogueIds(
        id,
        'The architect said billing and auth should come out of the monolith first.',
      ),
    ).not.toContain('split-first');
  });
});
