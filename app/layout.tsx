import type { Metadata, Viewport } from 'next';
import { SiteHeader } from '@/components/layout/site-header';
import { SiteFooter } from '@/components/layout/site-footer';
import { RouteFocus } from '@/components/layout/route-focus';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Mesh Dojo — practise service mesh design', template: '%s · Mesh Dojo' },
  description:
    'Lessons, spaced-repetition flashcards, graded design scenarios and a mesh simulator for engineers learning when a service mesh is justified and how to defend the choice.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f8fafc' },
    { media: '(prefers-color-scheme: dark)', color: '#0b1220' },
  ],
};

// Runs before first paint so the page never flashes the wrong theme. The stored choice
// ("light" | "dark") wins; otherwise the system preference applies.
// It also copies the last known sign-in state (components/layout/client-session.ts) to
// `data-session`, so the header's account area paints in its likely final shape at once.
const THEME_SCRIPT = `(function(){try{var h=document.documentElement;var t=localStorage.getItem('theme');var d=t==='dark'||(t!=='light'&&matchMedia('(prefers-color-scheme: dark)').matches);h.classList.toggle('dark',d);h.dataset.session=localStorage.getItem('session-hint')==='in'?'in':'out';}catch(e){}})();`;

export default function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="flex min-h-screen flex-col bg-bg text-fg">
        <a href="#main" className="skip-link">
          Skip to main content
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6">
          {children}
        </main>
        <SiteFooter />
        <RouteFocus />
      </body>
    </html>
  );
}
