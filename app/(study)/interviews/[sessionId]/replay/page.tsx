import Link from '@/components/ui/app-link';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ReplayView } from '@/components/interviews/replay-view';
import { requireUser } from '@/lib/auth/session';
import { getSimulatorPreset } from '@/lib/content/simulator-presets';
import { getSessionSnapshot, InterviewError } from '@/lib/interviews/sessions';

export const metadata: Metadata = { title: 'Interview replay' };

export default async function InterviewReplayPage({
  params,
}: {
  params: Promise<{ sessionId: string }>;
}) {
  const { sessionId } = await params;
  const user = await requireUser();
  let snapshot;
  try {
    snapshot = await getSessionSnapshot({ sessionId, userId: user.id });
  } catch (error) {
    if (error instanceof InterviewError) notFound();
    throw error;
  }
  const preset = await getSimulatorPreset(snapshot.template.simulator.presetId);
  if (!preset) notFound();
  return (
    <div className="space-y-4">
      <h1 className="text-3xl">Replay: {snapshot.template.title}</h1>
      <p>
        <Link href={`/interviews/${sessionId}`}>Back to the session</Link>
      </p>
      <ReplayView
        events={snapshot.events}
        template={snapshot.template}
        simConfig={preset.config}
        simTitle={preset.title}
      />
    </div>
  );
}
