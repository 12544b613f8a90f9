import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestUser, setupTestDatabase } from './helpers/test-db';
import { session } from './helpers/fake-session';

// Real SQLite, content, grader and poller; only the signed-in session is faked.
vi.mock('@/lib/auth/session', () => import('./helpers/fake-session'));

const TEMPLATE = 'diagnose-a-mesh-incident';
let cleanup: () => Promise<void>;
let sessions: typeof import('@/lib/interviews/sessions');
let scorecards: typeof import('@/lib/interviews/scorecards');
let stream: typeof import('@/lib/interviews/live-stream');
let feed: typeof import('@/lib/interviews/live-feed');
let template: import('@/lib/content/interview-schema').InterviewTemplate;
let modelAnswers: string[];
let alice: { id: string; email: string };
let bob: { id: string; email: string };
let carol: { id: string; email: string };

const as = (user: { id: string; email: string } | null) => {
  session.user = user ? { ...user, name: user.email } : null;
};
let keyCounter = 0;
const key = () => `test-key-${++keyCounter}-${Date.now()}`;

beforeAll(async () => {
  ({ cleanup } = await setupTestDatabase());
  sessions = await import('@/lib/interviews/sessions');
  scorecards = await import('@/lib/interviews/scorecards');
  stream = await import('@/lib/interviews/live-stream');
  feed = await import('@/lib/interviews/live-feed');
  const { getInterviewTemplate } = await import('@/lib/content/interviews');
  const { getScenario } = await import('@/lib/content/scenarios');
  template = (await getInterviewTemplate(TEMPLATE))!;
  modelAnswers = await Promise.all(
    template.phases
      .flatMap((p) => p.questions)
      .map(async (q) => (await getScenario(q.scenarioId))!.modelAnswer.senior),
  );
  alice = await createTestUser();
  bob = await createTestUser();
  carol = await createTestUser();
});
afterAll(async () => cleanup());
beforeEach(() => as(null));

async function liveSession() {
  as(alice);
  const live = await sessions.createLiveSession({ userId: alice.id, templateId: TEMPLATE });
  as(bob);
  await sessions.joinWithInvite({ userId: bob.id, token: live.inviteToken });
  return live;
}

/** Reads SSE frames until `until` holds for the text so far (or times out). */
async function readStream(
  body: ReadableStream<Uint8Array>,
  until: (text: string) => boolean,
  timeoutMs = 4000,
): Promise<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + timeoutMs;
  while (!until(text)) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    const chunk = await Promise.race([
      reader.read(),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), left)),
    ]);
    if (!chunk || chunk.done) break;
    text += decoder.decode(chunk.value);
  }
  reader.releaseLock();
  return text;
}
const frames = (text: string) =>
  text
    .split('\n\n')
    .filter((f) => f.includes('data: '))
    .map((f) => ({
      id: Number(/^id: (\d+)/m.exec(f)?.[1]),
      data: JSON.parse(/^data: (.*)$/m.exec(f)![1]!) as { seq: number; body: { type: string } },
    }));

describe('invites', () => {
  it('admit exactly one candidate, refuse others and the interviewer, and expire', async () => {
    as(alice);
    const live = await sessions.createLiveSession({ userId: alice.id, templateId: TEMPLATE });
    expect(live.inviteToken.length).toBeGreaterThanOrEqual(43);
    await expect(
      sessions.joinWithInvite({ userId: alice.id, token: live.inviteToken }),
    ).rejects.toMatchObject({ code: 'conflict' });
    as(bob);
    await expect(
      sessions.joinWithInvite({ userId: bob.id, token: live.inviteToken }),
    ).resolves.toEqual({ sessionId: live.sessionId });
    await expect(
      sessions.joinWithInvite({ userId: bob.id, token: live.inviteToken }),
    ).resolves.toEqual({ sessionId: live.sessionId });
    as(carol);
    await expect(
      sessions.joinWithInvite({ userId: carol.id, token: live.inviteToken }),
    ).rejects.toMatchObject({ code: 'gone' });
    await expect(
      sessions.joinWithInvite({ userId: carol.id, token: 'x'.repeat(43) }),
    ).rejects.toMatchObject({ code: 'not-found' });

    as(alice);
    const later = await sessions.createLiveSession({ userId: alice.id, templateId: TEMPLATE });
    as(carol);
    const tomorrow = new Date(Date.now() + sessions.INVITE_TTL_MS + 1000);
    await expect(
      sessions.joinWithInvite({ userId: carol.id, token: later.inviteToken, now: tomorrow }),
    ).rejects.toMatchObject({ code: 'gone' });
  });
});

