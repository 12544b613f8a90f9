import { competencyLabel, difficultyLabel, scenarioKindLabel } from '@/lib/content/labels';

/** Kind, difficulty and competency badges. */
export function ScenarioMeta({
  kind,
  difficulty,
  competencies,
}: {
  kind: string;
  difficulty: number;
  competencies: readonly string[];
}) {
  return (
    <ul className="flex flex-wrap gap-2 text-sm" aria-label="Scenario details">
      <li className="badge">{scenarioKindLabel(kind)}</li>
      <li className="badge">Difficulty: {difficultyLabel(difficulty)}</li>
      {competencies.map((competency) => (
        <li key={competency} className="badge">
          {competencyLabel(competency)}
        </li>
      ))}
    </ul>
  );
}

/** The learner's earlier attempts (newest first). */
export function AttemptHistory({
  attempts,
}: {
  attempts: Array<{ id: string; score: number; createdAt: string }>;
}) {
  return (
    <section aria-labelledby="history-heading" className="space-y-2" data-testid="attempt-history">
      <h2 id="history-heading" className="text-xl">
        Your earlier attempts
      </h2>
      <ol className="space-y-1 text-sm">
        {attempts.map((attempt) => (
          <li key={attempt.id}>
            <time dateTime={attempt.createdAt}>
              {attempt.createdAt.slice(0, 16).replace('T', ' ')} UTC
            </time>{' '}
            — score {attempt.score} / 100
          </li>
        ))}
      </ol>
    </section>
  );
}
