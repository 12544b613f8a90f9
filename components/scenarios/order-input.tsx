'use client';

import { useState } from 'react';

/** Keyboard-operable ordering of steps; submits the order as JSON in a hidden `name` field. */
export function OrderInput({
  name,
  items,
  order,
  onChange,
  describedBy,
}: {
  name: string;
  items: Array<{ id: string; label: string }>;
  order: string[];
  onChange: (order: string[]) => void;
  describedBy?: string;
}) {
  const [announcement, setAnnouncement] = useState('');
  const label = (id: string) => items.find((item) => item.id === id)?.label ?? id;
  const move = (index: number, delta: -1 | 1) => {
    const target = index + delta;
    if (target < 0 || target >= order.length) return;
    const next = [...order];
    const [moved] = next.splice(index, 1);
    if (moved === undefined) return;
    next.splice(target, 0, moved);
    onChange(next);
    setAnnouncement(`“${label(moved)}” moved to step ${target + 1} of ${order.length}.`);
  };
  return (
    <div aria-describedby={describedBy}>
      <input type="hidden" name={name} value={JSON.stringify(order)} />
      <ol className="space-y-2" data-testid="order-list">
        {order.map((id, index) => (
          <li
            key={id}
            className="flex items-center gap-2 rounded-md border border-border p-2"
            data-testid={`order-item-${id}`}
          >
            <span className="w-6 text-right text-muted" aria-hidden="true">
              {index + 1}.
            </span>
            <span className="flex-1">{label(id)}</span>
            <button
              type="button"
              className="btn btn-ghost px-2 py-1"
              onClick={() => move(index, -1)}
              disabled={index === 0}
              aria-label={`Move “${label(id)}” up`}
            >
              ↑
            </button>
            <button
              type="button"
              className="btn btn-ghost px-2 py-1"
              onClick={() => move(index, 1)}
              disabled={index === order.length - 1}
              aria-label={`Move “${label(id)}” down`}
            >
              ↓
            </button>
          </li>
        ))}
      </ol>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
