/**
 * Every area in the main navigation, in display order: the one list the header (desktop row
 * and phone menu) renders. Adding an area is a one-line change here.
 * `needsAccount` items are shown only to signed-in visitors.
 */
export type NavItem = { href: string; label: string; needsAccount: boolean };

export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/dashboard', label: 'Dashboard', needsAccount: true },
  { href: '/lessons', label: 'Lessons', needsAccount: false },
  { href: '/review', label: 'Review', needsAccount: false },
  { href: '/scenarios', label: 'Scenarios', needsAccount: false },
  { href: '/simulator', label: 'Simulator', needsAccount: false },
  { href: '/interviews', label: 'Interviews', needsAccount: true },
  { href: '/tracks', label: 'My tracks', needsAccount: true },
  { href: '/teams', label: 'Teams', needsAccount: true },
];

/** True when `pathname` is inside the area `href`. */
export function isCurrentArea(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}
