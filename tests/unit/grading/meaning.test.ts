import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readScenarioDir } from '@/lib/content/scenario-pack';
import { gradeAttempt } from '@/lib/grading/grade-attempt';
import { findFalseClaims } from '@/lib/grading/facts';
import { hintsFor, shouldRevealModelAnswer } from '@/lib/grading/learning-flow';
import { LEXICON } from '@/lib/grading/lexicon';
import { cachedLemmaOffsets } from '@/lib/grading/lemmas';
import { compilePhrase, compilePhrases, findOccurrences } from '@/lib/grading/match';
import { STANCES } from '@/lib/grading/stances';
import { analyzeText } from '@/lib/grading/text';

const { scenarios } = await readScenarioDir(
  path.resolve(import.meta.dirname, '../../../content/service-mesh/scenarios'),
);
const byId = new Map(scenarios.map((scenario) => [scenario.id, scenario]));
const get = (id: string) => {
  const scenario = byId.get(id);
  if (!scenario) throw new Error(`missing ${id}`);
  return scenario;
};
const analyze = (text: string) => analyzeText(text, cachedLemmaOffsets);
const grade = (id: string, decision: string | string[] | number, justification: string) =>
  gradeAttempt({ scenario: get(id), answer: { decision, justification } });
const status = (result: ReturnType<typeof grade>, criterionId: string) =>
  result.criteria.find((criterion) => criterion.id === criterionId);

describe('lexicon, stances and fact base are well-formed', () => {
  it('every stance names a real scenario and rubric criterion, and every pattern compiles', () => {
    for (const [scenarioId, criteria] of Object.entries(STANCES)) {
      const scenario = get(scenarioId);
      for (const [criterionId, patterns] of Object.entries(criteria)) {
        expect(scenario.rubric.map((c) => c.id)).toContain(criterionId);
        for (const pattern of patterns) expect(compilePhrase(pattern)).not.toBeNull();
      }
    }
  });

  it('every lexicon pattern compiles to at least one word', () => {
    for (const concept of LEXICON)
      for (const pattern of [...concept.triggers, ...concept.paraphrases])
        expect(compilePhrase(pattern), `${concept.id}: ${pattern}`).not.toBeNull();
  });
});

describe('pattern syntax', () => {
  const hits = (pattern: string, text: string) =>
    findOccurrences(analyze(text), compilePhrases([pattern])).map((o) => o.text);
  it('matches alternatives, prefixes, joined words, clause-bound gaps and adjacency', () => {
    expect(hits('encrypt* ~ traffic|calls', 'The mesh encrypts all pod traffic.')).toHaveLength(1);
    expect(hits('sidecar*less', 'A sidecar-less design')).toHaveLength(1);
    expect(hits('side*car', 'one side car per pod')).toHaveLength(1);
    expect(hits('retries ~ apply', 'the retry policy, so it is applied')).toEqual([]);
    expect(hits('cap|limit + retr*', 'raise its limits and add more retries')).toEqual([]);
    expect(hits('cap|limit + retr*', 'limit retries to one layer')).toHaveLength(1);
  });
  it('matches inflections through lemmas', () => {
    expect(hits('rotate ~ certificate', 'it rotated the certificates')).toHaveLength(1);
  });
});

