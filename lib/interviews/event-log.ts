import 'server-only';
import { db } from '@/lib/db';
import { eventBodySchema, type LoggedEvent } from './events';

// Reading the interview event log. No authorization here: callers (sessions.ts, live-stream.ts)
// have checked the user's role in the session and filter the events for it.

/** Most events returned by one read. */
export const MAX_EVENTS_PER_READ = 5000;

export function parseRow(row: {
  seq: number;
  createdAt: Date;
  type: string;
  payload: string;
}): LoggedEvent | null {
  try {
    const body = eventBodySchema.safeParse(JSON.parse(row.payload));
    if (body.success && body.data.type === row.type)
      return { seq: row.seq, at: row.createdAt.getTime(), body: body.data };
  } catch {
    // fall through: a corrupt row is skipped and reported, never sent.
  }
  console.error(`interview event ${row.seq} (${row.type}) failed validation; skipped`);
  return null;
}

export const eventSelect = { seq: true, createdAt: true, type: true, payload: true } as const;

/** Every event of a session after `afterSeq`, in order (unfiltered: callers filter by role). */
export async function readEvents(
  sessionId: string,
  afterSeq = 0,
  take = MAX_EVENTS_PER_READ,
): Promise<LoggedEvent[]> {
  const rows = await db.interviewEvent.findMany({
    where: { sessionId, seq: { gt: afterSeq } },
    orderBy: { seq: 'asc' },
    take,
    select: eventSelect,
  });
  return rows.flatMap((row) => {
    const event = parseRow(row);
    return event ? [event] : [];
  });
}
