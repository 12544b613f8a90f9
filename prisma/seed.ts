import type { PrismaClient } from '@/lib/generated/prisma/client';
import { hashPassword } from '@/lib/auth/password';
import { DEMO_ACCOUNT } from '@/lib/auth/demo';

export { DEMO_ACCOUNT } from '@/lib/auth/demo';

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

/**
 * On an instance configured for production: removes the demo account's public password
 * and ends its sessions, so nobody can sign in with the documented credentials.
 */
export async function disableDemoUser(db: PrismaClient): Promise<boolean> {
  const existing = await db.user.findUnique({
    where: { email: DEMO_ACCOUNT.email },
    select: { id: true },
  });
  if (!existing) return false;
  await db.user.update({
    where: { id: existing.id },
    data: { passwordHash: null },
    select: { id: true },
  });
  await db.userSession.deleteMany({ where: { userId: existing.id } });
  return true;
}
