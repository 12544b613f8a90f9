import type { TrackItemKind } from './schema';

/**
 * Where an item is done. Simulator challenges and mock interviews point at their areas; the
 * lead adjusts these two when those routes land.
 */
export function itemHref(kind: TrackItemKind, ref: string): string {
  switch (kind) {
    case 'lesson':
      return `/lessons/${ref}`;
    case 'flashcards':
      return '/review';
    case 'scenario':
      return `/scenarios/${ref}`;
    case 'simulator-challenge':
      return `/simulator/challenges/${encodeURIComponent(ref)}`;
    case 'mock-interview':
      return `/interviews#template-${encodeURIComponent(ref)}`;
  }
}
