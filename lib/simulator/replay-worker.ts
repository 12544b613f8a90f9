/**
 * worker_threads entry (bundled to .sim/replay-worker.mjs by scripts/build-sim.mjs): runs one
 * replay job per message, off the server's request thread. The parent terminates the worker
 * when a job exceeds its wall-clock timeout.
 */
import { parentPort } from 'node:worker_threads';
import { runReplayJob } from './replay-job';
import type { ReplayJob } from './replay-job';

parentPort?.on('message', (job: ReplayJob) => {
  try {
    parentPort?.postMessage({ outcome: runReplayJob(job) });
  } catch (e) {
    parentPort?.postMessage({ error: e instanceof Error ? e.message : String(e) });
  }
});
