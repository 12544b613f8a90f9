import type { Metadata } from 'next';
import Link from '@/components/ui/app-link';
import { ActionForm } from '@/components/teams/action-form';
import {
  ItemStatusBadge,
  TrackStatusBadge,
  dueDay,
  formatDay,
  heatStyle,
} from '@/components/teams/status-badge';
import { TeamNav } from '@/components/teams/team-nav';
import { requireUser } from '@/lib/auth/session';
import { isManaging } from '@/lib/teams/access';
import { orNotFound } from '@/lib/teams/page-guard';
import { getTeamDashboard } from '@/lib/teams/progress';
import { getTeamOverview } from '@/lib/teams/teams';
import { PACE_TOLERANCE } from '@/lib/tracks/progress';
import {
  changeRoleAction,
  leaveTeamAction,
  removeMemberAction,
  transferOwnershipAction,
} from '../actions';

export const metadata: Metadata = { title: 'Team' };

const pct = (share: number) => `${Math.round(share * 100)} %`;

export default async function TeamPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const user = await requireUser();
  const [team, dashboard] = await orNotFound(() =>
    Promise.all([getTeamOverview({ teamId }), getTeamDashboard({ teamId })]),
  );
  const managing = isManaging(team.role);
  return (
    <>
      <header className="space-y-2">
        <p className="text-sm text-muted">
          <Link href="/teams">Teams</Link> / {team.name}
        </p>
        <h1 className="text-3xl">{team.name}</h1>
        <p className="text-muted">Your role: {team.role}</p>
        <TeamNav teamId={teamId} managing={managing} current={`/teams/${teamId}`} />
      </header>

      {managing && (
        <section aria-labelledby="lists-heading" className="grid gap-4 md:grid-cols-2">
          <h2 id="lists-heading" className="sr-only">
            Needs attention
          </h2>
          <div className="card space-y-2">
            <h3 className="text-lg">Overdue ({dashboard.overdue.length})</h3>
            {dashboard.overdue.length === 0 ? (
              <p className="text-muted">Nothing overdue.</p>
            ) : (
              <ul className="space-y-1 text-sm" data-testid="overdue-list">
                {dashboard.overdue.slice(0, 50).map((o) => (
                  <li key={`${o.userId}-${o.trackId}-${o.item.itemId}`}>
                    <Link href={`/teams/${teamId}/members/${o.userId}`}>{o.name}</Link>:{' '}
                    {o.item.title} (due {dueDay(o.item.dueAt)})
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div className="card space-y-2">
            <h3 className="text-lg">At risk ({dashboard.atRisk.length})</h3>
            <p className="hint">
              At risk: nothing overdue yet, but the share of required items done is more than{' '}
              {Math.round(PACE_TOLERANCE * 100)} points behind the share of the track&apos;s time
              gone (start to last due date).
            </p>
            {dashboard.atRisk.length === 0 ? (
              <p className="text-muted">Nobody is behind pace.</p>
            ) : (
              <ul className="space-y-1 text-sm" data-testid="at-risk-list">
                {dashboard.atRisk.map((a) => (
                  <li key={`${a.userId}-${a.trackId}`}>
                    <Link href={`/teams/${teamId}/members/${a.userId}`}>{a.name}</Link>:{' '}
                    {a.requiredDone}/{a.requiredTotal} required done with {pct(a.elapsedShare)} of
                    the time gone ({a.trackTitle}, ends {dueDay(a.end)})
                  </li>
                ))}
              </ul>
            )}
          </div>
        </section>
      )}

      <section aria-labelledby="tracks-heading" className="space-y-6">
        <h2 id="tracks-heading" className="text-xl">
          {managing ? 'Progress by member' : 'Team progress'}
        </h2>
        {dashboard.tracks.length === 0 && (
          <p className="text-muted">
            No tracks yet.
            {managing && (
              <>
                {' '}
                <Link href={`/teams/${teamId}/tracks`}>Create one from a template</Link>.
              </>
            )}
          </p>
        )}
        {dashboard.tracks.map((track) => (
          <div
            key={track.id}
            className="card space-y-3"
            data-testid={`dashboard-track-${track.id}`}
          >
            <h3 className="text-lg">{track.title}</h3>
            <p className="text-sm text-muted">
              {track.learnerCount} {track.learnerCount === 1 ? 'learner' : 'learners'} ·{' '}
              {pct(track.doneShare)} of required items done across the team
            </p>
            <div
              className="overflow-x-auto"
              tabIndex={0}
              role="region"
              aria-label={`Team heatmap for ${track.title}`}
            >
              <table className="w-full text-sm">
                <caption className="sr-only">Share of learners who completed each item</caption>
                <thead>
                  <tr>
                    <th scope="col" className="p-1 text-left">
                      Item
                    </th>
                    <th scope="col" className="p-1 text-left">
                      Done by
                    </th>
                  </tr>
                </thead>
                <tbody data-testid="heatmap">
                  {track.items.map((item, index) => (
                    <tr key={item.id}>
                      <th scope="row" className="p-1 text-left font-normal">
                        {index + 1}. {item.title}
                        {!item.required && <span className="text-muted"> (optional)</span>}
                      </th>
                      <td
                        className="p-1"
                        style={heatStyle(track.learnerCount === 0 ? null : item.doneShare)}
                      >
                        {pct(item.doneShare)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {(managing || track.rows.length > 0) && (
              <div
                className="overflow-x-auto"
                tabIndex={0}
                role="region"
                aria-label={`${managing ? 'Members' : 'Your progress'} on ${track.title}`}
              >
                <table className="min-w-full text-sm" data-testid="progress-table">
                  <caption className="sr-only">
                    Status of each item per member, with due and completion dates
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col" className="p-1 text-left">
                        Member
                      </th>
                      <th scope="col" className="p-1 text-left">
                        Track
                      </th>
                      {track.items.map((item, index) => (
                        <th key={item.id} scope="col" className="p-1 text-left" title={item.title}>
                          {index + 1}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {track.rows.length === 0 && (
                      <tr>
                        <td colSpan={track.items.length + 2} className="p-1 text-muted">
                          Nobody has this track yet. Invite members or assign it.
                        </td>
                      </tr>
                    )}
                    {track.rows.map((row) => (
                      <tr key={row.userId} data-testid={`progress-row-${row.name}`}>
                        <th scope="row" className="p-1 text-left">
                          <Link href={`/teams/${teamId}/members/${row.userId}`}>{row.name}</Link>
                        </th>
                        <td className="p-1">
                          <TrackStatusBadge status={row.progress.status} />{' '}
                          {row.progress.requiredDone}/{row.progress.requiredTotal}
                        </td>
                        {row.progress.items.map((item) => (
                          <td key={item.itemId} className="p-1 align-top">
                            <Link
                              href={`/teams/${teamId}/members/${row.userId}#item-${item.itemId}`}
                              className="no-underline"
                              aria-label={`${row.name}, ${item.title}: ${item.status}, due ${dueDay(item.dueAt)}`}
                            >
                              <ItemStatusBadge status={item.status} />
                            </Link>
                            <span className="block text-xs text-muted">
                              {item.completedAt ? formatDay(item.completedAt) : dueDay(item.dueAt)}
                            </span>
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </div>
        ))}
        {managing && dashboard.tracks.length > 0 && (
          <p>
            <a href={`/teams/${teamId}/export/progress`} download>
              Download progress CSV
            </a>
          </p>
        )}
        {!managing && (
          <p>
            Your own items with links: <Link href="/tracks">My tracks</Link>.
          </p>
        )}
      </section>

      <section aria-labelledby="members-heading" className="space-y-3">
        <h2 id="members-heading" className="text-xl">
          People ({team.members.length})
        </h2>
        <ul className="space-y-2">
          {team.members.map((m) => (
            <li key={m.userId} className="card flex flex-wrap items-center gap-3">
              <p className="flex-1">
                <strong>{m.name}</strong>{' '}
                <span className="text-muted">
                  · {m.role}
                  {m.email && ` · ${m.email}`} · joined {formatDay(m.joinedAt)}
                </span>
              </p>
              {team.role === 'owner' && m.userId !== user.id && (
                <>
                  <ActionForm
                    action={changeRoleAction}
                    submitLabel={
                      m.role === 'manager' ? `Make ${m.name} a member` : `Make ${m.name} a manager`
                    }
                    hidden={{
                      teamId,
                      userId: m.userId,
                      role: m.role === 'manager' ? 'member' : 'manager',
                    }}
                    className="flex gap-2"
                    variant="ghost"
                  />
                  <ActionForm
                    action={transferOwnershipAction}
                    submitLabel={`Transfer ownership to ${m.name}`}
                    hidden={{ teamId, userId: m.userId }}
                    className="flex gap-2"
                    variant="ghost"
                  />
                </>
              )}
              {managing &&
                m.userId !== user.id &&
                m.role !== 'owner' &&
                (team.role === 'owner' || m.role === 'member') && (
                  <ActionForm
                    action={removeMemberAction}
                    submitLabel={`Remove ${m.name}`}
                    hidden={{ teamId, userId: m.userId }}
                    className="flex gap-2"
                    variant="ghost"
                  />
                )}
            </li>
          ))}
        </ul>
        {team.role !== 'owner' && (
          <ActionForm action={leaveTeamAction} submitLabel="Leave team" hidden={{ teamId }} />
        )}
      </section>
    </>
  );
}
