import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { State } from 'ts-fsrs';
import { readTrackTemplates } from '@/lib/content/track-template-pack';
import { readScenarioDir } from '@/lib/content/scenario-pack';
import { csvField, toCsv } from '@/lib/tracks/csv';
import { dueAt, trackStart } from '@/lib/tracks/due';
import {
  NO_EXTERNAL_EVIDENCE,
  type MemberEvidence,
  type TrackContent,
} from '@/lib/tracks/evidence';
import { buildCalendar } from '@/lib/tracks/ics';
import { deriveItemProgress, deriveTrackProgress } from '@/lib/tracks/progress';
import { competencyReadiness, readinessLevel } from '@/lib/tracks/readiness';
import type { SrsCard } from '@/lib/srs/card';
import { schedulerFor } from '@/lib/srs/settings';
import { competencyRecall, retrievability, type RecallCard } from '@/lib/tracks/recall';
import {
  formatDueSpec,
  parseDueSpec,
  trackItemInputSchema,
  type TrackItem,
} from '@/lib/tracks/schema';

const DAY = 86_400_000;
const start = new Date('2026-03-02T15:30:00Z');

const content: TrackContent = {
  competencyCards: new Map([['mtls', ['mtls-001', 'mtls-002']]]),
  competencyScenarios: new Map([['mtls', ['s1', 's2']]]),
  titles: new Map([['why-service-mesh', 'Why a mesh']]),
};

function evidence(partial: Partial<MemberEvidence> = {}): MemberEvidence {
  return {
    lessons: new Map(),
    cards: new Map(),
    scenarios: new Map(),
    external: NO_EXTERNAL_EVIDENCE,
    ...partial,
  };
}

function reviewed(at: Date, stability: number): RecallCard {
  return { state: State.Review, stability, lastReview: at };
}

// Fixture items use made-up refs, so they skip the content-id types.
const item = (over: Record<string, unknown>): TrackItem =>
  ({ id: 'a1', required: true, due: 'day 3', ...over }) as unknown as TrackItem;

describe('due specs', () => {
  it('parses day, week and dates, and rejects the rest', () => {
    expect(parseDueSpec('day 3')).toEqual({ type: 'relative', days: 3 });
    expect(parseDueSpec(' Week 2 ')).toEqual({ type: 'relative', days: 14 });
    expect(parseDueSpec('2026-12-15')).toEqual({ type: 'absolute', date: '2026-12-15' });
    for (const bad of ['day 0', 'week 0', 'day -1', '2026-02-30', 'tomorrow', 'day 731', '']) {
      expect(parseDueSpec(bad), bad).toBeNull();
    }
    expect(formatDueSpec({ type: 'relative', days: 14 })).toBe('week 2');
    expect(formatDueSpec({ type: 'relative', days: 3 })).toBe('day 3');
  });

  it('day N ends N UTC days after the start day begins; dates end at their UTC midnight', () => {
    expect(dueAt({ type: 'relative', days: 1 }, start).toISOString()).toBe(
      '2026-03-03T00:00:00.000Z',
    );
    expect(dueAt({ type: 'relative', days: 14 }, start).toISOString()).toBe(
      '2026-03-16T00:00:00.000Z',
    );
    expect(dueAt({ type: 'absolute', date: '2026-12-15' }, start).toISOString()).toBe(
      '2026-12-16T00:00:00.000Z',
    );
  });

  it('a track starts at the later of joining and assignment', () => {
    const joined = new Date('2026-01-01T00:00:00Z');
    expect(trackStart(joined, start)).toBe(start);
    expect(trackStart(start, joined)).toBe(start);
  });
});

