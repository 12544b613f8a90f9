import type { Metadata } from 'next';
import { Suspense } from 'react';
import { SearchResults } from '@/components/lesson/search-results';
import { getLessonPack } from '@/lib/content/lessons';
import { buildSearchIndex } from '@/lib/content/search-index';

export const metadata: Metadata = {
  title: 'Search',
  description: 'Full-text search across the service mesh lessons and glossary.',
};

// Static page: the index is built here at build time and shipped to the client component,
// which reads ?q= and ranks results in the browser.
export default async function SearchPage() {
  const index = buildSearchIndex(await getLessonPack());
  return (
    <div className="space-y-6">
      <h1 className="text-3xl sm:text-4xl">Search</h1>
      <Suspense fallback={<p className="text-muted">Loading search…</p>}>
        <SearchResults index={index} />
      </Suspense>
    </div>
  );
}
