'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { ScorecardValue } from '@/components/interviews/scorecard-form';
import { getCurrentUser } from '@/lib/auth/session';
import { contentIdSchema } from '@/lib/content/schemas';
import {
  createReportLink,
  releaseScorecard,
  revokeReportLink,
  saveScorecardDraft,
  submitScorecard,
  type ScorecardDto,
} from '@/lib/interviews/scorecards';
import {
  createLiveSession,
  createSoloSession,
  InterviewError,
  joinWithInvite,
  renewInvite,
} from '@/lib/interviews/sessions';

// Thin server actions: parse with zod, take the user from the session, call lib/interviews.

type Fail = { ok: false; message: string };
const sessionIdSchema = z.object({ sessionId: z.string().min(1).max(64) });

async function userOrFail() {
  const user = await getCurrentUser();
  if (!user) throw new InterviewError('unauthenticated', 'Sign in to continue.');
  return user;
}

function failure(error: unknown): Fail {
  if (error instanceof InterviewError) return { ok: false, message: error.message };
  console.error(error);
  return { ok: false, message: 'Something went wrong. Please try again.' };
}

const toValue = (s: ScorecardDto): ScorecardValue => ({
  ratings: s.ratings,
  hireSignal: s.hireSignal,
  feedback: s.feedback,
  submittedAt: s.submittedAt?.toISOString() ?? null,
  releasedAt: s.releasedAt?.toISOString() ?? null,
});

export type StartState = { message: string } | null;

/** A form field, or null when the argument is not a FormData (a crafted call). */
const field = (formData: unknown, name: string) =>
  formData instanceof FormData ? formData.get(name) : null;

/** Starts a solo session (form: templateId) and opens it. */
export async function startSoloAction(
  _previous: StartState,
  formData: unknown,
): Promise<StartState> {
  const parsed = contentIdSchema.safeParse(field(formData, 'templateId'));
  if (!parsed.success) return { message: 'Choose an interview template.' };
  let sessionId: string;
  try {
    sessionId = (
      await createSoloSession({ userId: (await userOrFail()).id, templateId: parsed.data })
    ).sessionId;
  } catch (error) {
    return { message: failure(error).message };
  }
  redirect(`/interviews/${sessionId}`);
}

/** Creates a live session (form: templateId) and opens its lobby with the invite in the fragment. */
export async function hostLiveAction(
  _previous: StartState,
  formData: unknown,
): Promise<StartState> {
  const parsed = contentIdSchema.safeParse(field(formData, 'templateId'));
  if (!parsed.success) return { message: 'Choose an interview template.' };
  let target: string;
  try {
    const live = await createLiveSession({
      userId: (await userOrFail()).id,
      templateId: parsed.data,
    });
    target = `/interviews/${live.sessionId}#invite=${live.inviteToken}`;
  } catch (error) {
    return { message: failure(error).message };
  }
  redirect(target);
}

/** Joins with an invite token (form: token). */
export async function joinInterviewAction(
  _previous: StartState,
  formData: unknown,
): Promise<StartState> {
  const parsed = z.string().min(1).max(200).safeParse(field(formData, 'token'));
  if (!parsed.success) return { message: 'This invite link is not valid.' };
  let sessionId: string;
  try {
    sessionId = (await joinWithInvite({ userId: (await userOrFail()).id, token: parsed.data }))
      .sessionId;
  } catch (error) {
    return { message: failure(error).message };
  }
  redirect(`/interviews/${sessionId}`);
}

export async function renewInviteAction(
  input: unknown,
): Promise<{ ok: true; token: string } | Fail> {
  const parsed = sessionIdSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: 'Unknown session.' };
  try {
    const { inviteToken } = await renewInvite({
      sessionId: parsed.data.sessionId,
      userId: (await userOrFail()).id,
    });
    return { ok: true, token: inviteToken };
  } catch (error) {
    return failure(error);
  }
}

const scorecardArgs = sessionIdSchema.extend({
  ratings: z.unknown(),
  hireSignal: z.unknown(),
  feedback: z.unknown(),
});

export async function saveScorecardAction(
  input: unknown,
): Promise<{ ok: true; scorecard: ScorecardValue } | Fail> {
  const parsed = scorecardArgs.safeParse(input);
  if (!parsed.success) return { ok: false, message: 'Invalid scorecard.' };
  const { sessionId, ...card } = parsed.data;
  try {
    return {
      ok: true,
      scorecard: toValue(
        await saveScorecardDraft({ sessionId, userId: (await userOrFail()).id, input: card }),
      ),
    };
  } catch (error) {
    return failure(error);
  }
}

export async function submitScorecardAction(
  input: unknown,
): Promise<{ ok: true; scorecard: ScorecardValue } | Fail> {
  const parsed = scorecardArgs.safeParse(input);
  if (!parsed.success) return { ok: false, message: 'Invalid scorecard.' };
  const { sessionId, ...card } = parsed.data;
  try {
    return {
      ok: true,
      scorecard: toValue(
        await submitScorecard({ sessionId, userId: (await userOrFail()).id, input: card }),
      ),
    };
  } catch (error) {
    return failure(error);
  }
}

export async function releaseScorecardAction(
  input: unknown,
): Promise<{ ok: true; scorecard: ScorecardValue } | Fail> {
  const parsed = sessionIdSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: 'Unknown session.' };
  try {
    return {
      ok: true,
      scorecard: toValue(
        await releaseScorecard({
          sessionId: parsed.data.sessionId,
          userId: (await userOrFail()).id,
        }),
      ),
    };
  } catch (error) {
    return failure(error);
  }
}

export async function createReportLinkAction(
  input: unknown,
): Promise<{ ok: true; token: string } | Fail> {
  const parsed = sessionIdSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: 'Unknown session.' };
  try {
    return {
      ok: true,
      ...(await createReportLink({
        sessionId: parsed.data.sessionId,
        userId: (await userOrFail()).id,
      })),
    };
  } catch (error) {
    return failure(error);
  }
}

export async function revokeReportLinkAction(input: unknown): Promise<{ ok: true } | Fail> {
  const parsed = sessionIdSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: 'Unknown session.' };
  try {
    await revokeReportLink({ sessionId: parsed.data.sessionId, userId: (await userOrFail()).id });
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}
