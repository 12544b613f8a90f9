import 'server-only';
import type { db } from '@/lib/db';

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** Creates "new assignment" notifications (idempotent per user, track). */
export async function notifyAssigned(
  tx: Tx,
  args: {
    userIds: readonly string[];
    teamId: string;
    teamName: string;
    trackId: string;
    trackTitle: string;
  },
): Promise<void> {
  for (const userId of args.userIds) {
    await tx.notification.upsert({
      where: { userId_key: { userId, key: `assigned:${args.trackId}` } },
      create: {
        userId,
        teamId: args.teamId,
        kind: 'assigned',
        key: `assigned:${args.trackId}`,
        title: `New track from ${args.teamName}: ${args.trackTitle}`,
        href: '/tracks',
      },
      update: {},
      select: { id: true },
    });
  }
}
