import 'server-only';
import { env } from '@/lib/env';

/** The quick start's public demo account (README). */
export const DEMO_ACCOUNT = {
  name: 'Demo Learner',
  email: 'demo@meshdojo.dev',
  password: 'mesh-dojo-demo-1',
} as const;

/**
 * The demo account exists only on instances not configured for production
 * (MESH_DOJO_PRODUCTION=1 turns it off: no seeding, no sign-in, no hint on the page).
 */
export function isDemoEnabled(): boolean {
  return env().MESH_DOJO_PRODUCTION !== '1';
}
