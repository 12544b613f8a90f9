import { describe, expect, it } from 'vitest';
import { createEmptyCard, fsrs, generatorParameters, Rating, State } from 'ts-fsrs';
import { initialCard, sameCard, serializeCard, deserializeCard } from '@/lib/srs/card';
import {
  applyReview,
  previewIntervals,
  undoReview,
  StaleUndoError,
  reviewSnapshotSchema,
} from '@/lib/srs/review';
import { DEFAULT_SRS_SETTINGS, retentionWorkload, schedulerFor } from '@/lib/srs/settings';
import { DAY_MS, formatInterval } from '@/lib/srs/time';

const T0 = new Date('2026-03-02T09:00:00.000Z');
const settings = DEFAULT_SRS_SETTINGS;

/** Grade Good at each due time, `times` times, starting from a new card at T0. */
function goodChain(times: number) {
  let card = null as ReturnType<typeof initialCard> | null;
  let at = T0;
  const intervals: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const result = applyReview(card, Rating.Good, at, settings);
    intervals.push(result.card.due.getTime() - at.getTime());
    card = result.card;
    at = result.card.due;
  }
  return { card: card!, intervals, at };
}

describe('applyReview', () => {
  it('grows the interval on every Good once the card graduates', () => {
    const { card, intervals } = goodChain(7);
    // Learning steps (10m) first, then review intervals measured in days.
    expect(intervals[0]).toBe(10 * 60_000);
    const reviewIntervals = intervals.slice(1);
    expect(reviewIntervals[0]).toBeGreaterThanOrEqual(DAY_MS);
    for (let i = 1; i < reviewIntervals.length; i += 1) {
      expect(reviewIntervals[i]!).toBeGreaterThan(reviewIntervals[i - 1]!);
    }
    expect(card.state).toBe(State.Review);
    expect(card.reps).toBe(7);
  });

  it('sends a review card to relearning on Again and counts a lapse', () => {
    const { card, at } = goodChain(4);
    expect(card.state).toBe(State.Review);
    const again = applyReview(card, Rating.Again, at, settings);
    expect(again.card.state).toBe(State.Relearning);
    expect(again.card.lapses).toBe(card.lapses + 1);
    expect(again.card.stability).toBeLessThan(card.stability);
    // Relearning step of 10 minutes, not days.
    expect(again.card.due.getTime() - at.getTime()).toBe(10 * 60_000);
    expect(again.log.state).toBe(State.Review);
    expect(again.log.rating).toBe(Rating.Again);
  });

  it('matches ts-fsrs exactly for the same inputs', () => {
    const reference = fsrs(generatorParameters({ request_retention: 0.9, enable_fuzz: false }));
    const grades = [
      Rating.Good,
      Rating.Good,
      Rating.Hard,
      Rating.Again,
      Rating.Good,
      Rating.Easy,
    ] as const;
    let ours = initialCard(T0);
    let theirs = createEmptyCard(T0);
    let at = T0;
    for (const grade of grades) {
      const a = applyReview(ours, grade, at, settings);
      const b = reference.next(theirs, at, grade);
      expect(serializeCard(a.card)).toEqual(serializeCard(b.card));
      expect(a.log).toEqual(b.log);
      ours = a.card;
      theirs = b.card;
      at = new Date(a.card.due.getTime() + 3 * 60 * 60_000);
    }
  });

  it('uses the desired retention: a higher target gives shorter intervals', () => {
    const { card, at } = goodChain(4);
    const low = applyReview(card, Rating.Good, at, { desiredRetention: 0.8 });
    const high = applyReview(card, Rating.Good, at, { desiredRetention: 0.95 });
    expect(high.card.due.getTime()).toBeLessThan(low.card.due.getTime());
  });

  it('rejects invalid grades and out-of-range retention', () => {
    expect(() => applyReview(null, 0, T0, settings)).toThrow(RangeError);
    expect(() => applyReview(null, 5, T0, settings)).toThrow(RangeError);
    expect(() => applyReview(null, 2.5, T0, settings)).toThrow(RangeError);
    expect(() => schedulerFor({ desiredRetention: 0.99 })).toThrow(RangeError);
    expect(() => schedulerFor({ desiredRetention: 0.5 })).toThrow(RangeError);
  });
});

