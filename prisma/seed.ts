import type { PrismaClient } from '@/lib/generated/prisma/client';
import { hashPassword } from '@/lib/auth/password';

/** The documented demo account (README). */
export const DEMO_ACCOUNT = {
  name: 'Demo Learner',
  email: 'demo@meshdojo.dev',
  password: 'mesh-dojo-demo-1',
} as const;

/**
 * Creates the demo account if it does not exist; leaves an existing one (and its progress)
 * untouched, so seeding is idempotent. Reused by integration tests.
 */
export async function seedDemoUser(db: PrismaClient): Promise<{ id: string; created: boolean }> {
  const existing = await db.user.findUnique({
    where: { email: DEMO_ACCOUNT.email },
    select: { id: true },
  });
  if (existing) return { id: existing.id, created: false };
  const user = await db.user.create({
    data: {
      name: DEMO_ACCOUNT.name,
      email: DEMO_ACCOUNT.email,
      passwordHash: await hashPassword(DEMO_ACCOUNT.password),
    },
    select: { id: true },
  });
  return { id: user.id, created: true };
}
