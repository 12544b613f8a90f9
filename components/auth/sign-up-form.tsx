'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { refreshSession } from '@/components/layout/client-session';
import type { SignUpState } from '@/lib/auth/accounts';

type Field = 'name' | 'email' | 'password';

/** Sign-up form with field-level errors from the server's zod validation. */
export function SignUpForm({
  signUpAction,
}: {
  signUpAction: (form: FormData) => Promise<SignUpState>;
}) {
  const router = useRouter();
  const [state, setState] = useState<SignUpState | undefined>();
  const [pending, startTransition] = useTransition();
  const errors = state && !state.ok ? state.fieldErrors : {};

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await signUpAction(form);
      if (!result.ok) {
        setState(result);
        return;
      }
      const signedIn = await signIn('credentials', {
        email: String(form.get('email')),
        password: String(form.get('password')),
        redirect: false,
      });
      if (!signedIn || signedIn.error) {
        router.push('/sign-in');
        return;
      }
      await refreshSession();
      router.push('/dashboard');
      router.refresh();
    });
  }

  const describedBy = (field: Field, hint?: string) =>
    [hint, errors[field] ? `${field}-error` : undefined].filter(Boolean).join(' ') || undefined;

  const fieldError = (field: Field) =>
    errors[field] ? (
      <p id={`${field}-error`} className="field-error">
        {errors[field]?.join(' ')}
      </p>
    ) : null;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {state && !state.ok ? (
        <div role="alert" className="form-error" data-testid="form-error">
          {state.message}
        </div>
      ) : null}
      <div>
        <label htmlFor="name" className="label">
          Name
        </label>
        <input
          id="name"
          name="name"
          autoComplete="name"
          required
          maxLength={120}
          className="input"
          aria-invalid={Boolean(errors.name)}
          aria-describedby={describedBy('name')}
        />
        {fieldError('name')}
      </div>
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
          aria-invalid={Boolean(errors.email)}
          aria-describedby={describedBy('email')}
        />
        {fieldError('email')}
      </div>
      <div>
        <label htmlFor="password" className="label">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          className="input"
          aria-invalid={Boolean(errors.password)}
          aria-describedby={describedBy('password', 'password-hint')}
        />
        <p id="password-hint" className="hint">
          At least 10 characters, mixing letters with digits or symbols.
        </p>
        {fieldError('password')}
      </div>
      <button type="submit" className="btn btn-primary w-full" disabled={pending}>
        {pending ? 'Creating account…' : 'Create account'}
      </button>
    </form>
  );
}
