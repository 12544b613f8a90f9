/**
 * Preset schema (presets live in content/simulator/presets/<id>.json and are loaded by the
 * server-only loader in lib/content/simulator-presets.ts; lib/sim never reads files).
 */
import { z } from 'zod';
import { simConfigSchema } from './config';
import { intentListSchema } from './intents';

/** A simulator preset: a config, a seed and a queue of intents to step through. */
export const presetSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(3).max(80),
  description: z.string().min(10).max(600),
  /** What the learner should watch, one item per step or metric. */
  observe: z.array(z.string().min(5).max(300)).min(1).max(8),
  /** Lessons this preset illustrates. */
  lessonIds: z.array(z.string()).default([]),
  config: simConfigSchema,
  seed: z.number().int().min(0).max(4294967295),
  intents: intentListSchema,
});
/** A validated preset. */
export type Preset = z.infer<typeof presetSchema>;
/** A preset as authored. */
export type PresetInput = z.input<typeof presetSchema>;
