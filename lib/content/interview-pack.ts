import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Preset } from '@/lib/sim/presets';
import { ContentError, formatZodIssues, type ContentChecker } from './content-error';
import { interviewTemplateSchema, type InterviewTemplate } from './interview-schema';
import { readScenarioDir } from './scenario-pack';
import { readPresetDir } from './simulator-preset-pack';

// File-system loading of interview templates (no `server-only` marker so `content:check` can
// use it; pages go through interviews.ts). Cross-checks: every scenario id exists, and every
// fault intent names a service or caller of the template's simulator preset.

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return (relative.startsWith('..') ? file : relative).split(path.sep).join('/');
}

/** Names an intent refers to (services, callers), for the cross-check against the preset. */
function intentNames(intent: InterviewTemplate['simulator']['faults'][number]['intents'][number]) {
  const names: string[] = [];
  if ('service' in intent) names.push(intent.service);
  if ('caller' in intent) names.push(intent.caller);
  if (intent.type === 'add-deny') names.push(intent.from);
  if (intent.type === 'set-allow' && intent.from) names.push(...intent.from);
  return names;
}

/** Reads and validates every `*.json` in `dir` against the scenarios and presets given. */
export async function readInterviewDir(
  dir: string,
  refs: { scenarioIds: ReadonlySet<string>; presets: readonly Preset[] },
): Promise<{ templates: InterviewTemplate[]; problems: string[] }> {
  const problems: string[] = [];
  let entries: string[];
  try {
    entries = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { templates: [], problems: [`${displayPath(dir)}: (root): directory is missing`] };
    throw error;
  }
  const templates: InterviewTemplate[] = [];
  for (const name of entries) {
    const absolute = path.join(dir, name);
    const file = displayPath(absolute);
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(absolute, 'utf8'));
    } catch (error) {
      problems.push(`${file}: (root): invalid JSON: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const parsed = interviewTemplateSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(...formatZodIssues(file, parsed.error.issues));
      continue;
    }
    const template = parsed.data;
    const before = problems.length;
    if (template.id !== name.slice(0, -'.json'.length))
      problems.push(`${file}: id: must equal the file name "${name.slice(0, -5)}"`);
    template.phases.forEach((phase, p) =>
      phase.questions.forEach((question, q) => {
        if (!refs.scenarioIds.has(question.scenarioId))
          problems.push(`${file}: phases[${p}].questions[${q}].scenarioId: unknown scenario "${question.scenarioId}"`);
      }),
    );
    const preset = refs.presets.find((candidate) => candidate.id === template.simulator.presetId);
    if (!preset) problems.push(`${file}: simulator.presetId: unknown preset "${template.simulator.presetId}"`);
    else {
      const known = new Set([
        ...preset.config.services.map((service) => service.name),
        ...preset.config.callers.map((caller) => caller.name),
      ]);
      template.simulator.faults.forEach((fault, f) =>
        fault.intents.forEach((intent, i) => {
          for (const ref of intentNames(intent))
            if (!known.has(ref))
              problems.push(`${file}: simulator.faults[${f}].intents[${i}]: "${ref}" is not a service or caller of preset "${preset.id}"`);
        }),
      );
    }
    if (problems.length === before) templates.push(template);
  }
  return { templates, problems };
}

/** Loads templates with the real scenario and preset packs under `contentRoot`. */
export async function readInterviewPack(
  contentRoot: string,
): Promise<{ templates: InterviewTemplate[]; problems: string[] }> {
  const [{ scenarios, problems: scenarioProblems }, { presets, problems: presetProblems }] =
    await Promise.all([
      readScenarioDir(path.join(contentRoot, 'service-mesh', 'scenarios')),
      readPresetDir(path.join(contentRoot, 'simulator', 'presets')),
    ]);
  const result = await readInterviewDir(path.join(contentRoot, 'interviews'), {
    scenarioIds: new Set(scenarios.map((scenario) => scenario.id)),
    presets,
  });
  // Problems of the referenced packs are reported by their own checkers.
  void scenarioProblems;
  void presetProblems;
  return result;
}

/** Like {@link readInterviewPack} but throws a {@link ContentError} listing every problem. */
export async function loadInterviewPack(contentRoot: string): Promise<InterviewTemplate[]> {
  const { templates, problems } = await readInterviewPack(contentRoot);
  if (problems.length > 0) throw new ContentError(problems);
  return templates;
}

/** `content:check` entry for interview templates. */
export const interviewChecker: ContentChecker = {
  name: 'interviews',
  async check(contentRoot) {
    const { templates, problems } = await readInterviewPack(contentRoot);
    if (problems.length === 0 && templates.length < 6)
      problems.push('content/interviews: (root): at least 6 interview templates are required');
    const minutes = templates.map((t) => `${t.id} ${t.minutes} min`).join(', ');
    return { problems, summary: `${templates.length} templates (${minutes})` };
  },
};
