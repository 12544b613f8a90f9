import type { CardStateName } from '@/lib/srs/card';
import type { DayCount } from '@/lib/flashcards/stats';

// Charts are plain SVG with role="img" and a text summary; each has a table alternative
// in a <details> so screen-reader and keyboard users get the same numbers.

const STATE_LABELS: Record<CardStateName, string> = {
  new: 'New',
  learning: 'Learning',
  review: 'Review',
  relearning: 'Relearning',
};

function TableToggle({ children, label }: { children: React.ReactNode; label: string }) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer">{label}</summary>
      <div className="mt-2 max-h-80 overflow-auto">{children}</div>
    </details>
  );
}

/** Horizontal bars: cards per FSRS state. */
export function CardStateChart({ byState }: { byState: Record<CardStateName, number> }) {
  const entries = (Object.keys(STATE_LABELS) as CardStateName[]).map((state) => ({
    state,
    count: byState[state],
  }));
  const max = Math.max(1, ...entries.map((entry) => entry.count));
  const total = entries.reduce((sum, entry) => sum + entry.count, 0);
  const summary = entries.map((entry) => `${STATE_LABELS[entry.state]} ${entry.count}`).join(', ');
  return (
    <figure className="space-y-3">
      <svg
        viewBox="0 0 400 150"
        className="w-full max-w-xl"
        role="img"
        aria-label={`Cards by state: ${summary}.`}
      >
        {entries.map((entry, index) => {
          const y = index * 36 + 6;
          const width = (entry.count / max) * 250;
          return (
            <g key={entry.state}>
              <text x="0" y={y + 17} className="fill-fg text-[13px]">
                {STATE_LABELS[entry.state]}
              </text>
              <rect x="95" y={y} width={250} height="24" rx="4" className="fill-surface-2" />
              <rect x="95" y={y} width={width} height="24" rx="4" className="fill-accent" />
              <text x={100 + Math.max(width, 0)} y={y + 17} className="fill-fg text-[13px]">
                {entry.count}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="text-sm text-muted">{total} cards in your deck.</figcaption>
      <TableToggle label="Cards by state as a table">
        <table className="text-left [&_td]:py-0.5 [&_td]:pr-6 [&_th]:py-0.5 [&_th]:pr-6">
          <thead>
            <tr>
              <th scope="col">State</th>
              <th scope="col">Cards</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.state}>
                <th scope="row">{STATE_LABELS[entry.state]}</th>
                <td>{entry.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableToggle>
    </figure>
  );
}

function shortDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en', {
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

/** Vertical bars: cards due per day for the next 30 days (today includes overdue). */
export function ForecastChart({ forecast }: { forecast: DayCount[] }) {
  const max = Math.max(1, ...forecast.map((d) => d.count));
  const total = forecast.reduce((sum, d) => sum + d.count, 0);
  const busiest = forecast.reduce<DayCount | null>(
    (best, d) => (!best || d.count > best.count ? d : best),
    null,
  );
  const barWidth = 600 / forecast.length;
  return (
    <figure className="space-y-3">
      <svg
        viewBox="0 0 600 170"
        className="w-full"
        role="img"
        aria-label={`Due forecast for the next ${forecast.length} days: ${total} reviews in total, ${forecast[0]?.count ?? 0} today${
          busiest && busiest.count > 0
            ? `, busiest day ${shortDay(busiest.day)} with ${busiest.count}`
            : ''
        }.`}
      >
        <line x1="0" y1="140" x2="600" y2="140" className="stroke-border" />
        {forecast.map((d, i) => {
          const height = (d.count / max) * 120;
          return (
            <g key={d.day}>
              <rect
                x={i * barWidth + 2}
                y={140 - height}
                width={barWidth - 4}
                height={height}
                rx="2"
                className="fill-accent"
              >
                <title>{`${shortDay(d.day)}: ${d.count}`}</title>
              </rect>
              {i % 7 === 0 ? (
                <text x={i * barWidth + 2} y="160" className="fill-muted text-[11px]">
                  {i === 0 ? 'Today' : shortDay(d.day)}
                </text>
              ) : null}
            </g>
          );
        })}
        <text x="0" y="12" className="fill-muted text-[11px]">
          max {max}
        </text>
      </svg>
      <TableToggle label="Due forecast as a table">
        <table className="text-left [&_td]:py-0.5 [&_td]:pr-6 [&_th]:py-0.5 [&_th]:pr-6">
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Cards due</th>
            </tr>
          </thead>
          <tbody>
            {forecast.map((d, i) => (
              <tr key={d.day}>
                <th scope="row">
                  <time dateTime={d.day}>
                    {i === 0 ? `Today (${shortDay(d.day)}, incl. overdue)` : shortDay(d.day)}
                  </time>
                </th>
                <td>{d.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableToggle>
    </figure>
  );
}

const HEAT_LEVELS = [0, 0.35, 0.6, 0.8, 1];

/** GitHub-style calendar of reviews per day over the last year, with a per-month table. */
export function ReviewHeatmap({ heatmap }: { heatmap: DayCount[] }) {
  const max = Math.max(1, ...heatmap.map((d) => d.count));
  const firstWeekday = heatmap[0] ? new Date(`${heatmap[0].day}T00:00:00Z`).getUTCDay() : 0;
  const cell = 11;
  const weeks = Math.ceil((heatmap.length + firstWeekday) / 7);
  const activeDays = heatmap.filter((d) => d.count > 0).length;
  const total = heatmap.reduce((sum, d) => sum + d.count, 0);
  const months = new Map<string, { reviews: number; activeDays: number }>();
  for (const d of heatmap) {
    const month = d.day.slice(0, 7);
    const entry = months.get(month) ?? { reviews: 0, activeDays: 0 };
    entry.reviews += d.count;
    entry.activeDays += d.count > 0 ? 1 : 0;
    months.set(month, entry);
  }
  return (
    <figure className="space-y-3">
      <div className="overflow-x-auto">
        <svg
          viewBox={`0 0 ${weeks * cell + 2} ${7 * cell + 2}`}
          className="min-w-[600px] w-full"
          role="img"
          aria-label={`Review heatmap for the last ${heatmap.length} days: ${total} reviews on ${activeDays} days.`}
        >
          {heatmap.map((d, i) => {
            const slot = i + firstWeekday;
            const level = d.count === 0 ? 0 : Math.min(4, Math.ceil((d.count / max) * 4));
            return (
              <rect
                key={d.day}
                x={Math.floor(slot / 7) * cell + 1}
                y={(slot % 7) * cell + 1}
                width={cell - 2}
                height={cell - 2}
                rx="2"
                className={level === 0 ? 'fill-surface-2' : 'fill-accent'}
                fillOpacity={level === 0 ? 1 : HEAT_LEVELS[level]}
              >
                <title>{`${d.day}: ${d.count} ${d.count === 1 ? 'review' : 'reviews'}`}</title>
              </rect>
            );
          })}
        </svg>
      </div>
      <figcaption className="text-sm text-muted">
        {total} {total === 1 ? 'review' : 'reviews'} on {activeDays}{' '}
        {activeDays === 1 ? 'day' : 'days'} in the last year. Darker squares mean more reviews.
      </figcaption>
      <TableToggle label="Reviews per month as a table">
        <table className="text-left [&_td]:py-0.5 [&_td]:pr-6 [&_th]:py-0.5 [&_th]:pr-6">
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">Reviews</th>
              <th scope="col">Days with reviews</th>
            </tr>
          </thead>
          <tbody>
            {[...months.entries()].map(([month, entry]) => (
              <tr key={month}>
                <th scope="row">
                  <time dateTime={month}>
                    {new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en', {
                      month: 'long',
                      year: 'numeric',
                      timeZone: 'UTC',
                    })}
                  </time>
                </th>
                <td>{entry.reviews}</td>
                <td>{entry.activeDays}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableToggle>
    </figure>
  );
}