describe('meaning over phrases', () => {
  it('credits mTLS described in the learner’s own words', () => {
    const result = grade(
      'justify-regulated-fintech-200-services',
      'yes-phased',
      'Yes, in phases. The mesh encrypts pod-to-pod traffic with certificates it rotates itself, which answers clause 3.1 for ledger-svc and fraud-svc.',
    );
    expect(status(result, 'compliance-mtls-authz')?.status).toBe('hit');
  });

  it.each([
    'A pilot is unnecessary; we can do this in phases later.',
    'There is no need for a pilot.',
    'Skip the pilot.',
    'A pilot isn’t worth it.',
    'We go without a pilot.',
    'We never run a pilot.',
  ])('negation form “%s” does not credit the pilot', (text) => {
    const analyzed = analyze(text);
    const pilot = findOccurrences(analyzed, compilePhrases(['pilot'])).at(0);
    expect(pilot?.negated).toBe(true);
  });

  it('reverses a crucial point stated the other way round', () => {
    const scenario = get('rollout-first-mesh-adoption');
    if (scenario.answer.type !== 'order') throw new Error('expected order');
    const result = gradeAttempt({
      scenario,
      answer: {
        decision: [...scenario.answer.correct],
        justification: `${scenario.modelAnswer.senior} For the pilot, roll out to every namespace at once.`,
      },
    });
    expect(status(result, 'limited-blast-radius')?.reversed).toBeDefined();
    expect(result.score).toBeLessThanOrEqual(40);
  });

  it('does not reverse a point when the answer negates the wrong idea', () => {
    const result = grade(
      'choose-small-team-mtls-fast',
      'linkerd',
      'Linkerd: mTLS is on by default for the 25 services, two platform engineers can run it, and retries and timeouts are enough. mTLS isn’t authorization, so next comes a policy that only scheduling-svc may call records-svc.',
    );
    expect(status(result, 'authz-next')?.reversed).toBeUndefined();
    expect(status(result, 'authz-next')?.status).toBe('hit');
  });

  it('catches features attributed to the wrong mesh, and leaves true claims alone', () => {
    const claims = (text: string) => findFalseClaims(analyze(text)).map((c) => c.capabilityId);
    expect(claims("I'd use Linkerd's ambient mode to avoid sidecars.")).toContain('ambient-mode');
    expect(claims('Linkerd. It uses Envoy as its sidecar.')).toContain('envoy-data-plane');
    expect(claims('Linkerd has the most advanced L7 fault injection of all meshes.')).toContain(
      'advanced-l7',
    );
    expect(claims('Consul is Kubernetes-only anyway.')).toContain('kubernetes-only');
    expect(
      claims('Istio ambient uses ztunnel and waypoints; Linkerd uses its own Rust proxy.'),
    ).toEqual([]);
    expect(claims('Linkerd has no ambient mode and does not use Envoy.')).toEqual([]);
    expect(claims('Istio route timeouts are disabled by default.')).toEqual([]);
  });

  it('caps a false claim in an otherwise good answer', () => {
    const scenario = get('choose-kubernetes-deep-l7');
    const result = gradeAttempt({
      scenario,
      answer: {
        decision: 'istio',
        justification: `${scenario.modelAnswer.senior} Linkerd has the most advanced L7 fault injection of all meshes.`,
      },
    });
    expect(result.falseClaims?.length).toBeGreaterThan(0);
    expect(result.score).toBeLessThanOrEqual(55);
  });

  it('gives a clear notice, not a silent low score, for an answer in another language', () => {
    const result = grade(
      'justify-three-service-startup',
      'not-yet',
      'Noch nicht. Drei Services und vier Entwickler ohne Rufbereitschaft können keine Control Plane betreiben. TLS für die Postgres-Verbindung einschalten und später wieder hinschauen.',
    );
    expect(result.language?.language).toBe('German');
    expect(result.language?.message).toContain('English');
    expect(result.score).toBeGreaterThanOrEqual(60);
  });

  it('gives little for buzzwords that argue nothing about the case', () => {
    const result = grade(
      'justify-three-service-startup',
      'not-yet',
      'Not yet. A service mesh is a journey; zero trust is an important trend and a best practice, and observability is a competitive advantage for any modern architecture.',
    );
    expect(result.score).toBeLessThanOrEqual(30);
  });

  it('caps hedging that never commits', () => {
    const result = grade(
      'diagnose-retry-storm-failing-leaf',
      'retry-storm',
      'It might be a retry storm, but it could also be capacity. Maybe both. It depends on the data; either could work and I would gather more data.',
    );
    expect(result.hedged).toBe(true);
    expect(result.score).toBeLessThanOrEqual(30);
  });
});

describe('learning flow', () => {
  it('hints are questions about missed concepts; the model answer waits for a retry', () => {
    const weak = grade(
      'justify-three-service-startup',
      'not-yet',
      'It is too early for this, I think, overall.',
    );
    expect(shouldRevealModelAnswer(weak, 1)).toBe(false);
    expect(shouldRevealModelAnswer(weak, 2)).toBe(true);
    const hints = hintsFor(weak);
    expect(hints.length).toBeGreaterThan(0);
    for (const hint of hints) expect(hint.question).toMatch(/\?/);
    const strong = grade(
      'justify-three-service-startup',
      'not-yet',
      get('justify-three-service-startup').modelAnswer.senior,
    );
    expect(shouldRevealModelAnswer(strong, 1)).toBe(true);
  });
});
