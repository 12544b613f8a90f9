import Link from '@/components/ui/app-link';
import type { Metadata } from 'next';
import { StartButtons } from '@/components/interviews/start-buttons';
import { requireUser } from '@/lib/auth/session';
import { listInterviewTemplates } from '@/lib/content/interviews';
import { listInterviewHistory } from '@/lib/interviews/sessions';
import { progressSeries } from '@/lib/interviews/scoring';
import { DIMENSION_LABELS } from '@/lib/interviews/views';
import { hostLiveAction, startSoloAction } from './actions';

export const metadata: Metadata = { title: 'Mock interviews' };

export default async function InterviewsPage() {
  const user = await requireUser();
  const [templates, history] = await Promise.all([
    listInterviewTemplates(),
    listInterviewHistory({ userId: user.id }),
  ]);
  const titles = new Map(templates.map((t) => [t.id, t.title]));
  const solo = progressSeries(
    history.flatMap((h) =>
      h.mode === 'solo' && h.endedAt && h.overallScore !== null
        ? [{ id: h.id, endedAt: h.endedAt, overallScore: h.overallScore }]
        : [],
    ),
  );
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl">Mock interviews</h1>
        <p className="text-muted">
          Practise alone against the clock and the rubric grader, or host a live session with a
          candidate and a shared simulator.
        </p>
      </header>
      <section aria-labelledby="templates-h" className="space-y-4">
        <h2 id="templates-h" className="text-2xl">
          Interviews
        </h2>
        <ul className="grid gap-4 md:grid-cols-2">
          {templates.map((t) => (
            <li
              key={t.id}
              id={`template-${t.id}`}
              className="card space-y-3"
              data-testid="interview-template"
            >
              <h3 className="text-xl">{t.title}</h3>
              <p className="text-sm text-muted">
                {t.minutes} min · {t.phases.length} phases ·{' '}
                {t.phases.reduce((n, p) => n + p.questions.length, 0)} questions
              </p>
              <p>{t.summary}</p>
              <p className="text-sm">
                Scored on: {t.dimensions.map((d) => DIMENSION_LABELS[d.id]).join(', ')}
              </p>
              <StartButtons
                templateId={t.id}
                title={t.title}
                startSolo={startSoloAction}
                hostLive={hostLiveAction}
              />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="history-h" className="space-y-3">
        <h2 id="history-h" className="text-2xl">
          Your sessions
        </h2>
        {solo.length > 0 && (
          <div
            className="overflow-x-auto"
            tabIndex={0}
            role="region"
            aria-label="Solo progress over time"
          >
            <table className="w-full text-left text-sm" data-testid="solo-progress">
              <caption className="mb-2 text-left text-muted">
                Finished solo sessions, oldest first
              </caption>
              <thead>
                <tr className="border-b border-border">
                  <th scope="col">Finished</th>
                  <th scope="col">Score</th>
                  <th scope="col">Change</th>
                </tr>
              </thead>
              <tbody>
                {solo.map((s) => (
                  <tr key={s.id} className="border-b border-border">
                    <td>
                      <Link href={`/interviews/${s.id}/scorecard`}>
                        {s.endedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC
                      </Link>
                    </td>
                    <td>{s.overallScore}</td>
                    <td>{s.change === null ? '—' : `${s.change > 0 ? '+' : ''}${s.change}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {history.length === 0 ? (
          <p className="text-muted">No sessions yet.</p>
        ) : (
          <ul className="space-y-2" data-testid="history">
            {history.map((h) => (
              <li key={h.id} className="flex flex-wrap items-center gap-2">
                <Link href={`/interviews/${h.id}`}>{titles.get(h.templateId) ?? h.templateId}</Link>
                <span className="badge">{h.role === 'solo' ? 'solo' : h.role}</span>
                <span className="badge">{h.status}</span>
                {h.overallScore !== null && <span>{h.overallScore}/100</span>}
                <span className="text-sm text-muted">{h.createdAt.toISOString().slice(0, 10)}</span>
                {h.status === 'ended' && <Link href={`/interviews/${h.id}/replay`}>Replay</Link>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
