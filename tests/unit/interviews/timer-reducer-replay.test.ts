import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { interviewTemplateSchema, type InterviewTemplate } from '@/lib/content/interview-schema';
import { planCommand, type Command } from '@/lib/interviews/commands';
import type { EventBody, LoggedEvent } from '@/lib/interviews/events';
import { applyEvent, nextPosition, reduceEvents, stateAt } from '@/lib/interviews/reducer';
import { computeScorecard } from '@/lib/interviews/scoring';
import { estimateClockOffset, formatClock, phaseClock } from '@/lib/interviews/timer';
import { eventsForRole, stateForRole } from '@/lib/interviews/views';
import { presetSchema } from '@/lib/sim/presets';
import { replayRun } from '@/lib/sim/replay';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const templates: InterviewTemplate[] = readdirSync(path.join(ROOT, 'content/interviews')).map((f) =>
  interviewTemplateSchema.parse(
    JSON.parse(readFileSync(path.join(ROOT, 'content/interviews', f), 'utf8')),
  ),
);
const template = templates.find((t) => t.id === 'diagnose-a-mesh-incident')!;

const log = (bodies: EventBody[], start = 1_000_000, stepMs = 1000): LoggedEvent[] =>
  bodies.map((body, i) => ({ seq: i + 1, at: start + i * stepMs, body }));

describe('phase timer', () => {
  it('runs, warns in the last 20 % (at most two minutes) and counts overtime without stopping', () => {
    const endsAt = 600_000;
    expect(phaseClock({ endsAt, durationMs: 300_000, now: 300_000 })).toMatchObject({
      status: 'running',
      label: '5:00',
    });
    expect(phaseClock({ endsAt, durationMs: 300_000, now: 540_001 }).status).toBe('warning'); // 60 s left of 300 s = 20 %
    expect(phaseClock({ endsAt, durationMs: 300_000, now: 539_000 }).status).toBe('running');
    expect(phaseClock({ endsAt, durationMs: 1_800_000, now: 600_000 - 119_000 }).status).toBe(
      'warning',
    ); // capped at 120 s
    expect(phaseClock({ endsAt, durationMs: 1_800_000, now: 600_000 - 121_000 }).status).toBe(
      'running',
    );
    expect(phaseClock({ endsAt, durationMs: 300_000, now: 665_000 })).toMatchObject({
      status: 'overtime',
      label: '+1:05',
    });
  });

  it('rounds up while time remains so 0:00 appears only at the end', () => {
    expect(formatClock(59_001)).toBe('1:00');
    expect(formatClock(1)).toBe('0:01');
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(-999)).toBe('0:00');
  });

  it('estimates the clock offset from the fastest round trip', () => {
    // Client clock 5 s behind the server; the slow sample would give a worse estimate.
    const samples = [
      { sentAt: 1000, serverNow: 6400, receivedAt: 1800 },
      { sentAt: 2000, serverNow: 7020, receivedAt: 2040 },
    ];
    expect(estimateClockOffset(samples)).toBe(5000);
    expect(estimateClockOffset([])).toBe(0);
    expect(estimateClockOffset([{ sentAt: 10, serverNow: 5, receivedAt: 5 }])).toBe(0);
  });
});

