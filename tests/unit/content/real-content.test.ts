import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessonChecker } from '@/lib/content/lesson-checker';
import { readLessonPack } from '@/lib/content/lesson-pack';

const CONTENT = path.resolve(import.meta.dirname, '../../../content');
const LESSON_IDS = [
  'why-service-mesh',
  'when-is-a-mesh-justified',
  'data-plane-and-control-plane',
  'resilience-retries-timeouts-circuit-breaking',
  'zero-trust-mtls-and-authorization',
  'observability-and-golden-telemetry',
  'rollout-strategy',
  'the-five-meshes',
  'choosing-a-mesh-stack',
  'production-patterns',
  'common-mistakes',
  'related-topics-and-interview-playbook',
];

describe('the service-mesh content pack', () => {
  it('passes every lesson check, including a full render of each body', async () => {
    const { problems } = await lessonChecker.check(CONTENT);
    expect(problems).toEqual([]);
  });

  it('has the 12 lessons of formats.md in order, each with 3–5 self-check questions', async () => {
    const { pack } = await readLessonPack(path.join(CONTENT, 'service-mesh'));
    expect(pack?.manifest.lessons).toEqual(LESSON_IDS);
    for (const lesson of pack?.lessons ?? []) {
      expect(lesson.selfCheck.length).toBeGreaterThanOrEqual(3);
      expect(lesson.selfCheck.length).toBeLessThanOrEqual(5);
    }
  });
});
