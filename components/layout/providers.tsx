'use client';

import { SessionProvider } from 'next-auth/react';

/**
 * Client-side session for the header. The layout itself never reads cookies, so content
 * pages (lessons, glossary) stay statically rendered; per-user parts load on the client.
 */
export function Providers({ children }: { children: React.ReactNode }) {
  return <SessionProvider refetchOnWindowFocus={false}>{children}</SessionProvider>;
}
