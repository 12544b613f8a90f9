'use server';

import { createAccount, type SignUpState } from '@/lib/auth/accounts';

/** Creates an account from the sign-up form; the client then signs in with the same credentials. */
export async function signUpAction(formData: FormData): Promise<SignUpState> {
  const input = {
    name: formData.get('name'),
    email: formData.get('email'),
    password: formData.get('password'),
  };
  const result = await createAccount(input);
  return result.ok ? { ok: true } : result;
}