describe('item progress', () => {
  it('open → due soon → overdue as time passes; done wins once evidence exists', () => {
    const lesson = item({ kind: 'lesson', ref: 'why-service-mesh', due: 'day 5' });
    const at = (days: number) =>
      deriveItemProgress({
        item: lesson,
        start,
        now: new Date(start.getTime() + days * DAY),
        evidence: evidence(),
        content,
      }).status;
    expect(at(0)).toBe('open');
    expect(at(3)).toBe('due-soon');
    expect(at(5)).toBe('overdue');
    const doneAt = new Date(start.getTime() + 6 * DAY);
    const done = deriveItemProgress({
      item: lesson,
      start,
      now: new Date(start.getTime() + 9 * DAY),
      evidence: evidence({ lessons: new Map([['why-service-mesh', doneAt]]) }),
      content,
    });
    expect(done).toMatchObject({
      status: 'done',
      completedAt: doneAt,
      title: 'Why a mesh',
      href: '/lessons/why-service-mesh',
    });
  });

  it('scenario: done at the first attempt reaching the pass score; score is the best', () => {
    const scenario = item({ kind: 'scenario', ref: 's1', passScore: 70 });
    const t = (d: number) => new Date(start.getTime() + d * DAY);
    const p = deriveItemProgress({
      item: scenario,
      start,
      now: t(2),
      evidence: evidence({
        scenarios: new Map([
          [
            's1',
            [
              { score: 90, at: t(1.5) },
              { score: 50, at: t(0.5) },
              { score: 75, at: t(1) },
            ],
          ],
        ]),
      }),
      content,
    });
    expect(p).toMatchObject({ status: 'done', score: 90, completedAt: t(1) });
    const failing = deriveItemProgress({
      item: scenario,
      start,
      now: t(2),
      evidence: evidence({ scenarios: new Map([['s1', [{ score: 69.6, at: t(1) }]]]) }),
      content,
    });
    expect(failing.status).not.toBe('done');
  });

  it('flashcards: mean retrievability over the competency cards (unreviewed count 0) against the threshold', () => {
    const cards = item({
      kind: 'flashcards',
      ref: 'mtls',
      recallThreshold: 0.85,
    });
    const one = evidence({ cards: new Map([['mtls-001', reviewed(start, 100)]]) });
    const half = deriveItemProgress({ item: cards, start, now: start, evidence: one, content });
    expect(half.score).toBe(50);
    expect(half.status).not.toBe('done');
    const both = evidence({
      cards: new Map([
        ['mtls-001', reviewed(start, 100)],
        ['mtls-002', reviewed(start, 100)],
      ]),
    });
    expect(
      deriveItemProgress({
        item: cards,
        start,
        now: new Date(start.getTime() + DAY),
        evidence: both,
        content,
      }).status,
    ).toBe('done');
    // Memory decays: a year later recall is far below 85 %.
    expect(
      deriveItemProgress({
        item: cards,
        start,
        now: new Date(start.getTime() + 365 * DAY),
        evidence: both,
        content,
      }).status,
    ).not.toBe('done');
  });

  it('external kinds read the evidence interface', () => {
    const challenge = item({ kind: 'simulator-challenge', ref: 'c1' });
    const interview = item({
      kind: 'mock-interview',
      ref: 'i1',
      passScore: 70,
    });
    expect(
      deriveItemProgress({ item: challenge, start, now: start, evidence: evidence(), content })
        .status,
    ).not.toBe('done');
    const ext = {
      challengePassed: (id: string) => (id === 'c1' ? start : null),
      interviewScore: (id: string) => (id === 'i1' ? { score: 72, at: start } : null),
    };
    expect(
      deriveItemProgress({
        item: challenge,
        start,
        now: start,
        evidence: evidence({ external: ext }),
        content,
      }).status,
    ).toBe('done');
    expect(
      deriveItemProgress({
        item: interview,
        start,
        now: start,
        evidence: evidence({ external: ext }),
        content,
      }),
    ).toMatchObject({ status: 'done', score: 72 });
  });
});

describe('track pace', () => {
  const items: TrackItem[] = [1, 2, 3, 4].map((n) =>
    item({ id: `i${n}`, kind: 'lesson', ref: `l${n}`, due: `day ${n * 5}` }),
  );
  const at = (days: number, done: number) =>
    deriveTrackProgress({
      items,
      start,
      now: new Date(start.getTime() + days * DAY),
      evidence: evidence({ lessons: new Map(items.slice(0, done).map((i) => [i.ref, start])) }),
      content,
    });

  it('on track while work keeps up with time; at risk when behind by more than the tolerance; overdue after a due date', () => {
    expect(at(1, 0).status).toBe('on-track');
    // Day 4 of 20: ~21 % of the time gone, 0 of 4 done, nothing overdue yet (the first is due at the end of day 5).
    expect(at(4, 0).status).toBe('at-risk');
    expect(at(4, 1).status).toBe('on-track');
    expect(at(6, 0).status).toBe('overdue');
    expect(at(30, 4).status).toBe('done');
    expect(at(4, 0).elapsedShare).toBeGreaterThan(0.2);
  });
});

