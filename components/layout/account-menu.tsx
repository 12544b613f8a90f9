'use client';

import Link from 'next/link';
import { useSession } from 'next-auth/react';
import { SignOutButton } from '@/components/layout/sign-out-button';

/** Sign in / sign up links, or the signed-in user's name and a sign-out button. */
export function AccountMenu() {
  const { data, status } = useSession();
  if (status === 'loading') return <span className="inline-block h-10 w-40" aria-hidden="true" />;
  if (status === 'authenticated') {
    return (
      <>
        <span className="hidden text-sm text-muted md:inline" data-testid="signed-in-as">
          {data.user?.name}
        </span>
        <SignOutButton />
      </>
    );
  }
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
