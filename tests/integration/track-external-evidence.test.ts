import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, setupTestDatabase } from './helpers/test-db';

let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ cleanup } = await setupTestDatabase());
});
afterAll(async () => {
  await cleanup();
});

describe('track evidence from mock interviews', () => {
  it('takes the best of ended solo sessions and released live scorecards, per member and template', async () => {
    const { db } = await import('@/lib/db');
    const { loadExternalEvidence } = await import('@/lib/teams/evidence');
    const member = await createTestUser();
    const other = await createTestUser();
    const interviewer = await createTestUser();
    const endedAt = new Date('2026-11-20T10:00:00Z');
    await db.interviewSession.createMany({
      data: [
        {
          mode: 'solo',
          templateId: 'is-a-mesh-justified',
          hostId: member.id,
          seed: 1,
          status: 'ended',
          overallScore: 64,
          endedAt,
        },
        {
          mode: 'solo',
          templateId: 'is-a-mesh-justified',
          hostId: member.id,
          seed: 2,
          status: 'ended',
          overallScore: 81,
          endedAt,
        },
        // Not ended: no evidence even with a score.
        {
          mode: 'solo',
          templateId: 'istio-or-linkerd',
          hostId: member.id,
          seed: 3,
          status: 'active',
          overallScore: 99,
        },
        {
          mode: 'solo',
          templateId: 'istio-or-linkerd',
          hostId: other.id,
          seed: 4,
          status: 'ended',
          overallScore: 70,
          endedAt,
        },
      ],
    });
    const released = await db.interviewSession.create({
      data: {
        mode: 'live',
        templateId: 'zero-trust-security',
        hostId: interviewer.id,
        candidateId: member.id,
        seed: 5,
        status: 'ended',
      },
    });
    await db.interviewScorecard.create({
      data: {
        sessionId: released.id,
        scores: JSON.stringify({ design: 4, communication: 3 }),
        releasedAt: endedAt,
      },
    });
    const draft = await db.interviewSession.create({
      data: {
        mode: 'live',
        templateId: 'roll-out-a-mesh-safely',
        hostId: interviewer.id,
        candidateId: member.id,
        seed: 6,
        status: 'ended',
      },
    });
    await db.interviewScorecard.create({
      data: { sessionId: draft.id, scores: JSON.stringify({ design: 4 }) },
    });

    const evidence = await loadExternalEvidence([member.id, other.id]);
    const mine = evidence.get(member.id)!;
    expect(mine.interviewScore('is-a-mesh-justified')).toEqual({ score: 81, at: endedAt });
    expect(mine.interviewScore('istio-or-linkerd')).toBeNull();
    // (3.5 - 1) / 3 → 83
    expect(mine.interviewScore('zero-trust-security')).toEqual({ score: 83, at: endedAt });
    // An unreleased scorecard is the interviewer's draft: not evidence.
    expect(mine.interviewScore('roll-out-a-mesh-safely')).toBeNull();
    expect(evidence.get(other.id)!.interviewScore('istio-or-linkerd')?.score).toBe(70);
    expect(evidence.get(other.id)!.interviewScore('is-a-mesh-justified')).toBeNull();
  });

  it("counts a challenge from the member's first passing result, never a failed one", async () => {
    const { db } = await import('@/lib/db');
    const { loadExternalEvidence } = await import('@/lib/teams/evidence');
    const member = await createTestUser();
    const row = (passed: boolean, createdAt: Date, challengeId = 'stop-the-retry-storm') => ({
      userId: member.id,
      challengeId,
      passed,
      script: '[]',
      steps: 5,
      verdict: '{}',
      createdAt,
    });
    await db.challengeResult.createMany({
      data: [
        row(false, new Date('2026-11-01T00:00:00Z')),
        row(true, new Date('2026-11-03T00:00:00Z')),
        row(true, new Date('2026-11-05T00:00:00Z')),
        row(false, new Date('2026-11-02T00:00:00Z'), 'halve-the-proxy-bill'),
      ],
    });
    const mine = (await loadExternalEvidence([member.id])).get(member.id)!;
    expect(mine.challengePassed('stop-the-retry-storm')).toEqual(new Date('2026-11-03T00:00:00Z'));
    expect(mine.challengePassed('halve-the-proxy-bill')).toBeNull();
  });
});
