import { addDays, startOfUtcDay } from '@/lib/srs/time';
import type { DueSpec } from './schema';

/** Days before a due date during which an open item counts as "due soon". */
export const DUE_SOON_DAYS = 2;

/**
 * The instant an item is due: the end (exclusive, 00:00 UTC of the next day) of day N counted
 * from the start day (day 1 = the start day), or the end of an absolute UTC date.
 */
export function dueAt(spec: DueSpec, start: Date): Date {
  if (spec.type === 'absolute') return addDays(new Date(`${spec.date}T00:00:00Z`), 1);
  return addDays(startOfUtcDay(start), spec.days);
}

/**
 * When a member starts a track: the later of joining the team and the assignment, so a track
 * assigned to people who joined months ago does not begin already overdue.
 */
export function trackStart(joinedAt: Date, assignedAt: Date): Date {
  return joinedAt.getTime() >= assignedAt.getTime() ? joinedAt : assignedAt;
}
