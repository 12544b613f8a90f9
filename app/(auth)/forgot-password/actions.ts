'use server';

import { z } from 'zod';
import { requestPasswordReset } from '@/lib/auth/password-reset';
import { parseActionForm } from '@/lib/security/action-input';
import { currentClientIp } from '@/lib/security/request-client';
import type { AccountActionState } from '@/components/account/account-state';

const SENT =
  'If an account uses that address, we sent it a link to choose a new password. It works once, for 30 minutes.';

/** Asks for a reset email; the answer never says whether the address has an account. */
export async function requestPasswordResetAction(
  _previous: AccountActionState,
  formData: unknown,
): Promise<AccountActionState> {
  const parsed = parseActionForm(z.object({ email: z.string().max(300).optional() }), formData);
  if (!parsed.ok) return parsed;
  const result = await requestPasswordReset({
    email: parsed.data.email,
    ip: await currentClientIp(),
  });
  return result.ok
    ? { ok: true, message: SENT }
    : { ok: false, message: result.message, fieldErrors: { email: [result.message] } };
}
