// The one faked piece of the integration tests that call data functions directly: who is signed
// in. A test file mocks `@/lib/auth/session` with this module and sets `session.user`:
//
//   import { session } from './helpers/fake-session';
//   vi.mock('@/lib/auth/session', () => import('./helpers/fake-session'));
//
// Data access, authorization checks and the database stay real.

export const session = {
  user: null as { id: string; email: string; name: string } | null,
};

export async function getCurrentUser() {
  return session.user;
}

export async function requireUser() {
  if (!session.user) throw new Error('redirect /sign-in');
  return session.user;
}
