// Session 8, round 2 (#16): mechanisms written after holdout 5 was opened. Every text here is
// hand-written for the test (none is a calibration answer), so each case checks the mechanism,
// with a control that keeps the risky words and must still be read the old way.
import { describe, expect, it } from 'vitest';
import { validateAttempt } from '@/lib/grading/answer-input';
import { findFalseClaims } from '@/lib/grading/facts';
import { extractFeatures, gradeAttempt } from '@/lib/grading/grade-attempt';
import { cachedLemmaOffsets } from '@/lib/grading/lemmas';
import { measureHedging } from '@/lib/grading/style';
import { analyzeText } from '@/lib/grading/text';
import { correctDecision, loadAuthoredScenarios } from './helpers';

const { scenario: get } = await loadAuthoredScenarios();
const grade = (id: string, justification: string) => {
  const scenario = get(id);
  return gradeAttempt({ scenario, answer: { decision: correctDecision(scenario), justification } });
};
const features = (id: string, justification: string) => {
  const scenario = get(id);
  const attempt = validateAttempt(scenario, { decision: correctDecision(scenario), justification });
  if (!attempt.ok) throw new Error('invalid attempt');
  return extractFeatures(scenario, attempt.attempt);
};
const outcome = (id: string, justification: string, criterionId: string) =>
  features(id, justification).outcomes.find((entry) => entry.result.id === criterionId);

describe('an alternative ranked level with the pick leaves the decision open', () => {
  it('"just as defensible", "equally valid" and "I wouldn\'t argue against it" leave it open', () => {
    for (const text of [
      'I wrote 40 ms, though 25 ms or 60 ms are just as defensible and I would want to measure it.',
      'Canary first is my pick; the big switch is equally valid for a team this size.',
      'So the gateway route it is, even if the other one might be simpler, and I would not argue against it.',
    ])
      expect(measureHedging(analyzeText(text)).leavesOpen, text).toBe(true);
  });

  it('"I can see the case for Y" frames both sides', () => {
    const signal = measureHedging(
      analyzeText('I would pick the mesh, but I can see the case for shared libraries as well.'),
    );
    expect(signal.twoSided).toBe(1);
  });

  it('a committed answer that argues against the alternative does not', () => {
    for (const text of [
      'I wrote 40 ms because the two hops add 20 ms each; 25 ms ignores the second hop.',
      'I would argue against the big switch: one bad push would take every namespace down.',
      'The case for shared libraries falls apart with four languages and vendor images.',
    ]) {
      const signal = measureHedging(analyzeText(text));
      expect(signal.leavesOpen, text).toBe(false);
      expect(signal.twoSided, text).toBe(0);
    }
  });
});

describe('a colon after "rather than X" opens the alternative, not a list item', () => {
  it('the clause after the colon is affirmed', () => {
    for (const [text, rejected] of [
      ['Rather than sidecars everywhere: enable TLS (verify-full) and the cache.', 'sidecars'],
      ['Skip the mesh: enable TLS on the database, and on the cache.', 'mesh'],
    ] as const) {
      const { tokens } = analyzeText(text);
      for (const norm of ['enable', 'tls'])
        expect(tokens.find((token) => token.norm === norm)?.negationDepth, text).toBe(0);
      expect(tokens.find((token) => token.norm === rejected)?.negationDepth, text).toBe(1);
    }
  });

  it('a comma list after a negation is still negated as a whole', () => {
    const analyzed = analyzeText('We need no retries, timeouts or breakers here.');
    for (const norm of ['retries', 'timeouts', 'breakers'])
      expect(analyzed.tokens.find((token) => token.norm === norm)?.negationDepth, norm).toBe(1);
  });
});

describe('"rather than X, Y" rejects an alternative when Y affirms the point', () => {
  const id = 'choose-none-serverless-shop';
  it('the point affirmed in the main clause is not reversed', () => {
    const found = outcome(
      id,
      'Rather than mesh authorization, give each function its own IAM execution role with least privilege.',
      'platform-identity',
    );
    expect(found?.isReversed).toBe(false);
    expect(found?.result.status).toBe('hit');
  });

  it('a rejection with nothing affirming the point after it still reverses it', () => {
    const found = outcome(
      id,
      'Rather than authorization per function, rely on the HTTPS endpoints the services already have.',
      'platform-identity',
    );
    expect(found?.isReversed).toBe(true);
  });

  it('"no need for X, Y" is not an alternative: the rejection stands', () => {
    const found = outcome(
      'justify-regulated-fintech-200-services',
      'Yes. No need for a pilot, PERMISSIVE mode cannot break anything anyway.',
      'phased-rollout',
    );
    expect(found?.isReversed).toBe(true);
  });
});

