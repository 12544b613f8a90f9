import 'server-only';
import { db } from '@/lib/db';
import { getCurrentUser } from '@/lib/auth/session';
import { HashQueueFullError, hashPassword, verifyPassword } from '@/lib/auth/password';
import { changePasswordSchema, personNameSchema } from '@/lib/auth/schemas';
import { forgetUser, revokeAllSessions } from '@/lib/auth/sessions';

/*
 * The signed-in user's own account: name, password, data export and deletion. Every
 * function re-checks that the session belongs to `userId` (a page check does not protect
 * the actions behind it).
 */

export class AccountError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AccountError';
  }
}

async function authorize(userId: string): Promise<void> {
  const user = await getCurrentUser();
  if (!user || user.id !== userId) throw new AccountError('You can only change your own account.');
}

export type AccountFormResult =
  | { ok: true; message: string }
  | { ok: false; message: string; fieldErrors: Record<string, string[]> };

function issuesToFields(
  issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>,
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) {
    const field = issue.path[0];
    if (typeof field === 'string') (errors[field] ??= []).push(issue.message);
  }
  return errors;
}

async function passwordMatches(userId: string, password: string): Promise<boolean> {
  const row = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  return Boolean(row?.passwordHash) && (await verifyPassword(password, row?.passwordHash ?? ''));
}

/** Renames the user. */
export async function updateAccountName({
  userId,
  name,
}: {
  userId: string;
  name: unknown;
}): Promise<AccountFormResult> {
  await authorize(userId);
  const parsed = personNameSchema.safeParse(name);
  if (!parsed.success) {
    return {
      ok: false,
      message: 'Please fix the highlighted fields.',
      fieldErrors: { name: parsed.error.issues.map((i) => i.message) },
    };
  }
  await db.user.update({
    where: { id: userId },
    data: { name: parsed.data },
    select: { id: true },
  });
  // The header and pages read the name through the cached session row.
  await forgetUser(userId);
  return { ok: true, message: 'Name saved.' };
}

/** Changes the password after checking the current one; every session of the account ends. */
export async function changePassword({
  userId,
  input,
}: {
  userId: string;
  input: unknown;
}): Promise<AccountFormResult> {
  await authorize(userId);
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      message: 'Please fix the highlighted fields.',
      fieldErrors: issuesToFields(parsed.error.issues),
    };
  }
  try {
    if (!(await passwordMatches(userId, parsed.data.currentPassword))) {
      return {
        ok: false,
        message: 'Your current password is not correct.',
        fieldErrors: { currentPassword: ['Your current password is not correct.'] },
      };
    }
    const passwordHash = await hashPassword(parsed.data.newPassword);
    await db.user.update({ where: { id: userId }, data: { passwordHash }, select: { id: true } });
  } catch (error) {
    if (error instanceof HashQueueFullError)
      return { ok: false, message: error.message, fieldErrors: {} };
    throw error;
  }
  await revokeAllSessions({ userId });
  return { ok: true, message: 'Password changed. Sign in again with your new password.' };
}

/** Signs the user out on every device (all session rows go). */
export async function signOutEverywhere({ userId }: { userId: string }): Promise<number> {
  await authorize(userId);
  return revokeAllSessions({ userId });
}

/**
 * Deletes the account and everything it owns (rows cascade from User). Confirmed by the
 * password, or, for accounts without one (single sign-on), by typing the email address.
 */
