import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGlossary, glossarySlug } from '@/lib/content/glossary';
import { loadLessonPack } from '@/lib/content/lesson-pack';
import type { LessonPack } from '@/lib/content/schemas';
import { buildSearchIndex, passageFor, searchIndex, tokenize, type SearchIndex } from '@/lib/content/search-index';

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

  it('ranks lesson text with the exact phrase first, then the glossary term titled with it', () => {
    const hits = searchIndex(index, 'retry budget');
    expect(hits[0]).toMatchObject({ kind: 'lesson' });
    expect(hits[0]?.href.startsWith('/lessons/alpha-lesson')).toBe(true);
    const term = hits.findIndex((h) => h.kind === 'term' && h.title === 'Retry budget');
    expect(term).toBeGreaterThan(-1);
    expect(term).toBeLessThan(3);
  });

  it('links a section hit to its heading and marks the matching words in the passage', () => {
    const section = searchIndex(index, 'multiply load').find((h) => h.section);
    expect(section).toMatchObject({ section: 'Why retries hurt', href: '/lessons/alpha-lesson#why-retries-hurt' });
    expect(section?.passage?.filter((part) => part.isMatch).map((part) => part.text)).toEqual(['multiply', 'load']);
    expect(section?.passage?.map((part) => part.text).join('')).toContain('Retries hide transient errors but multiply load.');
  });

  it('cuts a passage around the match and highlights stems and the typed prefix', () => {
    const text = `${'Filler words here. '.repeat(3)}Retries can amplify load when every layer retries. ${'More filler. '.repeat(30)}`;
    const parts = passageFor(text, ['retry', 'amp']);
    expect(parts.filter((p) => p.isMatch).map((p) => p.text)).toEqual(['Retries', 'amplify', 'retries']);
    expect(parts.map((p) => p.text).join('').length).toBeLessThanOrEqual(230);
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
