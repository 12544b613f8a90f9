import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { applyIntent, validateIntent } from '@/lib/sim/control-plane';
import { presetSchema } from '@/lib/sim/presets';
import { PRESET_IDS } from '@/lib/sim/preset-ids';
import type { Preset } from '@/lib/sim/presets';
import type { ContentChecker } from './content-error';
import { formatZodIssues } from './content-error';

// Reads and validates simulator presets (content/simulator/presets/<id>.json). No 'server-only'
// here so `npm run content:check` (plain tsx) can use it; pages use simulator-presets.ts.

/** Reads every preset in `dir`; returns the valid ones and `<file>: <field>: <message>` problems. */
export async function readPresetDir(dir: string): Promise<{ presets: Preset[]; problems: string[] }> {
  const problems: string[] = [];
  const presets: Preset[] = [];
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  for (const file of files) {
    const rel = path.join('content/simulator/presets', file);
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(path.join(dir, file), 'utf8'));
    } catch (error) {
      problems.push(`${rel}: (root): ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const parsed = presetSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(...formatZodIssues(rel, parsed.error.issues));
      continue;
    }
    const preset = parsed.data;
    if (`${preset.id}.json` !== file) problems.push(`${rel}: id: must equal the file name`);
    // Every intent must be valid at the step where it is taken.
    let config = preset.config;
    preset.intents.forEach((intent, i) => {
      const error = validateIntent(config, intent);
      if (error) problems.push(`${rel}: intents[${i}]: ${error}`);
      else config = applyIntent(config, intent);
    });
    presets.push(preset);
  }
  const ids = new Set(presets.map((p) => p.id));
  for (const id of PRESET_IDS) if (!ids.has(id)) problems.push(`content/simulator/presets/${id}.json: missing preset`);
  return { presets, problems };
}

/** `content:check` entry for simulator presets. */
export const simulatorPresetChecker: ContentChecker = {
  name: 'simulator presets',
  async check(contentRoot) {
    const { presets, problems } = await readPresetDir(path.join(contentRoot, 'simulator', 'presets'));
    return { problems, summary: `${presets.length} presets` };
  },
};
