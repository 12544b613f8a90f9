import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import { ContentError, formatZodIssues } from './content-error';
import { checkCatalogueAgainstRubric, readErrorCatalogueDir } from './error-catalogue';
import { scenarioFrontmatterSchema, type Scenario } from './scenario-schema';

// File-system loading of scenarios. No `server-only` marker so `content:check` (plain Node via
// tsx) can use it; pages go through scenarios.ts.

/** Path shown in messages: relative to the working directory when inside it. */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return (relative.startsWith('..') ? file : relative).split(path.sep).join('/');
}

/** Parses one scenario file; problems are `<file>: <field>: <message>` lines. */
export function parseScenarioFile(file: string, raw: string): { scenario: Scenario | null; problems: string[] } {
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Options object on purpose: without it gray-matter returns shared cached objects.
    parsed = matter(raw, {});
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { scenario: null, problems: [`${file}: frontmatter: invalid YAML: ${reason}`] };
  }
  if (Object.keys(parsed.data).length === 0) {
    return { scenario: null, problems: [`${file}: frontmatter: missing (start the file with a --- YAML block)`] };
  }
  const result = scenarioFrontmatterSchema.safeParse(parsed.data, { reportInput: true });
  if (!result.success) return { scenario: null, problems: formatZodIssues(file, result.error.issues) };
  const context = parsed.content.trim();
  if (context.length === 0) return { scenario: null, problems: [`${file}: body: the context (markdown body) must not be empty`] };
  return { scenario: { ...result.data, context, file }, problems: [] };
}

/** Reads and validates every `*.md` in `dir`; collects all problems (id must equal the file name, ids unique). */
export async function readScenarioDir(dir: string): Promise<{ scenarios: Scenario[]; problems: string[] }> {
  const problems: string[] = [];
  let entries: string[];
  try {
    entries = (await readdir(dir)).filter((name) => name.endsWith('.md')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { scenarios: [], problems: [`${displayPath(dir)}: (root): directory is missing`] };
    throw error;
  }
  const scenarios: Scenario[] = [];
  for (const name of entries) {
    const absolute = path.join(dir, name);
    const file = displayPath(absolute);
    const { scenario, problems: fileProblems } = parseScenarioFile(file, await readFile(absolute, 'utf8'));
    problems.push(...fileProblems);
    if (!scenario) continue;
    const fileId = name.slice(0, -'.md'.length);
    if (scenario.id !== fileId) {
      problems.push(`${file}: id: must equal the file name "${fileId}" (found "${scenario.id}")`);
      continue;
    }
    scenarios.push(scenario);
  }
  // The expert error catalogue sits beside the scenarios (`../error-catalogue/<id>.md`).
  const { catalogues, problems: catalogueProblems } = await readErrorCatalogueDir(path.join(path.dirname(dir), 'error-catalogue'));
  problems.push(...catalogueProblems);
  const withClaims = scenarios.map((scenario) => {
    const catalogue = catalogues.get(scenario.id);
    if (!catalogue) return scenario;
    const file = `${displayPath(path.join(path.dirname(dir), 'error-catalogue', `${scenario.id}.md`))}`;
    problems.push(...checkCatalogueAgainstRubric(file, catalogue, new Set(scenario.rubric.map((criterion) => criterion.id))));
    return { ...scenario, errorClaims: catalogue.claims };
  });
  const known = new Set(scenarios.map((scenario) => scenario.id));
  for (const scenarioId of catalogues.keys())
    if (!known.has(scenarioId)) problems.push(`${displayPath(path.join(path.dirname(dir), 'error-catalogue', `${scenarioId}.md`))}: scenarioId: no scenario "${scenarioId}"`);
  return { scenarios: withClaims, problems };
}

/** Like {@link readScenarioDir} but throws a {@link ContentError} listing every problem. */
export async function loadScenarioDir(dir: string): Promise<Scenario[]> {
  const { scenarios, problems } = await readScenarioDir(dir);
  if (problems.length > 0) throw new ContentError(problems);
  return scenarios;
}
