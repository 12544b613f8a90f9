// Validates every authored content file; exits 1 listing each problem as `<file>: <field>: <message>`.
// To add a content kind: import its ContentChecker and append it to CHECKERS (one import + one line).
import path from 'node:path';
import type { ContentChecker } from '@/lib/content/content-error';
import { lessonChecker } from '@/lib/content/lesson-checker';
import { deckChecker } from '@/lib/content/deck';
import { errorCatalogueChecker } from '@/lib/content/error-catalogue-checker';
import { interviewChecker } from '@/lib/content/interview-pack';
import { scenarioChecker } from '@/lib/content/scenario-checker';
import { simulatorChallengeChecker } from '@/lib/content/simulator-challenge-pack';
import { simulatorPresetChecker } from '@/lib/content/simulator-preset-pack';
import { presetChecksChecker } from '@/lib/content/preset-checks';
import { trackTemplateChecker } from '@/lib/content/track-template-pack';

// One checker per line keeps each new content kind a one-line diff.
// prettier-ignore
const CHECKERS: ContentChecker[] = [
  lessonChecker,
  deckChecker,
  scenarioChecker,
  simulatorPresetChecker,
  presetChecksChecker,
  interviewChecker,
  trackTemplateChecker,
  simulatorChallengeChecker,
  errorCatalogueChecker,
];

async function main(): Promise<number> {
  const contentRoot = path.resolve(process.argv[2] ?? 'content');
  let failed = 0;
  for (const checker of CHECKERS) {
    let problems: string[];
    let summary: string | undefined;
    try {
      ({ problems, summary } = await checker.check(contentRoot));
    } catch (error) {
      problems = [
        `${checker.name}: checker crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      ];
    }
    if (problems.length === 0) {
      console.log(`✓ ${checker.name}${summary ? `: ${summary}` : ''}`);
      continue;
    }
    failed += 1;
    console.error(
      `✗ ${checker.name}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`,
    );
    for (const problem of problems) console.error(`  ${problem}`);
  }
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main();
