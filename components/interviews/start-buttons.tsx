'use client';

import { useActionState } from 'react';

type StartAction = (
  previous: { message: string } | null,
  formData: FormData,
) => Promise<{ message: string } | null>;

/** "Practise alone" and "Host a live session" for one template. */
export function StartButtons({
  templateId,
  title,
  startSolo,
  hostLive,
}: {
  templateId: string;
  title: string;
  startSolo: StartAction;
  hostLive: StartAction;
}) {
  const [soloState, soloAction, soloPending] = useActionState(startSolo, null);
  const [liveState, liveAction, livePending] = useActionState(hostLive, null);
  const error = soloState?.message ?? liveState?.message;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <form action={soloAction}>
          <input type="hidden" name="templateId" value={templateId} />
          <button
            type="submit"
            className="btn btn-primary"
            disabled={soloPending}
            aria-label={`Practise alone: ${title}`}
          >
            Practise alone
          </button>
        </form>
        <form action={liveAction}>
          <input type="hidden" name="templateId" value={templateId} />
          <button
            type="submit"
            className="btn btn-secondary"
            disabled={livePending}
            aria-label={`Host a live session: ${title}`}
          >
            Host a live session
          </button>
        </form>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
