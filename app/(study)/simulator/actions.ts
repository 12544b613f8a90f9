'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/session';
import { simConfigSchema } from '@/lib/sim/config';
import { intentSchema } from '@/lib/sim/intents';
import {
  createSimulatorRun,
  deleteSimulatorRun,
  MAX_SAVED_STEPS,
  SimulatorRunError,
} from '@/lib/simulator/runs';
import { parseActionForm } from '@/lib/security/action-input';
import { displayNameSchema } from '@/lib/security/text';

// Thin actions: parse with zod, take the user from the session (never from the input), call lib.

/** Result of a save. */
export type SaveRunResult =
  { ok: true; id: string } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

const saveSchema = z.object({
  name: displayNameSchema({ min: 1, max: 80, label: 'run name' }),
  presetId: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .max(60)
    .nullable(),
  config: simConfigSchema,
  seed: z.number().int().min(0).max(4294967295),
  script: z
    .array(z.object({ at: z.number().int().min(0).max(MAX_SAVED_STEPS), intent: intentSchema }))
    .max(50),
  steps: z
    .number()
    .int()
    .min(0)
    .max(MAX_SAVED_STEPS, { error: `Saved runs replay at most ${MAX_SAVED_STEPS} steps.` }),
});

function failure(error: unknown): { ok: false; message: string } {
  if (error instanceof SimulatorRunError) return { ok: false, message: error.message };
  console.error(error);
  return { ok: false, message: 'Something went wrong. Please try again.' };
}

/** Saves the current run for the signed-in user. */
export async function saveSimulatorRunAction(input: unknown): Promise<SaveRunResult> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: 'Sign in to save runs.' };
  const parsed = saveSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
    return { ok: false, message: parsed.error.issues[0]?.message ?? 'Invalid run.', fieldErrors };
  }
  try {
    const { id } = await createSimulatorRun({ userId: user.id, ...parsed.data });
    revalidatePath('/simulator');
    return { ok: true, id };
  } catch (error) {
    return failure(error);
  }
}

/** Deletes one of the signed-in user's runs (form action). */
export async function deleteSimulatorRunAction(formData: unknown): Promise<void> {
  const user = await getCurrentUser();
  const parsed = parseActionForm(z.object({ runId: z.string().min(1).max(40) }), formData);
  if (!user || !parsed.ok) return;
  try {
    await deleteSimulatorRun({ userId: user.id, runId: parsed.data.runId });
  } catch (error) {
    if (!(error instanceof SimulatorRunError)) console.error(error);
  }
  revalidatePath('/simulator');
}
