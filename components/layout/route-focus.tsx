'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';

/**
 * After a client-side navigation, moves focus to the new page's main heading (or <main>), so
 * keyboard and screen-reader users start at the new content instead of the link they used.
 * Not on the first load (the browser starts at the top already) and not for hash links.
 */
export function RouteFocus() {
  const pathname = usePathname();
  const previous = useRef<string | null>(null);
  useEffect(() => {
    if (previous.current === null || previous.current === pathname) {
      previous.current = pathname;
      return;
    }
    previous.current = pathname;
    const main = document.getElementById('main');
    if (!main) return;
    // The new page already placed focus inside itself (e.g. the search box): keep it.
    if (
      document.activeElement instanceof HTMLElement &&
      document.activeElement !== document.body &&
      main.contains(document.activeElement)
    )
      return;
    const target = main.querySelector<HTMLElement>('h1') ?? main;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  }, [pathname]);
  return null;
}
