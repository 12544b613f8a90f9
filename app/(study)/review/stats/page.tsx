import type { Metadata } from 'next';
import Link from '@/components/ui/app-link';
import { requireUser } from '@/lib/auth/session';
import { getReviewStats } from '@/lib/flashcards/stats';
import type { RetentionStat } from '@/lib/flashcards/stats';
import {
  CardStateChart,
  ForecastChart,
  IntervalChart,
  RetentionChart,
  ReviewHeatmap,
} from '@/components/flashcards/stats-charts';
import { getSrsSettings } from '@/lib/flashcards/settings';

export const metadata: Metadata = { title: 'Review stats' };
export const dynamic = 'force-dynamic';

function percent(stat: RetentionStat): string {
  return stat.rate === null ? '—' : `${(stat.rate * 100).toFixed(1)}%`;
}

export default async function ReviewStatsPage() {
  const user = await requireUser('/review/stats');
  const [stats, settings] = await Promise.all([
    getReviewStats({ userId: user.id, now: new Date() }),
    getSrsSettings({ userId: user.id }),
  ]);
  const { timeZone, dayStartHour } = stats.studyDay;
  return (
    <>
      <header className="space-y-1">
        <p className="text-sm">
          <Link href="/review">← Back to review</Link>
        </p>
        <h1 className="text-3xl">Review stats</h1>
        <p className="text-muted" data-testid="study-day">
          Days are counted in {timeZone.replaceAll('_', ' ')} and start at{' '}
          {String(dayStartHour).padStart(2, '0')}:00.{' '}
          <Link href="/review/settings">Change in settings</Link>
        </p>
      </header>

      <section aria-labelledby="summary-heading" className="space-y-3">
        <h2 id="summary-heading" className="text-xl">
          At a glance
        </h2>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <div className="card">
            <dt className="text-sm text-muted">Reviews today</dt>
            <dd className="text-3xl" data-testid="stat-reviews-today">
              {stats.totals.reviewsToday}
            </dd>
          </div>
          <div className="card">
            <dt className="text-sm text-muted">Streak</dt>
            <dd className="text-3xl" data-testid="stat-streak">
              {stats.streak.current} {stats.streak.current === 1 ? 'day' : 'days'}
            </dd>
            <dd className="text-sm text-muted">Longest this year: {stats.streak.longest}</dd>
          </div>
          <div className="card">
            <dt className="text-sm text-muted">True retention, last 30 days</dt>
            <dd className="text-3xl" data-testid="stat-retention">
              {percent(stats.retention.last30Days)}
            </dd>
            <dd className="text-sm text-muted">
              {stats.retention.last30Days.passed} passed, {stats.retention.last30Days.failed} failed
            </dd>
          </div>
          <div className="card">
            <dt className="text-sm text-muted">True retention, all time</dt>
            <dd className="text-3xl">{percent(stats.retention.allTime)}</dd>
            <dd className="text-sm text-muted">{stats.totals.reviews} reviews in total</dd>
          </div>
        </dl>
        <p className="text-sm text-muted">
          True retention counts only reviews of cards that had graduated to review: Hard, Good and
          Easy pass, Again fails. Compare it with your desired retention in the settings.
        </p>
      </section>

      <section aria-labelledby="states-heading" className="card space-y-3">
        <h2 id="states-heading" className="text-xl">
          Cards by state
        </h2>
        <CardStateChart byState={stats.byState} />
      </section>

      <section aria-labelledby="forecast-heading" className="card space-y-3">
        <h2 id="forecast-heading" className="text-xl">
          Due in the next 30 days
        </h2>
        <ForecastChart forecast={stats.forecast} />
      </section>

      <section aria-labelledby="retention-heading" className="card space-y-3">
        <h2 id="retention-heading" className="text-xl">
          Retention over time
        </h2>
        <RetentionChart
          weeks={stats.retentionByWeek}
          desiredRetention={settings.desiredRetention}
        />
      </section>

      <section aria-labelledby="intervals-heading" className="card space-y-3">
        <h2 id="intervals-heading" className="text-xl">
          Card intervals
        </h2>
        <IntervalChart intervals={stats.intervals} />
      </section>

      <section aria-labelledby="heatmap-heading" className="card space-y-3">
        <h2 id="heatmap-heading" className="text-xl">
          Reviews over the last year
        </h2>
        <ReviewHeatmap heatmap={stats.heatmap} />
      </section>

      <section aria-labelledby="export-heading" className="space-y-2">
        <h2 id="export-heading" className="text-xl">
          Export
        </h2>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            <a href="/review/export/deck-csv" download>
              Deck with your card states (CSV)
            </a>
          </li>
          <li>
            <a href="/review/export/history-csv" download>
              Your review history (CSV)
            </a>
          </li>
          <li>
            <a href="/review/export/anki" download>
              Deck for Anki (tab-separated text; File → Import in Anki)
            </a>
          </li>
        </ul>
        <p className="text-sm text-muted" data-testid="anki-export-note">
          The Anki file holds the cards only: Anki imports them as new cards, without your
          scheduling or review history here. The two CSV files keep both.
        </p>
      </section>
    </>
  );
}
