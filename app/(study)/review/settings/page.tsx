import type { Metadata } from 'next';
import Link from '@/components/ui/app-link';
import { requireUser } from '@/lib/auth/session';
import { getSrsSettings } from '@/lib/flashcards/settings';
import {
  DESIRED_RETENTION_MAX,
  DESIRED_RETENTION_MIN,
  MAX_REVIEWS_PER_DAY_MAX,
  NEW_CARDS_PER_DAY_MAX,
  retentionWorkload,
} from '@/lib/srs/settings';
import { SrsSettingsForm } from '@/components/flashcards/srs-settings-form';
import { listTimeZones } from '@/lib/srs/time';
import { updateSrsSettingsAction } from '../actions';

export const metadata: Metadata = { title: 'Review settings' };
export const dynamic = 'force-dynamic';

const RETENTION_ROWS = [0.8, 0.85, 0.9, 0.93, 0.95, 0.97];

export default async function ReviewSettingsPage() {
  const user = await requireUser('/review/settings');
  const settings = await getSrsSettings({ userId: user.id });
  return (
    <>
      <header className="space-y-1">
        <p className="text-sm">
          <Link href="/review">← Back to review</Link>
        </p>
        <h1 className="text-3xl">Review settings</h1>
        <p className="text-muted">
          How many cards you see each day and how well you want to know them.
        </p>
      </header>
      <SrsSettingsForm
        action={updateSrsSettingsAction}
        initial={{
          desiredRetention: settings.desiredRetention,
          newCardsPerDay: settings.newCardsPerDay,
          maxReviewsPerDay: settings.maxReviewsPerDay,
          timeZone: settings.timeZone,
          dayStartHour: settings.dayStartHour,
          interviewDate: settings.interviewDate
            ? settings.interviewDate.toISOString().slice(0, 10)
            : '',
        }}
        limits={{
          retentionMin: DESIRED_RETENTION_MIN,
          retentionMax: DESIRED_RETENTION_MAX,
          newMax: NEW_CARDS_PER_DAY_MAX,
          reviewsMax: MAX_REVIEWS_PER_DAY_MAX,
        }}
        timeZones={listTimeZones()}
      />
      <section aria-labelledby="workload-heading" className="space-y-3">
        <h2 id="workload-heading" className="text-xl">
          Retention versus workload
        </h2>
        <p>
          FSRS schedules each card for the day your chance of recalling it drops to the desired
          retention. Asking for more retention brings every card back sooner, so the number of
          reviews climbs steeply near the top of the range, while going lower saves time but lets
          you forget more often. 0.90 is the usual balance; raise it for the weeks before an
          interview rather than permanently.
        </p>
        <table className="w-full text-left text-sm">
          <caption className="sr-only">
            Interval length and review load for each desired retention, relative to 0.90
          </caption>
          <thead>
            <tr>
              <th scope="col">Desired retention</th>
              <th scope="col">Intervals vs 0.90</th>
              <th scope="col">Reviews vs 0.90 (about)</th>
              <th scope="col">Due cards forgotten</th>
            </tr>
          </thead>
          <tbody>
            {RETENTION_ROWS.map((retention) => {
              const workload = retentionWorkload(retention);
              return (
                <tr
                  key={retention}
                  aria-current={retention === settings.desiredRetention ? 'true' : undefined}
                >
                  <th scope="row">{retention.toFixed(2)}</th>
                  <td>×{workload.intervalFactor.toFixed(2)}</td>
                  <td>×{workload.relativeReviews.toFixed(2)}</td>
                  <td>{Math.round(workload.forgetShare * 100)}%</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="text-sm text-muted">
          Computed from the FSRS-6 forgetting curve used by the scheduler (ts-fsrs default
          parameters); real workload also depends on how often you forget.
        </p>
      </section>
    </>
  );
}
