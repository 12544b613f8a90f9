import 'server-only';
import path from 'node:path';
import type { InterviewTemplate } from './interview-schema';
import { loadInterviewPack } from './interview-pack';
import { processCached } from './process-cache';

// Server-only access to interview templates. Invalid templates throw a ContentError naming the
// file and the field (the build fails on it).

/** Every template, shortest first then by title; read once per process. */
export const listInterviewTemplates: () => Promise<InterviewTemplate[]> = processCached(async () =>
  [...(await loadInterviewPack(path.join(process.cwd(), 'content')))].sort(
    (a, b) => a.minutes - b.minutes || a.title.localeCompare(b.title, 'en'),
  ),
);

/** One template by id, or null. */
export async function getInterviewTemplate(templateId: string): Promise<InterviewTemplate | null> {
  return (await listInterviewTemplates()).find((template) => template.id === templateId) ?? null;
}
