// Session 8 (#16): mechanisms written after holdout 4 was opened. Every text here is hand-written
// for the test (none is a calibration answer), so each case checks the mechanism, not an item.
import { describe, expect, it } from 'vitest';
import type { Scenario } from '@/lib/content/scenario-schema';
import { validateAttempt } from '@/lib/grading/answer-input';
import { findFalseClaims } from '@/lib/grading/facts';
import { findFixRefusals } from '@/lib/grading/fix-refusals';
import { extractFeatures, gradeAttempt } from '@/lib/grading/grade-attempt';
import { cachedLemmaOffsets } from '@/lib/grading/lemmas';
import { hedgesBothWays, measureHedging } from '@/lib/grading/style';
import { analyzeText } from '@/lib/grading/text';
import { correctDecision, loadAuthoredScenarios } from './helpers';

const { scenario: get } = await loadAuthoredScenarios();
const correct = correctDecision;
const grade = (id: string, justification: string, decision?: string | string[] | number) => {
  const scenario = get(id);
  return gradeAttempt({
    scenario,
    answer: { decision: decision ?? correct(scenario), justification },
  });
};

describe('a central concept named in several argued sentences is not keyword stuffing', () => {
  it('repeats one rubric phrase in sentences that each carry their own reasoning', () => {
    const result = grade(
      'diagnose-missing-timeouts-slow-leaf',
      'Checkout calls recommendations with no timeout, so when recommendations slows down every request holds one of the checkout threads for as long as the leaf takes. ' +
        "At peak the arrival rate times that wait exceeds the pool, so the threads run out and checkout stops answering even requests that don't need recommendations. " +
        'Setting a route timeout around 300 ms, just above the normal p99, hands the threads back quickly; a single retry inside that deadline at most. ' +
        'Then render the page without recommendations when the call times out, so the threads serve the purchase path instead of waiting on an optional widget.',
    );
    expect(result.capApplied?.reason).not.toBe('keyword-stuffing');
    expect(result.score).toBeGreaterThanOrEqual(70);
  });

  it('still caps one phrase repeated without reasoning', () => {
    const result = grade(
      'diagnose-missing-timeouts-slow-leaf',
      'Threads. Threads matter. Threads are key. Threads, threads everywhere. No timeout.',
    );
    expect(result.score).toBeLessThanOrEqual(30);
  });
});

describe('hedging read across its forms', () => {
  const hedged = (text: string) => hedgesBothWays(measureHedging(analyzeText(text)));

  it.each([
    'There are arguments both ways here. Sidecars are proven, ambient is cheaper. I would probably lean towards ambient, but it depends on the team.',
    'On one side the mesh brings mTLS; on the other side nobody owns it. Maybe start small and see how it goes.',
    'Istio or Linkerd. Istio is probably enough for the L7 needs, Linkerd could be enough if we drop some. I would evaluate both in a POC.',
    "It's a judgement call. Perhaps Consul, perhaps Kuma; I'd shortlist both.",
  ])('flags: %s', (text) => {
    expect(hedged(text)).toBe(true);
  });

  it.each([
    'Ambient, because the sidecar CPU is 40 % of the bill and the services are L4-heavy. On the other hand the team loses per-pod L7 until waypoints are added, which is fine here.',
    'Not yet. The cost is real: one part-time engineer cannot run a control plane. Revisit when there is an owner and an on-call rotation.',
    'Roll back v2 now: it fails 12 % of requests against 0.2 % on v1, which matches the blended 1.4 %. Then compare both versions in staging to find the bug.',
    'Istio: the weighing of pros and cons is clear here, because only Istio has mirroring, fault injection and JWT claim rules together.',
    'Istio, because only it has mirroring and JWT claim rules. On the other side, Linkerd would probably be cheaper to run, but it might not cover the premium JWT rule, so Istio it is.',
  ])('does not flag a committed answer: %s', (text) => {
    expect(hedged(text)).toBe(false);
  });

  const HEDGED_TEXT =
    'There are arguments both ways. A mesh would give the VP mTLS and dashboards across 30 services, and the managed add-on takes some work off. On the other hand there is no platform team and no on-call. Two recent outages came from untested changes. I would probably lean towards waiting, but it depends on how fast the company grows.';
  it('caps a two-sided answer that only leans, on the right option', () => {
    const result = grade('justify-no-oncall-no-owner', HEDGED_TEXT);
    // Hedge markers sit in two of five sentences: the older rule (3 markers in half the sentences) missed it.
    const signal = measureHedging(analyzeText(HEDGED_TEXT));
    expect(signal.sentenceShare).toBeLessThan(0.5);
    expect(result.hedged).toBe(true);
    expect(result.score).toBeLessThanOrEqual(30);
  });
});

