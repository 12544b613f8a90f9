import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLessonFile } from '@/lib/content/lesson-pack';
import { chapterManifestSchema } from '@/lib/content/schemas';
import { formatZodIssues } from '@/lib/content/content-error';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/content');

function problemsFor(fixture: string): string[] {
  const file = `content/service-mesh/lessons/${fixture}.md`;
  const raw = readFileSync(path.join(FIXTURES, 'bad-lessons', `${fixture}.md`), 'utf8');
  return parseLessonFile(file, raw).problems;
}

describe('lesson frontmatter schema', () => {
  it('accepts a valid lesson', () => {
    const raw = readFileSync(path.join(FIXTURES, 'valid/service-mesh/lessons/alpha-lesson.md'), 'utf8');
    const { lesson, problems } = parseLessonFile('alpha-lesson.md', raw);
    expect(problems).toEqual([]);
    expect(lesson?.id).toBe('alpha-lesson');
    expect(lesson?.selfCheck).toHaveLength(3);
    expect(lesson?.body).toContain('## Why retries hurt');
  });

  // Each fixture breaks exactly one rule; the message must name the file and the field.
  it.each([
    ['missing-title', 'title: is required'],
    ['answer-out-of-range', 'selfCheck[2].answer: must be an index into options (0..1)'],
    ['answer-not-integer', 'selfCheck[0].answer: must be an integer index into options'],
    ['minutes-out-of-range', 'minutes: must be between 3 and 40'],
    ['unknown-competency', 'competencies[0]: Invalid option: expected one of "mtls"'],
    ['unknown-field', 'colour: unknown field'],
    ['bad-preset', 'simulatorPreset: must be one of the simulator preset ids'],
    ['bad-source-url', 'sources[0].url: must be an http(s) URL'],
    ['duplicate-question-id', 'selfCheck[2].id: duplicate question id "q1"'],
    ['short-without-accept', 'selfCheck[1].accept: is required'],
    ['bad-question-type', 'selfCheck[2].type: type must be "choice" or "short"'],
    ['too-few-objectives', 'objectives: must have 2 to 6 objectives'],
    ['too-few-questions', 'selfCheck: must have 3 to 5 questions'],
    ['not-kebab-prerequisite', 'prerequisites[0]: must be a kebab-case id'],
    ['duplicate-key-term', 'keyTerms[1].term: duplicate key term "retry budget"'],
    ['bad-yaml', 'frontmatter: invalid YAML'],
    ['no-frontmatter', 'frontmatter: missing'],
  ])('rejects %s with a message naming file and field', (fixture, expected) => {
    const problems = problemsFor(fixture);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`content/service-mesh/lessons/${fixture}.md: ${expected}`);
  });
});

describe('chapter manifest schema', () => {
  const valid = {
    id: 'service-mesh',
    title: 'Service Mesh',
    summary: 'Summary.',
    objectives: ['Objective.'],
    lessons: ['a-lesson', 'b-lesson'],
  };

  it('accepts a valid manifest and defaults relatedChapters', () => {
    const parsed = chapterManifestSchema.parse(valid);
    expect(parsed.relatedChapters).toEqual([]);
  });

  it.each([
    [{ ...valid, title: undefined }, 'manifest.json: title: is required'],
    [{ ...valid, lessons: ['a-lesson', 'a-lesson'] }, 'manifest.json: lessons[1]: duplicate lesson id "a-lesson"'],
    [{ ...valid, lessons: ['Not An Id'] }, 'manifest.json: lessons[0]: must be a kebab-case id'],
    [{ ...valid, extra: true }, 'manifest.json: extra: unknown field'],
  ])('rejects a bad manifest (%#)', (input, expected) => {
    const result = chapterManifestSchema.safeParse(input, { reportInput: true });
    expect(result.success).toBe(false);
    const lines = result.success ? [] : formatZodIssues('manifest.json', result.error.issues);
    expect(lines.join('\n')).toContain(expected);
  });
});
