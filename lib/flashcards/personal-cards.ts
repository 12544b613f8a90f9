import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { invalidateUserData } from '@/lib/cache/user-data';
import { competencyTagSchema } from '@/lib/content/schemas';
import { FlashcardError } from './errors';
import { PERSONAL_PREFIX } from './catalog';

export const personalCardInputSchema = z.object({
  /** Stable key of the mistake that created the card, e.g. `scenario:<id>:concept:<id>`. */
  sourceKey: z.string().trim().min(1).max(200),
  front: z.string().trim().min(1).max(300),
  back: z.string().trim().min(1).max(600),
  scenarioId: z.string().trim().min(1).max(120).nullish(),
  lessonId: z.string().trim().min(1).max(120).nullish(),
  tags: z.array(competencyTagSchema).max(7).default([]),
});

export type PersonalCardInput = z.input<typeof personalCardInputSchema>;

/**
 * Adds a personal card to the user's queue. Idempotent per `sourceKey`: the same mistake
 * adds one card, and a repeat returns the existing card's id. Returns the study-card id.
 */
export async function createPersonalCard({
  userId,
  input,
}: {
  userId: string;
  input: PersonalCardInput;
}): Promise<{ cardId: string; created: boolean }> {
  const parsed = personalCardInputSchema.safeParse(input);
  if (!parsed.success)
    throw new FlashcardError('invalid-input', parsed.error.issues[0]?.message ?? 'Invalid card');
  const { sourceKey, tags, ...rest } = parsed.data;
  const existing = await db.personalCard.findUnique({
    where: { userId_sourceKey: { userId, sourceKey } },
    select: { id: true },
  });
  if (existing) return { cardId: `${PERSONAL_PREFIX}${existing.id}`, created: false };
  const row = await db.personalCard
    .upsert({
      where: { userId_sourceKey: { userId, sourceKey } },
      create: { userId, sourceKey, tags: JSON.stringify(tags), ...rest },
      update: {},
      select: { id: true },
    })
    .finally(() => invalidateUserData(userId));
  return { cardId: `${PERSONAL_PREFIX}${row.id}`, created: true };
}

/** Number of personal cards the user has. */
export async function countPersonalCards({ userId }: { userId: string }): Promise<number> {
  return db.personalCard.count({ where: { userId } });
}
