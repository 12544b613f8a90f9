import 'server-only';
import path from 'node:path';
import { ContentError } from './content-error';
import { processCached } from './process-cache';
import { readChallengeDir } from './simulator-challenge-pack';
import type { LoadedChallenge } from './simulator-challenge-pack';

// Server-only access to simulator challenges. Invalid content throws a ContentError naming the
// file and the field.

const ROOT = path.join(process.cwd(), 'content', 'simulator');

const loadAll = processCached(async (): Promise<LoadedChallenge[]> => {
  const { challenges, problems } = await readChallengeDir(
    path.join(ROOT, 'challenges'),
    path.join(ROOT, 'presets'),
  );
  if (problems.length > 0) throw new ContentError(problems);
  return challenges;
});

/** Every challenge, sorted by id. */
export async function listSimulatorChallenges(): Promise<LoadedChallenge[]> {
  return loadAll();
}

/** One challenge by id, or null. */
export async function getSimulatorChallenge(id: string): Promise<LoadedChallenge | null> {
  return (await loadAll()).find((c) => c.id === id) ?? null;
}
