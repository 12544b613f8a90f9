'use client';

import { useActionState, useEffect, useId, useRef } from 'react';
import type { AccountActionState } from '@/components/account/account-state';

type Action = (previous: AccountActionState, formData: FormData) => Promise<AccountActionState>;

/** Shared behaviour: a full page load after actions that end the session; focus on the outcome. */
function useAccountAction(action: Action) {
  const [state, formAction, pending] = useActionState(action, null);
  const statusRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state?.ok && state.redirectTo) {
      // A full load, not a client navigation: it drops every cache that held the user's data.
      window.location.assign(state.redirectTo);
      return;
    }
    if (state) statusRef.current?.focus();
  }, [state]);
  return { state, formAction, pending, statusRef };
}

function Status({
  state,
  statusRef,
}: {
  state: AccountActionState;
  statusRef: React.RefObject<HTMLDivElement | null>;
}) {
  if (!state) return null;
  return (
    <div
      ref={statusRef}
      tabIndex={-1}
      role={state.ok ? 'status' : 'alert'}
      className={state.ok ? 'form-notice' : 'form-error'}
    >
      {state.message}
    </div>
  );
}

function Field({
  id,
  name,
  label,
  type = 'text',
  autoComplete,
  defaultValue,
  state,
  hint,
}: {
  id: string;
  name: string;
  label: string;
  type?: string;
  autoComplete?: string;
  defaultValue?: string;
  state: AccountActionState;
  hint?: string;
}) {
  const error = state && !state.ok ? state.fieldErrors[name]?.join(' ') : undefined;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        required
        className="input"
        aria-invalid={Boolean(error)}
        aria-describedby={describedBy || undefined}
      />
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function NameForm({ action, name }: { action: Action; name: string }) {
  const { state, formAction, pending, statusRef } = useAccountAction(action);
  const id = useId();
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <Status state={state} statusRef={statusRef} />
      <Field
        id={`${id}-name`}
        name="name"
        label="Name"
        autoComplete="name"
        defaultValue={name}
        state={state}
      />
      <button type="submit" className="btn btn-secondary" disabled={pending}>
        {pending ? 'Saving…' : 'Save name'}
      </button>
    </form>
  );
}

export function ChangePasswordForm({ action }: { action: Action }) {
  const { state, formAction, pending, statusRef } = useAccountAction(action);
  const id = useId();
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <Status state={state} statusRef={statusRef} />
      <Field
        id={`${id}-current`}
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        state={state}
      />
      <Field
        id={`${id}-new`}
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        state={state}
        hint="At least 10 characters, mixing letters with digits or symbols."
      />
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? 'Changing…' : 'Change password'}
      </button>
    </form>
  );
}

export function SignOutEverywhereForm({ action, count }: { action: Action; count: number }) {
  const { state, formAction, pending, statusRef } = useAccountAction(action);
  return (
    <form action={formAction} className="space-y-3">
      <Status state={state} statusRef={statusRef} />
      <button type="submit" className="btn btn-secondary" disabled={pending}>
        {pending
          ? 'Signing out…'
          : `Sign out everywhere (${count} session${count === 1 ? '' : 's'})`}
      </button>
    </form>
  );
}

export function DeleteAccountForm({ action }: { action: Action }) {
  const { state, formAction, pending, statusRef } = useAccountAction(action);
  const id = useId();
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <Status state={state} statusRef={statusRef} />
      <Field
        id={`${id}-confirm`}
        name="confirmation"
        label="Confirm with your password"
        type="password"
        autoComplete="current-password"
        state={state}
        hint="Accounts that use single sign-on type their email address instead."
      />
      <button type="submit" className="btn btn-danger" disabled={pending}>
        {pending ? 'Deleting…' : 'Delete my account and all its data'}
      </button>
    </form>
  );
}
