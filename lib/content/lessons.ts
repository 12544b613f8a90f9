import 'server-only';
import path from 'node:path';
import { processCached } from './process-cache';
import { loadLessonPack } from './lesson-pack';
import { renderMarkdown, type TocEntry } from './markdown';
import type { ChapterManifest, Lesson, LessonPack, SelfCheckQuestion } from './schemas';

// Server-only access to the lesson pack. Content is read from `content/` once per process
// (every request in development, so edits show up) and validated: an invalid file fails the
// build with the file and field named.

export const CONTENT_ROOT = path.join(process.cwd(), 'content');
export const CHAPTER_DIR = path.join(CONTENT_ROOT, 'service-mesh');

export type LessonSummary = Pick<Lesson, 'id' | 'title' | 'summary' | 'competencies' | 'objectives'> & {
  position: number;
  /** The same reading time the lesson page shows (one computation: renderMarkdown). */
  readingMinutes: number;
};
export type LessonNeighbour = { id: string; title: string };
export type RenderedLesson = {
  lesson: Lesson;
  position: number;
  html: string;
  toc: TocEntry[];
  readingMinutes: number;
  previous: LessonNeighbour | null;
  next: LessonNeighbour | null;
};

/** The validated lesson pack, read once per process (see processCached). */
export const getLessonPack: () => Promise<LessonPack> = processCached(() => loadLessonPack(CHAPTER_DIR));

export async function getChapter(): Promise<ChapterManifest> {
  return (await getLessonPack()).manifest;
}

// Reading time comes from the rendered body, so the list and the page can never disagree.
const getReadingMinutes = processCached(async (): Promise<Map<string, number>> => {
  const { lessons } = await getLessonPack();
  const entries = await Promise.all(
    lessons.map(async (lesson) => [lesson.id, (await renderMarkdown(lesson.body)).readingMinutes] as const),
  );
  return new Map(entries);
});

export async function listLessons(): Promise<LessonSummary[]> {
  const [{ lessons }, minutes] = await Promise.all([getLessonPack(), getReadingMinutes()]);
  return lessons.map((lesson, index) => ({
    id: lesson.id,
    title: lesson.title,
    summary: lesson.summary,
    readingMinutes: minutes.get(lesson.id) ?? 1,
    competencies: lesson.competencies,
    objectives: lesson.objectives,
    position: index + 1,
  }));
}

export async function getLesson(lessonId: string): Promise<Lesson | null> {
  const { lessons } = await getLessonPack();
  return lessons.find((lesson) => lesson.id === lessonId) ?? null;
}

export async function getSelfCheckQuestion(lessonId: string, questionId: string): Promise<SelfCheckQuestion | null> {
  const lesson = await getLesson(lessonId);
  return lesson?.selfCheck.find((question) => question.id === questionId) ?? null;
}

export async function getRenderedLesson(lessonId: string): Promise<RenderedLesson | null> {
  const { lessons } = await getLessonPack();
  const index = lessons.findIndex((lesson) => lesson.id === lessonId);
  const lesson = lessons[index];
  if (!lesson) return null;
  let rendered: Awaited<ReturnType<typeof renderMarkdown>>;
  try {
    rendered = await renderMarkdown(lesson.body);
  } catch (error) {
    throw new Error(`${lesson.file}: body: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const neighbour = (other: Lesson | undefined): LessonNeighbour | null =>
    other ? { id: other.id, title: other.title } : null;
  return {
    lesson,
    position: index + 1,
    html: rendered.html,
    toc: rendered.toc,
    readingMinutes: rendered.readingMinutes,
    previous: neighbour(lessons[index - 1]),
    next: neighbour(lessons[index + 1]),
  };
}
