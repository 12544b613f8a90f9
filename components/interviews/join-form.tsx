'use client';

import { useActionState } from 'react';

type JoinAction = (
  previous: { message: string } | null,
  formData: FormData,
) => Promise<{ message: string } | null>;

export function JoinForm({ token, join }: { token: string; join: JoinAction }) {
  const [state, action, pending] = useActionState(join, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="token" value={token} />
      <button type="submit" className="btn btn-primary" disabled={pending}>
        Join as the candidate
      </button>
      {state?.message && (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      )}
    </form>
  );
}