describe('authorization', () => {
  it('hides sessions from outsiders and interviewer-only material from the candidate', async () => {
    const live = await liveSession();
    as(alice);
    await sessions.runCommand({
      sessionId: live.sessionId,
      userId: alice.id,
      input: { type: 'start', idempotencyKey: key() },
    });
    await sessions.runCommand({
      sessionId: live.sessionId,
      userId: alice.id,
      input: { type: 'add-note', text: 'PRIVATE-NOTE-TEXT', idempotencyKey: key() },
    });
    as(bob);
    await sessions.runCommand({
      sessionId: live.sessionId,
      userId: bob.id,
      input: {
        type: 'save-answer',
        questionId: 'slow-leaf',
        decision: 'no-timeout',
        justification: 'The leaf has no timeout so p99 grows.',
        final: true,
        idempotencyKey: key(),
      },
    });

    as(carol);
    await expect(
      sessions.getSessionSnapshot({ sessionId: live.sessionId, userId: carol.id }),
    ).rejects.toMatchObject({ code: 'not-found' });
    await expect(
      sessions.runCommand({
        sessionId: live.sessionId,
        userId: carol.id,
        input: { type: 'advance', idempotencyKey: key() },
      }),
    ).rejects.toMatchObject({ code: 'not-found' });
    await expect(
      scorecards.getScorecard({ sessionId: live.sessionId, userId: carol.id }),
    ).rejects.toMatchObject({ code: 'not-found' });

    as(bob);
    const candidateView = JSON.stringify(
      await sessions.getSessionSnapshot({ sessionId: live.sessionId, userId: bob.id }),
    );
    as(alice);
    const interviewerView = JSON.stringify(
      await sessions.getSessionSnapshot({ sessionId: live.sessionId, userId: alice.id }),
    );
    const secrets = [
      'PRIVATE-NOTE-TEXT',
      template.phases[0]!.questions[0]!.hints[0]!,
      template.phases[0]!.questions[0]!.followUps[0]!,
      template.dimensions[0]!.senior,
      template.simulator.faults[0]!.expect,
      modelAnswers[0]!.slice(0, 80),
      '"answer.graded"',
      '"rubric"',
    ];
    for (const secret of secrets) {
      expect(interviewerView).toContain(secret);
      expect(candidateView).not.toContain(secret);
    }

    as(bob);
    await expect(
      sessions.runCommand({
        sessionId: live.sessionId,
        userId: bob.id,
        input: { type: 'add-note', text: 'x', idempotencyKey: key() },
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      sessions.runCommand({
        sessionId: live.sessionId,
        userId: bob.id,
        input: { type: 'advance', idempotencyKey: key() },
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      sessions.runCommand({
        sessionId: live.sessionId,
        userId: bob.id,
        input: { type: 'inject-fault', faultId: 'leaf-down', idempotencyKey: key() },
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      sessions.runCommand({
        sessionId: live.sessionId,
        userId: bob.id,
        input: { type: 'nope', idempotencyKey: key() },
      }),
    ).rejects.toMatchObject({ code: 'invalid' });
    await expect(
      sessions.runCommand({
        sessionId: live.sessionId,
        userId: bob.id,
        input: { type: 'add-note', text: 'x' },
      }),
    ).rejects.toMatchObject({ code: 'invalid' });
  });

  it('applies a command once per idempotency key (a second tab or a retry)', async () => {
    const live = await liveSession();
    as(alice);
    await sessions.runCommand({
      sessionId: live.sessionId,
      userId: alice.id,
      input: { type: 'start', idempotencyKey: key() },
    });
    const k = key();
    const first = await sessions.runCommand({
      sessionId: live.sessionId,
      userId: alice.id,
      input: { type: 'advance', idempotencyKey: k },
    });
    const again = await sessions.runCommand({
      sessionId: live.sessionId,
      userId: alice.id,
      input: { type: 'advance', idempotencyKey: k },
    });
    expect(again).toMatchObject({ seq: first.seq, duplicate: true });
    const snapshot = await sessions.getSessionSnapshot({
      sessionId: live.sessionId,
      userId: alice.id,
    });
    expect(snapshot.state.phaseIndex).toBe(1);
    expect(snapshot.events.filter((e) => e.body.type === 'phase.started')).toHaveLength(2);
  });

  it('turns an accepted candidate proposal into a shared simulator intent, once', async () => {
    const live = await liveSession();
    as(alice);
    await sessions.runCommand({
      sessionId: live.sessionId,
      userId: alice.id,
      input: { type: 'start', idempotencyKey: key() },
    });
    as(bob);
    const intent = {
      type: 'set-retries',
      service: 'inventory-svc',
      attempts: 1,
      retryOn: ['5xx'],
      budget: true,
    };
    await sessions.runCommand({
      sessionId: live.sessionId,
      userId: bob.id,
      input: { type: 'propose-intent', intent, idempotencyKey: key() },
    });
    const proposal = (
      await sessions.getSessionSnapshot({ sessionId: live.sessionId, userId: bob.id })
    ).state.sim.proposals[0]!;
    expect(proposal.status).toBe('open');
    await expect(
      sessions.runCommand({
        sessionId: live.sessionId,
        userId: bob.id,
        input: {
          type: 'resolve-proposal',
          proposalId: proposal.proposalId,
          accepted: true,
          idempotencyKey: key(),
        },
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    as(alice);
    await sessions.runCommand({
      sessionId: live.sessionId,
      userId: alice.id,
      input: {
        type: 'resolve-proposal',
        proposalId: proposal.proposalId,
        accepted: true,
        idempotencyKey: key(),
      },
    });
    await expect(
      sessions.runCommand({
        sessionId: live.sessionId,
        userId: alice.id,
        input: {
          type: 'resolve-proposal',
          proposalId: proposal.proposalId,
          accepted: false,
          idempotencyKey: key(),
        },
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    as(bob);
    const { state } = await sessions.getSessionSnapshot({
      sessionId: live.sessionId,
      userId: bob.id,
    });
    expect(state.sim.proposals[0]!.status).toBe('accepted');
    expect(state.sim.script).toEqual([{ at: 0, intent }]);
    expect(state.sim.steps).toBe(3);
  });

  it('keeps seq contiguous and applies a key once under concurrent appends', async () => {
    const live = await liveSession();
    as(alice);
    await sessions.runCommand({
      sessionId: live.sessionId,
      userId: alice.id,
      input: { type: 'start', idempotencyKey: key() },
    });
    const shared = key();
    const results = await Promise.all([
      ...Array.from({ length: 8 }, (_, i) =>
        sessions.runCommand({
          sessionId: live.sessionId,
          userId: alice.id,
          input: { type: 'add-note', text: `note ${i}`, idempotencyKey: key() },
        }),
      ),
      ...Array.from({ length: 4 }, () =>
        sessions.runCommand({
          sessionId: live.sessionId,
          userId: alice.id,
          input: { type: 'extend', minutes: 1, idempotencyKey: shared },
        }),
      ),
    ]);
    expect(results.slice(8).filter((r) => !r.duplicate)).toHaveLength(1);
    const events = (
      await sessions.getSessionSnapshot({ sessionId: live.sessionId, userId: alice.id })
    ).events;
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.filter((e) => e.body.type === 'note.added')).toHaveLength(8);
    expect(events.filter((e) => e.body.type === 'timer.extended')).toHaveLength(1);
  });

  it('keeps the scorecard private until released, and locked once submitted', async () => {
    const live = await liveSession();
    as(alice);
    await sessions.runCommand({
      sessionId: live.sessionId,
      userId: alice.id,
      input: { type: 'start', idempotencyKey: key() },
    });
    const dims = template.dimensions.map((d) => d.id);
    const ratings = Object.fromEntries(dims.map((d) => [d, 3]));
    await scorecards.saveScorecardDraft({
      sessionId: live.sessionId,
      userId: alice.id,
      input: { ratings: { design: 2 }, hireSignal: null, feedback: 'DRAFT-FEEDBACK' },
    });
    await expect(
      scorecards.submitScorecard({
        sessionId: live.sessionId,
        userId: alice.id,
        input: { ratings: { design: 2 }, hireSignal: 'yes', feedback: '' },
      }),
    ).rejects.toMatchObject({ code: 'invalid' });
    as(bob);
    expect(await scorecards.getScorecard({ sessionId: live.sessionId, userId: bob.id })).toBeNull();
    await expect(
      scorecards.saveScorecardDraft({
        sessionId: live.sessionId,
        userId: bob.id,
        input: { ratings: {}, hireSignal: 'strong-yes', feedback: '' },
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      scorecards.releaseScorecard({ sessionId: live.sessionId, userId: bob.id }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    as(alice);
    await expect(
      scorecards.releaseScorecard({ sessionId: live.sessionId, userId: alice.id }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await scorecards.submitScorecard({
      sessionId: live.sessionId,
      userId: alice.id,
      input: { ratings, hireSignal: 'yes', feedback: 'Final words' },
    });
    await expect(
      scorecards.saveScorecardDraft({
        sessionId: live.sessionId,
        userId: alice.id,
        input: { ratings, hireSignal: 'no', feedback: 'changed' },
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      scorecards.submitScorecard({
        sessionId: live.sessionId,
        userId: alice.id,
        input: { ratings, hireSignal: 'no', feedback: 'changed' },
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    as(bob);
    expect(await scorecards.getScorecard({ sessionId: live.sessionId, userId: bob.id })).toBeNull();
    const candidateEvents = JSON.stringify(
      (await sessions.getSessionSnapshot({ sessionId: live.sessionId, userId: bob.id })).events,
    );
    expect(candidateEvents).not.toContain('Final words');
    as(alice);
    await scorecards.releaseScorecard({ sessionId: live.sessionId, userId: alice.id });
    as(bob);
    expect(
      await scorecards.getScorecard({ sessionId: live.sessionId, userId: bob.id }),
    ).toMatchObject({ hireSignal: 'yes', feedback: 'Final words' });

    as(alice);
    const { token } = await scorecards.createReportLink({
      sessionId: live.sessionId,
      userId: alice.id,
    });
    const report = await scorecards.getReportByToken({ token });
    expect(report?.scorecard?.hireSignal).toBe('yes');
    expect(JSON.stringify(report)).not.toContain(template.phases[0]!.questions[0]!.hints[0]!);
    await scorecards.revokeReportLink({ sessionId: live.sessionId, userId: alice.id });
    expect(await scorecards.getReportByToken({ token })).toBeNull();
  });
});

describe('event stream', () => {
  it('sends the candidate only candidate events, in order, resumes after Last-Event-ID and delivers live rows', async () => {
    const live = await liveSession();
    as(alice);
    const run = (input: Record<string, unknown>, user = alice) =>
      sessions.runCommand({
        sessionId: live.sessionId,
        userId: user.id,
        input: { ...input, idempotencyKey: key() },
      });
    await run({ type: 'start' });
    await run({ type: 'add-note', text: 'PRIVATE-NOTE-TEXT' });
    await run({ type: 'inject-fault', faultId: 'leaf-down' });
    as(bob);
    await run(
      {
        type: 'save-answer',
        questionId: 'slow-leaf',
        decision: 'no-timeout',
        justification: 'because the leaf is slow',
        final: true,
      },
      bob,
    );

    const controller = new AbortController();
    let released = 0;
    const body = stream.openSessionStream({
      sessionId: live.sessionId,
      mode: 'live',
      role: 'candidate',
      afterSeq: 0,
      signal: controller.signal,
      release: () => (released += 1),
    });
    const text = await readStream(body, (t) => t.includes('"answer.saved"'));
    const got = frames(text);
    expect(text).toMatch(/^retry: 2000/);
    expect(got.map((f) => f.data.body.type)).toEqual([
      'session.created',
      'candidate.joined',
      'phase.started',
      'sim.intent',
      'answer.saved',
    ]);
    expect(got.every((f) => f.id === f.data.seq)).toBe(true);
    expect(got.map((f) => f.id)).toEqual([...got.map((f) => f.id)].sort((a, b) => a - b));
    expect(text).not.toContain('PRIVATE-NOTE-TEXT');
    expect(text).not.toContain('answer.graded');

    // Live: an event appended after the stream opened arrives through the process poller.
    as(alice);
    await run({ type: 'advance' });
    const more = frames(
      await readStream(
        body,
        (t) => t.includes('"question.shown"') || t.includes('"phase.started"'),
      ),
    );
    expect(more.map((f) => f.data.body.type)).toEqual(['phase.started']);
    expect(more[0]!.id).toBeGreaterThan(got.at(-1)!.id);

    controller.abort();
    expect(released).toBe(1);
    expect(feed.interviewFeed().subscriberCount).toBe(0);

    // Resume after the fault: nothing before it is repeated.
    const resumeAfter = got.find((f) => f.data.body.type === 'sim.intent')!.id;
    const second = new AbortController();
    const resumed = frames(
      await readStream(
        stream.openSessionStream({
          sessionId: live.sessionId,
          mode: 'live',
          role: 'candidate',
          afterSeq: resumeAfter,
          signal: second.signal,
          release: () => {},
        }),
        (t) => t.includes('"phase.started"'),
      ),
    );
    second.abort();
    expect(resumed.map((f) => f.data.body.type)).toEqual(['answer.saved', 'phase.started']);
    expect(resumed.every((f) => f.id > resumeAfter)).toBe(true);
  });

  it('gives the interviewer every event and caps streams per user', async () => {
    const live = await liveSession();
    as(alice);
    await sessions.runCommand({
      sessionId: live.sessionId,
      userId: alice.id,
      input: { type: 'add-note', text: 'PRIVATE-NOTE-TEXT', idempotencyKey: key() },
    });
    const controller = new AbortController();
    const text = await readStream(
      stream.openSessionStream({
        sessionId: live.sessionId,
        mode: 'live',
        role: 'interviewer',
        afterSeq: 0,
        signal: controller.signal,
        release: () => {},
      }),
      (t) => t.includes('PRIVATE-NOTE-TEXT'),
    );
    controller.abort();
    expect(text).toContain('PRIVATE-NOTE-TEXT');

    const limiter = stream.streamLimiter();
    const held = Array.from({ length: stream.STREAMS_PER_USER }, () =>
      limiter.tryAcquire('user-x'),
    );
    expect(held.every(Boolean)).toBe(true);
    expect(limiter.tryAcquire('user-x')).toBeNull();
    held[0]!();
    held[0]!();
    expect(limiter.count('user-x')).toBe(stream.STREAMS_PER_USER - 1);
    expect(limiter.tryAcquire('user-x')).not.toBeNull();
  });
});

describe('solo', () => {
  it('grades answers, adds each missed concept as a card once, and keeps the overall score', async () => {
    as(alice);
    const { sessionId } = await sessions.createSoloSession({
      userId: alice.id,
      templateId: TEMPLATE,
    });
    const answer = {
      type: 'save-answer',
      questionId: 'slow-leaf',
      decision: 'no-timeout',
      justification: 'Something is slow.',
      final: true,
    };
    const first = await sessions.runCommand({
      sessionId,
      userId: alice.id,
      input: { ...answer, idempotencyKey: key() },
    });
    expect(first.newCardCount).toBeGreaterThan(0);
    const second = await sessions.runCommand({
      sessionId,
      userId: alice.id,
      input: { ...answer, idempotencyKey: key() },
    });
    expect(second.newCardCount).toBe(0);
    await sessions.runCommand({
      sessionId,
      userId: alice.id,
      input: { type: 'end', idempotencyKey: key() },
    });
    const { scorecard, cardsForMissed } = await sessions.getSoloScorecard({
      sessionId,
      userId: alice.id,
    });
    expect(cardsForMissed).toBe(first.newCardCount);
    expect(scorecard.answered).toBe(1);
    const history = await sessions.listInterviewHistory({ userId: alice.id });
    expect(history.find((h) => h.id === sessionId)?.overallScore).toBe(scorecard.overall);
    as(bob);
    await expect(sessions.getSoloScorecard({ sessionId, userId: bob.id })).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});
