import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessonChecker } from '@/lib/content/lesson-checker';
import { readLessonPack } from '@/lib/content/lesson-pack';
import { LESSON_IDS } from '@/lib/content/schemas';

const CONTENT = path.resolve(import.meta.dirname, '../../../content');
describe('the service-mesh content pack', () => {
  it('passes every lesson check, including a full render of each body', async () => {
    const { problems } = await lessonChecker.check(CONTENT);
    expect(problems).toEqual([]);
  });

  it('has the 13 lessons of LESSON_IDS in order, each with 3–5 self-check questions', async () => {
    const { pack } = await readLessonPack(path.join(CONTENT, 'service-mesh'));
    expect(pack?.manifest.lessons).toEqual(LESSON_IDS);
    expect(LESSON_IDS).toHaveLength(13);
    for (const lesson of pack?.lessons ?? []) {
      expect(lesson.selfCheck.length).toBeGreaterThanOrEqual(3);
      expect(lesson.selfCheck.length).toBeLessThanOrEqual(5);
    }
  });
});
