import { describe, expect, it } from 'vitest';
import { expertTextProblems } from '@/lib/content/error-catalogue-checker';
import { parseErrorCatalogueFile } from '@/lib/content/error-catalogue';
import type { Scenario } from '@/lib/content/scenario-schema';
import { validateAttempt } from '@/lib/grading/answer-input';
import { findErrorClaims, setErrorClaims, statementPattern } from '@/lib/grading/error-claims';
import { extractFeatures, gradeAttempt } from '@/lib/grading/grade-attempt';
import { cachedLemmaOffsets } from '@/lib/grading/lemmas';
import { analyzeText } from '@/lib/grading/text';
import { CLAIM_SENTENCES } from './error-claim-sentences';
import { correctDecision, loadAuthoredScenarios } from './helpers';

// The expert error catalogue (content/service-mesh/error-catalogue) and its matcher
// (lib/grading/error-claims.ts). Every sentence here was written for this test, not taken from a
// calibration item: a wrong claim stated as the learner's own must hit; the same claim denied,
// reported, asked, rejected or described as the wrong option's harm must not.
const { scenarios, problems, scenario } = await loadAuthoredScenarios();

function claimsIn(target: Scenario, justification: string): string[] {
  const attempt = validateAttempt(target, { decision: correctDecision(target), justification });
  if (!attempt.ok) throw new Error(attempt.message);
  return extractFeatures(target, attempt.attempt).errorClaims.map((hit) => hit.claimId);
}

type Case = { scenarioId: string; claim: string; wrong: string; controls: readonly string[] };

const CASES: readonly Case[] = [
  {
    scenarioId: 'diagnose-deny-overrides-allow',
    claim: 'allow-wins',
    wrong: 'The more specific ALLOW should win here, so give it time to propagate.',
    controls: [
      // its negation
      'No ALLOW, however specific, wins against a DENY that matches.',
      // reported speech
      'The ops team thinks the more specific ALLOW should win, but a matching DENY is final.',
      // a question
      'Does the more specific ALLOW win? Not in Istio: DENY is evaluated first.',
    ],
  },
  {
    scenarioId: 'diagnose-breaker-503-uo-flash-sale',
    claim: 'delete-breaker',
    wrong: 'Delete the connectionPool settings from the DestinationRule and the 503s stop.',
    controls: [
      // the wrong option mentioned only to reject it
      'The channel wants to delete the connectionPool settings, which is a mistake: resize them.',
      'Deleting the breaker would let requests pile up on inventory when it really slows down.',
      'Rather than remove the circuit breaker, raise its limits to about 150 with a load test.',
    ],
  },
  {
    scenarioId: 'rollout-first-mesh-adoption',
    claim: 'strict-first',
    wrong: 'Switch every namespace to STRICT from day one so the auditors are happy early.',
    controls: [
      'STRICT from day one would break the report-export CronJob, so PERMISSIVE comes first.',
      'If we went STRICT from day one, the fax-gateway VM would lose its connection.',
      'Some teams start with STRICT from day one; here that is wrong because of the VM.',
    ],
  },
  {
    scenarioId: 'justify-monolith-pci-scope',
    claim: 'postgres-no-tls',
    // a `denied` claim: the catalogue states the fact "Postgres supports TLS"
    wrong: 'Postgres does not support TLS, so a sidecar has to encrypt that link.',
    controls: [
      'Postgres supports TLS natively with sslmode=verify-full, so no sidecar is needed.',
      'It is a myth that Postgres cannot do TLS; turn on verify-full.',
    ],
  },
  {
    scenarioId: 'choose-kubernetes-deep-l7',
    claim: 'linkerd-has-mirroring',
    wrong: 'Linkerd could cover mirroring and fault injection just as well, with less overhead.',
    controls: [
      'Linkerd is lighter, but it has no traffic mirroring or fault injection, so Istio wins here.',
      'Unlike Istio, Linkerd does not offer fault injection.',
    ],
  },
  {
    scenarioId: 'estimate-retry-amplification',
    claim: 'attempts-as-total',
    wrong: 'attempts: 3 means three tries in total per hop, so 3^3 = 27 and 250 × 27 = 6,750 rps.',
    controls: [
      'attempts counts retries, so each hop makes four tries: 4^3 = 64, 250 × 64 = 16,000.',
    ],
  },
  {
    scenarioId: 'justify-no-oncall-no-owner',
    claim: 'managed-no-owner',
    wrong:
      'With the managed add-on the provider takes care of everything, so nobody needs to own it.',
    controls: [
      'A managed add-on does not remove the need for an owner: policies and the pager stay ours.',
      'The squad lead says the managed add-on means no owner, but upgrades and incidents remain ours.',
    ],
  },
];

