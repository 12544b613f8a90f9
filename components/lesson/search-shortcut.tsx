'use client';

import Form from 'next/form';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, type RefObject } from 'react';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

const PRIORITY_ATTRIBUTE = 'data-search-priority';

/**
 * Focuses the input when `/` is pressed outside a text field (the GitHub / MDN convention).
 * With `isPriority`, this input wins over the header box (e.g. the search page's own box).
 */
export function useSlashShortcut(
  inputRef: RefObject<HTMLInputElement | null>,
  isPriority = false,
): void {
  const router = useRouter();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (
        event.key !== '/' ||
        event.defaultPrevented ||
        event.ctrlKey ||
        event.metaKey ||
        event.altKey
      )
        return;
      if (isEditable(event.target)) return;
      const input = inputRef.current;
      if (!input) return;
      if (!isPriority && document.querySelector(`[${PRIORITY_ATTRIBUTE}]`)) return;
      event.preventDefault();
      // Below `lg` the header box is hidden (display: none cannot take focus): go to the
      // search page instead, whose box focuses itself.
      if (input.offsetParent === null) {
        router.push('/search');
        return;
      }
      input.focus();
      input.select();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [inputRef, isPriority, router]);
}

/** Marks an input as the one `/` should focus when several search boxes are on the page. */
export const SEARCH_PRIORITY_PROPS = { [PRIORITY_ATTRIBUTE]: 'true' } as const;

/** Header search box: submits to /search; `/` focuses it from anywhere on the page. */
export function SearchBox({
  label = 'Site search',
  className,
}: {
  label?: string;
  className?: string;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  useSlashShortcut(inputRef);
  return (
    // No viewport prefetch of /search on every page (see components/ui/app-link.tsx).
    <Form action="/search" prefetch={false} role="search" aria-label={label} className={className}>
      <label htmlFor={inputId} className="sr-only">
        Search lessons and glossary
      </label>
      <input
        ref={inputRef}
        id={inputId}
        type="search"
        name="q"
        placeholder="Search (press /)"
        aria-keyshortcuts="/"
        autoComplete="off"
        className="input min-h-9 py-1.5 text-sm"
      />
    </Form>
  );
}
