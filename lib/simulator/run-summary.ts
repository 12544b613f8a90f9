import { z } from 'zod';
import type { SimConfig } from '@/lib/sim/config';
import type { Intent } from '@/lib/sim/intents';
import { replayRun } from '@/lib/sim/replay';

// The summary stored with a saved run, recomputed by replaying it (no database, no auth:
// the demo seed uses it too).

export const summarySchema = z.object({
  steps: z.number().int(),
  nowMs: z.number(),
  p50Ms: z.number(),
  p99Ms: z.number(),
  errorRate: z.number(),
  throughputRps: z.number(),
  encryptedShare: z.number(),
  cpuVcpu: z.number(),
  memoryMiB: z.number(),
  decisions: z.number().int(),
});

/** Replays a run and returns the summary stored with it (also used by the demo seed). */
export function replaySummary(
  config: SimConfig,
  seed: number,
  script: { at: number; intent: Intent }[],
  steps: number,
) {
  const sim = replayRun(config, seed, script, steps);
  const s = sim.summarize();
  return summarySchema.parse({
    steps,
    nowMs: s.nowMs,
    p50Ms: s.endToEnd.p50Ms,
    p99Ms: s.endToEnd.p99Ms,
    errorRate: s.endToEnd.errorRate,
    throughputRps: s.endToEnd.throughputRps,
    encryptedShare: s.security.encryptedShare,
    cpuVcpu: s.dataPlane.cpuVcpu,
    memoryMiB: s.dataPlane.memoryMiB,
    decisions: s.decisions.length,
  });
}
