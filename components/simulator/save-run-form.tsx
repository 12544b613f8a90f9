'use client';

import { useId, useState, useTransition } from 'react';

/** A server action that saves a run (passed in by the page; components never import app/). */
export type SaveRunAction = (input: {
  name: string;
  presetId: string | null;
  config: unknown;
  seed: number;
  script: unknown;
  steps: number;
}) => Promise<{ ok: true; id: string } | { ok: false; message: string }>;

/** Name + Save for signed-in users; the server replays the run to compute its summary. */
export function SaveRunForm({
  onSave,
  build,
}: {
  onSave: SaveRunAction;
  build: () => Omit<Parameters<SaveRunAction>[0], 'name'>;
}) {
  const id = useId();
  const [name, setName] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const result = await onSave({ name, ...build() });
          setStatus(
            result.ok
              ? { ok: true, text: 'Saved. It is listed under “Your saved runs”.' }
              : { ok: false, text: result.message },
          );
        });
      }}
    >
      <label className="label" htmlFor={`${id}-name`}>
        Run name
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id={`${id}-name`}
          className="input max-w-xs"
          value={name}
          maxLength={80}
          required
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="btn btn-secondary" disabled={pending}>
          {pending ? 'Saving…' : 'Save run'}
        </button>
      </div>
      <p role="status" className={status?.ok === false ? 'field-error' : 'text-sm text-muted'}>
        {status?.text ?? ''}
      </p>
    </form>
  );
}
