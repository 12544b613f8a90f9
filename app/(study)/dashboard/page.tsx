import type { Metadata } from 'next';
import Link from '@/components/ui/app-link';
import { requireUser } from '@/lib/auth/session';
import { LessonsDashboardCard } from '@/components/lesson/dashboard-card';
import { FlashcardsDashboardCard } from '@/components/flashcards/dashboard-card';
import { ScenariosDashboardCard } from '@/components/scenarios/dashboard-card';
import { SimulatorDashboardCard } from '@/components/simulator/dashboard-card';
import { FirstRunChecklist } from '@/components/progress/first-run-checklist';
import { firstRunChecklist, isNewUser } from '@/lib/progress/checklist';
import { getFirstRunCounts } from '@/lib/progress/first-run';

export const metadata: Metadata = { title: 'Dashboard' };

type Area = { title: string; href?: string; description: string; status: string };

// The other ways to use the product, beside the four practice areas above.
const AREAS: Area[] = [
  {
    title: 'Interviews',
    href: '/interviews',
    description: 'Timed mock interviews with rubric scoring and a shareable scorecard.',
    status: 'Available now: solo practice, or live with an interviewer.',
  },
  {
    title: 'Teams',
    href: '/teams',
    description: 'Onboarding tracks, due dates and a readiness matrix for platform teams.',
    status: 'Available now: your teams, invitations and My tracks.',
  },
];

export default async function DashboardPage() {
  const user = await requireUser('/dashboard');
  const counts = await getFirstRunCounts({ userId: user.id });
  const isNew = isNewUser(counts);
  return (
    <>
      <header className="space-y-1">
        <h1 className="text-3xl">
          {isNew ? 'Welcome' : 'Welcome back'}, {user.name}
        </h1>
        <p className="text-muted">
          {isNew ? 'Four short steps get you going.' : 'Pick up where you left off.'}
        </p>
      </header>
      <FirstRunChecklist steps={firstRunChecklist(counts)} />
      <section aria-labelledby="areas-heading" className="space-y-4">
        <h2 id="areas-heading" className="text-xl">
          Your practice areas
        </h2>
        <div className="grid gap-4 md:grid-cols-2">
          <LessonsDashboardCard userId={user.id} />
          <FlashcardsDashboardCard userId={user.id} />
          <ScenariosDashboardCard userId={user.id} />
          <SimulatorDashboardCard userId={user.id} />
        </div>
      </section>
      <section aria-labelledby="more-heading" className="space-y-4">
        <h2 id="more-heading" className="text-xl">
          Interviews and teams
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2">
          {AREAS.map((area) => (
            <li
              key={area.title}
              className="card flex flex-col gap-2"
              data-testid={`area-${area.title.toLowerCase()}`}
            >
              <h3 className="text-lg">
                {area.href ? <Link href={area.href}>{area.title}</Link> : area.title}
              </h3>
              <p className="text-muted">{area.description}</p>
              <p className="mt-auto text-sm font-medium">{area.status}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
