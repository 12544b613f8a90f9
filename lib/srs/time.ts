/** Milliseconds in one minute / hour / day. */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Start of the UTC day containing `now` (study days are UTC days). */
export function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** `date` shifted by `days` whole days. */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** `YYYY-MM-DD` of the UTC day containing `date`. */
export function utcDayKey(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Whole UTC days from the day of `from` to the day of `to` (negative when `to` is earlier). */
export function utcDaysBetween(from: Date, to: Date): number {
  return Math.round((startOfUtcDay(to).getTime() - startOfUtcDay(from).getTime()) / DAY_MS);
}

/**
 * Compact interval label like Anki's buttons: "<1m", "10m", "3h", "4d", "2.5mo", "1.3y".
 * Months are 30 days and years 365 days, as in Anki.
 */
export function formatInterval(ms: number): string {
  if (ms < MINUTE_MS) return '<1m';
  if (ms < HOUR_MS) return `${Math.round(ms / MINUTE_MS)}m`;
  if (ms < DAY_MS) return `${Math.round(ms / HOUR_MS)}h`;
  const days = ms / DAY_MS;
  if (days < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${trimDecimal(days / 30)}mo`;
  return `${trimDecimal(days / 365)}y`;
}

function trimDecimal(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

/**
 * The learner's study day: their IANA time zone and the hour the day rolls over (Anki's
 * "next day starts at", default 4 there; 0 here keeps midnight). Streaks, "today" and the
 * daily limits all count these days.
 */
export type StudyDay = { timeZone: string; dayStartHour: number };

/** UTC days from midnight: the behaviour before study days were configurable. */
export const UTC_STUDY_DAY: StudyDay = { timeZone: 'UTC', dayStartHour: 0 };

const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

/** True when `timeZone` is an IANA zone this runtime knows (e.g. "Europe/Berlin"). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Offset of `timeZone` from UTC at instant `ms`, in milliseconds (positive east of UTC). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  if (timeZone === 'UTC') return 0;
  let formatter = zoneFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    zoneFormatters.set(timeZone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(ms))) parts[part.type] = Number(part.value);
  const wallClock = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return wallClock - Math.floor(ms / 1000) * 1000;
}

/**
 * Study-day number of `date`: whole days since 1970-01-01 on the learner's wall clock,
 * shifted back by the rollover hour (so 02:00 with a 04:00 rollover is still "yesterday").
 */
export function studyDayNumber(date: Date, day: StudyDay): number {
  const ms = date.getTime();
  return Math.floor((ms + zoneOffsetMs(ms, day.timeZone) - day.dayStartHour * HOUR_MS) / DAY_MS);
}

/** The instant study day `n` begins (its rollover hour on the learner's wall clock). */
export function studyDayStart(n: number, day: StudyDay): Date {
  const wallClock = n * DAY_MS + day.dayStartHour * HOUR_MS;
  // Two passes settle the offset across a daylight-saving change.
  let instant = wallClock - zoneOffsetMs(wallClock, day.timeZone);
  instant = wallClock - zoneOffsetMs(instant, day.timeZone);
  return new Date(instant);
}

/** Start of the study day containing `now`. */
export function startOfStudyDay(now: Date, day: StudyDay): Date {
  return studyDayStart(studyDayNumber(now, day), day);
}

/** `YYYY-MM-DD` label of study day `n` (the learner's calendar date). */
export function studyDayKey(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** The IANA zones this runtime knows, UTC first. */
export function listTimeZones(): string[] {
  const zones =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return ['UTC', ...zones.filter((zone) => zone !== 'UTC')];
}
