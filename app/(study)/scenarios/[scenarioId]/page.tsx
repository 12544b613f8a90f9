import type { Metadata } from 'next';
import Link from '@/components/ui/app-link';
import { notFound } from 'next/navigation';
import { LessonBody } from '@/components/lesson/lesson-body';
import { ScenarioAttemptFlow } from '@/components/scenarios/scenario-attempt-flow';
import { AttemptHistory, ScenarioMeta } from '@/components/scenarios/scenario-meta';
import { SimulatorEmbed } from '@/components/simulator/simulator-embed';
import { getCurrentUser } from '@/lib/auth/session';
import { listLessons } from '@/lib/content/lessons';
import { renderMarkdown } from '@/lib/content/markdown';
import { getScenario } from '@/lib/content/scenarios';
import { listCitableRuns, listScenarioAttempts } from '@/lib/scenarios/attempts';
import { toPublicScenario } from '@/lib/scenarios/public-scenario';
import { revealModelAnswerAction, submitScenarioAttemptAction } from './actions';

type ScenarioPageProps = { params: Promise<{ scenarioId: string }> };

export async function generateMetadata({ params }: ScenarioPageProps): Promise<Metadata> {
  const scenario = await getScenario((await params).scenarioId);
  if (!scenario) return { title: 'Scenario not found' };
  return { title: scenario.title, description: scenario.question };
}

export default async function ScenarioPage({ params }: ScenarioPageProps) {
  const { scenarioId } = await params;
  const scenario = await getScenario(scenarioId);
  if (!scenario) notFound();
  const [user, rendered, lessons] = await Promise.all([
    getCurrentUser(),
    renderMarkdown(scenario.context),
    listLessons(),
  ]);
  const lessonTitles = Object.fromEntries(lessons.map((lesson) => [lesson.id, lesson.title]));
  const [history, runs] = user
    ? await Promise.all([
        listScenarioAttempts({ userId: user.id, scenarioId: scenario.id, limit: 10 }),
        scenario.simulator
          ? listCitableRuns({ userId: user.id, presetId: scenario.simulator.presetId })
          : Promise.resolve([]),
      ])
    : [[], []];

  return (
    <div className="space-y-8">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/scenarios">Scenarios</Link> <span aria-hidden="true">/</span>{' '}
        <span aria-current="page">{scenario.title}</span>
      </nav>
      <header className="space-y-3">
        <h1 className="text-3xl sm:text-4xl">{scenario.title}</h1>
        <ScenarioMeta
          kind={scenario.kind}
          difficulty={scenario.difficulty}
          competencies={scenario.competencies}
        />
      </header>

      <section aria-labelledby="context-heading" className="space-y-3">
        <h2 id="context-heading" className="text-2xl">
          Context
        </h2>
        {/* Code blocks scroll sideways: make them focusable so keyboard users can scroll them (axe scrollable-region-focusable). */}
        <LessonBody html={rendered.html} />
        <p className="text-lg font-semibold">{scenario.question}</p>
        <p className="text-sm text-muted">
          Lessons behind this scenario:{' '}
          {scenario.lessonIds.map((lessonId, index) => (
            <span key={lessonId}>
              {index > 0 && ', '}
              <Link href={`/lessons/${lessonId}`}>{lessonTitles[lessonId] ?? lessonId}</Link>
            </span>
          ))}
        </p>
      </section>

      {user ? null : (
        <p className="card" data-testid="anonymous-note">
          You can answer without an account and see the feedback.{' '}
          <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/scenarios/${scenario.id}`)}`}>
            Sign in
          </Link>{' '}
          or <Link href="/sign-up">create an account</Link> to save your attempts.
        </p>
      )}
      <ScenarioAttemptFlow
        scenario={toPublicScenario(scenario)}
        submit={submitScenarioAttemptAction}
        reveal={revealModelAnswerAction}
        lessonTitles={lessonTitles}
        citableRuns={runs.map((run) => ({ id: run.id, name: run.name }))}
        simulator={
          scenario.simulator ? <SimulatorEmbed presetId={scenario.simulator.presetId} /> : null
        }
      />

      {history.length > 0 && (
        <AttemptHistory
          attempts={history.map((a) => ({
            id: a.id,
            score: a.score,
            createdAt: a.createdAt.toISOString(),
          }))}
        />
      )}
    </div>
  );
}