describe('readiness', () => {
  it('combines recall and rubric 0.6/0.4, recall alone without attempts, null without evidence', () => {
    const none = competencyReadiness({
      competency: 'mtls',
      evidence: evidence(),
      content,
      at: start,
    });
    expect(none).toMatchObject({ readiness: null, level: 'no-evidence' });
    const cardsOnly = evidence({
      cards: new Map([
        ['mtls-001', reviewed(start, 100)],
        ['mtls-002', reviewed(start, 100)],
      ]),
    });
    const r1 = competencyReadiness({ competency: 'mtls', evidence: cardsOnly, content, at: start });
    expect(r1.readiness).toBeCloseTo(1, 5);
    const withRubric = competencyReadiness({
      competency: 'mtls',
      evidence: {
        ...cardsOnly,
        scenarios: new Map([
          [
            's1',
            [
              { score: 50, at: start },
              { score: 70, at: start },
            ],
          ],
        ]),
      },
      content,
      at: start,
    });
    expect(withRubric.rubric).toBeCloseTo(0.7, 5);
    expect(withRubric.readiness).toBeCloseTo(0.6 * 1 + 0.4 * 0.7, 5);
    expect(readinessLevel(0.85)).toBe('ready');
    expect(readinessLevel(0.6)).toBe('developing');
    expect(readinessLevel(0.59)).toBe('gap');
  });

  it('retrievability equals ts-fsrs get_retrievability', () => {
    const scheduler = schedulerFor({ desiredRetention: 0.9 });
    for (const [stability, days] of [
      [0.4, 1],
      [3.2, 2.5],
      [10, 10],
      [55.5, 200],
      [300, 31],
    ] as const) {
      const card: SrsCard = {
        due: start,
        stability,
        difficulty: 5,
        elapsed_days: 0,
        scheduled_days: 1,
        learning_steps: 0,
        reps: 2,
        lapses: 0,
        state: State.Review,
        last_review: start,
      };
      const at = new Date(start.getTime() + days * DAY);
      expect(retrievability({ state: card.state, stability, lastReview: start }, at)).toBe(
        scheduler.get_retrievability(card, at, false),
      );
    }
  });

  it('retrievability falls with time and is 0 for a new card', () => {
    const card = reviewed(start, 10);
    expect(retrievability(card, start)).toBe(1);
    const r10 = retrievability(card, new Date(start.getTime() + 10 * DAY));
    expect(r10).toBeCloseTo(0.9, 2); // FSRS: stability = days until recall falls to 90 %
    expect(retrievability(undefined, start)).toBe(0);
    expect(competencyRecall(['a', 'b'], new Map([['a', card]]), start).recall).toBe(0.5);
  });
});

describe('CSV and iCalendar', () => {
  it('quotes, escapes and neutralises formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
    expect(
      toCsv([
        ['a', 1],
        ['b\nc', null],
      ]),
    ).toBe('a,1\r\n"b\nc",\r\n');
  });

  it('builds RFC 5545 all-day events with escaping and folded lines', () => {
    const ics = buildCalendar({
      name: 'Due dates',
      now: new Date('2026-03-01T12:00:00Z'),
      events: [
        {
          uid: 'u1@x',
          date: new Date('2026-03-05T00:00:00Z'),
          summary: 'Due: mTLS; STRICT, PERMISSIVE',
          description: 'x'.repeat(200),
          url: 'http://127.0.0.1/lessons/a',
        },
      ],
    });
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain('DTSTART;VALUE=DATE:20260305\r\n');
    expect(ics).toContain('DTEND;VALUE=DATE:20260306\r\n');
    expect(ics).toContain('SUMMARY:Due: mTLS\\; STRICT\\, PERMISSIVE\r\n');
    expect(ics).toContain('DTSTAMP:20260301T120000Z');
    for (const line of ics.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(ics.split('\r\n').join('\n').replace(/\n /g, '')).toContain(
      `DESCRIPTION:${'x'.repeat(200)}`,
    );
  });
});

describe('track templates', () => {
  it('the shipped templates are valid, reference real scenarios and include the three required ones', async () => {
    const root = path.resolve(import.meta.dirname, '../../../content');
    const { scenarios } = await readScenarioDir(path.join(root, 'service-mesh', 'scenarios'));
    const { templates, problems } = await readTrackTemplates(
      path.join(root, 'tracks'),
      new Set(scenarios.map((s) => s.id)),
    );
    expect(problems).toEqual([]);
    expect(templates.map((t) => t.title)).toEqual(
      expect.arrayContaining([
        'Platform team: mesh onboarding, 2 weeks',
        'On-call readiness for the mesh',
        'Interview loop preparation',
      ]),
    );
    const kinds = new Set(templates.flatMap((t) => t.items.map((i) => i.kind)));
    expect([...kinds].sort()).toEqual([
      'flashcards',
      'lesson',
      'mock-interview',
      'scenario',
      'simulator-challenge',
    ]);
  });

  it('rejects unknown kinds, bad refs and bad thresholds with a field path', () => {
    expect(
      trackItemInputSchema.safeParse({ kind: 'quiz', ref: 'x', required: true, due: 'day 1' })
        .success,
    ).toBe(false);
    expect(
      trackItemInputSchema.safeParse({ kind: 'lesson', ref: 'nope', required: true, due: 'day 1' })
        .success,
    ).toBe(false);
    const bad = trackItemInputSchema.safeParse({
      kind: 'flashcards',
      ref: 'mtls',
      required: true,
      due: 'day 1',
      recallThreshold: 1.2,
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['recallThreshold']);
    expect(
      trackItemInputSchema.safeParse({
        kind: 'lesson',
        ref: 'why-service-mesh',
        required: true,
        due: 'day 1',
        extra: 1,
      }).success,
    ).toBe(false);
  });
});
