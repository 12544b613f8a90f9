import Link from '@/components/ui/app-link';
import { getSimulatorChallenge, listSimulatorChallenges } from '@/lib/content/simulator-challenges';

/**
 * A link card to a simulator challenge, for lessons and scenarios (server component):
 * `<ChallengeCard challengeId="stop-the-retry-storm" />`.
 */
export async function ChallengeCard({ challengeId }: { challengeId: string }) {
  const ch = await getSimulatorChallenge(challengeId);
  if (!ch)
    return (
      <p className="card text-danger" role="alert">
        Unknown simulator challenge “{challengeId}”.
      </p>
    );
  return (
    <aside className="card space-y-1" aria-label={`Simulator challenge: ${ch.title}`}>
      <p className="text-sm font-semibold text-muted">Simulator challenge</p>
      <p className="text-lg">
        <Link href={`/simulator/challenges/${ch.id}`}>{ch.title}</Link>
      </p>
      <p className="text-sm">{ch.summary}</p>
    </aside>
  );
}

/** Every challenge that lists `lessonId`, as cards (renders nothing when there is none). */
export async function LessonChallenges({ lessonId }: { lessonId: string }) {
  const all = await listSimulatorChallenges();
  const mine = all.filter((c) => c.lessonIds.includes(lessonId));
  if (mine.length === 0) return null;
  return (
    <section aria-labelledby="lesson-challenges-h" className="space-y-3">
      <h2 id="lesson-challenges-h" className="text-2xl">
        Try it in the simulator
      </h2>
      <div className="grid gap-3 sm:grid-cols-2">
        {mine.map((c) => (
          <ChallengeCard key={c.id} challengeId={c.id} />
        ))}
      </div>
    </section>
  );
}
