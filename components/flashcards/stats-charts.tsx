import type { CardStateName } from '@/lib/srs/card';
import type { DayCount } from '@/lib/flashcards/stats';
import type { IntervalBucket, RetentionWeek } from '@/lib/srs/stats';

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

/**
 * Wide charts keep a minimum width so their axis labels stay readable on phones; the box
 * scrolls sideways there, is keyboard-focusable (axe scrollable-region-focusable) and, being
 * right-to-left, opens on the newest end.
 */
function ChartScroller({ children, label }: { children: React.ReactNode; label: string }) {
  return (
    <div
      className="overflow-x-auto rounded-md pb-1 [direction:rtl] [&>svg]:[direction:ltr]"
      tabIndex={0}
      role="region"
      aria-label={label}
    >
      {children}
    </div>
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
      <ChartScroller label="Due forecast chart (scrolls sideways on small screens)">
        <svg
          viewBox="0 0 600 170"
          className="w-full min-w-[36rem]"
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
      </ChartScroller>
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

// Opacity of the accent per level. In both themes a higher level is a stronger accent
// against the surface (dark blue on light, bright blue on dark): the legend shows the scale
// itself rather than saying "darker".
const HEAT_LEVELS = [0, 0.3, 0.55, 0.8, 1];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function heatLevel(count: number, max: number): number {
  return count === 0 ? 0 : Math.min(4, Math.ceil((count / max) * 4));
}

function HeatSquare({ level }: { level: number }) {
  return (
    <svg width="12" height="12" aria-hidden="true" className="inline-block align-middle">
      <rect
        width="12"
        height="12"
        rx="2"
        className={level === 0 ? 'fill-surface-2 stroke-border' : 'fill-accent'}
        fillOpacity={level === 0 ? 1 : HEAT_LEVELS[level]}
      />
    </svg>
  );
}

/**
 * GitHub/Anki-style calendar of reviews per day over the last year: weekday labels on the
 * left, month labels on top, drawn at a fixed pixel size so labels stay 12 px on phones. The
 * scroll area is keyboard-focusable and, being right-to-left, opens on today.
 */
export function ReviewHeatmap({ heatmap }: { heatmap: DayCount[] }) {
  const max = Math.max(1, ...heatmap.map((d) => d.count));
  const firstWeekday = heatmap[0] ? new Date(`${heatmap[0].day}T00:00:00Z`).getUTCDay() : 0;
  const cell = 14;
  const left = 34;
  const top = 18;
  const weeks = Math.ceil((heatmap.length + firstWeekday) / 7);
  const width = left + weeks * cell + 2;
  const height = top + 7 * cell + 2;
  const activeDays = heatmap.filter((d) => d.count > 0).length;
  const total = heatmap.reduce((sum, d) => sum + d.count, 0);
  const months = new Map<string, { reviews: number; activeDays: number }>();
  const monthStarts: Array<{ week: number; label: string }> = [];
  heatmap.forEach((d, i) => {
    const month = d.day.slice(0, 7);
    const entry = months.get(month) ?? { reviews: 0, activeDays: 0 };
    entry.reviews += d.count;
    entry.activeDays += d.count > 0 ? 1 : 0;
    months.set(month, entry);
    if (d.day.endsWith('-01') || i === 0) {
      const week = Math.floor((i + firstWeekday) / 7);
      const label = new Date(`${d.day}T00:00:00Z`).toLocaleDateString('en', {
        month: 'short',
        timeZone: 'UTC',
      });
      // Skip a label that would collide with the previous one (a partial first month).
      if (monthStarts.length === 0 || week - (monthStarts.at(-1)?.week ?? 0) >= 3)
        monthStarts.push({ week, label });
    }
  });
  return (
    <figure className="space-y-3">
      <div
        className="overflow-x-auto rounded-md pb-2 [direction:rtl]"
        tabIndex={0}
        role="region"
        aria-label="Review heatmap (scrolls sideways)"
        data-testid="heatmap-scroller"
      >
        <svg
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          className="block [direction:ltr]"
          role="img"
          aria-label={`Review heatmap for the last ${heatmap.length} days: ${total} reviews on ${activeDays} days.`}
        >
          {monthStarts.map(({ week, label }) => (
            <text
              key={`${label}-${week}`}
              x={left + week * cell}
              y="12"
              className="fill-muted text-[12px]"
            >
              {label}
            </text>
          ))}
          {[1, 3, 5].map((weekday) => (
            <text
              key={weekday}
              x="0"
              y={top + weekday * cell + 11}
              className="fill-muted text-[12px]"
            >
              {WEEKDAYS[weekday]}
            </text>
          ))}
          {heatmap.map((d, i) => {
            const slot = i + firstWeekday;
            const level = heatLevel(d.count, max);
            return (
              <rect
                key={d.day}
                x={left + Math.floor(slot / 7) * cell + 1}
                y={top + (slot % 7) * cell + 1}
                width={cell - 3}
                height={cell - 3}
                rx="2"
                className={level === 0 ? 'fill-surface-2' : 'fill-accent'}
                fillOpacity={level === 0 ? 1 : HEAT_LEVELS[level]}
                data-today={i === heatmap.length - 1 ? 'true' : undefined}
              >
                <title>{`${d.day}: ${d.count} ${d.count === 1 ? 'review' : 'reviews'}`}</title>
              </rect>
            );
          })}
        </svg>
      </div>
      <figcaption className="flex flex-wrap items-center justify-between gap-3 text-sm text-muted">
        <span>
          {total} {total === 1 ? 'review' : 'reviews'} on {activeDays}{' '}
          {activeDays === 1 ? 'day' : 'days'} in the last year.
        </span>
        <span className="flex items-center gap-1" data-testid="heatmap-legend">
          <span>Fewer</span>
          {[0, 1, 2, 3, 4].map((level) => (
            <HeatSquare key={level} level={level} />
          ))}
          <span>More reviews</span>
        </span>
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

/** Weekly true retention as bars against the desired retention line. */
export function RetentionChart({
  weeks,
  desiredRetention,
}: {
  weeks: RetentionWeek[];
  desiredRetention: number;
}) {
  const barWidth = 600 / Math.max(1, weeks.length);
  const y = (rate: number) => 140 - rate * 120;
  const withData = weeks.filter((w) => w.rate !== null);
  const summary =
    withData.length === 0
      ? 'No reviews of graduated cards yet.'
      : `Latest week ${pct(withData.at(-1)?.rate ?? null)}; desired ${pct(desiredRetention)}.`;
  return (
    <figure className="space-y-3">
      <ChartScroller label="Retention chart (scrolls sideways on small screens)">
        <svg
          viewBox="0 0 600 170"
          className="w-full min-w-[36rem] max-w-2xl"
          role="img"
          aria-label={`True retention per week for the last ${weeks.length} weeks. ${summary}`}
        >
          <line x1="0" y1="140" x2="600" y2="140" className="stroke-border" />
          <line
            x1="0"
            x2="600"
            y1={y(desiredRetention)}
            y2={y(desiredRetention)}
            className="stroke-warning"
            strokeDasharray="6 4"
          />
          {weeks.map((week, i) =>
            week.rate === null ? null : (
              <rect
                key={week.startMs}
                x={i * barWidth + 4}
                y={y(week.rate)}
                width={barWidth - 8}
                height={140 - y(week.rate)}
                rx="2"
                className="fill-accent"
              >
                <title>{`Week of ${shortDay(new Date(week.startMs).toISOString().slice(0, 10))}: ${pct(week.rate)} (${week.passed} passed, ${week.failed} failed)`}</title>
              </rect>
            ),
          )}
          <text x="0" y="164" className="fill-muted text-[13px]">
            {weeks.length} weeks ago
          </text>
          <text x="600" y="164" textAnchor="end" className="fill-muted text-[13px]">
            This week
          </text>
        </svg>
      </ChartScroller>
      <figcaption className="text-sm text-muted">
        {summary} The dashed line is your desired retention.
      </figcaption>
      <TableToggle label="Retention per week as a table">
        <table className="text-left [&_td]:py-0.5 [&_td]:pr-6 [&_th]:py-0.5 [&_th]:pr-6">
          <thead>
            <tr>
              <th scope="col">Week starting</th>
              <th scope="col">Retention</th>
              <th scope="col">Passed</th>
              <th scope="col">Failed</th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={week.startMs}>
                <th scope="row">{shortDay(new Date(week.startMs).toISOString().slice(0, 10))}</th>
                <td>{pct(week.rate)}</td>
                <td>{week.passed}</td>
                <td>{week.failed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableToggle>
    </figure>
  );
}

function pct(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(0)}%`;
}

/** Horizontal bars: review-state cards per current interval range. */
export function IntervalChart({ intervals }: { intervals: IntervalBucket[] }) {
  const max = Math.max(1, ...intervals.map((b) => b.count));
  const total = intervals.reduce((sum, b) => sum + b.count, 0);
  return (
    <figure className="space-y-3">
      <svg
        viewBox={`0 0 400 ${intervals.length * 26 + 4}`}
        className="w-full max-w-xl"
        role="img"
        aria-label={`Current intervals of ${total} review cards: ${intervals
          .map((b) => `${b.label} ${b.count}`)
          .join(', ')}.`}
      >
        {intervals.map((bucket, i) => {
          const yTop = i * 26 + 2;
          const width = (bucket.count / max) * 240;
          return (
            <g key={bucket.label}>
              <text x="0" y={yTop + 16} className="fill-fg text-[13px]">
                {bucket.label}
              </text>
              <rect x="100" y={yTop} width={width} height="20" rx="3" className="fill-accent" />
              <text x={106 + width} y={yTop + 16} className="fill-fg text-[13px]">
                {bucket.count}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="text-sm text-muted">
        {total === 0
          ? 'No card has graduated to review yet.'
          : `${total} cards in review; longer intervals mean better-known cards.`}
      </figcaption>
    </figure>
  );
}
