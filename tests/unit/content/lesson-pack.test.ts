import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ContentError } from '@/lib/content/content-error';
import { checkLessonPresets, lessonChecker } from '@/lib/content/lesson-checker';
import { loadLessonPack, readLessonPack } from '@/lib/content/lesson-pack';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures/content');

describe('lesson pack loading and cross-checks', () => {
  it('loads a valid pack in manifest order', async () => {
    const pack = await loadLessonPack(path.join(FIXTURES, 'valid/service-mesh'));
    expect(pack.manifest.id).toBe('fixture-chapter');
    expect(pack.lessons.map((lesson) => lesson.id)).toEqual(['alpha-lesson', 'beta-lesson']);
    expect(pack.lessons[1]?.prerequisites).toEqual(['alpha-lesson']);
  });

  it('reports every cross-check problem of a broken pack', async () => {
    const { pack, problems } = await readLessonPack(path.join(FIXTURES, 'broken/service-mesh'));
    expect(pack).toBeNull();
    const text = problems.join('\n');
    const dir = 'tests/fixtures/content/broken/service-mesh';
    expect(text).toContain(`${dir}/lessons/mismatched-name.md: id: must equal the file name "mismatched-name" (found "other-id")`);
    expect(text).toContain(`${dir}/manifest.json: lessons[2]: no lesson file lessons/missing-lesson.md`);
    expect(text).toContain(`${dir}/lessons/extra-lesson.md: id: "extra-lesson" is not listed in manifest.json lessons`);
    expect(text).toContain(`${dir}/lessons/second-lesson.md: prerequisites[0]: unknown lesson "nope-lesson"`);
    expect(text).toContain(`${dir}/lessons/first-lesson.md: prerequisites[0]: "second-lesson" must come earlier in the manifest order`);
    expect(text).toContain(
      `${dir}/lessons/second-lesson.md: keyTerms[0].term: "Retry budget" is already defined in ${dir}/lessons/first-lesson.md`,
    );
    expect(text).toMatch(/first-lesson\.md: body: start headings at ## .* \(line 42\)/);
    expect(text).toMatch(/first-lesson\.md: body: raw HTML is not allowed .* \(line 44\)/);
    expect(text).toContain('first-lesson.md: body: link to unknown lesson "/lessons/ghost-lesson"');
    expect(text).toContain('first-lesson.md: body: unknown diagram "no-such-diagram"');
    // The two raw-HTML tags on one line are reported once.
    expect(problems.filter((p) => p.includes('first-lesson.md: body: raw HTML'))).toHaveLength(1);
  });

  it('throws a ContentError listing the problems', async () => {
    const error = await loadLessonPack(path.join(FIXTURES, 'broken/service-mesh')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).message).toContain('manifest.json: lessons[2]: no lesson file');
  });

  it('reports a missing manifest', async () => {
    const { problems } = await readLessonPack(path.join(FIXTURES, 'bad-lessons'));
    expect(problems.join('\n')).toContain('bad-lessons/manifest.json: (root): file is missing');
  });

  it('the lesson checker summarises a valid pack and renders every body', async () => {
    const result = await lessonChecker.check(path.join(FIXTURES, 'valid'));
    expect(result.problems).toEqual([]);
    expect(result.summary).toBe('2 lessons, 6 self-check questions, 4 glossary terms');
  });

  it('the lesson checker reports a simulator preset without a preset file', async () => {
    const pack = await loadLessonPack(path.join(FIXTURES, 'valid/service-mesh'));
    const problems = await checkLessonPresets(pack, path.join(FIXTURES, 'broken'));
    expect(problems).toEqual([
      expect.stringContaining(
        'alpha-lesson.md: simulatorPreset: no preset file content/simulator/presets/retry-storm.json',
      ),
    ]);
  });

  it('content:check exits non-zero and prints file: field: message lines', async () => {
    const error = await run(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/content-check.ts', 'tests/fixtures/content/broken'], {
      cwd: ROOT,
    }).catch((e: unknown) => e as { code: number; stderr: string });
    expect(error).toMatchObject({ code: 1 });
    expect((error as { stderr: string }).stderr).toContain(
      'tests/fixtures/content/broken/service-mesh/lessons/second-lesson.md: prerequisites[0]: unknown lesson "nope-lesson"',
    );
  });
});
