import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { InterviewRoom } from '@/components/interviews/interview-room';
import type { ScorecardValue } from '@/components/interviews/scorecard-form';
import { requireUser } from '@/lib/auth/session';
import { getSimulatorPreset } from '@/lib/content/simulator-presets';
import { getScorecard } from '@/lib/interviews/scorecards';
import { getSessionSnapshot, InterviewError } from '@/lib/interviews/sessions';
import {
  createReportLinkAction,
  releaseScorecardAction,
  renewInviteAction,
  revokeReportLinkAction,
  saveScorecardAction,
  submitScorecardAction,
} from '../actions';

export const metadata: Metadata = { title: 'Interview session' };

export default async function InterviewSessionPage({
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
  const card = snapshot.mode === 'live' ? await getScorecard({ sessionId, userId: user.id }) : null;
  const scorecard: ScorecardValue | null = card
    ? {
        ratings: card.ratings,
        hireSignal: card.hireSignal,
        feedback: card.feedback,
        submittedAt: card.submittedAt?.toISOString() ?? null,
        releasedAt: card.releasedAt?.toISOString() ?? null,
      }
    : null;
  const isInterviewer = snapshot.role === 'interviewer';
  return (
    <InterviewRoom
      sessionId={sessionId}
      role={snapshot.role}
      template={snapshot.template}
      initialEvents={snapshot.events}
      serverNow={snapshot.serverNow}
      simConfig={preset.config}
      simTitle={preset.title}
      scorecard={scorecard}
      scorecardActions={
        isInterviewer
          ? {
              save: saveScorecardAction,
              submit: submitScorecardAction,
              release: releaseScorecardAction,
            }
          : undefined
      }
      renewInvite={isInterviewer ? renewInviteAction : undefined}
      reportLink={
        isInterviewer || snapshot.role === 'solo'
          ? {
              create: createReportLinkAction,
              revoke: revokeReportLinkAction,
              active: snapshot.hasReportLink,
            }
          : undefined
      }
    />
  );
}
