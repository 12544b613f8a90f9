import { HIRE_SIGNAL_LABELS } from '@/lib/interviews/events';
import type { ScorecardValue } from './scorecard-form';

/** A submitted scorecard, read only (candidate after release, report link). */
export function ScorecardView({
  scorecard,
  dimensions,
}: {
  scorecard: ScorecardValue;
  dimensions: Array<{ id: string; label: string }>;
}) {
  return (
    <section
      aria-labelledby="scorecard-view-h"
      className="card space-y-3"
      data-testid="scorecard-view"
    >
      <h2 id="scorecard-view-h" className="text-xl">
        Interviewer’s scorecard
      </h2>
      <p>
        Hire signal:{' '}
        <strong data-testid="hire-signal">
          {scorecard.hireSignal ? HIRE_SIGNAL_LABELS[scorecard.hireSignal] : 'No decision'}
        </strong>
      </p>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Ratings per dimension (1 to 4)</caption>
        <thead>
          <tr className="border-b border-border">
            <th scope="col" className="py-1">
              Dimension
            </th>
            <th scope="col" className="py-1">
              Rating (1–4)
            </th>
          </tr>
        </thead>
        <tbody>
          {dimensions.map((d) => (
            <tr key={d.id} className="border-b border-border">
              <th scope="row" className="py-1 font-normal">
                {d.label}
              </th>
              <td className="py-1">
                {scorecard.ratings[d.id as keyof typeof scorecard.ratings] ?? '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div>
        <h3 className="font-semibold">Feedback</h3>
        <p className="whitespace-pre-wrap">{scorecard.feedback || 'No written feedback.'}</p>
      </div>
    </section>
  );
}
