import type { Metadata } from 'next';
import Link from '@/components/ui/app-link';
import { notFound } from 'next/navigation';
import { SimulatorLazy } from '@/components/simulator/simulator-lazy';
import { getCurrentUser } from '@/lib/auth/session';
import { getSimulatorChallenge } from '@/lib/content/simulator-challenges';
import { setupScript } from '@/lib/sim/challenges';
import { listChallengeResults } from '@/lib/simulator/challenges';
import { checkChallengeAction } from '../actions';

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const ch = await getSimulatorChallenge((await params).id);
  return { title: ch ? `Challenge: ${ch.title}` : 'Challenge not found' };
}

export default async function ChallengePage({ params }: { params: Params }) {
  const { id } = await params;
  const [ch, user] = await Promise.all([getSimulatorChallenge(id), getCurrentUser()]);
  if (!ch) notFound();
  const results = user ? await listChallengeResults({ userId: user.id, challengeId: ch.id }) : [];
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href="/simulator/challenges">All challenges</Link>
        </p>
        <h1 className="text-3xl sm:text-4xl">{ch.title}</h1>
        <p className="max-w-3xl">{ch.summary}</p>
      </header>
      <section aria-labelledby="goal-h" className="card space-y-2">
        <h2 id="goal-h" className="text-xl">
          Goal
        </h2>
        <ul className="list-disc space-y-1 pl-5">
          {ch.conditions.map((c) => (
            <li key={c.label}>{c.label}</li>
          ))}
          <li>Judged on the last step, after every change has reached the proxies.</li>
        </ul>
        <details>
          <summary className="cursor-pointer">Hints</summary>
          <ol className="mt-2 list-decimal space-y-1 pl-5">
            {ch.hints.map((h) => (
              <li key={h}>{h}</li>
            ))}
          </ol>
        </details>
      </section>
      <SimulatorLazy
        run={{
          config: ch.preset.config,
          seed: ch.preset.seed,
          script: setupScript(ch),
          steps: 0,
          presetId: ch.preset.id,
        }}
        preset={null}
        challenge={{ id: ch.id, onCheck: checkChallengeAction, signedIn: Boolean(user) }}
      />
      {user && results.length > 0 && (
        <section aria-labelledby="results-h" className="card space-y-2">
          <h2 id="results-h" className="text-lg">
            Your attempts
          </h2>
          <ul className="space-y-1 text-sm" data-testid="challenge-results">
            {results.map((r) => (
              <li key={r.id}>
                {r.createdAt.toISOString().slice(0, 16).replace('T', ' ')} UTC:{' '}
                <strong>{r.passed ? 'passed' : 'not passed'}</strong> after {r.steps} steps
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