describe('mesh claims read through pronouns, possessives and trailing superlatives', () => {
  const claims = (text: string) =>
    findFalseClaims(analyzeText(text, cachedLemmaOffsets)).map(
      (claim) => `${claim.mesh}:${claim.capabilityId}`,
    );

  it('resolves a pronoun in a sentence that names no mesh before it', () => {
    expect(
      claims(
        'We pick Kuma. The deciding factor: it is the most mature mesh, with the biggest community.',
      ),
    ).toContain('kuma:community-size');
  });

  it('credits a capability through a possessive and reads a superlative after it', () => {
    expect(
      claims(
        'Linkerd wins on simplicity, and its traffic mirroring is the best of all the meshes.',
      ),
    ).toContain('linkerd:traffic-mirroring');
  });

  it.each([
    'We pick Kuma. The catch: it is less mature than Istio and has a smaller community.',
    'Istio, because its mirroring is the most complete and Linkerd has none.',
    'Linkerd is simpler; for mirroring it would need another tool.',
  ])('does not flag a true statement: %s', (text) => {
    expect(claims(text).filter((claim) => !claim.startsWith('istio'))).toEqual([]);
  });
});

describe('misconceptions in new wordings', () => {
  type Case = { scenarioId: string; misconception: string; reversed: string; correct: string };
  const CASES: readonly Case[] = [
    {
      scenarioId: 'justify-regulated-fintech-200-services',
      misconception: 'mtls-is-authorization',
      reversed: 'Once STRICT is on, only pods with a valid certificate can talk to the ledger.',
      correct:
        'STRICT gives every caller a verified identity; who may call the ledger is then set by allow rules in AuthorizationPolicies.',
    },
    {
      scenarioId: 'justify-latency-budget-bid-path',
      misconception: 'tail-shrinks-under-load',
      reversed:
        'At peak traffic the proxies reuse warm connections, so their overhead per request ends up lower than in the benchmark.',
      correct:
        'At peak traffic the overhead per request is higher than in the low-load benchmark, because queues form in the proxies.',
    },
    {
      scenarioId: 'justify-regulated-fintech-200-services',
      misconception: 'sidecar-needs-sdk',
      reversed:
        "The vendor images can't be meshed, since the proxy requires an SDK linked into each application.",
      correct:
        'The vendor images can be meshed too: the sidecar intercepts their traffic without any code change.',
    },
    {
      scenarioId: 'diagnose-canary-v2-errors',
      misconception: 'mesh-auto-rollback',
      reversed:
        'The weighted route comes with automated canary analysis, so it should have reverted v2 by itself.',
      correct:
        'A weighted route only splits traffic; analysis and rollback need Argo Rollouts or Flagger on top.',
    },
  ];
  const features = (target: Scenario, justification: string) => {
    const attempt = validateAttempt(target, { decision: correct(target), justification });
    if (!attempt.ok) throw new Error('invalid attempt');
    return extractFeatures(target, attempt.attempt);
  };
  for (const entry of CASES) {
    it(`${entry.scenarioId}: “${entry.reversed}” is ${entry.misconception}`, () => {
      const target = get(entry.scenarioId);
      const senior = target.modelAnswer?.senior ?? '';
      const found = features(target, `${senior} ${entry.reversed}`).misconceptions;
      expect(found.map((claim) => claim.id)).toContain(entry.misconception);
      const reversed = grade(entry.scenarioId, `${senior} ${entry.reversed}`);
      expect(reversed.capApplied?.reason).toBe('reversed-point');
    });
    it(`${entry.scenarioId}: “${entry.correct}” is not flagged`, () => {
      const target = get(entry.scenarioId);
      const senior = target.modelAnswer?.senior ?? '';
      expect(features(target, `${senior} ${entry.correct}`).misconceptions).toEqual([]);
    });
  }
});

describe('advice and explanations are not reversed claims', () => {
  const features = (id: string, justification: string) => {
    const target = get(id);
    const attempt = validateAttempt(target, { decision: correct(target), justification });
    if (!attempt.ok) throw new Error('invalid attempt');
    return extractFeatures(target, attempt.attempt);
  };

  it('a negated imperative keeps the scope a risk names ("don\'t put … in every request path")', () => {
    const found = features(
      'justify-no-oncall-no-owner',
      'Nobody owns the platform, so never put a proxy into every request path when no one is paged for it.',
    ).stanceReversals;
    expect(found.map((reversal) => reversal.criterionId)).not.toContain('critical-path');
  });

  it('a statement that denies the scope still reverses it', () => {
    const found = features(
      'justify-no-oncall-no-owner',
      'A mesh does not sit in every request path, so its failures stay contained.',
    ).stanceReversals;
    expect(found.map((reversal) => reversal.criterionId)).toContain('critical-path');
  });

  it('"X is why Y" explains a cause instead of equating X with the catalogue claim', () => {
    const found = features(
      'rollout-authorization-policies',
      'Identity alone is why the scheduler can still read records today: it proves who calls and allows everyone.',
    ).errorClaims;
    expect(found.map((hit) => hit.claimId)).not.toContain('mtls-is-authz');
  });

  it('the equation itself is still the catalogue claim', () => {
    const found = features(
      'rollout-authorization-policies',
      'STRICT mTLS is the access control we need for records-svc.',
    ).errorClaims;
    expect(found.map((hit) => hit.claimId)).toContain('mtls-is-authz');
  });
});

