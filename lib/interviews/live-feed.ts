import 'server-only';
import { db } from '@/lib/db';
import { EventPoller, type FeedRow } from '@/lib/realtime/event-poller';
import { listenChannel, notifyChannel } from '@/lib/realtime/pg-notify';

const CHANNEL = 'mesh_dojo_interview_events';

// The process's one poller over InterviewEvent, keyed by session id. Cached on globalThis so
// route modules loaded twice (dev reloads, several route bundles) still share one loop.

/** A log row as the poller delivers it (visibility decides who may receive it). */
export type InterviewFeedRow = FeedRow & {
  seq: number;
  type: string;
  payload: string;
  visibility: string;
  createdAt: Date;
};

function createPoller(): EventPoller<InterviewFeedRow> {
  return new EventPoller<InterviewFeedRow>({
    intervalMs: 100,
    batchSize: 1000,
    readMaxId: async () => (await db.interviewEvent.aggregate({ _max: { id: true } }))._max.id ?? 0,
    readAfter: async (cursor, limit) => {
      const rows = await db.interviewEvent.findMany({
        where: { id: { gt: cursor } },
        orderBy: { id: 'asc' },
        take: limit,
        select: {
          id: true,
          sessionId: true,
          seq: true,
          type: true,
          payload: true,
          visibility: true,
          createdAt: true,
        },
      });
      return rows.map(({ sessionId, ...row }) => ({ ...row, key: sessionId }));
    },
    onError: (error) => console.error('interview event poller:', error),
  });
}

const holder = globalThis as unknown as { meshDojoInterviewPoller?: EventPoller<InterviewFeedRow> };

/** The process-wide interview event poller. */
export function interviewFeed(): EventPoller<InterviewFeedRow> {
  if (!holder.meshDojoInterviewPoller) {
    holder.meshDojoInterviewPoller = createPoller();
    // On PostgreSQL another instance's append wakes this poller at once (see pg-notify.ts).
    listenChannel(CHANNEL, wakeInterviewFeed);
  }
  return holder.meshDojoInterviewPoller;
}

/** Hook for PostgreSQL LISTEN/NOTIFY (or a local append): poll now instead of at the next tick. */
export function wakeInterviewFeed(): void {
  holder.meshDojoInterviewPoller?.wake();
}

/** After a committed append: wake this process's poller and, on PostgreSQL, every other instance's. */
export function announceInterviewEvents(): void {
  wakeInterviewFeed();
  void notifyChannel(CHANNEL);
}
