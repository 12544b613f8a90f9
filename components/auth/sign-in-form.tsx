'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { refreshSession } from '@/components/layout/client-session';

type Props = { callbackUrl: string; oidcEnabled: boolean; initialError?: string };

/** Email + password sign-in through next-auth's credentials provider. */
export function SignInForm({ callbackUrl, oidcEnabled, initialError }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | undefined>(initialError);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '');
    const password = String(form.get('password') ?? '');
    if (!email.trim() || !password) {
      setError('Enter your email and password.');
      return;
    }
    startTransition(async () => {
      let result: Awaited<ReturnType<typeof signIn>>;
      try {
        result = await signIn('credentials', { email, password, redirect: false });
      } catch {
        // A 429 from the sign-in flood guard is plain text, which next-auth cannot parse.
        setError('The server is busy right now. Wait a few seconds and try again.');
        return;
      }
      if (!result || result.error) {
        setError(
          result?.error && result.error !== 'CredentialsSignin'
            ? result.error
            : 'Incorrect email or password.',
        );
        return;
      }
      await refreshSession();
      router.push(callbackUrl);
      router.refresh();
    });
  }

  return (
    <div className="space-y-4">
      <form
        onSubmit={onSubmit}
        noValidate
        className="space-y-4"
        aria-describedby={error ? 'sign-in-error' : undefined}
      >
        {error ? (
          <div id="sign-in-error" role="alert" className="form-error" data-testid="form-error">
            {error}
          </div>
        ) : null}
        <div>
          <label htmlFor="email" className="label">
            Email
          </label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="email"
            required
            className="input"
          />
        </div>
        <div>
          <label htmlFor="password" className="label">
            Password
          </label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            className="input"
          />
        </div>
        <button type="submit" className="btn btn-primary w-full" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {oidcEnabled ? (
        <button
          type="button"
          className="btn btn-secondary w-full"
          onClick={() => void signIn('oidc', { callbackUrl })}
        >
          Continue with single sign-on
        </button>
      ) : null}
    </div>
  );
}
