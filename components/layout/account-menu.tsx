'use client';

import Link from '@/components/ui/app-link';
import { useClientSession } from '@/components/layout/client-session';
import { SignOutButton } from '@/components/layout/sign-out-button';

/** Sign in / sign up links, or the signed-in user's name and a sign-out button. */
export function AccountMenu() {
  const session = useClientSession();
  // Until the session answers, both variants render and the first-paint hint (the
  // `data-session` attribute set before paint in app/layout.tsx) shows the likely one.
  if (session.status === 'loading')
    return (
      <>
        <span className="when-signed-in">
          <SignOutButton />
        </span>
        <span className="when-signed-out flex gap-2">
          <SignedOutLinks />
        </span>
      </>
    );
  if (session.status === 'authenticated') {
    return (
      <>
        <Link
          href="/account"
          className="hidden max-w-32 truncate text-sm text-muted xl:inline"
          data-testid="signed-in-as"
          title="Your account"
        >
          {session.name}
        </Link>
        <Link href="/account" className="btn btn-ghost xl:hidden">
          Account
        </Link>
        <SignOutButton />
      </>
    );
  }
  return <SignedOutLinks />;
}

function SignedOutLinks() {
  return (
    <>
      <Link href="/sign-in" className="btn btn-ghost">
        Sign in
      </Link>
      <Link href="/sign-up" className="btn btn-primary">
        Sign up
      </Link>
    </>
  );
}
