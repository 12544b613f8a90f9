'use server';

import { z } from 'zod';
import {
  AccountError,
  changePassword,
  deleteAccount,
  signOutEverywhere,
  updateAccountName,
} from '@/lib/auth/account';
import { requireUser } from '@/lib/auth/session';
import { parseActionForm } from '@/lib/security/action-input';
import type { AccountActionState } from '@/components/account/account-state';

// Thin actions: the user comes from the session, input through parseActionForm.

const text = z.string().max(500).optional();

function failure(error: unknown): AccountActionState {
  if (error instanceof AccountError) return { ok: false, message: error.message, fieldErrors: {} };
  console.error(error);
  return { ok: false, message: 'Something went wrong. Please try again.', fieldErrors: {} };
}

export async function updateNameAction(
  _previous: AccountActionState,
  formData: unknown,
): Promise<AccountActionState> {
  const user = await requireUser('/account');
  const parsed = parseActionForm(z.object({ name: text }), formData);
  if (!parsed.ok) return parsed;
  try {
    return await updateAccountName({ userId: user.id, name: parsed.data.name });
  } catch (error) {
    return failure(error);
  }
}

export async function changePasswordAction(
  _previous: AccountActionState,
  formData: unknown,
): Promise<AccountActionState> {
  const user = await requireUser('/account');
  const parsed = parseActionForm(z.object({ currentPassword: text, newPassword: text }), formData);
  if (!parsed.ok) return parsed;
  try {
    const result = await changePassword({ userId: user.id, input: parsed.data });
    return result.ok ? { ...result, redirectTo: '/sign-in?notice=password-changed' } : result;
  } catch (error) {
    return failure(error);
  }
}

export async function signOutEverywhereAction(
  _previous: AccountActionState,
  formData: unknown,
): Promise<AccountActionState> {
  const user = await requireUser('/account');
  const parsed = parseActionForm(z.object({}), formData);
  if (!parsed.ok) return parsed;
  try {
    await signOutEverywhere({ userId: user.id });
    return {
      ok: true,
      message: 'Signed out everywhere.',
      redirectTo: '/sign-in?notice=signed-out-everywhere',
    };
  } catch (error) {
    return failure(error);
  }
}

export async function deleteAccountAction(
  _previous: AccountActionState,
  formData: unknown,
): Promise<AccountActionState> {
  const user = await requireUser('/account');
  const parsed = parseActionForm(z.object({ confirmation: text }), formData);
  if (!parsed.ok) return parsed;
  try {
    const result = await deleteAccount({ userId: user.id, confirmation: parsed.data.confirmation });
    return result.ok ? { ...result, redirectTo: '/sign-in?notice=account-deleted' } : result;
  } catch (error) {
    return failure(error);
  }
}
