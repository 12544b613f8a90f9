import type { Metadata } from 'next';
import Link from '@/components/ui/app-link';
import { requireUser } from '@/lib/auth/session';
import { getReviewSession } from '@/lib/flashcards/session';
import { ReviewSession } from '@/components/flashcards/review-session';
import { recordReviewAction, undoLastReviewAction } from './actions';

export const metadata: Metadata = { title: 'Review' };
export const dynamic = 'force-dynamic';

export default async function ReviewPage() {
  const user = await requireUser('/review');
  const session = await getReviewSession({ userId: user.id, now: new Date() });
  return (
    <>
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-3xl">Review</h1>
          <p className="text-muted">
            Flashcards scheduled by FSRS. Grade honestly: the schedule learns from it.
          </p>
        </div>
        <nav aria-label="Review pages" className="flex flex-wrap gap-3 text-sm">
          <Link href="/review/stats">Stats</Link>
          <Link href="/review/settings">Settings</Link>
        </nav>
      </header>
      {session.interview ? (
        <p className="card text-sm" data-testid="interview-plan">
          Interview in {session.interview.daysLeft}{' '}
          {session.interview.daysLeft === 1 ? 'day' : 'days'}: {session.interview.atRiskCount} cards
          are not yet stable enough to recall on that date, and about{' '}
          {session.interview.reviewsRemaining} reviews remain before it. Cards at risk come first.
        </p>
      ) : null}
      <ReviewSession
        initialSession={session}
        recordReviewAction={recordReviewAction}
        undoLastReviewAction={undoLastReviewAction}
      />
    </>
  );
}
