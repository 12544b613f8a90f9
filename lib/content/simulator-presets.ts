import 'server-only';
import path from 'node:path';
import type { Preset } from '@/lib/sim/presets';
import { ContentError } from './content-error';
import { processCached } from './process-cache';
import { readPresetDir } from './simulator-preset-pack';

// Server-only access to simulator presets for pages, lessons and scenarios. Invalid presets
// throw a ContentError naming the file and the field.

const PRESET_DIR = path.join(process.cwd(), 'content', 'simulator', 'presets');

/** List entry for menus. */
export type SimulatorPresetSummary = { id: string; title: string; description: string };

// Read once per process, not once per request: the simulator page is dynamic.
const loadAll = processCached(async (): Promise<Preset[]> => {
  const { presets, problems } = await readPresetDir(PRESET_DIR);
  if (problems.length > 0) throw new ContentError(problems);
  return presets;
});

/** Every preset, sorted by id. */
export async function listSimulatorPresets(): Promise<SimulatorPresetSummary[]> {
  return (await loadAll()).map(({ id, title, description }) => ({ id, title, description }));
}

/** One preset by id, or null when there is none. */
export async function getSimulatorPreset(id: string): Promise<Preset | null> {
  return (await loadAll()).find((p) => p.id === id) ?? null;
}
