import type { Metadata, Viewport } from 'next';
import { SiteHeader } from '@/components/layout/site-header';
import { SiteFooter } from '@/components/layout/site-footer';
import { RouteFocus } from '@/components/layout/route-focus';
import { THEME_SCRIPT } from '@/lib/security/theme-script';
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