describe('a "not yet" that rules out any revisit reads as "never"', () => {
  const reversed = (text: string) =>
    grade('justify-three-service-startup', text).criteria.find(
      (criterion) => criterion.id === 'revisit-triggers',
    )?.reversed;

  it.each([
    'Not yet. Three services and four engineers cannot run a control plane; TLS on Postgres and a client retry cover the needs, and there is no trigger worth watching for.',
    'Not yet. Three services and four engineers cannot run a control plane, and TLS on Postgres covers the gap; re-evaluating the mesh next year would be a waste of time.',
  ])('flags: %s', (text) => {
    expect(reversed(text)).toBeDefined();
  });

  it('keeps a verdict on dropping the revisit', () => {
    expect(
      reversed(
        'Not yet. Three services and four engineers cannot run a control plane, but skipping a revisit next year would be a mistake.',
      ),
    ).toBeUndefined();
  });

  it('keeps a "not yet" with a trigger', () => {
    expect(
      reversed(
        'Not yet. Three services and four engineers cannot run a control plane. The trigger worth watching is 15 services or a second team; revisit then.',
      ),
    ).toBeUndefined();
  });
});

it('installing a new control plane does not move the proxies (no-restart-needed, new wording)', () => {
  const target = get('rollout-control-plane-upgrade');
  const found = (text: string) => {
    const attempt = validateAttempt(target, { decision: correct(target), justification: text });
    if (!attempt.ok) throw new Error('invalid attempt');
    return extractFeatures(target, attempt.attempt).misconceptions.map((hit) => hit.id);
  };
  expect(
    found(
      'Test in staging first, because once the new revision is installed the sidecars begin pulling config from the new istiod.',
    ),
  ).toContain('no-restart-needed');
  expect(
    found(
      'Install the new revision beside the old one; proxies stay on the old istiod until their namespace is relabelled and the pods restart.',
    ),
  ).not.toContain('no-restart-needed');
});

describe('a setting kept at the case value for longer declines the fix', () => {
  const refusals = (text: string) =>
    findFixRefusals(analyzeText(text, cachedLemmaOffsets), get('diagnose-canary-v2-errors'));

  it('flags "keep v2 at 10% for now"', () => {
    expect(
      refusals(
        'v2 fails 12% against 0.2% on v1. Keep v2 at 10% for now so we can reproduce the bug on live traffic.',
      ),
    ).toHaveLength(1);
  });

  it.each([
    'v2 fails 12% against 0.2% on v1. Move v2 from 10% to 0 now, then debug it for another hour in staging.',
    'v2 fails 12% against 0.2% on v1. Set its weight to 0 and keep the 1,200 requests a minute on v1.',
  ])('does not flag a fix: %s', (text) => {
    expect(refusals(text)).toEqual([]);
  });
});

describe('textbook prescriptions outside argued sentences are filler', () => {
  it('caps a generic list of prescriptions on the right option', () => {
    const result = grade(
      'justify-regulated-fintech-200-services',
      'A phased adoption with a small blast radius is best practice. Zero trust means mTLS plus authorization policies, which give audit evidence. Golden signals give consistent observability across a polyglot fleet. Ownership and runbooks are essential, and sidecar cost should be considered.',
    );
    expect(result.capApplied?.reason).toBe('keyword-stuffing');
    expect(result.score).toBeLessThanOrEqual(25);
  });

  it('keeps a prescription that is argued from the case', () => {
    const result = grade(
      'justify-regulated-fintech-200-services',
      'Yes, phased. 200 services in four languages plus six vendor images mean no shared library can enforce mTLS, so the sidecar is essential here because it covers the vendor images too. The platform team of nine with on-call can own istiod. Pilot one namespace, PERMISSIVE then STRICT, then AuthorizationPolicies per service for the least-privilege clause; sidecar CPU should be considered, since 1,400 pods each get a proxy.',
    );
    expect(result.capApplied?.reason).not.toBe('keyword-stuffing');
    expect(result.score).toBeGreaterThanOrEqual(70);
  });
});

describe('a blast radius is not a rollout plan', () => {
  const reversed = (text: string) =>
    grade('justify-no-oncall-no-owner', text).criteria.filter((criterion) => criterion.reversed);

  it('"a bad push takes all 30 down at once" reverses nothing', () => {
    expect(
      reversed(
        'Not yet: nobody owns it, and a mesh sits in front of every call, so one bad config push takes all 30 services down at once. First an owner, an on-call rotation and SLOs, then a pilot.',
      ),
    ).toEqual([]);
  });

  it('"breaks every service at once" reverses nothing', () => {
    expect(
      reversed(
        'Not yet: nobody owns it, and an expired root certificate breaks every service at once. First an owner, an on-call rotation and SLOs, then a pilot.',
      ),
    ).toEqual([]);
  });
});

it('"take every namespace to STRICT at once" is still the big-bang plan', () => {
  const result = grade(
    'rollout-permissive-to-strict',
    'Set up alerts, find the plaintext callers, then take every namespace to STRICT at once to get it over with.',
  );
  expect(result.criteria.some((criterion) => criterion.reversed)).toBe(true);
});
