import type { Metadata } from 'next';
import Link from '@/components/ui/app-link';
import { ActionForm } from '@/components/teams/action-form';
import { TeamNav } from '@/components/teams/team-nav';
import { requireUser } from '@/lib/auth/session';
import { listTrackTemplates } from '@/lib/teams/content';
import { orNotFound } from '@/lib/teams/page-guard';
import { getTeamOverview } from '@/lib/teams/teams';
import { listTracks } from '@/lib/teams/tracks';
import { createTrackAction } from '../../actions';

export const metadata: Metadata = { title: 'Tracks' };

export default async function TracksPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  await requireUser();
  const [team, tracks] = await orNotFound(() =>
    Promise.all([getTeamOverview({ teamId }), listTracks({ teamId })]),
  );
  const templates = await listTrackTemplates();
  return (
    <>
      <header className="space-y-2">
        <p className="text-sm text-muted">
          <Link href="/teams">Teams</Link> / <Link href={`/teams/${teamId}`}>{team.name}</Link> /
          Tracks
        </p>
        <h1 className="text-3xl">Tracks of {team.name}</h1>
        <TeamNav teamId={teamId} managing current={`/teams/${teamId}/tracks`} />
      </header>
      <section aria-labelledby="list-heading" className="space-y-3">
        <h2 id="list-heading" className="text-xl">
          Team tracks
        </h2>
        {tracks.length === 0 ? (
          <p className="text-muted">No tracks yet.</p>
        ) : (
          <ul className="space-y-2">
            {tracks.map((track) => (
              <li key={track.id} className="card">
                <h3 className="text-lg">
                  <Link href={`/teams/${teamId}/tracks/${track.id}`}>{track.title}</Link>
                </h3>
                <p className="text-sm text-muted">
                  {track.itemCount} items ·{' '}
                  {track.assignedToTeam
                    ? 'assigned to the whole team'
                    : track.assignedUserIds.length > 0
                      ? `assigned to ${track.assignedUserIds.length} people`
                      : 'not assigned'}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="templates-heading" className="space-y-3">
        <h2 id="templates-heading" className="text-xl">
          Copy a template
        </h2>
        <ul className="grid gap-3 md:grid-cols-3">
          {templates.map((t) => (
            <li key={t.id} className="card space-y-2">
              <h3 className="text-lg">{t.title}</h3>
              <p className="text-sm text-muted">{t.summary}</p>
              <p className="text-sm">{t.items.length} items</p>
              <ActionForm
                action={createTrackAction}
                submitLabel={`Copy “${t.title}”`}
                hidden={{ teamId, templateId: t.id }}
              />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="blank-heading" className="card max-w-xl space-y-3">
        <h2 id="blank-heading" className="text-xl">
          Build your own
        </h2>
        <ActionForm
          action={createTrackAction}
          submitLabel="Create empty track"
          hidden={{ teamId }}
          variant="primary"
        >
          <div>
            <label className="label" htmlFor="track-title">
              Title
            </label>
            <input id="track-title" name="title" className="input" required maxLength={120} />
          </div>
        </ActionForm>
      </section>
    </>
  );
}