describe('a reverse pattern with a negated alternative states a negation only through it', () => {
  const id = 'estimate-fan-out-tail';
  it('"the sidecar overhead is not counted once" denies the wrong claim', () => {
    const found = outcome(
      id,
      'The sidecar overhead is not counted once per page; every one of the twenty calls pays it.',
      'mesh-overhead',
    );
    expect(found?.isReversed).toBe(false);
  });

  it('the affirmed wrong claim and the negated alternative of the pattern still reverse', () => {
    for (const text of [
      'The sidecar overhead is counted once per page, so nobody will notice it.',
      'The sidecar overhead is not per call, so nobody will notice it.',
    ])
      expect(outcome(id, text, 'mesh-overhead')?.isReversed, text).toBe(true);
  });
});

describe('"not A but B" corrects a modifier and keeps the predicate', () => {
  const id = 'estimate-fan-out-tail';
  const axisReversed = (text: string) =>
    features(id, text).stanceReversals.some((reversal) => reversal.criterionId === 'mesh-overhead');
  it('"isn\'t paid once per page but on all twenty calls" takes the rubric\'s side', () => {
    expect(
      axisReversed('The proxy tail is not paid once per page but on all twenty calls of it.'),
    ).toBe(false);
  });

  it('a plain denial, or a turn with "but on the other hand", still takes the other side', () => {
    expect(axisReversed('The proxy tail is not paid on the twenty calls.')).toBe(true);
    expect(
      axisReversed(
        'The proxy tail is not paid on the twenty calls, but on the other hand the page is fast.',
      ),
    ).toBe(true);
  });
});

describe('a longer answer whose rubric hits are all unapplied is capped', () => {
  const id = 'rollout-authorization-policies';
  it('concepts named in sentences that argue nothing about the case', () => {
    const result = grade(
      id,
      'Authorization is a separate layer on top of encryption. Workload identity underneath each policy matters a lot. ' +
        'Policy as code through a platform API avoids drift across teams. Audit mode reveals denied calls in advance. ' +
        'Enforcement is staged in a canary namespace and in waves. The default deny comes at the end of the sequence.',
    );
    expect(result.breakdown.uncapped).toBeGreaterThan(50);
    expect(result.capApplied?.reason).toBe('ungrounded');
    expect(result.score).toBeLessThanOrEqual(40);
  });

  it('the same steps applied to the case are not capped', () => {
    const result = grade(
      id,
      "Today any of Meridian's meshed workloads can call records-svc, because mTLS only proves identity. So STRICT first: " +
        'rules on principals mean nothing for a plaintext caller. With 60 teams, generate the policies from the service ' +
        'catalog instead of hand-written YAML. Audit mode then shows the forgotten CronJob before it becomes a 403, so we ' +
        'fix the allow-lists, enforce in one canary namespace and then in waves, and add the allow-nothing default last.',
    );
    expect(result.capApplied).toBeUndefined();
    expect(result.score).toBeGreaterThanOrEqual(75);
  });

  it('a short answer is left to the thin and ungrounded rules', () => {
    const result = grade(
      id,
      'Authorization is a separate layer on top of encryption. Workload identity matters.',
    );
    expect(result.capApplied?.reason).not.toBe('ungrounded');
  });
});

describe("a stance three of a criterion's own phrases name is its point", () => {
  it('"Start with what hurts" (phrases: phased, pilot, one namespace) is reversed by a big bang', () => {
    const found = outcome(
      'justify-polyglot-resilience-sprawl',
      'Turn the mesh on for all 60 services in a single change window, everything together.',
      'sequencing',
    );
    expect(found?.isReversed).toBe(true);
  });

  it('a criterion two phrases touch is not ("read the push metrics" and "at once")', () => {
    const found = outcome(
      'diagnose-control-plane-churn-stale-endpoints',
      'The push metrics show every proxy got the new endpoints at once, after the churn stopped.',
      'evidence',
    );
    expect(found?.isReversed).toBe(false);
  });
});

