import 'server-only';
import { db } from '@/lib/db';
import { GRADE_NAMES, isGrade, stateName } from '@/lib/srs/card';
import type { State } from 'ts-fsrs';
import { listStudyCards } from './catalog';

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  // A leading = + - @ would be evaluated as a formula by spreadsheet apps.
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function csv(rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : '');

/** The deck (and the user's personal cards) with the user's memory state per card, as CSV. */
export async function exportDeckCsv({ userId }: { userId: string }): Promise<string> {
  const [cards, states] = await Promise.all([
    listStudyCards({ userId }),
    db.cardState.findMany({
      where: { userId },
      select: {
        cardId: true,
        state: true,
        due: true,
        stability: true,
        difficulty: true,
        reps: true,
        lapses: true,
        lastReview: true,
      },
    }),
  ]);
  const byCard = new Map(states.map((state) => [state.cardId, state]));
  const rows: Array<Array<string | number | null>> = [
    [
      'id',
      'competency',
      'kind',
      'front',
      'back',
      'lesson_id',
      'tags',
      'source_title',
      'source_url',
      'state',
      'due',
      'stability_days',
      'difficulty',
      'reps',
      'lapses',
      'last_review',
    ],
  ];
  for (const card of cards) {
    const state = byCard.get(card.id);
    rows.push([
      card.id,
      card.competency,
      card.kind,
      card.front,
      card.back,
      card.lessonId,
      card.tags.join(' '),
      card.source?.title ?? null,
      card.source?.url ?? null,
      state ? stateName(state.state as State) : 'new',
      iso(state?.due),
      state ? Number(state.stability.toFixed(4)) : null,
      state ? Number(state.difficulty.toFixed(4)) : null,
      state?.reps ?? 0,
      state?.lapses ?? 0,
      iso(state?.lastReview),
    ]);
  }
  return csv(rows);
}

/** The user's full review history (undone reviews included and marked), oldest first, as CSV. */
export async function exportHistoryCsv({ userId }: { userId: string }): Promise<string> {
  const logs = await db.reviewLog.findMany({
    where: { userId },
    orderBy: [{ review: 'asc' }, { id: 'asc' }],
    select: {
      review: true,
      cardId: true,
      rating: true,
      state: true,
      stability: true,
      difficulty: true,
      elapsedDays: true,
      scheduledDays: true,
      durationMs: true,
      undoneAt: true,
    },
  });
  const rows: Array<Array<string | number | null>> = [
    [
      'reviewed_at',
      'card_id',
      'rating',
      'rating_name',
      'state_before',
      'stability_before',
      'difficulty_before',
      'elapsed_days',
      'scheduled_days_before',
      'duration_ms',
      'undone_at',
    ],
  ];
  for (const log of logs) {
    rows.push([
      iso(log.review),
      log.cardId,
      log.rating,
      isGrade(log.rating) ? GRADE_NAMES[log.rating] : 'Manual',
      stateName(log.state as State),
      Number(log.stability.toFixed(4)),
      Number(log.difficulty.toFixed(4)),
      log.elapsedDays,
      log.scheduledDays,
      log.durationMs,
      iso(log.undoneAt),
    ]);
  }
  return csv(rows);
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** Card text → one Anki HTML field: escaped, `code` spans kept, no tabs or line breaks. */
function ankiField(text: string): string {
  return escapeHtml(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\r?\n/g, '<br>')
    .replaceAll('\t', ' ');
}

function ankiTag(tag: string): string {
  return tag.replace(/\s+/g, '_');
}

/**
 * The deck as an Anki text import (File → Import): tab-separated Basic notes with file
 * headers so Anki picks the separator, note type, deck, tags column and guid column itself.
 * The guid is the stable card id, so re-importing updates notes instead of duplicating them.
 */
export async function exportAnkiDeck({ userId }: { userId: string }): Promise<string> {
  const cards = await listStudyCards({ userId });
  const lines = [
    '#separator:tab',
    '#html:true',
    '#notetype:Basic',
    '#deck:Mesh Dojo::Service Mesh',
    '#guid column:1',
    '#tags column:4',
    '#columns:GUID\tFront\tBack\tTags',
  ];
  for (const card of cards) {
    const back = card.source
      ? `${ankiField(card.back)}<br><small>Source: <a href="${escapeHtml(card.source.url)}">${escapeHtml(card.source.title)}</a></small>`
      : ankiField(card.back);
    const tags = [
      'mesh-dojo',
      ...card.tags,
      `kind::${card.kind}`,
      ...(card.lessonId ? [`lesson::${card.lessonId}`] : []),
    ].map(ankiTag);
    lines.push(
      [`mesh-dojo-${card.id.replace(':', '-')}`, ankiField(card.front), back, tags.join(' ')].join(
        '\t',
      ),
    );
  }
  return lines.join('\n') + '\n';
}
