'use client';

import { useState } from 'react';
import { signOutAndLeave } from '@/components/layout/client-session';

/** Ends the session and returns to the landing page. */
export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className="btn btn-secondary"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOutAndLeave();
      }}
    >
      {pending ? 'Signing out…' : 'Sign out'}
    </button>
  );
}
