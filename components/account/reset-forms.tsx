'use client';

import { useActionState, useEffect, useRef } from 'react';
import type { AccountActionState } from '@/components/account/account-state';

type Action = (previous: AccountActionState, formData: FormData) => Promise<AccountActionState>;

function useResetAction(action: Action) {
  const [state, formAction, pending] = useActionState(action, null);
  const statusRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state?.ok && state.redirectTo) window.location.assign(state.redirectTo);
    else if (state) statusRef.current?.focus();
  }, [state]);
  const status = state ? (
    <div
      ref={statusRef}
      tabIndex={-1}
      role={state.ok ? 'status' : 'alert'}
      className={state.ok ? 'form-notice' : 'form-error'}
      data-testid="reset-status"
    >
      {state.message}
    </div>
  ) : null;
  const error = (field: string) =>
    state && !state.ok ? state.fieldErrors[field]?.join(' ') : undefined;
  return { state, formAction, pending, status, error };
}

export function ForgotPasswordForm({ action }: { action: Action }) {
  const { formAction, pending, status, error } = useResetAction(action);
  const emailError = error('email');
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {status}
      <div>
        <label htmlFor="reset-email" className="label">
          Email
        </label>
        <input
          id="reset-email"
          name="email"
          type="email"
          autoComplete="email"
          required
          className="input"
          aria-invalid={Boolean(emailError)}
        />
      </div>
      <button type="submit" className="btn btn-primary w-full" disabled={pending}>
        {pending ? 'Sending…' : 'Send reset link'}
      </button>
    </form>
  );
}

export function ResetPasswordForm({ action, token }: { action: Action; token: string }) {
  const { formAction, pending, status, error } = useResetAction(action);
  const passwordError = error('newPassword');
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {status}
      <input type="hidden" name="token" value={token} />
      <div>
        <label htmlFor="new-password" className="label">
          New password
        </label>
        <input
          id="new-password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          className="input"
          aria-invalid={Boolean(passwordError)}
          aria-describedby={
            passwordError ? 'new-password-hint new-password-error' : 'new-password-hint'
          }
        />
        <p id="new-password-hint" className="hint">
          At least 10 characters, mixing letters with digits or symbols.
        </p>
        {passwordError ? (
          <p id="new-password-error" className="field-error">
            {passwordError}
          </p>
        ) : null}
      </div>
      <button type="submit" className="btn btn-primary w-full" disabled={pending}>
        {pending ? 'Saving…' : 'Set new password'}
      </button>
    </form>
  );
}
