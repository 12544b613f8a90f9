import Link from '@/components/ui/app-link';
import { competencyLabel } from '@/lib/content/labels';
import { listScenarioSummaries } from '@/lib/content/scenarios';
import {
  getRecommendedScenario,
  listCompetencyScores,
  listScenarioStats,
} from '@/lib/scenarios/attempts';

/** Dashboard widget: scenarios attempted, weakest competency and the next recommended scenario. */
export async function ScenariosDashboardCard({ userId }: { userId: string }) {
  const [summaries, stats, competencies, recommended] = await Promise.all([
    listScenarioSummaries(),
    listScenarioStats({ userId }),
    listCompetencyScores({ userId }),
    getRecommendedScenario({ userId }),
  ]);
  const mastered = stats.filter((s) => s.bestScore >= 80).length;
  // With no attempts there is no weakest competency to report, only a place to start.
  const weakest = stats.length > 0 ? competencies[0] : undefined;
  const next = recommended ? summaries.find((s) => s.id === recommended.scenarioId) : undefined;
  return (
    <section
      aria-labelledby="scenarios-card-heading"
      className="card space-y-2"
      data-testid="scenarios-dashboard-card"
    >
      <h3 id="scenarios-card-heading" className="text-lg">
        Scenarios
      </h3>
      <p>
        {stats.length} of {summaries.length} attempted · {mastered} scored 80 or more
      </p>
      {weakest && (
        <p className="text-sm text-muted">
          Weakest competency: {competencyLabel(weakest.competency)} (average best score{' '}
          {weakest.score})
        </p>
      )}
      {next ? (
        <p>
          {stats.length === 0 ? 'Start with: ' : 'Next: '}
          <Link href={`/scenarios/${next.id}`}>{next.title}</Link>
        </p>
      ) : (
        <p>
          <Link href="/scenarios">Browse scenarios</Link>
        </p>
      )}
    </section>
  );
}
