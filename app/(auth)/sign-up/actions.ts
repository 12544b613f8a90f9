'use server';

import { createAccount, type SignUpState } from '@/lib/auth/accounts';
import { INVALID_REQUEST } from '@/lib/security/action-input';
import { currentClientIp } from '@/lib/security/request-client';

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : undefined;
};

/** Creates an account from the sign-up form; the client then signs in with the same credentials. */
export async function signUpAction(formData: unknown): Promise<SignUpState> {
  if (!(formData instanceof FormData))
    return { ok: false, message: INVALID_REQUEST, fieldErrors: {} };
  const input = {
    name: text(formData, 'name'),
    email: text(formData, 'email'),
    password: text(formData, 'password'),
  };
  const result = await createAccount(input, { ip: await currentClientIp() });
  return result.ok ? { ok: true } : result;
}
