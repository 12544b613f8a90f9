'use server';

import { z } from 'zod';
import { resetPassword } from '@/lib/auth/password-reset';
import { parseActionForm } from '@/lib/security/action-input';
import type { AccountActionState } from '@/components/account/account-state';

/** Sets a new password from a reset link's token. */
export async function resetPasswordAction(
  _previous: AccountActionState,
  formData: unknown,
): Promise<AccountActionState> {
  const parsed = parseActionForm(
    z.object({
      token: z.string().max(200).optional(),
      newPassword: z.string().max(500).optional(),
    }),
    formData,
  );
  if (!parsed.ok) return parsed;
  const result = await resetPassword(parsed.data);
  if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors };
  return { ok: true, message: 'Password reset.', redirectTo: '/sign-in?notice=password-reset' };
}
