import 'server-only';
import { cache } from 'react';
import { db } from '@/lib/db';
import { cachedForUser, invalidateUserData } from '@/lib/cache/user-data';
import { DEFAULT_SRS_SETTINGS } from '@/lib/srs/settings';
import type { SrsSettings } from '@/lib/srs/settings';
import { srsSettingsInputSchemaAt } from './settings-schema';
import { FlashcardError } from './errors';

const SETTINGS_SELECT = {
  desiredRetention: true,
  newCardsPerDay: true,
  maxReviewsPerDay: true,
  interviewDate: true,
  timeZone: true,
  dayStartHour: true,
} as const;

/** The user's scheduling settings, or the defaults when never saved. */
export async function getSrsSettings({ userId }: { userId: string }): Promise<SrsSettings> {
  return settingsFor(userId);
}

// Once per request: the plan, the summary and the page header all read the settings.
// Across requests, cached per user until a write (lib/cache/user-data.ts).
const settingsFor = cache((userId: string): Promise<SrsSettings> =>
  cachedForUser(userId, 'srs-settings', async () => {
    const row = await db.srsSettings.findUnique({ where: { userId }, select: SETTINGS_SELECT });
    return row ?? { ...DEFAULT_SRS_SETTINGS };
  }),
);

/** Validates and saves the user's settings (upsert). Throws FlashcardError on invalid input. */
export async function updateSrsSettings({
  userId,
  input,
  now = new Date(),
}: {
  userId: string;
  input: unknown;
  /** Decides what "in the past" means for the interview date. */
  now?: Date;
}): Promise<SrsSettings> {
  const parsed = srsSettingsInputSchemaAt(now).safeParse(input);
  if (!parsed.success) {
    throw new FlashcardError(
      'invalid-input',
      parsed.error.issues[0]?.message ?? 'Invalid settings',
    );
  }
  try {
    return await db.srsSettings.upsert({
      where: { userId },
      create: { userId, ...parsed.data },
      update: parsed.data,
      select: SETTINGS_SELECT,
    });
  } finally {
    await invalidateUserData(userId);
  }
}
