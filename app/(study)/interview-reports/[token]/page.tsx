import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ReplayView } from '@/components/interviews/replay-view';
import { ScorecardView } from '@/components/interviews/scorecard-view';
import { getSimulatorPreset } from '@/lib/content/simulator-presets';
import { getReportByToken } from '@/lib/interviews/scorecards';

export const metadata: Metadata = {
  title: 'Interview report',
  robots: { index: false, follow: false },
};

/** The read-only report behind a revocable link: no sign-in, no private notes, no drafts. */
export default async function InterviewReportPage({
  params,
}: {
  params: Promise<{ token: string }>;
}) {
  const { token } = await params;
  const report = await getReportByToken({ token });
  if (!report) notFound();
  const preset = await getSimulatorPreset(report.template.simulator.presetId);
  if (!preset) notFound();
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-3xl">Interview report: {report.template.title}</h1>
        <p className="text-muted">
          {report.mode === 'live' ? 'Live session' : 'Solo practice'} of{' '}
          {report.createdAt.toISOString().slice(0, 10)}. Read only.
        </p>
      </header>
      {report.scorecard && (
        <ScorecardView
          scorecard={{
            ...report.scorecard,
            submittedAt: report.scorecard.submittedAt?.toISOString() ?? null,
            releasedAt: report.scorecard.releasedAt?.toISOString() ?? null,
          }}
          dimensions={report.template.dimensions}
        />
      )}
      <ReplayView
        events={report.events}
        template={report.template}
        simConfig={preset.config}
        simTitle={preset.title}
      />
    </div>
  );
}