describe('event-log reducer', () => {
  const bodies: EventBody[] = [
    { type: 'session.created', mode: 'live', templateId: template.id, seed: 9001 },
    { type: 'candidate.joined', name: 'Cora' },
    { type: 'phase.started', phaseIndex: 0, durationMs: 240_000, endsAt: 1_242_000 },
    {
      type: 'answer.saved',
      questionId: 'slow-leaf',
      decision: 'x',
      justification: 'draft',
      final: false,
    },
    {
      type: 'sim.intent',
      intent: { type: 'set-failure', service: 'inventory-svc', failureProb: 1 },
      label: 'Leaf down',
      source: 'fault',
      advance: 3,
    },
    { type: 'timer.extended', endsAt: 1_362_000, durationMs: 360_000 },
    { type: 'phase.started', phaseIndex: 1, durationMs: 480_000, endsAt: 2_000_000 },
    { type: 'sim.advanced', steps: 2 },
    { type: 'note.added', text: 'Strong on evidence' },
  ];
  const events = log(bodies);

  it('folds the log into phase, timer, answers, simulator script and notes', () => {
    const state = reduceEvents(events);
    expect(state).toMatchObject({
      status: 'active',
      candidateName: 'Cora',
      phaseIndex: 1,
      questionIndex: 0,
      phaseEndsAt: 2_000_000,
      lastSeq: 9,
    });
    expect(state.answers['slow-leaf']).toMatchObject({ justification: 'draft', final: false });
    expect(state.sim.script).toEqual([
      { at: 0, intent: { type: 'set-failure', service: 'inventory-svc', failureProb: 1 } },
    ]);
    expect(state.sim.steps).toBe(5);
    expect(state.notes).toHaveLength(1);
  });

  it('ignores repeated and stale events (resume after reconnect)', () => {
    const state = reduceEvents(events);
    expect(applyEvent(state, events[3]!)).toBe(state);
    expect(reduceEvents([...events, ...events.slice(2)])).toEqual(state);
    // Order of arrival does not matter: events are sorted by seq.
    expect(reduceEvents([...events].reverse())).toEqual(state);
  });

  it('advances question by question, then phase by phase, and stops at the end', () => {
    const phases = [{ questions: [1, 2] }, { questions: [1] }];
    expect(nextPosition(phases, { phaseIndex: -1, questionIndex: 0 })).toEqual({
      phaseIndex: 0,
      questionIndex: 0,
      newPhase: true,
    });
    expect(nextPosition(phases, { phaseIndex: 0, questionIndex: 0 })).toEqual({
      phaseIndex: 0,
      questionIndex: 1,
      newPhase: false,
    });
    expect(nextPosition(phases, { phaseIndex: 0, questionIndex: 1 })).toEqual({
      phaseIndex: 1,
      questionIndex: 0,
      newPhase: true,
    });
    expect(nextPosition(phases, { phaseIndex: 1, questionIndex: 0 })).toBeNull();
  });

  it('hides notes and live grades from the candidate', () => {
    const withGrade = [
      ...events,
      {
        seq: 10,
        at: 2_000_500,
        body: {
          type: 'answer.graded',
          questionId: 'slow-leaf',
          grade: { score: 50, decisionCorrect: true, summary: 's', hit: [], missed: [] },
        },
      } as LoggedEvent,
    ];
    const candidateEvents = eventsForRole(withGrade, 'live', 'candidate');
    expect(candidateEvents.map((e) => e.body.type)).not.toContain('note.added');
    expect(candidateEvents.map((e) => e.body.type)).not.toContain('answer.graded');
    expect(eventsForRole(withGrade, 'live', 'interviewer')).toHaveLength(10);
    const state = stateForRole(reduceEvents(withGrade), 'candidate');
    expect(state.notes).toEqual([]);
    expect(state.grades).toEqual({});
  });
});

describe('replay', () => {
  it('rebuilds any moment, including the simulator, exactly as it was live', () => {
    const preset = presetSchema.parse(
      JSON.parse(
        readFileSync(path.join(ROOT, 'content/simulator/presets/retry-storm.json'), 'utf8'),
      ),
    );
    const bodies: EventBody[] = [
      { type: 'session.created', mode: 'live', templateId: template.id, seed: 9001 },
      { type: 'phase.started', phaseIndex: 0, durationMs: 240_000, endsAt: 1_242_000 },
      {
        type: 'sim.intent',
        intent: {
          type: 'set-failure',
          service: 'inventory-svc',
          failureProb: 1,
          failureKind: '500',
        },
        label: 'Leaf down',
        source: 'fault',
        advance: 2,
      },
      { type: 'question.shown', phaseIndex: 0, questionIndex: 0 },
      {
        type: 'sim.intent',
        intent: { type: 'set-failure', service: 'inventory-svc', failureProb: 0 },
        label: 'Recover',
        source: 'fault',
        advance: 2,
      },
    ];
    const events = log(bodies);
    const mid = stateAt(events, events[2]!.at);
    expect(mid.sim.lastLabel).toBe('Leaf down');
    expect(mid.sim.steps).toBe(2);
    const end = stateAt(events, events[4]!.at);
    expect(end.sim.steps).toBe(4);
    // Live: the same script replayed step by step gives identical numbers to a one-shot replay.
    const live = replayRun(preset.config, 9001, mid.sim.script, mid.sim.steps).summarize();
    const again = replayRun(preset.config, 9001, mid.sim.script, mid.sim.steps).summarize();
    expect(again).toEqual(live);
    expect(live.endToEnd.errorRate).toBeGreaterThan(0.5);
    const recovered = replayRun(preset.config, 9001, end.sim.script, end.sim.steps).summarize();
    expect(recovered.series.at(-1)!.errorRate).toBeLessThan(live.series.at(-1)!.errorRate);
    expect(stateAt(events, 0).lastSeq).toBe(0);
  });
});

