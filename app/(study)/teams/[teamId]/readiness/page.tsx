import type { Metadata } from 'next';
import Link from '@/components/ui/app-link';
import { heatStyle } from '@/components/teams/status-badge';
import { TeamNav } from '@/components/teams/team-nav';
import { requireUser } from '@/lib/auth/session';
import { isManaging } from '@/lib/teams/access';
import { orNotFound } from '@/lib/teams/page-guard';
import { getReadinessMatrix } from '@/lib/teams/progress';
import { getTeamOverview } from '@/lib/teams/teams';
import { READINESS_LEGEND } from '@/lib/tracks/readiness';

export const metadata: Metadata = { title: 'Readiness' };

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)} %`);
const LEVEL_TEXT = {
  ready: 'ready',
  developing: 'developing',
  gap: 'gap',
  'no-evidence': 'no evidence',
} as const;

export default async function ReadinessPage({
  params,
  searchParams,
}: {
  params: Promise<{ teamId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { teamId } = await params;
  const at = (await searchParams).at === 'due' ? 'due' : 'today';
  await requireUser();
  const [team, matrix] = await orNotFound(() =>
    Promise.all([getTeamOverview({ teamId }), getReadinessMatrix({ teamId, at })]),
  );
  const managing = isManaging(team.role);
  return (
    <>
      <header className="space-y-2">
        <p className="text-sm text-muted">
          <Link href="/teams">Teams</Link> / <Link href={`/teams/${teamId}`}>{team.name}</Link> /
          Readiness
        </p>
        <h1 className="text-3xl">Competency readiness</h1>
        <TeamNav teamId={teamId} managing={managing} current={`/teams/${teamId}/readiness`} />
      </header>
      <nav aria-label="Date" className="flex flex-wrap gap-2">
        <Link
          href={`/teams/${teamId}/readiness`}
          aria-current={at === 'today' ? 'page' : undefined}
          className={`btn ${at === 'today' ? 'btn-secondary' : 'btn-ghost'}`}
        >
          Predicted for today
        </Link>
        <Link
          href={`/teams/${teamId}/readiness?at=due`}
          aria-current={at === 'due' ? 'page' : undefined}
          className={`btn ${at === 'due' ? 'btn-secondary' : 'btn-ghost'}`}
        >
          Predicted on each due date
        </Link>
      </nav>
      <section aria-labelledby="legend-heading" className="card space-y-2">
        <h2 id="legend-heading" className="text-lg">
          How readiness is computed
        </h2>
        <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="readiness-legend">
          {READINESS_LEGEND.map((line) => (
            <li key={line}>{line}</li>
          ))}
          <li>
            {at === 'due'
              ? 'Date: for each member, the due date of their flashcard item for that competency, else the end of their track (today if already past).'
              : 'Date: today.'}
          </li>
        </ul>
      </section>
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Readiness matrix">
        <table className="min-w-full text-sm" data-testid="readiness-matrix">
          <caption className="sr-only">
            Readiness per member and competency; each cell links to its evidence
          </caption>
          <thead>
            <tr>
              <th scope="col" className="p-2 text-left">
                Member
              </th>
              {matrix.competencies.map((c) => (
                <th key={c} scope="col" className="p-2 text-left">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row" className="p-2 text-left">
                Team average
              </th>
              {matrix.average.map((cell) => (
                <td key={cell.competency} className="p-2" style={heatStyle(cell.readiness)}>
                  {pct(cell.readiness)}{' '}
                  <span className="block text-xs">
                    {LEVEL_TEXT[cell.level]} · {cell.withEvidence} with evidence
                  </span>
                </td>
              ))}
            </tr>
            {matrix.rows.map((row) => (
              <tr key={row.userId} data-testid={`readiness-row-${row.name}`}>
                <th scope="row" className="p-2 text-left">
                  {row.name}
                </th>
                {row.cells.map((cell) => (
                  <td key={cell.competency} className="p-2" style={heatStyle(cell.readiness)}>
                    <Link
                      href={`/teams/${teamId}/members/${row.userId}#competency-${cell.competency}`}
                      className="text-fg"
                    >
                      {pct(cell.readiness)}
                    </Link>
                    <span className="block text-xs">
                      {LEVEL_TEXT[cell.level]} · recall {pct(cell.recall)} · rubric{' '}
                      {pct(cell.rubric)}
                    </span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {managing && (
        <p>
          <a href={`/teams/${teamId}/export/readiness${at === 'due' ? '?at=due' : ''}`} download>
            Download readiness CSV
          </a>
        </p>
      )}
    </>
  );
}
