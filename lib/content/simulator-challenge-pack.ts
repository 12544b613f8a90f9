import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { challengeSchema } from '@/lib/sim/challenges';
import type { Challenge } from '@/lib/sim/challenges';
import { applyIntent, validateIntent } from '@/lib/sim/control-plane';
import { PRESET_IDS } from '@/lib/sim/preset-ids';
import type { Preset } from '@/lib/sim/presets';
import type { ContentChecker } from './content-error';
import { formatZodIssues } from './content-error';
import { LESSON_IDS } from './schemas';
import { readPresetDir } from './simulator-preset-pack';

// Reads and validates simulator challenges (content/simulator/challenges/<id>.json): the schema,
// a known preset, setup intents valid on that preset's config, services that exist, lesson ids.
// No 'server-only' so `npm run content:check` and the tests can use it.

/** A challenge with its preset's config and seed resolved. */
export type LoadedChallenge = Challenge & { preset: Pick<Preset, 'id' | 'title' | 'config' | 'seed'> };

/** Reads every challenge in `dir`, resolving presets from `presetDir`. */
export async function readChallengeDir(
  dir: string,
  presetDir: string,
): Promise<{ challenges: LoadedChallenge[]; problems: string[] }> {
  const problems: string[] = [];
  const challenges: LoadedChallenge[] = [];
  const { presets } = await readPresetDir(presetDir);
  const byId = new Map(presets.map((p) => [p.id, p]));
  const lessons = new Set<string>(LESSON_IDS);
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  for (const file of files) {
    const rel = path.join('content/simulator/challenges', file);
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(path.join(dir, file), 'utf8'));
    } catch (error) {
      problems.push(`${rel}: (root): ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const parsed = challengeSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(...formatZodIssues(rel, parsed.error.issues));
      continue;
    }
    const ch = parsed.data;
    const before = problems.length;
    if (`${ch.id}.json` !== file) problems.push(`${rel}: id: must equal the file name`);
    const preset = byId.get(ch.presetId);
    if (!preset || !(PRESET_IDS as readonly string[]).includes(ch.presetId)) {
      problems.push(`${rel}: presetId: unknown preset "${ch.presetId}"`);
      continue;
    }
    let config = preset.config;
    ch.setup.forEach((intent, i) => {
      const error = validateIntent(config, intent);
      if (error) problems.push(`${rel}: setup[${i}]: ${error}`);
      else config = applyIntent(config, intent);
    });
    const services = new Set(preset.config.services.map((s) => s.name));
    ch.conditions.forEach((c, i) => {
      const name = c.kind === 'metric' || c.kind === 'baseline' ? c.scope : c.kind === 'mtls' ? c.service : null;
      if (name !== null && name !== 'endToEnd' && !services.has(name))
        problems.push(`${rel}: conditions[${i}]: unknown service "${name}"`);
    });
    ch.lessonIds.forEach((id, i) => {
      if (!lessons.has(id)) problems.push(`${rel}: lessonIds[${i}]: unknown lesson "${id}"`);
    });
    if (problems.length > before) continue;
    challenges.push({
      ...ch,
      preset: { id: preset.id, title: preset.title, config: preset.config, seed: preset.seed },
    });
  }
  return { challenges, problems };
}

/** `content:check` entry for simulator challenges. */
export const simulatorChallengeChecker: ContentChecker = {
  name: 'simulator challenges',
  async check(contentRoot) {
    const { challenges, problems } = await readChallengeDir(
      path.join(contentRoot, 'simulator', 'challenges'),
      path.join(contentRoot, 'simulator', 'presets'),
    );
    return { problems, summary: `${challenges.length} challenges` };
  },
};
