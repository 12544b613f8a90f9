import { describe, expect, it } from 'vitest';
import {
  UTC_STUDY_DAY,
  isValidTimeZone,
  startOfStudyDay,
  startOfUtcDay,
  studyDayKey,
  studyDayNumber,
  studyDayStart,
  zoneOffsetMs,
} from '@/lib/srs/time';

describe('study days', () => {
  it('match UTC days with the UTC default', () => {
    const now = new Date('2026-03-10T23:59:00Z');
    expect(startOfStudyDay(now, UTC_STUDY_DAY)).toEqual(startOfUtcDay(now));
    expect(studyDayKey(studyDayNumber(now, UTC_STUDY_DAY))).toBe('2026-03-10');
  });

  it('follow the learner’s zone and rollover hour', () => {
    const berlin = { timeZone: 'Europe/Berlin', dayStartHour: 4 };
    // 01:30 UTC on 11 March = 02:30 in Berlin: before the 04:00 rollover, still 10 March.
    expect(studyDayKey(studyDayNumber(new Date('2026-03-11T01:30:00Z'), berlin))).toBe(
      '2026-03-10',
    );
    // 03:30 UTC = 04:30 Berlin: the new day has begun, and it began at 03:00 UTC.
    const later = new Date('2026-03-11T03:30:00Z');
    expect(studyDayKey(studyDayNumber(later, berlin))).toBe('2026-03-11');
    expect(startOfStudyDay(later, berlin).toISOString()).toBe('2026-03-11T03:00:00.000Z');
    const tokyo = { timeZone: 'Asia/Tokyo', dayStartHour: 0 };
    expect(studyDayKey(studyDayNumber(new Date('2026-03-10T16:00:00Z'), tokyo))).toBe('2026-03-11');
  });

  it('handle a daylight-saving change (New York, 8 March 2026)', () => {
    const ny = { timeZone: 'America/New_York', dayStartHour: 4 };
    expect(zoneOffsetMs(Date.parse('2026-03-07T12:00:00Z'), ny.timeZone)).toBe(-5 * 3_600_000);
    expect(zoneOffsetMs(Date.parse('2026-03-09T12:00:00Z'), ny.timeZone)).toBe(-4 * 3_600_000);
    const n = studyDayNumber(new Date('2026-03-09T12:00:00Z'), ny);
    expect(studyDayStart(n, ny).toISOString()).toBe('2026-03-09T08:00:00.000Z');
    expect(studyDayStart(n - 1, ny).toISOString()).toBe('2026-03-08T08:00:00.000Z');
    expect(studyDayStart(n - 2, ny).toISOString()).toBe('2026-03-07T09:00:00.000Z');
  });

  it('validates zone names', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});
