/** State returned by the account page's server actions to their forms. */
export type AccountActionState =
  | null
  | { ok: true; message: string; redirectTo?: string }
  | { ok: false; message: string; fieldErrors: Record<string, string[]> };
