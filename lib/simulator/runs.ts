import 'server-only';
import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { cachedForUser, invalidateUserData } from '@/lib/cache/user-data';
import { simConfigSchema } from '@/lib/sim/config';
import type { SimConfig } from '@/lib/sim/config';
import { summarySchema } from './run-summary';
import { intentSchema } from '@/lib/sim/intents';
import type { Intent } from '@/lib/sim/intents';
import { replayInWorker } from './replay-pool';

// Saved simulator runs. A run is (config, seed, scripted intents, steps); the summary is
// recomputed here by replaying it (the engine is deterministic), never taken from the client.
// Every function re-checks that the signed-in user owns the rows it touches.

/** Most runs one user may keep. */
export const MAX_RUNS_PER_USER = 50;
/** Most control-loop steps a saved run may replay (bounds the server-side replay cost). */
export const MAX_SAVED_STEPS = 60;

export type SimulatorRunErrorCode = 'forbidden' | 'limit' | 'not-found' | 'budget';

export class SimulatorRunError extends Error {
  readonly code: SimulatorRunErrorCode;
  constructor(code: SimulatorRunErrorCode, message: string) {
    super(message);
    this.name = 'SimulatorRunError';
    this.code = code;
  }
}

const scriptSchema = z
  .array(z.object({ at: z.number().int().min(0).max(MAX_SAVED_STEPS), intent: intentSchema }))
  .max(50);

/** A run as listed for its owner. */
export type SimulatorRunDto = {
  id: string;
  name: string;
  presetId: string | null;
  createdAt: Date;
  config: SimConfig;
  seed: number;
  script: { at: number; intent: Intent }[];
  summary: z.infer<typeof summarySchema>;
};

async function authorize(userId: string): Promise<void> {
  const user = await getCurrentUser();
  if (!user || user.id !== userId)
    throw new SimulatorRunError('forbidden', 'You can only access your own simulator runs.');
}

async function replay(
  config: SimConfig,
  seed: number,
  script: { at: number; intent: Intent }[],
  steps: number,
) {
  // Off the request thread, with an event budget (checked up front and while running) and a
  // wall-clock timeout: one oversized run cannot stall the server.
  const r = await replayInWorker({ config, seed, script, steps });
  if (!r.ok) throw new SimulatorRunError('budget', `This run cannot be saved: ${r.message}.`);
  const s = r.total;
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

/** Saves a run for its owner after replaying it; returns the new run's id. */
export async function createSimulatorRun(input: {
  userId: string;
  name: string;
  presetId: string | null;
  config: SimConfig;
  seed: number;
  script: { at: number; intent: Intent }[];
  steps: number;
}): Promise<{ id: string }> {
  await authorize(input.userId);
  const count = await db.simulatorRun.count({ where: { userId: input.userId } });
  if (count >= MAX_RUNS_PER_USER)
    throw new SimulatorRunError(
      'limit',
      `You can keep up to ${MAX_RUNS_PER_USER} runs; delete one first.`,
    );
  const summary = await replay(
    input.config,
    input.seed,
    input.script,
    Math.min(input.steps, MAX_SAVED_STEPS),
  );
  return db.simulatorRun
    .create({
      data: {
        userId: input.userId,
        name: input.name,
        presetId: input.presetId,
        config: JSON.stringify(input.config),
        seed: input.seed,
        intents: JSON.stringify(input.script),
        summary: JSON.stringify(summary),
      },
      select: { id: true },
    })
    .finally(() => invalidateUserData(input.userId));
}

/** The owner's runs, newest first. Rows that no longer parse (schema drift) are skipped. */
export async function listSimulatorRuns({
  userId,
}: {
  userId: string;
}): Promise<SimulatorRunDto[]> {
  await authorize(userId);
  return cachedForUser(userId, 'simulator-runs', () => readSimulatorRuns(userId));
}

async function readSimulatorRuns(userId: string): Promise<SimulatorRunDto[]> {
  const rows = await db.simulatorRun.findMany({
    where: { userId },
    orderBy: { createdAt: 'desc' },
    take: MAX_RUNS_PER_USER,
    select: {
      id: true,
      name: true,
      presetId: true,
      createdAt: true,
      config: true,
      seed: true,
      intents: true,
      summary: true,
    },
  });
  const out: SimulatorRunDto[] = [];
  for (const row of rows) {
    try {
      const config = simConfigSchema.safeParse(JSON.parse(row.config));
      const script = scriptSchema.safeParse(JSON.parse(row.intents));
      const summary = summarySchema.safeParse(JSON.parse(row.summary));
      if (!config.success || !script.success || !summary.success) continue;
      out.push({
        id: row.id,
        name: row.name,
        presetId: row.presetId,
        createdAt: row.createdAt,
        config: config.data,
        seed: row.seed,
        script: script.data,
        summary: summary.data,
      });
    } catch {
      continue;
    }
  }
  return out;
}

/** Deletes one of the owner's runs. */
export async function deleteSimulatorRun({
  userId,
  runId,
}: {
  userId: string;
  runId: string;
}): Promise<void> {
  await authorize(userId);
  const { count } = await db.simulatorRun
    .deleteMany({ where: { id: runId, userId } })
    .finally(() => invalidateUserData(userId));
  if (count === 0) throw new SimulatorRunError('not-found', 'That run does not exist.');
}
