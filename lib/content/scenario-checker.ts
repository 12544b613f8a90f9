import path from 'node:path';
import type { ContentChecker } from './content-error';
import { renderMarkdown } from './markdown';
import { readScenarioDir } from './scenario-pack';
import { SCENARIO_KINDS } from './scenario-schema';

/** `content:check` entry for scenarios: schema, cross-field checks, and a render of every context. */
export const scenarioChecker: ContentChecker = {
  name: 'scenarios',
  async check(contentRoot) {
    const { scenarios, problems } = await readScenarioDir(path.join(contentRoot, 'service-mesh', 'scenarios'));
    for (const scenario of scenarios) {
      try {
        await renderMarkdown(scenario.context);
      } catch (error) {
        problems.push(`${scenario.file}: body: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const perKind = SCENARIO_KINDS.map((kind) => `${kind} ${scenarios.filter((scenario) => scenario.kind === kind).length}`).join(', ');
    return { problems, summary: `${scenarios.length} scenarios (${perKind})` };
  },
};
