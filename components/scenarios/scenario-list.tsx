'use client';

import Link from '@/components/ui/app-link';
import { ScenarioMeta } from './scenario-meta';

/** One row of the scenario list: content fields plus the learner's progress note. */
export type ScenarioListItem = {
  id: string;
  title: string;
  kind: string;
  difficulty: number;
  competencies: readonly string[];
  /** "Best score 72 / 100 · 2 attempts · Simulator preset", computed on the server. */
  note: string;
};

/**
 * The scenario cards. A client component only so the page's RSC payload carries these few
 * fields per scenario instead of every card's element tree (the HTML is the same either way);
 * it has no state and no effects.
 */
export function ScenarioList({ items }: { items: ScenarioListItem[] }) {
  return (
    <ul className="grid gap-4 md:grid-cols-2" data-testid="scenario-list">
      {items.map((item) => (
        <li
          key={item.id}
          className="card flex flex-col gap-2"
          data-testid={`scenario-item-${item.id}`}
        >
          <h3 className="text-lg">
            <Link href={`/scenarios/${item.id}`}>{item.title}</Link>
          </h3>
          <ScenarioMeta
            kind={item.kind}
            difficulty={item.difficulty}
            competencies={item.competencies}
          />
          <p className="text-sm text-muted">{item.note}</p>
        </li>
      ))}
    </ul>
  );
}