describe('a limit raised until it cannot act removes the safeguard', () => {
  const id = 'diagnose-breaker-503-uo-flash-sale';
  const diagnosis =
    "503 UO means the checkout sidecar's pool is full: 900 rps x 60 ms is 54 in flight, above the 50 " +
    'allowed, so inventory never saw the requests. ';
  // The opposite reverses the criterion whose concept names the breaker (uo-meaning's "circuit-
  // breaking threshold"); keep-breaker's concept text names no lexicon trigger.
  it('"so high it can never trip" and "something huge" cap the answer as reversed', () => {
    for (const fix of [
      'Raise http2MaxRequests to a million so the limit can never trip during the sale.',
      'Set maxConnections to something huge for the sale and put it back afterwards.',
    ]) {
      const result = grade(id, diagnosis + fix);
      expect(result.capApplied?.reason, fix).toBe('reversed-point');
      expect(result.score, fix).toBeLessThanOrEqual(40);
    }
  });

  it('a limit sized with headroom keeps it', () => {
    const result = grade(
      id,
      diagnosis +
        'Keep the breaker and raise the limits to about 120 with headroom, then load test so it does not trip at normal peak.',
    );
    expect(result.capApplied).toBeUndefined();
    expect(result.score).toBeGreaterThanOrEqual(75);
  });
});

describe('fact base: every mesh records golden metrics itself', () => {
  const claims = (text: string) =>
    findFalseClaims(analyzeText(text, cachedLemmaOffsets)).map((claim) => claim.capabilityId);
  it('denying Linkerd its golden metrics is false', () => {
    expect(
      claims("Linkerd doesn't produce golden metrics itself, so we build the dashboards by hand."),
    ).toContain('golden-metrics');
  });

  it('crediting them, or doubting a mesh with limited support, is not', () => {
    expect(claims('Linkerd records golden metrics per workload out of the box.')).not.toContain(
      'golden-metrics',
    );
    expect(claims("Cilium doesn't produce golden metrics without Hubble.")).not.toContain(
      'golden-metrics',
    );
  });
});

describe('misconceptions: policy order by age, trust behind the gateway', () => {
  const found = (id: string, text: string) =>
    features(id, text).misconceptions.map((hit) => hit.id);
  it('"evaluated in the order they were created" is false (by action: DENY before ALLOW)', () => {
    expect(
      found(
        'diagnose-deny-overrides-allow',
        'The DENY was created first, so it is evaluated before the new ALLOW and wins.',
      ),
    ).toContain('authz-order-by-creation');
    expect(
      found(
        'diagnose-deny-overrides-allow',
        'DENY policies are evaluated before ALLOW policies, whatever the order they were created in.',
      ),
    ).not.toContain('authz-order-by-creation');
    expect(
      found(
        'diagnose-deny-overrides-allow',
        'DENY is evaluated first, not by the order policies were created in.',
      ),
    ).not.toContain('authz-order-by-creation');
  });

  it('"everything behind the gateway is trusted" is implicit trust by location', () => {
    const id = 'justify-regulated-fintech-200-services';
    expect(
      found(id, 'Check every request at the gateway; everything behind the gateway is trusted.'),
    ).toContain('inside-the-perimeter-is-safe');
    expect(
      found(id, 'Nothing behind the gateway is trusted: each call carries its own identity.'),
    ).not.toContain('inside-the-perimeter-is-safe');
  });
});

describe('"keep X on plain Y" leaves X out of the change', () => {
  const id = 'choose-hybrid-vms-multi-datacenter';
  const reversed = (scenarioId: string, text: string, criterionId: string) =>
    features(scenarioId, text).stanceReversals.some(
      (reversal) => reversal.criterionId === criterionId,
    );
  it('the VMs kept on plain DNS or left as they are reverse the hybrid scope', () => {
    for (const text of [
      'Mesh the two clusters and keep the VMs on plain DNS until they migrate.',
      'Start with the clusters and leave the VMs as they are for now.',
    ])
      expect(reversed(id, text, 'hybrid-runtime'), text).toBe(true);
  });

  it('a check kept on a proxy, or VMs brought in, is no exclusion', () => {
    expect(
      reversed(
        id,
        'Bring the VMs into the mesh with client agents next to the pods.',
        'hybrid-runtime',
      ),
    ).toBe(false);
    const exclusions = features(
      'diagnose-ambient-l7-rule-on-ztunnel',
      'Keep the source principal check on the waypoint, because ztunnel only sees its identity.',
    ).stanceReversals.filter((reversal) => reversal.axis === 'dismissal');
    expect(exclusions).toEqual([]);
  });
});