describe('commands', () => {
  const base = reduceEvents(
    log([
      { type: 'session.created', mode: 'live', templateId: template.id, seed: 1 },
      { type: 'phase.started', phaseIndex: 0, durationMs: 240_000, endsAt: 1_240_000 },
    ]),
  );
  const plan = (
    command: Command,
    role: 'interviewer' | 'candidate' | 'solo' = 'interviewer',
    state = base,
  ) =>
    planCommand({
      template,
      state,
      role,
      command,
      now: 2_000_000,
      grade: () => ({ score: 70, decisionCorrect: true, summary: 'ok', hit: [], missed: [] }),
      newId: () => 'p1',
    });

  it('lets only the interviewer drive and only the candidate propose', () => {
    expect(plan({ type: 'advance' }, 'candidate')).toMatchObject({ ok: false, code: 'forbidden' });
    expect(plan({ type: 'add-note', text: 'x' }, 'candidate')).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(plan({ type: 'inject-fault', faultId: 'leaf-down' }, 'candidate')).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(
      plan(
        {
          type: 'propose-intent',
          intent: { type: 'set-replicas', service: 'inventory-svc', replicas: 4 },
        },
        'interviewer',
      ),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    expect(
      plan(
        {
          type: 'propose-intent',
          intent: { type: 'set-replicas', service: 'inventory-svc', replicas: 4 },
        },
        'candidate',
      ),
    ).toMatchObject({ ok: true });
  });

  it('computes the server-side endsAt from the time box and extends from the later of now and endsAt', () => {
    const advance = plan({ type: 'advance' });
    expect(advance).toMatchObject({
      ok: true,
      bodies: [
        {
          type: 'phase.started',
          phaseIndex: 1,
          durationMs: 8 * 60_000,
          endsAt: 2_000_000 + 8 * 60_000,
        },
      ],
    });
    expect(plan({ type: 'extend', minutes: 2 })).toMatchObject({
      ok: true,
      bodies: [{ type: 'timer.extended', endsAt: 2_120_000, durationMs: 360_000 }],
    });
  });

  it('turns a fault into its intents and runs the simulator forward after the last one', () => {
    const result = plan({ type: 'inject-fault', faultId: 'retry-storm' });
    expect(
      result.ok && result.bodies.map((b) => (b.type === 'sim.intent' ? b.advance : -1)),
    ).toEqual([0, 0, 3]);
    expect(plan({ type: 'inject-fault', faultId: 'nope' })).toMatchObject({
      ok: false,
      code: 'invalid',
    });
  });

  it('grades a final answer and refuses commands after the end', () => {
    const result = plan(
      {
        type: 'save-answer',
        questionId: 'slow-leaf',
        decision: 'a',
        justification: 'b',
        final: true,
      },
      'candidate',
    );
    expect(result.ok && result.bodies.map((b) => b.type)).toEqual([
      'answer.saved',
      'answer.graded',
    ]);
    const ended = applyEvent(base, {
      seq: 3,
      at: 3,
      body: { type: 'session.ended', overallScore: null },
    });
    expect(plan({ type: 'advance' }, 'interviewer', ended)).toMatchObject({
      ok: false,
      code: 'conflict',
    });
  });
});

describe('solo scorecard', () => {
  it('averages grader scores per dimension, ranks them and lists lessons behind missed concepts', () => {
    const grade = (score: number, missed: string[] = []) => ({
      score,
      decisionCorrect: true,
      summary: '',
      hit: [],
      missed: missed.map((lessonId, i) => ({
        id: `c${i}`,
        concept: `concept ${i}`,
        lessonId,
        feedback: 'f',
      })),
    });
    const card = computeScorecard(
      template,
      {
        'slow-leaf': grade(80),
        'retry-storm': grade(60, ['production-patterns', 'common-mistakes']),
        amplification: grade(40, ['common-mistakes']),
      },
      { reliability: 3 },
    );
    expect(card.questions).toBe(5);
    expect(card.answered).toBe(3);
    expect(card.overall).toBe(Math.round((80 + 60 + 40) / 5));
    const reliability = card.dimensions.find((d) => d.id === 'reliability')!;
    // slow-leaf 80, retry-storm 60, amplification 40, outlier 0 (unanswered)
    expect(reliability).toMatchObject({ graded: 45, self: 3, answered: 3, total: 4 });
    expect(card.lessonsToReread).toEqual(['common-mistakes', 'production-patterns']);
    expect(card.strongest).toBe('requirements');
  });
});

describe('templates', () => {
  it('has at least six templates whose phases add up to their length', () => {
    expect(templates.length).toBeGreaterThanOrEqual(6);
    for (const t of templates) expect(t.phases.reduce((s, p) => s + p.minutes, 0)).toBe(t.minutes);
  });

  it('rejects a template whose time boxes do not add up or that uses an unknown dimension', () => {
    const broken = structuredClone(templates[0]!) as InterviewTemplate;
    broken.minutes += 1;
    expect(interviewTemplateSchema.safeParse(broken).success).toBe(false);
    const wrongDim = structuredClone(templates.find((t) => t.id === 'onboarding-check-in')!) as {
      phases: Array<{ questions: Array<{ dimensions: string[] }> }>;
    };
    wrongDim.phases[0]!.questions[0]!.dimensions = ['security'];
    const result = interviewTemplateSchema.safeParse(wrongDim);
    expect(result.success).toBe(false);
  });
});
