import type { Metadata } from 'next';
import Link from '@/components/ui/app-link';
import { ActionForm } from '@/components/teams/action-form';
import { formatDay } from '@/components/teams/status-badge';
import { getCurrentUser } from '@/lib/auth/session';
import { getInvitePreview } from '@/lib/teams/invites';
import { acceptInviteAction, declineInviteAction } from '../../actions';

export const metadata: Metadata = { title: 'Team invitation', referrer: 'no-referrer' };

const REASONS = {
  expired: 'This invitation has expired. Ask your team lead for a new one.',
  'used-up': 'This invitation has already been used the maximum number of times.',
  revoked: 'This invitation was withdrawn.',
  declined: 'This invitation was declined.',
  'wrong-email':
    'This invitation is for a different email address. Sign in with the invited address.',
  'already-member': 'You are already in this team.',
} as const;

export default async function JoinTeamPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await getCurrentUser();
  if (!user) {
    return (
      <section className="card max-w-xl space-y-3">
        <h1 className="text-2xl">Team invitation</h1>
        <p>Sign in or create an account, then open this link again to join the team.</p>
        <p className="flex gap-2">
          <Link className="btn btn-primary" href="/sign-in">
            Sign in
          </Link>
          <Link className="btn btn-secondary" href="/sign-up">
            Sign up
          </Link>
        </p>
      </section>
    );
  }
  const preview = await getInvitePreview({ token });
  if (!preview) {
    return (
      <section className="card max-w-xl space-y-3">
        <h1 className="text-2xl">Invitation not found</h1>
        <p>Check the link, or ask your team lead for a new one.</p>
      </section>
    );
  }
  return (
    <section className="card max-w-xl space-y-4">
      <h1 className="text-2xl">Join {preview.teamName}</h1>
      {preview.status === 'open' ? (
        <>
          <p>
            You are invited as <strong>{preview.role}</strong>. The invitation is valid until{' '}
            {formatDay(preview.expiresAt)}.
          </p>
          <div className="flex flex-wrap gap-3">
            <ActionForm
              action={acceptInviteAction}
              submitLabel="Accept and join"
              hidden={{ token }}
              variant="primary"
            />
            <ActionForm action={declineInviteAction} submitLabel="Decline" hidden={{ token }} />
          </div>
        </>
      ) : (
        <p role="alert">{REASONS[preview.status]}</p>
      )}
    </section>
  );
}
