import Link from '@/components/ui/app-link';
import { getTodaySummary } from '@/lib/flashcards/session';
import { getReviewStreak } from '@/lib/flashcards/stats';

/** Dashboard widget: cards due today, new cards available today, review streak. */
export async function FlashcardsDashboardCard({ userId }: { userId: string }) {
  const now = new Date();
  const [summary, streak] = await Promise.all([
    getTodaySummary({ userId, now }),
    getReviewStreak({ userId, now }),
  ]);
  const hasWork = summary.dueToday + summary.newToday > 0;
  return (
    <section
      className="card flex flex-col gap-3"
      aria-labelledby="flashcards-card-heading"
      data-testid="flashcards-dashboard-card"
    >
      <h3 id="flashcards-card-heading" className="text-lg">
        <Link href="/review">Review</Link>
      </h3>
      <dl className="grid grid-cols-3 gap-2 text-center">
        <div>
          <dt className="text-xs text-muted">Due today</dt>
          <dd className="text-2xl">{summary.dueToday}</dd>
        </div>
        <div>
          <dt className="text-xs text-muted">New today</dt>
          <dd className="text-2xl">{summary.newToday}</dd>
        </div>
        <div>
          <dt className="text-xs text-muted">Streak</dt>
          <dd className="text-2xl">
            {streak}
            <span className="sr-only"> {streak === 1 ? 'day' : 'days'}</span>
          </dd>
        </div>
      </dl>
      {summary.interview ? (
        <p className="text-sm">
          Interview in {summary.interview.daysLeft} days · about{' '}
          {summary.interview.reviewsRemaining} reviews to go.
        </p>
      ) : null}
      <p className="mt-auto">
        <Link href="/review" className={hasWork ? 'btn btn-primary' : 'btn btn-secondary'}>
          {hasWork ? 'Start reviewing' : 'Open review'}
        </Link>
      </p>
    </section>
  );
}

export default FlashcardsDashboardCard;