describe('error catalogue content', () => {
  it('loads for every scenario with no problems', () => {
    expect(problems).toEqual([]);
    for (const entry of scenarios) expect(entry.errorClaims?.length ?? 0).toBeGreaterThanOrEqual(5);
  });

  it('no expert text of any scenario states one of its wrong claims', () => {
    expect(expertTextProblems(scenarios)).toEqual([]);
  });

  it('rejects a claim with an unknown kind, a single group or a denied claim without a statement', () => {
    const raw = [
      '---',
      'scenarioId: demo',
      'claims:',
      "  - { id: a, criterion: c, kind: wrong-fix, relation: 'delete', object: 'breaker', reason: 'Deleting it removes protection.' }",
      "  - { id: b, criterion: c, kind: wrong-idea, relation: 'x', object: 'y', reason: 'An unknown kind here.' }",
      "  - { id: c, criterion: c, kind: wrong-fix, relation: 'delete', reason: 'Only one group given.' }",
      "  - { id: d, criterion: c, kind: wrong-mesh, polarity: denied, also: ['linkerd ~ envoy'], reason: 'Denied without a statement.' }",
      "  - { id: a, criterion: c, kind: wrong-fix, relation: 'drop', object: 'breaker', reason: 'A duplicate claim id.' }",
      '---',
    ].join('\n');
    const { catalogue, problems: found } = parseErrorCatalogueFile('demo.md', raw);
    expect(catalogue).toBeNull();
    expect(found.join('\n')).toMatch(/claims\[1\]\.kind/);
    expect(found.join('\n')).toMatch(/claims\[2\]\.relation/);
    expect(found.join('\n')).toMatch(/claims\[3\]\.polarity/);
  });

  it('reads subject, relation and object as one statement pattern', () => {
    expect(statementPattern({ subject: 'a|b', relation: 'c', object: 'd' })).toBe('a|b ~ c ~ d');
    expect(statementPattern({ relation: 'c', object: 'd' })).toBe('c ~ d');
    expect(statementPattern({ relation: 'c' })).toBeNull();
  });
});

describe('error claim matcher', () => {
  for (const { scenarioId, claim, wrong, controls } of CASES) {
    it(`${scenarioId}: "${claim}" hits the wrong claim and none of its controls`, () => {
      const target = scenario(scenarioId);
      expect(claimsIn(target, wrong)).toContain(claim);
      for (const control of controls)
        expect(claimsIn(target, control), control).not.toContain(claim);
    });
  }

  it('hits every hand-written wrong claim and none of the hand-written correct statements', () => {
    const missed: string[] = [];
    const flagged: string[] = [];
    for (const { scenarioId, isWrong, text } of CLAIM_SENTENCES) {
      const hits = claimsIn(scenario(scenarioId), text);
      if (isWrong && hits.length === 0) missed.push(`${scenarioId}: ${text}`);
      if (!isWrong && hits.length > 0) flagged.push(`${scenarioId} (${hits.join(', ')}): ${text}`);
    }
    expect(missed).toEqual([]);
    expect(flagged).toEqual([]);
  }, 60_000);

  it('a hit reverses its criterion and caps the score; the same answer without it does not', () => {
    const target = scenario('diagnose-deny-overrides-allow');
    const body =
      "The security team's DENY matches refund-worker because it is in the ops namespace, so it gets 403. Ask the security team to change the DENY to exclude it.";
    const grade = (justification: string) =>
      gradeAttempt({
        scenario: target,
        answer: { decision: correctDecision(target), justification },
      });
    const right = grade(`DENY is evaluated before ALLOW. ${body}`);
    const wrong = grade(`A more specific ALLOW takes precedence over a DENY. ${body}`);
    const reversed = wrong.criteria.find((criterion) => criterion.id === 'deny-before-allow');
    expect(reversed?.status).toBe('missed');
    expect(reversed?.reversed).toMatch(/ALLOW takes precedence/);
    expect(wrong.score).toBeLessThanOrEqual(40);
    expect(right.score).toBeGreaterThan(wrong.score + 25);
  });

  it('a claim on a minor criterion costs minorReversal, not the cap', () => {
    const target = scenario('diagnose-canary-v2-errors');
    const answer =
      'Split by version v1 is at 0.2% and v2 at 12%, and 0.9 × 0.2 + 0.1 × 12 ≈ 1.4%, so the whole rise is v2, far beyond noise. Set v2 weight to 0 now to roll back with no redeploy, debug /avatar, and add Flagger gates.';
    const minor = gradeAttempt({
      scenario: target,
      answer: {
        decision: 'bad-v2',
        justification: `${answer} Callers retry 500 too, so some failures are hidden.`,
      },
    });
    expect(
      minor.penalties.some(
        (penalty) => penalty.id.startsWith('reversed-minor:') && penalty.points === 8,
      ),
    ).toBe(true);
    expect(minor.capApplied?.reason).not.toBe('reversed-point');
    expect(minor.score).toBeGreaterThan(40);
  });

  it('is off when the catalogue is switched off (calibration ablation)', () => {
    const target = scenario('diagnose-deny-overrides-allow');
    setErrorClaims(false);
    try {
      expect(claimsIn(target, 'A more specific ALLOW takes precedence over a DENY.')).toEqual([]);
    } finally {
      setErrorClaims(true);
    }
  });

  it('reads nothing from a scenario without a catalogue', () => {
    const target = scenario('diagnose-deny-overrides-allow');
    const bare = { ...target, errorClaims: undefined };
    expect(
      findErrorClaims(analyzeText('The ALLOW wins over the DENY.', cachedLemmaOffsets), bare),
    ).toEqual([]);
  });
});
