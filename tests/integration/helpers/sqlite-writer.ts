// Child process for sqlite-processes.test.ts: `ROUNDS` interactive read-then-write transactions
// on one shared row through the app's own Prisma client (lib/db), as a second worker process of
// the front door would run them. Prints one JSON line: { done, errors: [first messages] }.
// Run with: tsx --conditions=react-server tests/integration/helpers/sqlite-writer.ts
import { db } from '@/lib/db';

const rounds = Number(process.env.ROUNDS ?? 50);
const key = process.env.KEY ?? 'sqlite-processes';
let done = 0;
const errors: string[] = [];
for (let i = 0; i < rounds; i += 1) {
  try {
    await db.$transaction(async (tx) => {
      const row = await tx.rateLimit.findUnique({ where: { key }, select: { count: true } });
      // Let the other process's transactions interleave between the read and the write.
      await new Promise((resolve) => setTimeout(resolve, 1));
      await tx.rateLimit.upsert({
        where: { key },
        create: { key, windowStart: new Date(), count: 1 },
        update: { count: (row?.count ?? 0) + 1 },
      });
    });
    done += 1;
  } catch (error) {
    if (errors.length < 3) errors.push(error instanceof Error ? error.message : String(error));
  }
}
console.log(JSON.stringify({ done, errors }));
await db.$disconnect();
