import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { trackTemplateSchema, type TrackTemplate } from '@/lib/tracks/schema';
import type { ContentChecker } from './content-error';
import { formatZodIssues } from './content-error';
import { readScenarioDir } from './scenario-pack';
import { readInterviewPack } from './interview-pack';
import { readChallengeDir } from './simulator-challenge-pack';

// Track templates (content/tracks/<id>.json). No `server-only` marker so `content:check` can
// use it; pages go through lib/teams. Scenario refs must name existing scenarios.

export const TRACK_TEMPLATE_DIR = path.join('content', 'tracks');

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return (relative.startsWith('..') ? file : relative).split(path.sep).join('/');
}

/** Reads and validates every template; problems are `<file>: <field>: <message>` lines. */
export async function readTrackTemplates(
  dir: string,
  scenarioIds: ReadonlySet<string>,
  /** Known ids of the other areas, checked when given (content:check gives them). */
  refs: { interviewIds?: ReadonlySet<string>; challengeIds?: ReadonlySet<string> } = {},
): Promise<{ templates: TrackTemplate[]; problems: string[] }> {
  const problems: string[] = [];
  let names: string[];
  try {
    names = (await readdir(/* turbopackIgnore: true */ dir)).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return { templates: [], problems: [`${displayPath(dir)}: track template directory is missing`] };
  }
  const templates: TrackTemplate[] = [];
  for (const name of names) {
    const file = path.join(/* turbopackIgnore: true */ dir, name);
    const shown = displayPath(file);
    let json: unknown;
    try {
      json = JSON.parse(await readFile(/* turbopackIgnore: true */ file, 'utf8'));
    } catch (error) {
      problems.push(`${shown}: (root): invalid JSON (${(error as Error).message})`);
      continue;
    }
    const parsed = trackTemplateSchema.safeParse(json);
    if (!parsed.success) {
      problems.push(...formatZodIssues(shown, parsed.error.issues));
      continue;
    }
    if (name !== `${parsed.data.id}.json`) problems.push(`${shown}: id: file must be named ${parsed.data.id}.json`);
    parsed.data.items.forEach((item, index) => {
      if (item.kind === 'scenario' && !scenarioIds.has(item.ref))
        problems.push(`${shown}: items[${index}].ref: unknown scenario "${item.ref}"`);
      if (item.kind === 'mock-interview' && refs.interviewIds && !refs.interviewIds.has(item.ref))
        problems.push(`${shown}: items[${index}].ref: unknown interview template "${item.ref}"`);
      if (
        item.kind === 'simulator-challenge' &&
        refs.challengeIds &&
        !refs.challengeIds.has(item.ref)
      )
        problems.push(`${shown}: items[${index}].ref: unknown simulator challenge "${item.ref}"`);
    });
    templates.push(parsed.data);
  }
  if (templates.length === 0 && problems.length === 0) problems.push(`${displayPath(dir)}: no templates found`);
  return { templates, problems };
}

/** `content:check` entry for track templates. */
export const trackTemplateChecker: ContentChecker = {
  name: 'track templates',
  async check(contentRoot) {
    const [{ scenarios }, interviews, { challenges }] = await Promise.all([
      readScenarioDir(path.join(contentRoot, 'service-mesh', 'scenarios')),
      readInterviewPack(contentRoot),
      readChallengeDir(
        path.join(contentRoot, 'simulator', 'challenges'),
        path.join(contentRoot, 'simulator', 'presets'),
      ),
    ]);
    const { templates, problems } = await readTrackTemplates(
      path.join(contentRoot, 'tracks'),
      new Set(scenarios.map((s) => s.id)),
      {
        interviewIds: new Set(interviews.templates.map((t) => t.id)),
        challengeIds: new Set(challenges.map((c) => c.id)),
      },
    );
    return { problems, summary: `${templates.length} templates` };
  },
};
