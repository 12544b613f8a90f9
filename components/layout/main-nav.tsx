'use client';

import Link from '@/components/ui/app-link';
import { usePathname } from 'next/navigation';
import { useState } from 'react';
import { useClientSession } from '@/components/layout/client-session';
import { NAV_ITEMS, isCurrentArea } from '@/components/layout/nav-items';

/**
 * Primary navigation; marks the current area with aria-current. From `lg` up it is one row;
 * below, a "Menu" button discloses every area as a list, so none hides off-screen. While the
 * session is still loading, account-only items follow the first-paint hint (see
 * client-session.ts) through CSS, so nothing pops in.
 */
export function MainNav() {
  const pathname = usePathname();
  const session = useClientSession();
  // The menu remembers the page it was opened on, so it closes by itself after a navigation.
  const [openedOn, setOpenedOn] = useState<string | null>(null);
  const isOpen = openedOn === pathname;

  const items = NAV_ITEMS.filter(
    (item) => !item.needsAccount || session.status !== 'unauthenticated',
  );
  return (
    <nav aria-label="Main" className="order-last w-full lg:order-none lg:w-auto">
      <button
        type="button"
        className="btn btn-secondary w-full justify-between lg:hidden"
        aria-expanded={isOpen}
        aria-controls="main-nav-list"
        onClick={() => setOpenedOn(isOpen ? null : pathname)}
      >
        <span>Menu</span>
        <svg
          aria-hidden="true"
          width="18"
          height="18"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2.5"
        >
          {isOpen ? <path d="M6 6l12 12M18 6 6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
        </svg>
      </button>
      <ul
        id="main-nav-list"
        className={`${isOpen ? 'grid' : 'hidden'} mt-2 grid-cols-2 gap-1 sm:grid-cols-3 lg:mt-0 lg:flex`}
      >
        {items.map((item) => {
          const current = isCurrentArea(pathname, item.href);
          return (
            <li
              key={item.href}
              className={
                item.needsAccount && session.status === 'loading' ? 'when-signed-in' : undefined
              }
            >
              <Link
                href={item.href}
                aria-current={current ? 'page' : undefined}
                className={`block rounded-md px-3 py-2 text-sm font-medium no-underline ${
                  current ? 'bg-surface-2 text-fg' : 'text-muted hover:bg-surface-2 hover:text-fg'
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
