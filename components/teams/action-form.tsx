'use client';

import { useActionState } from 'react';
import type { TeamActionState } from './action-state';

type Props = {
  action: (previous: TeamActionState, formData: FormData) => Promise<TeamActionState>;
  submitLabel: string;
  hidden?: Record<string, string>;
  children?: React.ReactNode;
  className?: string;
  variant?: 'primary' | 'secondary' | 'ghost';
  /** Accessible name for the form (landmark-free, used by tests and screen readers). */
  label?: string;
};

/** A form posting to a team server action; shows its message (and a one-time link) after it runs. */
export function ActionForm({
  action,
  submitLabel,
  hidden,
  children,
  className,
  variant = 'secondary',
  label,
}: Props) {
  const [state, formAction, isPending] = useActionState(action, null);
  return (
    <form action={formAction} className={className ?? 'space-y-3'} aria-label={label}>
      {hidden &&
        Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
      {children}
      <button type="submit" className={`btn btn-${variant}`} disabled={isPending}>
        {isPending ? 'Working…' : submitLabel}
      </button>
      {state && (
        <div
          role={state.ok ? 'status' : 'alert'}
          className={state.ok ? 'text-sm text-success' : 'form-error text-sm'}
        >
          <p>{state.message}</p>
          {state.link && (
            <p className="mt-1 break-all">
              <label className="label" htmlFor={`link-${submitLabel.replace(/\W+/g, '-')}`}>
                Link (shown once)
              </label>
              <input
                id={`link-${submitLabel.replace(/\W+/g, '-')}`}
                className="input font-mono text-xs"
                readOnly
                value={state.link}
                data-testid="one-time-link"
              />
            </p>
          )}
        </div>
      )}
    </form>
  );
}
