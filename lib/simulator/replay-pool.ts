import 'server-only';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ReplayJob, ReplayOutcome } from './replay-job';

// Server-side replays run in a worker_threads worker with a wall-clock timeout, so saving a
// run or checking a challenge never blocks other requests (e.g. /api/health). The worker is the
// esbuild bundle .sim/replay-worker.mjs (built on install; rebuilt here if missing or stale).

/** Wall-clock limit of one replay. */
export const REPLAY_TIMEOUT_MS = 10_000;

/** A replay that did not finish: over budget, too slow, or the worker failed. */
export type ReplayFailure = { ok: false; reason: 'budget' | 'timeout' | 'crash'; message: string };

let built = false;
function workerFile(): string {
  const root = process.cwd();
  const file = path.join(root, '.sim', 'replay-worker.mjs');
  if (!built || !existsSync(file)) {
    // Builds only when a source is newer than the bundle (a few ms when up to date).
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build-sim.mjs'), '--if-stale'], {
      cwd: root,
      stdio: 'ignore',
      timeout: 60_000,
    });
    built = true;
  }
  return file;
}

/** Runs one replay job in a fresh worker; resolves with its outcome or a failure. */
export function replayInWorker(
  job: ReplayJob,
  { timeoutMs = REPLAY_TIMEOUT_MS }: { timeoutMs?: number } = {},
): Promise<ReplayOutcome | ReplayFailure> {
  const worker = new Worker(workerFile());
  return new Promise((resolve) => {
    let done = false;
    const finish = (r: ReplayOutcome | ReplayFailure) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(r);
    };
    const timer = setTimeout(
      () =>
        finish({
          ok: false,
          reason: 'timeout',
          message: `replaying this run took longer than ${timeoutMs / 1000} s and was stopped; lower the request rate or the number of steps`,
        }),
      timeoutMs,
    );
    worker.on('message', (m: { outcome?: ReplayOutcome; error?: string }) =>
      finish(m.outcome ?? { ok: false, reason: 'crash', message: m.error ?? 'the replay failed' }),
    );
    worker.on('error', (e) => finish({ ok: false, reason: 'crash', message: e.message }));
    worker.on('exit', () =>
      finish({ ok: false, reason: 'crash', message: 'the replay worker stopped unexpectedly' }),
    );
    worker.postMessage(job);
  });
}
