/**
 * `npm run db:seed`: loads the demo account into the database at DATABASE_URL, idempotently.
 * With MESH_DOJO_PRODUCTION=1 it does the opposite: no demo account, and an existing one
 * loses its public password.
 */
import { db } from '@/lib/db';
import { isDemoEnabled } from '@/lib/auth/demo';
import { DEMO_ACCOUNT, disableDemoUser, seedDemoUser } from '@/prisma/seed';

if (!isDemoEnabled()) {
  const disabled = await disableDemoUser(db);
  console.log(
    disabled
      ? `MESH_DOJO_PRODUCTION=1: demo account ${DEMO_ACCOUNT.email} disabled (password removed).`
      : 'MESH_DOJO_PRODUCTION=1: no demo account.',
  );
} else {
  const result = await seedDemoUser(db);
  console.log(
    result.created
      ? `Seeded demo account ${DEMO_ACCOUNT.email} / ${DEMO_ACCOUNT.password}`
      : `Demo account ${DEMO_ACCOUNT.email} already present; left unchanged.`,
  );
}
await db.$disconnect();
