import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import { databaseProvider, env } from '@/lib/env';
import { FORGETTING_CURVE, type CompetencyRecall } from '@/lib/tracks/recall';
import type { TrackContent } from '@/lib/tracks/evidence';

// Competency recall for many members at one instant, summed inside the database: the dashboard of a
// 200-person team would otherwise move ~25k card rows into JavaScript on every request. The
// expression is ts-fsrs's forgetting curve, R = (1 + FACTOR·t/S)^DECAY with t in whole days
// (lib/tracks/recall.ts computes the same in JS; a test checks they agree). Deck card ids are
// "<competency>-NNN" (deck-schema.ts), so the competency is the id minus its last four characters.

type Row = {
  userId: string;
  competency: string;
  reviewed: bigint | number;
  recallSum: number | null;
  lastReview: string | Date | null;
};

/** True when the database can run the SQL below (SQLite with math functions, or PostgreSQL). */
export function canSummarizeInDatabase(): boolean {
  return databaseProvider(env().DATABASE_URL) !== null;
}

/** userId → competency → recall at `at`, for the deck cards of `content`. */
export async function summarizeRecall(
  userIds: readonly string[],
  content: TrackContent,
  at: Date,
): Promise<Map<string, Map<string, CompetencyRecall>>> {
  const result = new Map<string, Map<string, CompetencyRecall>>();
  const deckCardIds = [...content.competencyCards.values()].flat();
  for (const userId of userIds) {
    result.set(
      userId,
      new Map(
        [...content.competencyCards].map(([c, ids]) => [
          c,
          { recall: 0, reviewed: 0, total: ids.length, lastReview: null },
        ]),
      ),
    );
  }
  if (userIds.length === 0 || deckCardIds.length === 0) return result;
  const { factor, decay } = FORGETTING_CURVE;
  // Whole days since the last review, never negative: the same value on both databases.
  const elapsedDays =
    databaseProvider(env().DATABASE_URL) === 'postgresql'
      ? Prisma.sql`GREATEST(0, FLOOR(EXTRACT(EPOCH FROM (CAST(${at.toISOString()} AS timestamp) - "lastReview")) / 86400))`
      : Prisma.sql`max(0, CAST(julianday(${at.toISOString()}) - julianday("lastReview") AS INTEGER))`;
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    SELECT "userId" AS "userId",
           substr("cardId", 1, length("cardId") - 4) AS "competency",
           COUNT(*) AS "reviewed",
           SUM(CASE WHEN "stability" > 0
                    THEN power(1 + ${factor} * ${elapsedDays} / "stability", ${decay})
                    ELSE 0 END) AS "recallSum",
           MAX("lastReview") AS "lastReview"
    FROM "CardState"
    WHERE "userId" IN (${Prisma.join([...userIds])})
      AND "cardId" IN (${Prisma.join(deckCardIds)})
      AND "state" <> 0
      AND "lastReview" IS NOT NULL
    GROUP BY "userId", substr("cardId", 1, length("cardId") - 4)`);
  for (const row of rows) {
    const entry = result.get(row.userId);
    const total = content.competencyCards.get(row.competency)?.length ?? 0;
    if (!entry || total === 0) continue;
    entry.set(row.competency, {
      recall: (row.recallSum ?? 0) / total,
      reviewed: Number(row.reviewed),
      total,
      lastReview: row.lastReview === null ? null : new Date(row.lastReview),
    });
  }
  return result;
}
