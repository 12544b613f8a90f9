import type { Metadata } from 'next';
import Link from '@/components/ui/app-link';
import { ActionForm } from '@/components/teams/action-form';
import {
  ItemStatusBadge,
  TrackStatusBadge,
  dueDay,
  formatDay,
} from '@/components/teams/status-badge';
import { requireUser } from '@/lib/auth/session';
import { hasCalendarFeed } from '@/lib/teams/calendar';
import { listNotifications } from '@/lib/teams/notifications';
import { listMyTracks } from '@/lib/teams/progress';
import { TRACK_ITEM_KIND_LABELS } from '@/lib/tracks/schema';
import { createCalendarFeedAction, markNotificationsReadAction } from '../teams/actions';

export const metadata: Metadata = { title: 'My tracks' };

export default async function MyTracksPage() {
  await requireUser();
  const [tracks, notifications, feed] = await Promise.all([
    listMyTracks(),
    listNotifications(),
    hasCalendarFeed(),
  ]);
  const unread = notifications.filter((n) => !n.readAt);
  return (
    <>
      <header className="space-y-1">
        <h1 className="text-3xl">My tracks</h1>
        <p className="text-muted">
          What your teams assigned to you, in order. Status comes straight from your lessons,
          reviews and scenario scores.
        </p>
      </header>
      <section aria-labelledby="notifications-heading" className="card space-y-2">
        <h2 id="notifications-heading" className="text-xl">
          Notifications ({unread.length} new)
        </h2>
        {notifications.length === 0 ? (
          <p className="text-muted">Nothing yet.</p>
        ) : (
          <ul className="space-y-1 text-sm" data-testid="notifications">
            {notifications.slice(0, 20).map((n) => (
              <li key={n.id}>
                {!n.readAt && <span className="badge mr-1">new</span>}
                <Link href={n.href}>{n.title}</Link>{' '}
                <span className="text-muted">· {formatDay(n.createdAt)}</span>
              </li>
            ))}
          </ul>
        )}
        {unread.length > 0 && (
          <ActionForm
            action={markNotificationsReadAction}
            submitLabel="Mark all as read"
            variant="ghost"
          />
        )}
      </section>
      {tracks.length === 0 && (
        <p className="text-muted">
          Nothing assigned yet. <Link href="/teams">Teams</Link> shows your teams and invitations.
        </p>
      )}
      {tracks.map((track) => (
        <section
          key={`${track.teamId}-${track.trackId}`}
          aria-labelledby={`track-${track.trackId}`}
          className="card space-y-3"
          data-testid="my-track"
        >
          <header className="space-y-1">
            <h2 id={`track-${track.trackId}`} className="text-xl">
              {track.title} <TrackStatusBadge status={track.progress.status} />
            </h2>
            <p className="text-sm text-muted">
              {track.teamName} · {track.progress.requiredDone} of {track.progress.requiredTotal}{' '}
              required done · started {formatDay(track.progress.start)} · ends{' '}
              {dueDay(track.progress.end)}
            </p>
          </header>
          <ol className="space-y-2">
            {track.progress.items.map((item, index) => (
              <li
                key={item.itemId}
                className="flex flex-wrap items-baseline gap-2"
                data-testid={`my-item-${index + 1}`}
              >
                <span className="w-6 text-right text-muted">{index + 1}.</span>
                <ItemStatusBadge status={item.status} />
                <Link href={item.href}>{item.title}</Link>
                <span className="text-sm text-muted">
                  {TRACK_ITEM_KIND_LABELS[item.kind]}
                  {!item.required && ' · optional'} ·{' '}
                  {item.status === 'done' && item.completedAt
                    ? `done ${formatDay(item.completedAt)}`
                    : `due ${dueDay(item.dueAt)}`}{' '}
                  · {item.evidence}
                </span>
              </li>
            ))}
          </ol>
        </section>
      ))}
      <section aria-labelledby="calendar-heading" className="card max-w-2xl space-y-2">
        <h2 id="calendar-heading" className="text-xl">
          Calendar feed
        </h2>
        <p className="text-sm text-muted">
          Subscribe to your due dates from any calendar app (.ics). The address is private: anyone
          who has it can read your due dates.{' '}
          {feed && 'A feed exists; creating a new one replaces the old address.'}
        </p>
        <ActionForm
          action={createCalendarFeedAction}
          submitLabel={feed ? 'Replace calendar feed address' : 'Create calendar feed address'}
        />
      </section>
    </>
  );
}
