import type { Metadata } from 'next';
import Link from '@/components/ui/app-link';
import { getCurrentUser } from '@/lib/auth/session';
import { listSimulatorChallenges } from '@/lib/content/simulator-challenges';
import { bestChallengeResults, hasPassedChallenge } from '@/lib/simulator/challenges';

export const metadata: Metadata = {
  title: 'Simulator challenges',
  description:
    'Fix a misbehaving mesh in the simulator; the engine checks your own run against the goal.',
};

export default async function ChallengesPage() {
  const [challenges, user] = await Promise.all([listSimulatorChallenges(), getCurrentUser()]);
  const results = user ? await bestChallengeResults(user.id) : [];
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl sm:text-4xl">Simulator challenges</h1>
        <p className="max-w-3xl text-muted">
          Each challenge starts the simulator in a situation and sets a goal. Queue intents, step
          the control loop, then check your run: the server replays it and tells you which
          conditions hold.
        </p>
      </header>
      <ul className="grid gap-4 sm:grid-cols-2" data-testid="challenge-list">
        {challenges.map((c) => {
          const passed = hasPassedChallenge(results, c.id);
          const tried = results.some((r) => r.challengeId === c.id);
          return (
            <li key={c.id} className="card space-y-2">
              <h2 className="text-lg">
                <Link href={`/simulator/challenges/${c.id}`}>{c.title}</Link>
              </h2>
              <p className="text-sm">{c.summary}</p>
              <p className="text-sm text-muted">
                Preset: {c.preset.title}
                {user && (
                  <>
                    {' · '}
                    <span data-testid={`challenge-status-${c.id}`}>
                      {passed ? 'Passed' : tried ? 'Attempted' : 'Not attempted'}
                    </span>
                  </>
                )}
              </p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
