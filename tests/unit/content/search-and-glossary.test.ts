import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGlossary, glossarySlug } from '@/lib/content/glossary';
import { loadLessonPack } from '@/lib/content/lesson-pack';
import type { LessonPack } from '@/lib/content/schemas';
import { buildSearchIndex, searchIndex, tokenize, type SearchIndex } from '@/lib/content/search-index';

let pack: LessonPack;
let index: SearchIndex;

beforeAll(async () => {
  pack = await loadLessonPack(path.resolve(import.meta.dirname, '../../fixtures/content/valid/service-mesh'));
  index = buildSearchIndex(pack);
});

describe('glossary', () => {
  it('lists every key term A–Z grouped by letter, with its lesson', () => {
    const sections = buildGlossary(pack.lessons);
    expect(sections.map((s) => s.letter)).toEqual(['C', 'R', 'W', 'Z']);
    const ztunnel = sections.find((s) => s.letter === 'Z')?.entries[0];
    expect(ztunnel).toMatchObject({ term: 'ztunnel', slug: 'ztunnel', lessonId: 'beta-lesson' });
  });

  it('makes URL-safe anchors', () => {
    expect(glossarySlug('mTLS (mutual TLS)')).toBe('mtls-mutual-tls');
    expect(glossarySlug('  Blast radius ')).toBe('blast-radius');
  });
});

describe('search index', () => {
  it('stems plurals and drops stop words', () => {
    expect(tokenize('The retries of proxies')).toEqual(['retry', 'proxy']);
  });

  it('finds a lesson and its glossary entry by a key term', () => {
    const hits = searchIndex(index, 'ztunnel');
    expect(hits[0]).toMatchObject({ kind: 'lesson', href: '/lessons/beta-lesson' });
    expect(hits.find((h) => h.kind === 'term')).toMatchObject({ href: '/glossary#ztunnel', context: 'Beta lesson about ztunnel' });
    expect(hits.some((h) => h.href === '/lessons/alpha-lesson')).toBe(false);
  });

  it('ranks an exact title match first', () => {
    expect(searchIndex(index, 'retry budget')[0]).toMatchObject({ kind: 'term', title: 'Retry budget' });
  });

  it('matches all words, the last one as a prefix', () => {
    const hits = searchIndex(index, 'retry budg');
    expect(hits.map((h) => h.href)).toContain('/lessons/alpha-lesson');
    expect(hits.map((h) => h.href)).not.toContain('/lessons/beta-lesson');
  });

  it('finds words from the body, not only titles', () => {
    expect(searchIndex(index, 'PeerAuthentication')).toHaveLength(0); // inside a code block: not indexed
    expect(searchIndex(index, 'amplify').map((h) => h.title)).toContain('Retry budget');
  });

  it('returns nothing for an empty or stop-word query', () => {
    expect(searchIndex(index, '')).toEqual([]);
    expect(searchIndex(index, 'the and')).toEqual([]);
  });

  it('is plain JSON so it can be shipped to the browser', () => {
    expect(JSON.parse(JSON.stringify(index))).toEqual(index);
  });
});
