import type { Metadata } from 'next';
import Link from '@/components/ui/app-link';
import { ActionForm } from '@/components/teams/action-form';
import { requireUser } from '@/lib/auth/session';
import { listTrackTemplates } from '@/lib/teams/content';
import { listMyInvites } from '@/lib/teams/invites';
import { listMyTeams } from '@/lib/teams/teams';
import { formatDay } from '@/components/teams/status-badge';
import { acceptEmailInviteAction, createTeamAction, declineEmailInviteAction } from './actions';

export const metadata: Metadata = { title: 'Teams' };

export default async function TeamsPage() {
  await requireUser();
  const [teams, invites, templates] = await Promise.all([
    listMyTeams(),
    listMyInvites(),
    listTrackTemplates(),
  ]);
  return (
    <>
      <header className="space-y-1">
        <h1 className="text-3xl">Teams</h1>
        <p className="text-muted">
          Onboarding tracks with due dates, progress and a readiness matrix for your team.
        </p>
      </header>
      {invites.length > 0 && (
        <section aria-labelledby="invites-heading" className="space-y-3">
          <h2 id="invites-heading" className="text-xl">
            Invitations for you
          </h2>
          <ul className="space-y-3">
            {invites.map((invite) => (
              <li key={invite.id} className="card flex flex-wrap items-center gap-3">
                <p className="flex-1">
                  <strong>{invite.teamName}</strong> invites you as {invite.role} (until{' '}
                  {formatDay(invite.expiresAt)}).
                </p>
                <ActionForm
                  action={acceptEmailInviteAction}
                  submitLabel={`Accept invitation to ${invite.teamName}`}
                  hidden={{ inviteId: invite.id }}
                  variant="primary"
                  className="flex gap-2"
                />
                <ActionForm
                  action={declineEmailInviteAction}
                  submitLabel={`Decline invitation to ${invite.teamName}`}
                  hidden={{ inviteId: invite.id }}
                  className="flex gap-2"
                />
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="my-teams-heading" className="space-y-3">
        <h2 id="my-teams-heading" className="text-xl">
          Your teams
        </h2>
        {teams.length === 0 ? (
          <p className="text-muted">
            You are not in a team yet. Create one below, or open an invitation link from your team
            lead.
          </p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2" data-testid="team-list">
            {teams.map((team) => (
              <li key={team.id} className="card space-y-1">
                <h3 className="text-lg">
                  <Link href={`/teams/${team.id}`}>{team.name}</Link>
                </h3>
                <p className="text-sm text-muted">
                  {team.role} · {team.memberCount} {team.memberCount === 1 ? 'person' : 'people'}
                </p>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link href="/tracks">My tracks</Link> lists everything assigned to you.
        </p>
      </section>
      <section aria-labelledby="create-heading" className="card max-w-xl space-y-3">
        <h2 id="create-heading" className="text-xl">
          Create a team
        </h2>
        <ActionForm action={createTeamAction} submitLabel="Create team" variant="primary">
          <div>
            <label className="label" htmlFor="team-name">
              Team name
            </label>
            <input
              id="team-name"
              name="name"
              className="input"
              required
              maxLength={80}
              autoComplete="off"
            />
          </div>
          <div>
            <label className="label" htmlFor="team-template">
              Start with a track template
            </label>
            <select id="team-template" name="templateId" className="input" defaultValue="">
              <option value="">No track yet</option>
              {templates.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.title}
                </option>
              ))}
            </select>
            <p className="hint">
              The template is copied into your team (edit it freely) and assigned to the whole team.
            </p>
          </div>
        </ActionForm>
      </section>
    </>
  );
}
