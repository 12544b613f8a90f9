import { availableParallelism } from 'node:os';
import { z } from 'zod';

/** Most worker processes one instance forks (each holds a Next server, ~150–250 MB). */
export const MAX_WORKERS = 16;
/** `auto` uses one worker per core, up to this many. */
export const AUTO_WORKERS_CAP = 4;

const MESSAGE = `WEB_CONCURRENCY must be "auto" or a whole number from 1 to ${MAX_WORKERS}`;
const workersSchema = z
  .string()
  .regex(/^(auto|\d{1,3})$/, MESSAGE)
  .transform((value) => (value === 'auto' ? ('auto' as const) : Number(value)))
  .refine((value) => value === 'auto' || (value >= 1 && value <= MAX_WORKERS), MESSAGE);

/**
 * How many worker processes the front door (scripts/server.ts) runs: `WEB_CONCURRENCY`, a number
 * or `auto` (the default: one per core, at most AUTO_WORKERS_CAP). Throws with a readable
 * message on a bad value. `cores` is injectable for tests.
 */
export function workerCount(
  source: Record<string, string | undefined>,
  cores: number = availableParallelism(),
): number {
  const raw = source.WEB_CONCURRENCY?.trim() || 'auto';
  const parsed = workersSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `Invalid environment configuration:\n  WEB_CONCURRENCY: ${MESSAGE} (got "${raw.slice(0, 40)}")`,
    );
  }
  return parsed.data === 'auto' ? Math.max(1, Math.min(AUTO_WORKERS_CAP, cores)) : parsed.data;
}
