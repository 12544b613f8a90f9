'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useClientSession } from '@/components/layout/client-session';

const LINKS = [
  { href: '/dashboard', label: 'Dashboard', needsAccount: true },
  { href: '/lessons', label: 'Lessons', needsAccount: false },
  { href: '/review', label: 'Review', needsAccount: false },
  { href: '/scenarios', label: 'Scenarios', needsAccount: false },
  { href: '/simulator', label: 'Simulator', needsAccount: false },
  { href: '/tracks', label: 'My tracks', needsAccount: true },
  { href: '/teams', label: 'Teams', needsAccount: true },
] as const;

/** Primary navigation; marks the current area with aria-current. */
export function MainNav() {
  const pathname = usePathname();
  const signedIn = useClientSession().status === 'authenticated';
  return (
    <nav aria-label="Main" className="order-last w-full overflow-x-auto sm:order-none sm:w-auto">
      <ul className="flex gap-1">
        {LINKS.filter((l) => signedIn || !l.needsAccount).map((link) => {
          const current = pathname === link.href || pathname.startsWith(`${link.href}/`);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? 'page' : undefined}
                className={`block rounded-md px-3 py-2 text-sm font-medium no-underline ${
                  current ? 'bg-surface-2 text-fg' : 'text-muted hover:bg-surface-2 hover:text-fg'
                }`}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
