import type { Lesson } from './schemas';

export type GlossaryEntry = {
  term: string;
  /** Anchor id on the glossary page, e.g. `blast-radius`. */
  slug: string;
  definition: string;
  lessonId: string;
  lessonTitle: string;
};
export type GlossarySection = { letter: string; entries: GlossaryEntry[] };

/** `Blast radius` → `blast-radius`; `mTLS (mutual TLS)` → `mtls-mutual-tls`. */
export function glossarySlug(term: string): string {
  return term
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** All key terms of the pack, A–Z, grouped by first letter (`#` for terms starting with a digit or symbol). */
export function buildGlossary(lessons: ReadonlyArray<Pick<Lesson, 'id' | 'title' | 'keyTerms'>>): GlossarySection[] {
  const entries: GlossaryEntry[] = lessons.flatMap((lesson) =>
    lesson.keyTerms.map((keyTerm) => ({
      term: keyTerm.term,
      slug: glossarySlug(keyTerm.term),
      definition: keyTerm.definition,
      lessonId: lesson.id,
      lessonTitle: lesson.title,
    })),
  );
  entries.sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }));
  const sections = new Map<string, GlossaryEntry[]>();
  for (const entry of entries) {
    const first = entry.term.charAt(0).toUpperCase();
    const letter = /^[A-Z]$/.test(first) ? first : '#';
    const section = sections.get(letter) ?? [];
    section.push(entry);
    sections.set(letter, section);
  }
  return [...sections.entries()]
    .sort(([a], [b]) => (a === '#' ? -1 : b === '#' ? 1 : a.localeCompare(b)))
    .map(([letter, sectionEntries]) => ({ letter, entries: sectionEntries }));
}
