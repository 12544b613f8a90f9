import { access } from 'node:fs/promises';
import path from 'node:path';
import type { ContentChecker } from './content-error';
import { buildGlossary } from './glossary';
import { readLessonPack } from './lesson-pack';
import { renderMarkdown } from './markdown';
import type { LessonPack } from './schemas';

/** Lessons whose `simulatorPreset` has no `content/simulator/presets/<id>.json` file. */
export async function checkLessonPresets(pack: LessonPack, contentRoot: string): Promise<string[]> {
  const problems: string[] = [];
  for (const lesson of pack.lessons) {
    if (!lesson.simulatorPreset) continue;
    const presetFile = path.join(contentRoot, 'simulator', 'presets', `${lesson.simulatorPreset}.json`);
    const exists = await access(presetFile).then(
      () => true,
      () => false,
    );
    if (!exists) {
      problems.push(
        `${lesson.file}: simulatorPreset: no preset file content/simulator/presets/${lesson.simulatorPreset}.json`,
      );
    }
  }
  return problems;
}

/** `content:check` entry for the lesson pack: schema, cross-checks, and a full render of every body. */
export const lessonChecker: ContentChecker = {
  name: 'lessons',
  async check(contentRoot) {
    const { pack, problems } = await readLessonPack(path.join(contentRoot, 'service-mesh'));
    if (!pack) return { problems };
    problems.push(...(await checkLessonPresets(pack, contentRoot)));
    for (const lesson of pack.lessons) {
      try {
        await renderMarkdown(lesson.body);
      } catch (error) {
        problems.push(`${lesson.file}: body: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const questions = pack.lessons.reduce((sum, lesson) => sum + lesson.selfCheck.length, 0);
    const terms = buildGlossary(pack.lessons).reduce((sum, section) => sum + section.entries.length, 0);
    return {
      problems,
      summary: `${pack.lessons.length} lessons, ${questions} self-check questions, ${terms} glossary terms`,
    };
  },
};
