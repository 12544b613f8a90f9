/** `npm run db:seed`: loads the demo account into the database at DATABASE_URL, idempotently. */
import { db } from '@/lib/db';
import { DEMO_ACCOUNT, seedDemoHistory, seedDemoUser } from '@/prisma/seed';

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
await db.$disconnect();
