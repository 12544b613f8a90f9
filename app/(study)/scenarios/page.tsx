import type { Metadata } from 'next';
import Link from '@/components/ui/app-link';
import { z } from 'zod';
import { ScenarioList } from '@/components/scenarios/scenario-list';
import { competencyLabel, difficultyLabel, scenarioKindLabel } from '@/lib/content/labels';
import { getCurrentUser } from '@/lib/auth/session';
import { SCENARIO_KINDS } from '@/lib/content/scenario-schema';
import { listScenarioSummaries } from '@/lib/content/scenarios';
import { COMPETENCY_TAGS } from '@/lib/content/schemas';
import { getRecommendedScenario, listScenarioStats } from '@/lib/scenarios/attempts';

export const metadata: Metadata = {
  title: 'Scenarios',
  description:
    'Design questions about service meshes: decide, justify, and get rubric-graded feedback.',
};

type ScenariosPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Filters come from the query string: parse them, never trust them.
const filterSchema = z.object({
  kind: z.enum(SCENARIO_KINDS).optional().catch(undefined),
  difficulty: z.coerce.number().int().min(1).max(3).optional().catch(undefined),
  competency: z.enum(COMPETENCY_TAGS).optional().catch(undefined),
});

const single = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value) || undefined;

export default async function ScenariosPage({ searchParams }: ScenariosPageProps) {
  const query = await searchParams;
  const filters = filterSchema.parse({
    kind: single(query.kind),
    difficulty: single(query.difficulty),
    competency: single(query.competency),
  });
  const [user, summaries] = await Promise.all([getCurrentUser(), listScenarioSummaries()]);
  const [stats, recommended] = user
    ? await Promise.all([
        listScenarioStats({ userId: user.id }),
        getRecommendedScenario({ userId: user.id }),
      ])
    : [[], null];
  const statsById = new Map(stats.map((s) => [s.scenarioId, s]));
  const visible = summaries.filter(
    (s) =>
      (!filters.kind || s.kind === filters.kind) &&
      (!filters.difficulty || s.difficulty === filters.difficulty) &&
      (!filters.competency || s.competencies.some((c) => c === filters.competency)),
  );
  const recommendedSummary = recommended
    ? summaries.find((s) => s.id === recommended.scenarioId)
    : undefined;

  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <h1 className="text-3xl sm:text-4xl">Scenarios</h1>
        <p className="max-w-3xl text-lg">
          Realistic design questions: decide, write a justification, and get feedback on every
          concept you named or missed. Where a simulator preset exists, predict its effect first.
        </p>
      </header>

      {recommended && recommendedSummary && (
        <section
          aria-labelledby="next-heading"
          className="card space-y-2"
          data-testid="recommended-scenario"
        >
          <h2 id="next-heading" className="text-xl">
            Next recommended
          </h2>
          <p>
            <Link href={`/scenarios/${recommendedSummary.id}`} className="font-semibold">
              {recommendedSummary.title}
            </Link>
          </p>
          <p className="text-sm text-muted">{recommended.reason}</p>
        </section>
      )}

      <form method="get" className="flex flex-wrap items-end gap-4" aria-label="Filter scenarios">
        <div className="space-y-1">
          <label htmlFor="filter-kind" className="label">
            Kind
          </label>
          <select id="filter-kind" name="kind" defaultValue={filters.kind ?? ''} className="input">
            <option value="">All kinds</option>
            {SCENARIO_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {scenarioKindLabel(kind)}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="filter-difficulty" className="label">
            Difficulty
          </label>
          <select
            id="filter-difficulty"
            name="difficulty"
            defaultValue={filters.difficulty ? String(filters.difficulty) : ''}
            className="input"
          >
            <option value="">All levels</option>
            {[1, 2, 3].map((level) => (
              <option key={level} value={level}>
                {difficultyLabel(level)}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="filter-competency" className="label">
            Competency
          </label>
          <select
            id="filter-competency"
            name="competency"
            defaultValue={filters.competency ?? ''}
            className="input"
          >
            <option value="">All competencies</option>
            {COMPETENCY_TAGS.map((tag) => (
              <option key={tag} value={tag}>
                {competencyLabel(tag)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn btn-secondary">
          Apply filters
        </button>
        {(filters.kind || filters.difficulty || filters.competency) && (
          <Link href="/scenarios">Clear filters</Link>
        )}
      </form>

      <section aria-labelledby="scenario-list-heading" className="space-y-4">
        <h2 id="scenario-list-heading" className="text-2xl">
          {visible.length} of {summaries.length} scenarios
        </h2>
        <ScenarioList
          items={visible.map((summary) => {
            const stat = statsById.get(summary.id);
            const progress = stat
              ? `Best score ${stat.bestScore} / 100 · ${stat.attempts} attempt${stat.attempts === 1 ? '' : 's'}`
              : user
                ? 'Not attempted yet'
                : '';
            return {
              id: summary.id,
              title: summary.title,
              kind: summary.kind,
              difficulty: summary.difficulty,
              competencies: summary.competencies,
              note: `${progress}${summary.hasSimulator ? `${stat || user ? ' · ' : ''}Simulator preset` : ''}`,
            };
          })}
        />
        {visible.length === 0 && <p>No scenario matches these filters.</p>}
      </section>
    </div>
  );
}