export async function deleteAccount({
  userId,
  confirmation,
}: {
  userId: string;
  confirmation: unknown;
}): Promise<AccountFormResult> {
  await authorize(userId);
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { email: true, passwordHash: true },
  });
  if (!user) throw new AccountError('Account not found.');
  const typed = typeof confirmation === 'string' ? confirmation.slice(0, 200) : '';
  let confirmed: boolean;
  try {
    confirmed = user.passwordHash
      ? await verifyPassword(typed, user.passwordHash)
      : typed.trim().toLowerCase() === user.email;
  } catch (error) {
    if (error instanceof HashQueueFullError)
      return { ok: false, message: error.message, fieldErrors: {} };
    throw error;
  }
  if (!confirmed) {
    const message = user.passwordHash
      ? 'That password is not correct. Nothing was deleted.'
      : 'Type your email address to confirm. Nothing was deleted.';
    return { ok: false, message, fieldErrors: { confirmation: [message] } };
  }
  await db.$transaction([
    db.user.delete({ where: { id: userId }, select: { id: true } }),
    db.authThrottle.deleteMany({ where: { key: `email:${user.email}` } }),
    db.rateLimit.deleteMany({ where: { key: { startsWith: `attempt:user:${userId}` } } }),
  ]);
  // Session rows cascaded with the user: forget the cached ones too.
  await forgetUser(userId);
  return { ok: true, message: 'Your account and all its data were deleted.' };
}

/** Everything stored about the user, as one JSON-serialisable object (no password hash). */
export async function exportAccountData({
  userId,
  now = new Date(),
}: {
  userId: string;
  now?: Date;
}) {
  await authorize(userId);
  const where = { userId };
  const [
    profile,
    lessonProgress,
    selfCheckAnswers,
    cardStates,
    reviewLogs,
    srsSettings,
    personalCards,
    scenarioAttempts,
    simulatorRuns,
    sessions,
    challengeResults,
    interviews,
    teamMemberships,
    notifications,
  ] = await Promise.all([
    db.user.findUnique({
      where: { id: userId },
      select: { id: true, name: true, email: true, createdAt: true, updatedAt: true },
    }),
    db.lessonProgress.findMany({ where, omit: { userId: true } }),
    db.selfCheckAnswer.findMany({ where, omit: { userId: true } }),
    db.cardState.findMany({ where, omit: { userId: true } }),
    db.reviewLog.findMany({ where, omit: { userId: true }, orderBy: { review: 'asc' } }),
    db.srsSettings.findUnique({ where: { userId }, omit: { userId: true } }),
    db.personalCard.findMany({ where, omit: { userId: true } }),
    db.scenarioAttempt.findMany({ where, omit: { userId: true }, orderBy: { createdAt: 'asc' } }),
    db.simulatorRun.findMany({ where, omit: { userId: true }, orderBy: { createdAt: 'asc' } }),
    db.userSession.findMany({
      where,
      select: { createdAt: true, lastSeenAt: true, userAgent: true },
    }),
    db.challengeResult.findMany({ where, omit: { userId: true }, orderBy: { createdAt: 'asc' } }),
    // Sessions the user hosted or sat as candidate: the user's own side only (no interviewer
    // notes or event log, which belong to the session's other participant too).
    db.interviewSession.findMany({
      where: { OR: [{ hostId: userId }, { candidateId: userId }] },
      select: {
        id: true,
        mode: true,
        templateId: true,
        status: true,
        overallScore: true,
        createdAt: true,
        endedAt: true,
        hostId: true,
      },
      orderBy: { createdAt: 'asc' },
    }),
    db.teamMember.findMany({ where, omit: { userId: true } }),
    db.notification.findMany({ where, omit: { userId: true }, orderBy: { createdAt: 'asc' } }),
  ]);
  return {
    format: 'mesh-dojo-account-export',
    version: 1,
    exportedAt: now.toISOString(),
    profile,
    lessonProgress,
    selfCheckAnswers,
    cardStates,
    reviewLogs,
    srsSettings,
    personalCards,
    scenarioAttempts,
    simulatorRuns,
    sessions,
    challengeResults,
    interviews: interviews.map(({ hostId, ...row }) => ({
      ...row,
      role: row.mode === 'solo' ? 'learner' : hostId === userId ? 'interviewer' : 'candidate',
    })),
    teamMemberships,
    notifications,
  };
}
