import type { Metadata } from 'next';
import { requireUser, getSessionToken } from '@/lib/auth/session';
import { listSessions } from '@/lib/auth/sessions';
import {
  ChangePasswordForm,
  DeleteAccountForm,
  NameForm,
  SignOutEverywhereForm,
} from '@/components/account/account-forms';
import {
  changePasswordAction,
  deleteAccountAction,
  signOutEverywhereAction,
  updateNameAction,
} from './actions';

export const metadata: Metadata = { title: 'Your account' };

const dateTime = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

function describeAgent(userAgent: string): string {
  if (!userAgent) return 'Unknown browser';
  const browser = /Firefox\//.test(userAgent)
    ? 'Firefox'
    : /Edg\//.test(userAgent)
      ? 'Edge'
      : /Chrome\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : 'Browser';
  const os = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : '';
  return os ? `${browser} on ${os}` : browser;
}

export default async function AccountPage() {
  const user = await requireUser('/account');
  const [sessions, token] = await Promise.all([
    listSessions({ userId: user.id }),
    getSessionToken(),
  ]);
  return (
    <div className="mx-auto max-w-2xl space-y-8">
      <h1 className="text-3xl">Your account</h1>

      <section aria-labelledby="profile-heading" className="card space-y-4">
        <h2 id="profile-heading" className="text-xl">
          Profile
        </h2>
        <p>
          Email: <strong data-testid="account-email">{user.email}</strong>
        </p>
        <NameForm action={updateNameAction} name={user.name} />
      </section>

      <section aria-labelledby="password-heading" className="card space-y-4">
        <h2 id="password-heading" className="text-xl">
          Change password
        </h2>
        <p className="text-muted">
          Changing your password signs you out everywhere, this browser included.
        </p>
        <ChangePasswordForm action={changePasswordAction} />
      </section>

      <section aria-labelledby="sessions-heading" className="card space-y-4">
        <h2 id="sessions-heading" className="text-xl">
          Sessions
        </h2>
        <ul className="space-y-2" data-testid="session-list">
          {sessions.map((session) => (
            <li key={session.id} className="flex flex-wrap justify-between gap-2 text-sm">
              <span>
                {describeAgent(session.userAgent)}
                {session.id === token?.sid ? <strong> (this browser)</strong> : null}
              </span>
              <span className="text-muted">
                signed in {dateTime.format(session.createdAt)} UTC · last seen{' '}
                {dateTime.format(session.lastSeenAt)} UTC
              </span>
            </li>
          ))}
        </ul>
        <SignOutEverywhereForm action={signOutEverywhereAction} count={sessions.length} />
      </section>

      <section aria-labelledby="data-heading" className="card space-y-4">
        <h2 id="data-heading" className="text-xl">
          Your data
        </h2>
        <p>
          Download everything stored about you — lesson progress, reviews, scenario attempts, saved
          simulator runs — as one JSON file.
        </p>
        <a className="btn btn-secondary" href="/account/export" download>
          Download all my data (JSON)
        </a>
      </section>

      <section aria-labelledby="delete-heading" className="card space-y-4">
        <h2 id="delete-heading" className="text-xl">
          Delete account
        </h2>
        <p>This removes your account and all its data at once. It cannot be undone.</p>
        <DeleteAccountForm action={deleteAccountAction} />
      </section>
    </div>
  );
}
