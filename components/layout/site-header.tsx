import Link from '@/components/ui/app-link';
import { MainNav } from '@/components/layout/main-nav';
import { ThemeToggle } from '@/components/layout/theme-toggle';
import { AccountMenu } from '@/components/layout/account-menu';
import { SearchBox } from '@/components/lesson/search-shortcut';

/** Site header: brand, study navigation, theme toggle and account actions. Static. */
export function SiteHeader() {
  return (
    <header className="border-b border-border bg-surface">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-center gap-2 font-bold text-fg no-underline">
          <svg
            aria-hidden="true"
            width="28"
            height="28"
            viewBox="0 0 32 32"
            className="text-accent"
          >
            <circle cx="8" cy="8" r="4" fill="currentColor" />
            <circle cx="24" cy="8" r="4" fill="currentColor" />
            <circle cx="16" cy="24" r="4" fill="currentColor" />
            <path d="M8 8 L24 8 L16 24 Z" fill="none" stroke="currentColor" strokeWidth="2" />
          </svg>
          <span>Mesh Dojo</span>
        </Link>
        <MainNav />
        <div className="ml-auto flex items-center gap-2">
          <SearchBox className="hidden w-48 lg:block" />
          <Link
            href="/search"
            className="btn btn-ghost px-3 lg:hidden"
            aria-label="Search lessons and glossary"
          >
            <svg
              aria-hidden="true"
              width="18"
              height="18"
              viewBox="0 0 24 24"
              fill="none"
              stroke="currentColor"
              strokeWidth="2.5"
            >
              <circle cx="11" cy="11" r="7" />
              <path d="m20 20-4-4" />
            </svg>
          </Link>
          <ThemeToggle />
          <AccountMenu />
        </div>
      </div>
    </header>
  );
}