describe('previewIntervals', () => {
  it('shows the due time each grade would produce', () => {
    const { card, at } = goodChain(3);
    const preview = previewIntervals(card, at, settings);
    for (const grade of [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as const) {
      expect(preview[grade].due.getTime()).toBe(
        applyReview(card, grade, at, settings).card.due.getTime(),
      );
    }
    expect(preview[Rating.Again].intervalMs).toBeLessThan(preview[Rating.Hard].intervalMs);
    expect(preview[Rating.Hard].intervalMs).toBeLessThanOrEqual(preview[Rating.Good].intervalMs);
    expect(preview[Rating.Good].intervalMs).toBeLessThan(preview[Rating.Easy].intervalMs);
  });

  it('labels a new card like Anki (1m / 6m / 10m / days)', () => {
    const preview = previewIntervals(initialCard(T0), T0, settings);
    expect(preview[Rating.Again].label).toBe('1m');
    expect(preview[Rating.Hard].label).toBe('6m');
    expect(preview[Rating.Good].label).toBe('10m');
    expect(preview[Rating.Easy].label).toMatch(/^\d+d$/);
  });
});

describe('undoReview', () => {
  it('restores the exact previous card, including dates', () => {
    const { card, at } = goodChain(5);
    const reviewed = applyReview(card, Rating.Hard, new Date(at.getTime() + 1234), settings);
    const parsed = reviewSnapshotSchema.parse(JSON.parse(JSON.stringify(reviewed.snapshot)));
    const restored = undoReview(reviewed.card, parsed);
    expect(restored).not.toBeNull();
    expect(sameCard(restored!, card)).toBe(true);
    expect(restored).toEqual(card);
  });

  it('restores "never reviewed" for a first review', () => {
    const reviewed = applyReview(null, Rating.Good, T0, settings);
    expect(reviewed.snapshot.before).toBeNull();
    expect(undoReview(reviewed.card, reviewed.snapshot)).toBeNull();
  });

  it('refuses a stale undo when the card moved on', () => {
    const first = applyReview(null, Rating.Good, T0, settings);
    const second = applyReview(first.card, Rating.Good, first.card.due, settings);
    expect(() => undoReview(second.card, first.snapshot)).toThrow(StaleUndoError);
    expect(() => undoReview(null, first.snapshot)).toThrow(StaleUndoError);
  });

  it('round-trips a card through its JSON snapshot', () => {
    const { card } = goodChain(3);
    expect(deserializeCard(serializeCard(card))).toEqual(card);
  });
});

describe('helpers', () => {
  it('formats intervals', () => {
    expect(formatInterval(30_000)).toBe('<1m');
    expect(formatInterval(10 * 60_000)).toBe('10m');
    expect(formatInterval(3 * 3_600_000)).toBe('3h');
    expect(formatInterval(4 * DAY_MS)).toBe('4d');
    expect(formatInterval(45 * DAY_MS)).toBe('1.5mo');
    expect(formatInterval(730 * DAY_MS)).toBe('2y');
  });

  it('explains the retention workload relative to 0.90', () => {
    expect(retentionWorkload(0.9).intervalFactor).toBeCloseTo(1, 10);
    const high = retentionWorkload(0.97);
    const low = retentionWorkload(0.8);
    expect(high.intervalFactor).toBeLessThan(0.5);
    expect(high.relativeReviews).toBeGreaterThan(2);
    expect(low.intervalFactor).toBeGreaterThan(1.5);
    expect(low.forgetShare).toBeCloseTo(0.2, 10);
  });
});
