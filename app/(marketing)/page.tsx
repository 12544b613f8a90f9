import Link from '@/components/ui/app-link';

const AREAS = [
  {
    title: 'Lessons',
    href: '/lessons',
    text: 'The service mesh chapter as short lessons: data plane and control plane, mTLS and zero trust, retries and circuit breaking, rollout, and the five major meshes — each with a self-check.',
  },
  {
    title: 'Flashcards',
    href: '/review',
    text: 'Spaced repetition with FSRS, reviewed from the keyboard like Anki. Set an interview date and the schedule front-loads what you would otherwise forget.',
  },
  {
    title: 'Scenarios',
    href: '/scenarios',
    text: '“Is a mesh justified here?” “Istio or Linkerd for this team?” Answer with a decision and a justification; a rubric grader explains what you named and what you missed.',
  },
  {
    title: 'Simulator',
    href: '/simulator',
    text: 'Step a control loop through intents — strict mTLS, retries, a canary — and watch p50/p99 latency, errors, proxy cost and security posture change, with sourced numbers.',
  },
];

const AUDIENCES = [
  ['Engineers', 'who need to know when a mesh pays for itself — and when it does not.'],
  ['Interview candidates', 'who must defend a design with numbers, not buzzwords.'],
  ['Platform teams', 'onboarding people onto the mesh they actually run.'],
];

export default function LandingPage() {
  return (
    <div className="space-y-14">
      <section aria-labelledby="hero-title" className="space-y-6 pt-4">
        <p className="badge">Self-hostable · open practice platform</p>
        <h1
          id="hero-title"
          className="max-w-3xl text-4xl font-extrabold tracking-tight sm:text-5xl"
        >
          Learn to design, justify and defend a service mesh.
        </h1>
        <p className="max-w-2xl text-lg text-muted">
          Mesh Dojo turns one hard topic into deliberate practice: lessons, spaced-repetition
          flashcards, graded design scenarios and a simulator that shows what sidecars, mTLS and
          retries really cost.
        </p>
        <div className="flex flex-wrap gap-3">
          <Link href="/lessons" className="btn btn-primary">
            Start learning — no account needed
          </Link>
          <Link href="/sign-up" className="btn btn-secondary">
            Create a free account to save progress
          </Link>
        </div>
      </section>

      <section aria-labelledby="areas-title" className="space-y-4">
        <h2 id="areas-title" className="text-2xl">
          Four ways to practise
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2">
          {AREAS.map((area) => (
            <li key={area.href} className="card space-y-2">
              <h3 className="text-lg">
                <Link href={area.href}>{area.title}</Link>
              </h3>
              <p className="text-muted">{area.text}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="audience-title" className="space-y-4">
        <h2 id="audience-title" className="text-2xl">
          Who it is for
        </h2>
        <ul className="grid gap-4 md:grid-cols-3">
          {AUDIENCES.map(([who, why]) => (
            <li key={who} className="card">
              <p>
                <strong>{who}</strong> <span className="text-muted">{why}</span>
              </p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
