import 'server-only';
import { db } from '@/lib/db';
import { buildCalendar, type CalendarEvent } from '@/lib/tracks/ics';
import { addDays } from '@/lib/srs/time';
import { hashToken, newToken, requireSignedIn } from './access';
import { listTracksForUser } from './progress';

/** Creates (or replaces) the signed-in user's calendar feed; the token is returned once. */
export async function createCalendarFeed(): Promise<{ token: string }> {
  const user = await requireSignedIn();
  const { token, hash } = newToken();
  await db.calendarFeed.upsert({
    where: { userId: user.id },
    create: { userId: user.id, tokenHash: hash },
    update: { tokenHash: hash, createdAt: new Date() },
    select: { userId: true },
  });
  return { token };
}

export async function hasCalendarFeed(): Promise<boolean> {
  const user = await requireSignedIn();
  return (await db.calendarFeed.count({ where: { userId: user.id } })) > 0;
}

/**
 * The .ics feed for a token (no session: calendar apps fetch it unauthenticated; the 256-bit
 * token is the credential). Null for an unknown token. Open items only, one all-day event on
 * each due day.
 */
export async function calendarForToken({
  token,
  baseUrl,
  now = new Date(),
}: {
  token: string;
  baseUrl: string;
  now?: Date;
}): Promise<string | null> {
  if (token.length < 20 || token.length > 100) return null;
  const feed = await db.calendarFeed.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { userId: true },
  });
  if (!feed) return null;
  const tracks = await listTracksForUser(feed.userId, now);
  const events: CalendarEvent[] = [];
  for (const track of tracks) {
    for (const item of track.progress.items) {
      if (item.status === 'done') continue;
      events.push({
        uid: `${track.trackId}-${item.itemId}-${feed.userId}@mesh-dojo`,
        date: addDays(item.dueAt, -1),
        summary: `Due: ${item.title}${item.required ? '' : ' (optional)'}`,
        description: `${track.title} (${track.teamName}). ${item.evidence}.`,
        url: `${baseUrl}${item.href}`,
      });
    }
  }
  return buildCalendar({ name: 'Mesh Dojo due dates', events, now });
}
