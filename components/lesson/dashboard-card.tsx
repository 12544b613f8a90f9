import Link from '@/components/ui/app-link';
import { getChapter } from '@/lib/content/lessons';
import { getChapterProgress } from '@/lib/progress/lessons';
import { ProgressBar } from './progress-bar';

/** Dashboard widget: chapter progress and the next lesson to read. */
export async function LessonsDashboardCard({ userId }: { userId: string }) {
  const [chapter, progress] = await Promise.all([getChapter(), getChapterProgress({ userId })]);
  return (
    <section
      aria-labelledby="lessons-card-heading"
      className="card space-y-3"
      data-testid="lessons-dashboard-card"
    >
      <h2 id="lessons-card-heading" className="text-lg">
        <Link href="/lessons">Lessons</Link>
      </h2>
      <ProgressBar
        label={`${chapter.title} lessons`}
        value={progress.completedCount}
        max={progress.totalCount}
      />
      {progress.nextLesson ? (
        <p className="text-sm">
          Next: <Link href={`/lessons/${progress.nextLesson.id}`}>{progress.nextLesson.title}</Link>
        </p>
      ) : (
        <p className="text-sm font-medium">You have finished every lesson in this chapter.</p>
      )}
    </section>
  );
}
