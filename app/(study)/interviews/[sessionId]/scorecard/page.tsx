import Link from '@/components/ui/app-link';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { getLesson } from '@/lib/content/lessons';
import { getSoloScorecard, InterviewError } from '@/lib/interviews/sessions';
import { DIMENSION_LABELS } from '@/lib/interviews/views';

export const metadata: Metadata = { title: 'Interview scorecard' };

export default async function SoloScorecardPage({
  params,
}: {
  params: Promise<{ sessionId: string }>;
}) {
  const { sessionId } = await params;
  const user = await requireUser();
  let result;
  try {
    result = await getSoloScorecard({ sessionId, userId: user.id });
  } catch (error) {
    if (error instanceof InterviewError) notFound();
    throw error;
  }
  const { scorecard, template, cardsForMissed } = result;
  const lessons = await Promise.all(
    scorecard.lessonsToReread.map(async (id) => ({
      id,
      title: (await getLesson(id))?.title ?? id,
    })),
  );
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl">Scorecard: {template.title}</h1>
        <p className="text-xl" data-testid="overall-score">
          Overall {scorecard.overall}/100 ({scorecard.answered} of {scorecard.questions} questions
          answered)
        </p>
      </header>
      <section aria-labelledby="dims-h" className="card space-y-3">
        <h2 id="dims-h" className="text-xl">
          Dimensions
        </h2>
        <div
          className="overflow-x-auto"
          tabIndex={0}
          role="region"
          aria-label="Scores per dimension"
        >
          <table className="w-full text-left text-sm" data-testid="dimension-table">
            <caption className="mb-2 text-left text-muted">
              Grader score (mean of the questions that test it) beside your self-assessment (1–4
              shown as 25–100)
            </caption>
            <thead>
              <tr className="border-b border-border">
                <th scope="col">Dimension</th>
                <th scope="col">Grader</th>
                <th scope="col">You</th>
                <th scope="col">Answered</th>
              </tr>
            </thead>
            <tbody>
              {scorecard.dimensions.map((d) => (
                <tr key={d.id} className="border-b border-border">
                  <th scope="row" className="font-normal">
                    {DIMENSION_LABELS[d.id]}
                  </th>
                  <td>{d.graded ?? '—'}</td>
                  <td>{d.self === null ? '—' : `${d.self} (${d.self * 25})`}</td>
                  <td>
                    {d.answered}/{d.total}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>
          Strongest:{' '}
          <strong data-testid="strongest">
            {scorecard.strongest ? DIMENSION_LABELS[scorecard.strongest] : '—'}
          </strong>
          . Weakest:{' '}
          <strong data-testid="weakest">
            {scorecard.weakest ? DIMENSION_LABELS[scorecard.weakest] : '—'}
          </strong>
          .
        </p>
      </section>
      <section aria-labelledby="reread-h" className="card space-y-2">
        <h2 id="reread-h" className="text-xl">
          What to reread
        </h2>
        {lessons.length === 0 ? (
          <p>No missed concepts. Well done.</p>
        ) : (
          <ul className="list-disc pl-5">
            {lessons.map((l) => (
              <li key={l.id}>
                <Link href={`/lessons/${l.id}`}>{l.title}</Link>
              </li>
            ))}
          </ul>
        )}
        {scorecard.missed.length > 0 && (
          <p data-testid="missed-cards">
            {scorecard.missed.length} missed concept{scorecard.missed.length === 1 ? '' : 's'};{' '}
            {cardsForMissed} in your <Link href="/review">flashcards</Link> (each added once).
          </p>
        )}
      </section>
      <p className="flex flex-wrap gap-4">
        <Link href={`/interviews/${sessionId}/replay`}>Replay this session</Link>
        <Link href="/interviews">All interviews and your progress</Link>
      </p>
    </div>
  );
}
