import type { ItemStatus, TrackStatus } from '@/lib/tracks/progress';

// Text stays in the foreground colour (AA on every badge background); the status colour is
// the border, and the word and symbol carry the meaning.
const ITEM: Record<ItemStatus, { label: string; color: string; mark: string }> = {
  done: { label: 'Done', color: 'var(--success)', mark: '✓' },
  overdue: { label: 'Overdue', color: 'var(--danger)', mark: '!' },
  'due-soon': { label: 'Due soon', color: 'var(--warning)', mark: '◷' },
  open: { label: 'Open', color: 'var(--border)', mark: '○' },
};

const TRACK: Record<TrackStatus, { label: string; color: string }> = {
  done: { label: 'Complete', color: 'var(--success)' },
  overdue: { label: 'Overdue', color: 'var(--danger)' },
  'at-risk': { label: 'At risk', color: 'var(--warning)' },
  'on-track': { label: 'On track', color: 'var(--border)' },
};

/** Item status as a symbol plus a word (never colour alone). */
export function ItemStatusBadge({ status }: { status: ItemStatus }) {
  const s = ITEM[status];
  return (
    <span className="badge" style={{ borderColor: s.color, borderWidth: 2 }} data-status={status}>
      <span aria-hidden="true">{s.mark}</span> {s.label}
    </span>
  );
}

export function TrackStatusBadge({ status }: { status: TrackStatus }) {
  const s = TRACK[status];
  return (
    <span className="badge" style={{ borderColor: s.color, borderWidth: 2 }}>
      {s.label}
    </span>
  );
}

/** "1 Dec 2026" in UTC (due dates are UTC days). */
export function formatDay(date: Date): string {
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** The last day an item can be done on (its due instant is the end of that day). */
export function dueDay(dueAt: Date): string {
  return formatDay(new Date(dueAt.getTime() - 1));
}

/** A background tint for a 0..1 share (heatmaps); text stays in the foreground colour. */
export function heatStyle(share: number | null): React.CSSProperties {
  if (share === null) return {};
  const tone = share >= 0.85 ? 'var(--success)' : share >= 0.6 ? 'var(--warning)' : 'var(--danger)';
  return {
    background: `color-mix(in srgb, ${tone} ${Math.round(10 + share * 15)}%, var(--surface))`,
  };
}
