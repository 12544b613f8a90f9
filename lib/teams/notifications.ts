import 'server-only';
import { db } from '@/lib/db';
import { requireSignedIn } from './access';
import { sendMail } from './mail';
import { listTracksForUser } from './progress';

export type NotificationDto = {
  id: string;
  kind: string;
  title: string;
  href: string;
  createdAt: Date;
  readAt: Date | null;
};

/**
 * Adds "due soon" and "overdue" notifications for the user's open items (idempotent: one per
 * item and kind). Derived from the same progress as the pages, so a done item never nags.
 */
export async function syncDueNotifications(userId: string, now: Date): Promise<number> {
  const tracks = await listTracksForUser(userId, now);
  let created = 0;
  for (const track of tracks) {
    for (const item of track.progress.items) {
      if (item.status !== 'due-soon' && item.status !== 'overdue') continue;
      const key = `${item.status}:${track.trackId}:${item.itemId}`;
      const title =
        item.status === 'overdue'
          ? `Overdue: ${item.title} (${track.title})`
          : `Due soon: ${item.title} (${track.title}), due ${item.dueAt.toISOString().slice(0, 10)}`;
      const existing = await db.notification.findUnique({
        where: { userId_key: { userId, key } },
        select: { id: true },
      });
      if (existing) continue;
      await db.notification.upsert({
        where: { userId_key: { userId, key } },
        create: { userId, teamId: track.teamId, kind: item.status, key, title, href: item.href },
        update: {},
        select: { id: true },
      });
      created += 1;
    }
  }
  return created;
}

/** The signed-in user's notifications (newest first), after syncing due reminders. */
export async function listNotifications({ now = new Date() }: { now?: Date } = {}): Promise<
  NotificationDto[]
> {
  const user = await requireSignedIn();
  await syncDueNotifications(user.id, now);
  return db.notification.findMany({
    where: { userId: user.id },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 50,
    select: { id: true, kind: true, title: true, href: true, createdAt: true, readAt: true },
  });
}

export async function markNotificationsRead(): Promise<void> {
  const user = await requireSignedIn();
  await db.notification.updateMany({
    where: { userId: user.id, readAt: null },
    data: { readAt: new Date() },
  });
}

/**
 * Reminder job (scripts/send-reminders.ts): syncs due notifications for every team member and
 * emails each user one digest of their un-emailed notifications. Without SMTP it only syncs.
 */
export async function sendReminderEmails({
  now = new Date(),
  baseUrl,
  limit = 5000,
}: {
  now?: Date;
  baseUrl: string;
  limit?: number;
}): Promise<{ users: number; emails: number }> {
  const members = await db.teamMember.findMany({
    distinct: ['userId'],
    select: { userId: true, user: { select: { email: true } } },
    take: limit,
  });
  let emails = 0;
  for (const member of members) {
    await syncDueNotifications(member.userId, now);
    const pending = await db.notification.findMany({
      where: { userId: member.userId, emailedAt: null },
      orderBy: { createdAt: 'asc' },
      take: 50,
      select: { id: true, title: true, href: true },
    });
    if (pending.length === 0) continue;
    const text = `Your Mesh Dojo onboarding updates:\n\n${pending.map((n) => `- ${n.title}\n  ${baseUrl}${n.href}`).join('\n')}\n\nSee everything on ${baseUrl}/tracks\n`;
    const sent = await sendMail({
      to: member.user.email,
      subject: `Mesh Dojo: ${pending.length} onboarding update${pending.length === 1 ? '' : 's'}`,
      text,
    });
    if (!sent) continue;
    await db.notification.updateMany({
      where: { id: { in: pending.map((n) => n.id) } },
      data: { emailedAt: now },
    });
    emails += 1;
  }
  return { users: members.length, emails };
}
