'use client';

import Link from '@/components/ui/app-link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { searchIndex, type SearchIndex } from '@/lib/content/search-index';
import { SEARCH_PRIORITY_PROPS, useSlashShortcut } from './search-shortcut';

/** Search page body: a query box and results from the prebuilt index (no request per keystroke). */
export function SearchResults({ index }: { index: SearchIndex }) {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const urlQuery = searchParams.get('q') ?? '';
  const [query, setQuery] = useState(urlQuery);
  const [syncedUrlQuery, setSyncedUrlQuery] = useState(urlQuery);
  // A new ?q= from the header search box replaces what is typed here.
  if (urlQuery !== syncedUrlQuery) {
    setSyncedUrlQuery(urlQuery);
    setQuery(urlQuery);
  }
  const inputRef = useRef<HTMLInputElement>(null);
  useSlashShortcut(inputRef, true);
  // The page exists to type into: focus the box on arrival when there is no query yet.
  useEffect(() => {
    if (!urlQuery) inputRef.current?.focus();
    // Only on arrival, not whenever the query changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const inputId = useId();
  const hits = useMemo(() => searchIndex(index, query), [index, query]);
  const trimmed = query.trim();

  // Results follow every keystroke; the URL (shareable, back button) only changes on Enter, so a
  // lagging URL update can never overwrite what is being typed.
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const params = new URLSearchParams(searchParams);
    if (trimmed) params.set('q', trimmed);
    else params.delete('q');
    router.replace(`${pathname}${params.size > 0 ? `?${params.toString()}` : ''}`, {
      scroll: false,
    });
  };

  return (
    <div className="space-y-6">
      <form role="search" aria-label="Search lessons and glossary" onSubmit={onSubmit}>
        <label htmlFor={inputId} className="label">
          Search lessons and glossary
        </label>
        <input
          ref={inputRef}
          id={inputId}
          type="search"
          name="q"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          aria-keyshortcuts="/"
          {...SEARCH_PRIORITY_PROPS}
          aria-describedby={`${inputId}-hint`}
          autoComplete="off"
          className="input max-w-xl"
        />
        <p id={`${inputId}-hint`} className="hint">
          Try a key term such as “circuit breaking”, “ztunnel” or “PERMISSIVE”. Press / to jump
          here.
        </p>
      </form>
      <p role="status" className="text-sm text-muted">
        {trimmed === ''
          ? 'Type to search.'
          : `${hits.length} result${hits.length === 1 ? '' : 's'} for “${trimmed}”`}
      </p>
      {hits.length > 0 && (
        <ol className="space-y-3" data-testid="search-results">
          {hits.map((hit) => (
            <li key={hit.href} className="card space-y-1">
              <div className="flex flex-wrap items-center gap-2">
                <span className="badge">{hit.kind === 'lesson' ? 'Lesson' : 'Glossary'}</span>
                <Link href={hit.href} className="font-semibold">
                  {hit.title}
                  {hit.section ? (
                    <span className="font-normal">
                      {' '}
                      <span aria-hidden="true">›</span>
                      <span className="sr-only">, section</span> {hit.section}
                    </span>
                  ) : null}
                </Link>
              </div>
              <p className="text-sm" data-testid="search-passage">
                {hit.passage
                  ? hit.passage.map((part, i) =>
                      part.isMatch ? (
                        <mark key={i} className="rounded-sm bg-warning/25 px-0.5 text-fg">
                          {part.text}
                        </mark>
                      ) : (
                        <span key={i}>{part.text}</span>
                      ),
                    )
                  : hit.excerpt}
              </p>
              {hit.context && <p className="text-sm text-muted">From the lesson “{hit.context}”</p>}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
