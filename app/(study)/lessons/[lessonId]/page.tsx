import { LessonChallenges } from '@/components/simulator/challenge-card';
import type { Metadata } from 'next';
import Link from '@/components/ui/app-link';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { Breadcrumbs } from '@/components/lesson/breadcrumbs';
import { LessonBody } from '@/components/lesson/lesson-body';
import { LessonEnhancements } from '@/components/lesson/lesson-enhancements';
import { LessonUserStateProvider, MarkCompleteButton } from '@/components/lesson/lesson-user-state';
import { SelfCheck } from '@/components/lesson/self-check';
import { SimulatorLink } from '@/components/lesson/simulator-link';
import { SimulatorEmbed } from '@/components/simulator/simulator-embed';
import { StaticHtml } from '@/components/ui/static-html';
import { glossarySlug } from '@/lib/content/glossary';
import { getChapter, getLesson, getRenderedLesson, listLessons } from '@/lib/content/lessons';
import { toPublicQuestion } from '@/lib/content/self-check';
import {
  keyTermsHtml,
  objectivesHtml,
  sourcesHtml,
  tableOfContentsHtml,
} from '@/lib/content/static-html';
import {
  loadLessonStateAction,
  markLessonCompleteAction,
  submitSelfCheckAnswerAction,
} from '../actions';

type LessonPageProps = { params: Promise<{ lessonId: string }> };

// Every lesson is prerendered at build time; nothing in this page depends on the visitor.
// Per-user state (completion, saved answers) loads in client islands via server actions.
// Only known lessons exist: any other id is a 404 at once. (With the default, Next would
// render unknown ids on demand and write each into its on-disk cache — a disk-filling
// vector for random URLs, and ENAMETOOLONG errors for very long ones.)
export const dynamicParams = false;

export async function generateStaticParams(): Promise<Array<{ lessonId: string }>> {
  return (await listLessons()).map((lesson) => ({ lessonId: lesson.id }));
}

export async function generateMetadata({ params }: LessonPageProps): Promise<Metadata> {
  const lesson = await getLesson((await params).lessonId);
  if (!lesson) return { title: 'Lesson not found' };
  return { title: lesson.title, description: lesson.summary };
}

export default async function LessonPage({ params }: LessonPageProps) {
  const { lessonId } = await params;
  const [rendered, chapter, lessons] = await Promise.all([
    getRenderedLesson(lessonId),
    getChapter(),
    listLessons(),
  ]);
  if (!rendered) notFound();
  const { lesson, html, toc, readingMinutes, previous, next, position } = rendered;
  const titles = new Map(lessons.map((l) => [l.id, l.title]));

  return (
    <LessonUserStateProvider lessonId={lesson.id} loadState={loadLessonStateAction}>
      <div className="space-y-8">
        <Breadcrumbs
          items={[
            { label: 'Lessons', href: '/lessons' },
            { label: chapter.title, href: '/lessons' },
            { label: lesson.title },
          ]}
        />
        <div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_16rem]">
          <article className="min-w-0 space-y-8" aria-labelledby="lesson-title">
            <header className="space-y-3">
              <p className="text-sm text-muted">
                Lesson {position} of {lessons.length} ·{' '}
                <span data-testid="reading-time">{readingMinutes} min read</span>
              </p>
              <h1 id="lesson-title" className="text-3xl sm:text-4xl">
                {lesson.title}
              </h1>
              <p className="max-w-3xl text-lg">{lesson.summary}</p>
              {lesson.prerequisites.length > 0 && (
                <p className="text-sm">
                  <span className="font-semibold">Read first: </span>
                  {lesson.prerequisites.map((prerequisite, index) => (
                    <span key={prerequisite}>
                      {index > 0 && ', '}
                      <Link href={`/lessons/${prerequisite}`}>
                        {titles.get(prerequisite) ?? prerequisite}
                      </Link>
                    </span>
                  ))}
                </p>
              )}
            </header>

            <StaticHtml html={objectivesHtml(lesson.objectives)} />

            {/*
              Each <Suspense> below is a separate unit of hydration: React hydrates them one after
              another in short, interruptible tasks instead of one long task over the whole page
              (the content is static, so no fallback is ever shown).
            */}
            <Suspense>
              <StaticHtml className="lg:hidden" html={tableOfContentsHtml(toc, 'inline')} />
              <LessonBody html={html} />
              <LessonEnhancements />
            </Suspense>

            <StaticHtml html={keyTermsHtml(lesson.keyTerms, glossarySlug)} />

            {lesson.simulatorPreset && (
              <Suspense>
                <div className="card space-y-2" data-testid="lesson-simulator">
                  <SimulatorEmbed presetId={lesson.simulatorPreset} />
                  <SimulatorLink presetId={lesson.simulatorPreset} />
                </div>
              </Suspense>
            )}

            <Suspense>
              <LessonChallenges lessonId={lesson.id} />
            </Suspense>

            <Suspense>
              <section
                aria-labelledby="interview-heading"
                className="callout callout-interview space-y-2 rounded-lg border-l-4 border-accent bg-surface-2 p-4"
              >
                <h2 id="interview-heading" className="text-lg">
                  How to say it in an interview
                </h2>
                <p>{lesson.interviewSummary}</p>
              </section>

              <SelfCheck
                questions={lesson.selfCheck.map(toPublicQuestion)}
                submitAnswer={submitSelfCheckAnswerAction}
              />
            </Suspense>

            <Suspense>
              <section aria-labelledby="complete-heading" className="card space-y-2">
                <h2 id="complete-heading" className="text-lg">
                  Finished reading?
                </h2>
                <MarkCompleteButton markComplete={markLessonCompleteAction} nextLesson={next} />
              </section>

              <StaticHtml html={sourcesHtml(lesson.sources)} />

              <nav
                aria-label="Previous and next lesson"
                className="flex flex-wrap justify-between gap-4 border-t border-border pt-6"
              >
                {previous ? (
                  <Link href={`/lessons/${previous.id}`} rel="prev" className="btn btn-secondary">
                    <span aria-hidden="true">←</span>{' '}
                    <span className="sr-only">Previous lesson: </span>
                    {previous.title}
                  </Link>
                ) : (
                  <span />
                )}
                {next ? (
                  <Link href={`/lessons/${next.id}`} rel="next" className="btn btn-secondary">
                    <span className="sr-only">Next lesson: </span>
                    {next.title} <span aria-hidden="true">→</span>
                  </Link>
                ) : (
                  <Link href="/lessons" className="btn btn-secondary">
                    Back to all lessons
                  </Link>
                )}
              </nav>
            </Suspense>
          </article>

          <aside className="hidden lg:block" aria-label="Table of contents">
            <StaticHtml className="sticky top-6" html={tableOfContentsHtml(toc, 'side')} />
          </aside>
        </div>
      </div>
    </LessonUserStateProvider>
  );
}
