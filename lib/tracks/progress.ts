import { DAY_MS } from '@/lib/srs/time';
import { DUE_SOON_DAYS, dueAt } from './due';
import type { MemberEvidence, TrackContent } from './evidence';
import { itemHref } from './links';
import { memberCompetencyRecall } from './recall';
import { parseDueSpec, type TrackItem, type TrackItemKind } from './schema';

// Progress is derived, never stored: every status below is a function of the member's
// existing rows (lesson completions, FSRS card states, scenario attempts, external evidence)
// and the clock.

export type ItemStatus = 'done' | 'overdue' | 'due-soon' | 'open';

export type ItemProgress = {
  itemId: string;
  kind: TrackItemKind;
  ref: string;
  title: string;
  required: boolean;
  dueAt: Date;
  status: ItemStatus;
  completedAt: Date | null;
  /** 0..100: recall ×100 for flashcards, best score for scenarios and interviews; null otherwise. */
  score: number | null;
  /** What the status is based on, in words ("recall 72 % of 85 % needed"). */
  evidence: string;
  href: string;
};

/** Share of the track's time that may pass beyond the share of required work done. */
export const PACE_TOLERANCE = 0.15;

export type TrackStatus = 'done' | 'overdue' | 'at-risk' | 'on-track';

export type TrackProgress = {
  start: Date;
  end: Date;
  items: ItemProgress[];
  requiredDone: number;
  requiredTotal: number;
  optionalDone: number;
  optionalTotal: number;
  /** Share of [start, end] elapsed at `now`, 0..1. */
  elapsedShare: number;
  status: TrackStatus;
};

function defaultTitle(item: TrackItem, content: TrackContent): string {
  if (item.title) return item.title;
  switch (item.kind) {
    case 'lesson':
    case 'scenario':
      return content.titles.get(item.ref) ?? item.ref;
    case 'flashcards':
      return `Flashcards: ${item.ref} (recall ≥ ${Math.round(item.recallThreshold * 100)} %)`;
    case 'simulator-challenge':
      return `Simulator challenge: ${item.ref}`;
    case 'mock-interview':
      return `Mock interview: ${item.ref}`;
  }
}

const pct = (value: number) => `${Math.round(value * 100)} %`;

/** Status, completion and score of one item for one member at `now`. */
export function deriveItemProgress(args: {
  item: TrackItem;
  start: Date;
  now: Date;
  evidence: MemberEvidence;
  content: TrackContent;
}): ItemProgress {
  const { item, start, now, evidence, content } = args;
  const spec = parseDueSpec(item.due);
  // Stored items were validated on write; a spec that no longer parses counts from day 1.
  const due = dueAt(spec ?? { type: 'relative', days: 1 }, start);
  let completedAt: Date | null = null;
  let score: number | null = null;
  let text: string;
  switch (item.kind) {
    case 'lesson': {
      completedAt = evidence.lessons.get(item.ref) ?? null;
      text = completedAt ? 'lesson marked complete' : 'lesson not completed yet';
      break;
    }
    case 'flashcards': {
      const cardIds = content.competencyCards.get(item.ref) ?? [];
      const recall = memberCompetencyRecall(evidence, item.ref, cardIds, now);
      score = Math.round(recall.recall * 100);
      if (cardIds.length > 0 && recall.recall >= item.recallThreshold)
        completedAt = recall.lastReview;
      text = `predicted recall ${pct(recall.recall)} of ${pct(item.recallThreshold)} needed (${recall.reviewed}/${recall.total} cards studied)`;
      break;
    }
    case 'scenario': {
      const attempts = evidence.scenarios.get(item.ref) ?? [];
      let best: number | null = null;
      for (const attempt of attempts) {
        if (best === null || attempt.score > best) best = attempt.score;
        if (attempt.score >= item.passScore && (!completedAt || attempt.at < completedAt))
          completedAt = attempt.at;
      }
      score = best === null ? null : Math.round(best);
      text =
        best === null
          ? `not attempted (pass score ${item.passScore})`
          : `best score ${Math.round(best)} of ${item.passScore} needed (${attempts.length} attempts)`;
      break;
    }
    case 'simulator-challenge': {
      completedAt = evidence.external.challengePassed(item.ref);
      text = completedAt ? 'challenge passed' : 'challenge not passed yet';
      break;
    }
    case 'mock-interview': {
      const result = evidence.external.interviewScore(item.ref);
      score = result ? Math.round(result.score) : null;
      if (result && result.score >= item.passScore) completedAt = result.at;
      text = result
        ? `interview score ${Math.round(result.score)} of ${item.passScore} needed`
        : `no scored interview yet (pass score ${item.passScore})`;
      break;
    }
  }
  const status: ItemStatus = completedAt
    ? 'done'
    : now.getTime() >= due.getTime()
      ? 'overdue'
      : due.getTime() - now.getTime() <= DUE_SOON_DAYS * DAY_MS
        ? 'due-soon'
        : 'open';
  return {
    itemId: item.id,
    kind: item.kind,
    ref: item.ref,
    title: defaultTitle(item, content),
    required: item.required,
    dueAt: due,
    status,
    completedAt,
    score,
    evidence: text,
    href: itemHref(item.kind, item.ref),
  };
}

/**
 * A member's progress on one track. Pace rule: a track is **at risk** when nothing is overdue
 * yet but the share of required items done is below the share of the track's time elapsed
 * (start → latest due date) minus PACE_TOLERANCE; **overdue** when a required item is past due.
 */
export function deriveTrackProgress(args: {
  items: readonly TrackItem[];
  start: Date;
  now: Date;
  evidence: MemberEvidence;
  content: TrackContent;
}): TrackProgress {
  const { start, now } = args;
  const items = args.items.map((item) => deriveItemProgress({ ...args, item }));
  const required = items.filter((i) => i.required);
  const optional = items.filter((i) => !i.required);
  const requiredDone = required.filter((i) => i.status === 'done').length;
  const optionalDone = optional.filter((i) => i.status === 'done').length;
  const end = items.reduce((latest, i) => (i.dueAt > latest ? i.dueAt : latest), start);
  const span = end.getTime() - start.getTime();
  const elapsedShare =
    span <= 0 ? 1 : Math.min(1, Math.max(0, (now.getTime() - start.getTime()) / span));
  return {
    start,
    end,
    items,
    requiredDone,
    requiredTotal: required.length,
    optionalDone,
    optionalTotal: optional.length,
    elapsedShare,
    status: trackStatus(required, requiredDone, elapsedShare),
  };
}

function trackStatus(
  required: readonly ItemProgress[],
  done: number,
  elapsedShare: number,
): TrackStatus {
  if (done === required.length) return 'done';
  if (required.some((i) => i.status === 'overdue')) return 'overdue';
  const doneShare = required.length === 0 ? 1 : done / required.length;
  return doneShare < elapsedShare - PACE_TOLERANCE ? 'at-risk' : 'on-track';
}
