/**
 * Creates N benchmark learners (bench-<i>@example.test, one shared password) in the database
 * at DATABASE_URL, idempotently, and prints a few deck card ids as JSON for the load generator.
 *   npx tsx --conditions=react-server scripts/bench-users.ts --count 50
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { db } from '@/lib/db';
import { hashPassword } from '@/lib/auth/password';
import { loadDeck } from '@/lib/content/deck';

export const BENCH_PASSWORD = 'bench-password-123';

const { values } = parseArgs({ options: { count: { type: 'string', default: '50' } } });
const count = z.coerce.number().int().min(1).max(1000).parse(values.count);
const passwordHash = await hashPassword(BENCH_PASSWORD);
for (let i = 0; i < count; i += 1) {
  const email = `bench-${i}@example.test`;
  await db.user.upsert({
    where: { email },
    update: {},
    create: { email, name: `Bench learner ${i}`, passwordHash },
  });
}
const deck = await loadDeck();
console.log(JSON.stringify({ users: count, cardIds: deck.cards.slice(0, 40).map((c) => c.id) }));
await db.$disconnect();
