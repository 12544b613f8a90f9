/** `npm run db:seed`: loads the demo account into the database at DATABASE_URL, idempotently. */
import { db } from '@/lib/db';
import { DEMO_ACCOUNT, seedDemoUser } from '@/prisma/seed';

const result = await seedDemoUser(db);
console.log(
  result.created
    ? `Seeded demo account ${DEMO_ACCOUNT.email} / ${DEMO_ACCOUNT.password}`
    : `Demo account ${DEMO_ACCOUNT.email} already present; left unchanged.`,
);
await db.$disconnect();
