'use client';

import { useState, useTransition } from 'react';
import type { ChallengeVerdict } from '@/lib/sim/challenges';
import type { ScriptEntry } from './sim-host';

/** A server action that checks a challenge attempt (passed in by the page). */
export type CheckChallengeAction = (input: {
  challengeId: string;
  script: ScriptEntry[];
  steps: number;
}) => Promise<
  { ok: true; verdict: ChallengeVerdict; stored: boolean } | { ok: false; message: string }
>;

/** "Check my run": the server replays the run and explains each condition. */
export function ChallengeCheck({
  challengeId,
  onCheck,
  build,
  signedIn,
}: {
  challengeId: string;
  onCheck: CheckChallengeAction;
  build: () => { script: ScriptEntry[]; steps: number };
  signedIn: boolean;
}) {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<Awaited<ReturnType<CheckChallengeAction>> | null>(null);
  return (
    <section aria-labelledby="challenge-check-h" className="card space-y-3">
      <h2 id="challenge-check-h" className="text-lg">
        Check your run
      </h2>
      <p className="text-sm text-muted">
        The server replays your run from the challenge’s start and judges the last step’s window.{' '}
        {signedIn ? 'Your result is saved.' : 'Sign in to keep your results.'}
      </p>
      <button
        type="button"
        className="btn btn-primary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => setResult(await onCheck({ challengeId, ...build() })))
        }
      >
        {pending ? 'Checking…' : 'Check my run'}
      </button>
      <div role="status" aria-live="polite" data-testid="challenge-verdict">
        {result && !result.ok && <p className="field-error">{result.message}</p>}
        {result?.ok && (
          <div className="space-y-2">
            <p
              className={`font-semibold ${result.verdict.passed ? 'text-success' : 'text-danger'}`}
            >
              {result.verdict.passed
                ? 'Passed: every condition holds.'
                : `Not yet: ${result.verdict.conditions.filter((c) => !c.passed).length} condition(s) failed.`}
            </p>
            <ul className="space-y-1 text-sm">
              {result.verdict.conditions.map((c) => (
                <li key={c.label}>
                  <span className="font-semibold">{c.passed ? '✓ Met' : '✗ Not met'}:</span>{' '}
                  {c.label}. <span className="text-muted">{c.detail}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}
