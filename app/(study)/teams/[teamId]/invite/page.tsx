import type { Metadata } from 'next';
import Link from '@/components/ui/app-link';
import { ActionForm } from '@/components/teams/action-form';
import { formatDay } from '@/components/teams/status-badge';
import { TeamNav } from '@/components/teams/team-nav';
import { requireUser } from '@/lib/auth/session';
import { MAX_INVITE_DAYS, MAX_INVITE_USES, listInvites } from '@/lib/teams/invites';
import { orNotFound } from '@/lib/teams/page-guard';
import { getTeamOverview } from '@/lib/teams/teams';
import { createEmailInviteAction, createLinkInviteAction, revokeInviteAction } from '../../actions';

export const metadata: Metadata = { title: 'Invite people' };

export default async function InvitePage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  await requireUser();
  const [team, invites] = await orNotFound(() =>
    Promise.all([getTeamOverview({ teamId }), listInvites({ teamId })]),
  );
  const roleField = (id: string) =>
    team.role === 'owner' ? (
      <div>
        <label className="label" htmlFor={id}>
          Role
        </label>
        <select id={id} name="role" className="input" defaultValue="member">
          <option value="member">Member</option>
          <option value="manager">Manager</option>
        </select>
      </div>
    ) : (
      <input type="hidden" name="role" value="member" />
    );
  return (
    <>
      <header className="space-y-2">
        <p className="text-sm text-muted">
          <Link href="/teams">Teams</Link> / <Link href={`/teams/${teamId}`}>{team.name}</Link> /
          Invite
        </p>
        <h1 className="text-3xl">Invite people to {team.name}</h1>
        <TeamNav teamId={teamId} managing current={`/teams/${teamId}/invite`} />
      </header>
      <div className="grid gap-4 md:grid-cols-2">
        <section aria-labelledby="link-heading" className="card space-y-3">
          <h2 id="link-heading" className="text-xl">
            Invitation link
          </h2>
          <p className="text-sm text-muted">
            Anyone with the link can join until it expires or runs out of uses.
          </p>
          <ActionForm
            action={createLinkInviteAction}
            submitLabel="Create link"
            hidden={{ teamId }}
            variant="primary"
          >
            {roleField('link-role')}
            <div>
              <label className="label" htmlFor="link-days">
                Expires after (days)
              </label>
              <input
                id="link-days"
                name="expiresInDays"
                type="number"
                min={1}
                max={MAX_INVITE_DAYS}
                defaultValue={7}
                className="input"
                required
              />
            </div>
            <div>
              <label className="label" htmlFor="link-uses">
                Maximum uses
              </label>
              <input
                id="link-uses"
                name="maxUses"
                type="number"
                min={1}
                max={MAX_INVITE_USES}
                defaultValue={10}
                className="input"
                required
              />
            </div>
          </ActionForm>
        </section>
        <section aria-labelledby="email-heading" className="card space-y-3">
          <h2 id="email-heading" className="text-xl">
            Invite by email
          </h2>
          <p className="text-sm text-muted">
            Only the person signed in with this address can accept (valid 14 days, one use).
          </p>
          <ActionForm
            action={createEmailInviteAction}
            submitLabel="Send invitation"
            hidden={{ teamId }}
            variant="primary"
          >
            {roleField('email-role')}
            <div>
              <label className="label" htmlFor="invite-email">
                Email address
              </label>
              <input
                id="invite-email"
                name="email"
                type="email"
                className="input"
                required
                maxLength={254}
                autoComplete="off"
              />
            </div>
          </ActionForm>
        </section>
      </div>
      <section aria-labelledby="open-heading" className="space-y-3">
        <h2 id="open-heading" className="text-xl">
          Invitations
        </h2>
        {invites.length === 0 ? (
          <p className="text-muted">No invitations yet.</p>
        ) : (
          <ul className="space-y-2">
            {invites.map((invite) => (
              <li key={invite.id} className="card flex flex-wrap items-center gap-3 text-sm">
                <p className="flex-1">
                  {invite.email ?? 'Link'} · {invite.role} · {invite.status} · used {invite.uses}/
                  {invite.maxUses} · expires {formatDay(invite.expiresAt)}
                </p>
                {invite.status === 'open' && (
                  <ActionForm
                    action={revokeInviteAction}
                    submitLabel={`Revoke invitation ${invite.email ?? 'link'} from ${formatDay(invite.createdAt)}`}
                    hidden={{ teamId, inviteId: invite.id }}
                    variant="ghost"
                    className="flex gap-2"
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
