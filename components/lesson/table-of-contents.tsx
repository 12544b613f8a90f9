import type { TocEntry } from '@/lib/content/markdown';

export function TableOfContents({ entries, idPrefix }: { entries: TocEntry[]; idPrefix: string }) {
  const headingId = `${idPrefix}-toc-heading`;
  if (entries.length === 0) return null;
  return (
    <nav aria-labelledby={headingId} className="text-sm">
      <h2 id={headingId} className="mb-2 text-base">
        On this page
      </h2>
      <ol className="space-y-1.5">
        {entries.map((entry) => (
          <li key={entry.id} className={entry.depth === 3 ? 'pl-4' : undefined}>
            <a href={`#${entry.id}`}>{entry.text}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
