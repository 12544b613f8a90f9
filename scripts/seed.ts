/**
 * `npm run db:seed`: loads the demo account into the database at DATABASE_URL, idempotently.
 * With MESH_DOJO_PRODUCTION=1 it does the opposite: no demo account, and an existing one
 * loses its public password.
 */
import { db } from '@/lib/db';
import { isDemoEnabled } from '@/lib/auth/demo';
import { DEMO_ACCOUNT, disableDemoUser, seedDemoHistory, seedDemoUser } from '@/prisma/seed';

if (!isDemoEnabled()) {
  const disabled = await disableDemoUser(db);
  console.log(
    disabled
      ? `MESH_DOJO_PRODUCTION=1: demo account ${DEMO_ACCOUNT.email} disabled (password removed).`
      : 'MESH_DOJO_PRODUCTION=1: no demo account.',
  );
} else {
  const result = await seedDemoUser(db);
  // History only for a newly created account: an existing one keeps the learner's own progress.
  // SEED_DEMO_HISTORY=0 leaves it empty (benchmarks comparing with an empty account).
  if (result.created && process.env.SEED_DEMO_HISTORY !== '0')
    await seedDemoHistory(db, result.id, new Date());
  console.log(
    result.created
      ? `Seeded demo account ${DEMO_ACCOUNT.email} / ${DEMO_ACCOUNT.password}`
      : `Demo account ${DEMO_ACCOUNT.email} already present; left unchanged.`,
  );
}
await db.$disconnect();
