import type { Metadata } from 'next';
import Link from '@/components/ui/app-link';
import {
  ChapterProgressProvider,
  ChapterProgressSummary,
  LessonCompletionMark,
} from '@/components/lesson/chapter-progress';
import { getChapter, listLessons } from '@/lib/content/lessons';
import { loadChapterStateAction } from './actions';

export const metadata: Metadata = {
  title: 'Lessons',
  description:
    'The service mesh chapter as short lessons with self-checks and interview summaries.',
};

export default async function LessonsPage() {
  const [chapter, lessons] = await Promise.all([getChapter(), listLessons()]);
  const totalMinutes = lessons.reduce((sum, lesson) => sum + lesson.readingMinutes, 0);

  return (
    <ChapterProgressProvider loadState={loadChapterStateAction}>
      <div className="space-y-10">
        <header className="space-y-3">
          <p className="text-sm font-semibold tracking-wide text-muted uppercase">Chapter</p>
          <h1 className="text-3xl sm:text-4xl">{chapter.title}</h1>
          <p className="max-w-3xl text-lg">{chapter.summary}</p>
          <p className="text-sm text-muted">
            {lessons.length} lessons · about {totalMinutes} minutes ·{' '}
            <Link href="/glossary">Glossary</Link> · <Link href="/search">Search</Link>
          </p>
          <div className="max-w-xl">
            <ChapterProgressSummary totalCount={lessons.length} chapterTitle={chapter.title} />
          </div>
        </header>

        <section aria-labelledby="objectives-heading" className="space-y-3">
          <h2 id="objectives-heading" className="text-2xl">
            What you will be able to do
          </h2>
          <ul className="max-w-3xl list-disc space-y-1.5 pl-6">
            {chapter.objectives.map((objective) => (
              <li key={objective}>{objective}</li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="lesson-list-heading" className="space-y-4">
          <h2 id="lesson-list-heading" className="text-2xl">
            Lessons
          </h2>
          <ol className="grid gap-4 md:grid-cols-2" data-testid="lesson-list">
            {lessons.map((lesson) => (
              <li
                key={lesson.id}
                className="card flex flex-col gap-2"
                data-testid={`lesson-item-${lesson.id}`}
              >
                <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-muted">
                  <span>
                    Lesson {lesson.position} · {lesson.readingMinutes} min read
                  </span>
                  <LessonCompletionMark lessonId={lesson.id} />
                </div>
                <h3 className="text-lg">
                  <Link href={`/lessons/${lesson.id}`}>{lesson.title}</Link>
                </h3>
                <p className="text-muted">{lesson.summary}</p>
              </li>
            ))}
          </ol>
        </section>

        {chapter.relatedChapters.length > 0 && (
          <section aria-labelledby="related-heading" className="space-y-3">
            <h2 id="related-heading" className="text-2xl">
              Related chapters
            </h2>
            <p className="text-sm text-muted">Planned chapters that build on this one.</p>
            <ul className="grid gap-3 md:grid-cols-2">
              {chapter.relatedChapters.map((related) => (
                <li
                  key={related.title}
                  className="rounded-lg border border-dashed border-border p-4"
                  data-testid="related-chapter"
                >
                  <p className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">{related.title}</span>
                    <span className="badge">Not written yet</span>
                  </p>
                  <p className="text-sm text-muted">{related.description}</p>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </ChapterProgressProvider>
  );
}
