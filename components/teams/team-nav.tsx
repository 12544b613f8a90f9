import Link from '@/components/ui/app-link';

/** Sub-navigation of a team's pages; managers see the management pages. */
export function TeamNav({
  teamId,
  managing,
  current,
}: {
  teamId: string;
  managing: boolean;
  current: string;
}) {
  const links = [
    { href: `/teams/${teamId}`, label: 'Overview' },
    { href: `/teams/${teamId}/readiness`, label: 'Readiness' },
    ...(managing
      ? [
          { href: `/teams/${teamId}/tracks`, label: 'Tracks' },
          { href: `/teams/${teamId}/invite`, label: 'Invite' },
        ]
      : []),
  ];
  return (
    <nav aria-label="Team">
      <ul className="flex flex-wrap gap-2">
        {links.map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={current === link.href ? 'page' : undefined}
              className={`btn ${current === link.href ? 'btn-secondary' : 'btn-ghost'}`}
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
