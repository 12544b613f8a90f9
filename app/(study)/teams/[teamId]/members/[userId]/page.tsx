import type { Metadata } from 'next';
import Link from '@/components/ui/app-link';
import {
  ItemStatusBadge,
  TrackStatusBadge,
  dueDay,
  formatDay,
} from '@/components/teams/status-badge';
import { requireUser } from '@/lib/auth/session';
import { orNotFound } from '@/lib/teams/page-guard';
import { getMemberEvidence } from '@/lib/teams/progress';
import { getTeamOverview } from '@/lib/teams/teams';

export const metadata: Metadata = { title: 'Member evidence' };

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)} %`);

export default async function MemberEvidencePage({
  params,
}: {
  params: Promise<{ teamId: string; userId: string }>;
}) {
  const { teamId, userId } = await params;
  await requireUser();
  const [team, view] = await orNotFound(() =>
    Promise.all([getTeamOverview({ teamId }), getMemberEvidence({ teamId, userId })]),
  );
  return (
    <>
      <header className="space-y-1">
        <p className="text-sm text-muted">
          <Link href="/teams">Teams</Link> / <Link href={`/teams/${teamId}`}>{team.name}</Link> /{' '}
          {view.name}
        </p>
        <h1 className="text-3xl">Evidence for {view.name}</h1>
        <p className="text-muted">
          Everything below is read from their lessons, flashcard reviews and scenario attempts.
        </p>
      </header>
      {view.tracks.map((track) => (
        <section
          key={track.trackId}
          aria-labelledby={`t-${track.trackId}`}
          className="card space-y-2"
        >
          <h2 id={`t-${track.trackId}`} className="text-xl">
            {track.title} <TrackStatusBadge status={track.progress.status} />
          </h2>
          <ol className="space-y-2">
            {track.progress.items.map((item) => (
              <li
                key={item.itemId}
                id={`item-${item.itemId}`}
                className="flex flex-wrap items-baseline gap-2"
              >
                <ItemStatusBadge status={item.status} /> <span>{item.title}</span>
                <span className="text-sm text-muted">
                  — {item.evidence}; due {dueDay(item.dueAt)}
                  {item.completedAt && `; done ${formatDay(item.completedAt)}`}
                </span>
              </li>
            ))}
          </ol>
        </section>
      ))}
      <section aria-labelledby="comp-heading" className="card space-y-2">
        <h2 id="comp-heading" className="text-xl">
          Competencies today
        </h2>
        <ul className="space-y-1 text-sm">
          {view.competencies.map((c) => (
            <li key={c.competency} id={`competency-${c.competency}`}>
              <strong>{c.competency}</strong>: readiness {pct(c.readiness)} ({c.level}); recall{' '}
              {pct(c.recall)} over {c.cardsReviewed}/{c.cardsTotal} cards studied; rubric{' '}
              {pct(c.rubric)} over {c.scenariosAttempted} scenarios attempted
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="sc-heading" className="card space-y-2">
        <h2 id="sc-heading" className="text-xl">
          Scenario attempts
        </h2>
        {view.scenarios.length === 0 ? (
          <p className="text-muted">None yet.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {view.scenarios.map((s) => (
              <li key={s.scenarioId}>
                {s.title}: best {s.best}, {s.attempts} attempts, last {formatDay(s.lastAt)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="ls-heading" className="card space-y-2">
        <h2 id="ls-heading" className="text-xl">
          Lessons completed
        </h2>
        {view.lessons.length === 0 ? (
          <p className="text-muted">None yet.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {view.lessons.map((l) => (
              <li key={l.lessonId}>
                {l.title}: {formatDay(l.completedAt)}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
