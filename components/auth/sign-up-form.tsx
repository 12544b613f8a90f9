'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import Link from '@/components/ui/app-link';
import { useEffect, useRef, useState, useTransition } from 'react';
import { refreshSession } from '@/components/layout/client-session';
import type { SignUpState } from '@/lib/auth/accounts';

type Field = 'name' | 'email' | 'password';

const FIELD_LABELS: Record<Field, string> = { name: 'Name', email: 'Email', password: 'Password' };

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
  const summaryRef = useRef<HTMLDivElement>(null);

  // After a failed attempt focus moves to the error summary, which links to each field.
  useEffect(() => {
    if (state && !state.ok) summaryRef.current?.focus();
  }, [state]);

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
        // Also the path of an email that already had an account: the page says what to do
        // without confirming that the account exists.
        router.push('/sign-in?notice=signup-existing');
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
        <div
          ref={summaryRef}
          tabIndex={-1}
          role="alert"
          aria-labelledby="sign-up-error-title"
          className="form-error space-y-1"
          data-testid="form-error"
        >
          <p id="sign-up-error-title">{state.message}</p>
          {Object.keys(errors).length > 0 ? (
            <ul className="list-disc pl-5 text-sm">
              {(Object.keys(errors) as Field[]).map((field) => (
                <li key={field}>
                  <a href={`#${field}`}>{FIELD_LABELS[field]}</a>
                </li>
              ))}
            </ul>
          ) : null}
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
      <p className="text-sm text-muted">
        Already have an account? <Link href="/sign-in">Sign in instead</Link>
      </p>
    </form>
  );
}
