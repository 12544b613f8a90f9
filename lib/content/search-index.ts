import GithubSlugger from 'github-slugger';
import { buildGlossary } from './glossary';
import type { LessonPack } from './schemas';

// A small inverted index built at build time (the /search page is statically generated and
// ships it to a client component). No external service; query cost is a few map look-ups.

export type SearchDoc = {
  kind: 'lesson' | 'term';
  title: string;
  href: string;
  excerpt: string;
  /** For glossary terms: the lesson that defines them. */
  context?: string;
  /** For a lesson section: its heading (the href links to it). */
  section?: string;
  /** Plain text the matching passage is cut from (lesson sections; capped). */
  text?: string;
};

/** A piece of a passage; `isMatch` marks a query word to highlight. */
export type PassagePart = { text: string; isMatch: boolean };

export type SearchIndex = {
  docs: SearchDoc[];
  /** token → flat [docIndex, weight, docIndex, weight, …] */
  postings: Record<string, number[]>;
};

export type SearchHit = SearchDoc & { score: number; passage: PassagePart[] | null };

// Section text shipped to the browser for passages: enough for any sentence, not a whole book.
const MAX_SECTION_TEXT = 2400;
// A lesson with several matching sections shows at most this many, so one lesson cannot
// crowd out the rest.
const MAX_HITS_PER_LESSON = 2;

const STOP_WORDS = new Set(
  'a an and are as at be but by can do does for from has have how if in into is it its not of on or so than that the their then there these this to was we what when where which while who why will with you your'.split(
    ' ',
  ),
);

// Field weights: a match in a title or key term says far more than one in the body.
const WEIGHT = { title: 6, term: 5, heading: 3, summary: 2, body: 1 } as const;
// One long lesson mentioning a word 40 times should not bury a lesson titled with it.
const MAX_BODY_WEIGHT = 6;

/** Crude English stemming: enough to match "retries" with "retry" and "proxies" with "proxy". */
function stem(token: string): string {
  if (token.length > 4 && token.endsWith('ies')) return `${token.slice(0, -3)}y`;
  if (token.length > 3 && token.endsWith('s') && !token.endsWith('ss') && !token.endsWith('us')) return token.slice(0, -1);
  return token;
}

export function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .split(/[^a-z0-9]+/)
    .filter((token) => token.length > 1 && !STOP_WORDS.has(token))
    .map(stem);
}

/** Markdown → plain words: drops code fences, diagram ids, link targets and punctuation. */
function markdownToText(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/\[!(INTERVIEW|PITFALL|NOTE)\]/g, ' ')
    .replace(/[#>*_`|[\]-]/g, ' ');
}

function headingsOf(markdown: string): string {
  return [...markdown.matchAll(/^#{2,3}\s+(.+)$/gm)].map((m) => m[1] ?? '').join(' ');
}

/** Heading text as rendered (inline markdown dropped), which is what rehype-slug slugs. */
function headingText(raw: string): string {
  return raw
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/[`*_[\]]/g, '')
    .trim();
}

/**
 * A lesson body split at its h2/h3 headings, each with the anchor rehype-slug gives it
 * (github-slugger over every heading in order, as the renderer does). Code fences are
 * skipped so a `#` comment inside one is not taken for a heading.
 */
function sectionsOf(markdown: string): Array<{ heading: string | null; id: string | null; body: string }> {
  const slugger = new GithubSlugger();
  const sections: Array<{ heading: string | null; id: string | null; body: string }> = [{ heading: null, id: null, body: '' }];
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const match = inFence ? null : /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (match) {
      const text = headingText(match[2] ?? '');
      const id = slugger.slug(text);
      if ((match[1] ?? '').length <= 3) {
        sections.push({ heading: text, id, body: '' });
        continue;
      }
    }
    const current = sections[sections.length - 1];
    if (current) current.body += `${line}\n`;
  }
  return sections;
}

function plainText(markdown: string): string {
  return markdownToText(markdown).replace(/\s+/g, ' ').trim();
}

export function buildSearchIndex(pack: LessonPack): SearchIndex {
  const docs: SearchDoc[] = [];
  const weights = new Map<string, Map<number, number>>();
  const add = (docIndex: number, text: string, weight: number, cap = Number.POSITIVE_INFINITY) => {
    for (const token of tokenize(text)) {
      const perDoc = weights.get(token) ?? new Map<number, number>();
      perDoc.set(docIndex, Math.min(cap, (perDoc.get(docIndex) ?? 0) + weight));
      weights.set(token, perDoc);
    }
  };

  for (const lesson of pack.lessons) {
    // The lesson as a whole: title, key terms and summary (links to the top of the page).
    const docIndex = docs.push({ kind: 'lesson', title: lesson.title, href: `/lessons/${lesson.id}`, excerpt: lesson.summary }) - 1;
    add(docIndex, lesson.title, WEIGHT.title);
    add(docIndex, lesson.keyTerms.map((k) => k.term).join(' '), WEIGHT.term);
    add(docIndex, headingsOf(lesson.body), 1);
    add(docIndex, [lesson.summary, ...lesson.objectives, lesson.interviewSummary].join(' '), WEIGHT.summary);
    // Each section on its own, so a result can quote the passage and link to its heading.
    for (const section of sectionsOf(lesson.body)) {
      const text = plainText(section.body);
      if (text.length === 0) continue;
      const sectionIndex =
        docs.push({
          kind: 'lesson',
          title: lesson.title,
          href: section.id ? `/lessons/${lesson.id}#${section.id}` : `/lessons/${lesson.id}`,
          excerpt: text.slice(0, 200),
          ...(section.heading ? { section: section.heading } : {}),
          text: text.slice(0, MAX_SECTION_TEXT),
        }) - 1;
      if (section.heading) add(sectionIndex, section.heading, WEIGHT.heading);
      add(sectionIndex, text, WEIGHT.body, MAX_BODY_WEIGHT);
    }
  }
  for (const section of buildGlossary(pack.lessons)) {
    for (const entry of section.entries) {
      const docIndex =
        docs.push({
          kind: 'term',
          title: entry.term,
          href: `/glossary#${entry.slug}`,
          excerpt: entry.definition,
          context: entry.lessonTitle,
        }) - 1;
      add(docIndex, entry.term, WEIGHT.title);
      add(docIndex, entry.definition, WEIGHT.summary);
    }
  }

  const postings: Record<string, number[]> = {};
  for (const [token, perDoc] of [...weights.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    postings[token] = [...perDoc.entries()].flat();
  }
  return { docs, postings };
}

/**
 * Ranks documents for a query: every query word must match (the last one also as a prefix,
 * so results appear while typing); score = Σ weight × idf. Falls back to any-word matching
 * when no document has all words.
 */
export function searchIndex(index: SearchIndex, query: string, limit = 20): SearchHit[] {
  const tokens = [...new Set(tokenize(query))];
  if (tokens.length === 0) return [];
  const docCount = index.docs.length;
  const perToken = tokens.map((token, position) => {
    const scores = new Map<number, number>();
    const isLast = position === tokens.length - 1;
    const keys = isLast ? Object.keys(index.postings).filter((key) => key.startsWith(token)) : [token];
    for (const key of keys) {
      const flat = index.postings[key];
      if (!flat) continue;
      const idf = Math.log(1 + docCount / (flat.length / 2));
      const exactness = key === token ? 1 : 0.5;
      for (let i = 0; i + 1 < flat.length; i += 2) {
        const docIndex = flat[i] as number;
        const weight = flat[i + 1] as number;
        scores.set(docIndex, Math.max(scores.get(docIndex) ?? 0, weight * idf * exactness));
      }
    }
    return scores;
  });

  // A title that is exactly the query (a glossary term, usually) beats one that merely contains
  // its words; a passage with the words side by side ("retry budget") beats one where they are
  // scattered, and lesson text with the phrase beats a glossary line about it.
  const phrase = tokens.join(' ');
  const titleBoost = (doc: SearchDoc): number => {
    const titleTokens = tokenize(doc.section ?? doc.title).join(' ');
    let boost = titleTokens === phrase ? 2 : titleTokens.includes(phrase) ? 1.3 : 1;
    if (tokens.length > 1 && doc.text && hasPhrase(tokenize(doc.text), tokens)) boost *= doc.kind === 'lesson' ? 2.5 : 1.5;
    return boost;
  };

  const rank = (requireAll: boolean): SearchHit[] => {
    const totals = new Map<number, number>();
    perToken.forEach((scores) => {
      for (const [docIndex, score] of scores) totals.set(docIndex, (totals.get(docIndex) ?? 0) + score);
    });
    const scored: Array<{ doc: SearchDoc; score: number }> = [];
    for (const [docIndex, score] of totals) {
      if (requireAll && !perToken.every((scores) => scores.has(docIndex))) continue;
      const doc = index.docs[docIndex];
      if (doc) scored.push({ doc, score: score * titleBoost(doc) });
    }
    scored.sort((a, b) => b.score - a.score || a.doc.title.localeCompare(b.doc.title) || a.doc.href.localeCompare(b.doc.href));
    const perLesson = new Map<string, number>();
    const hits: SearchHit[] = [];
    for (const { doc, score } of scored) {
      if (hits.length >= limit) break;
      const lessonHref = doc.href.split('#')[0] ?? doc.href;
      if (doc.kind === 'lesson') {
        const shown = perLesson.get(lessonHref) ?? 0;
        if (shown >= MAX_HITS_PER_LESSON) continue;
        perLesson.set(lessonHref, shown + 1);
      }
      hits.push({ ...doc, score, passage: doc.text ? passageFor(doc.text, tokens) : null });
    }
    return hits;
  };
  const all = rank(true);
  return all.length > 0 ? all : rank(false);
}

function hasPhrase(words: readonly string[], tokens: readonly string[]): boolean {
  const last = tokens.length - 1;
  for (let i = 0; i + last < words.length; i++) {
    if (tokens.every((token, k) => (k === last ? words[i + k]?.startsWith(token) : words[i + k] === token))) return true;
  }
  return false;
}

/** True when the word (as written) matches a query token: equal stem, or a prefix for the last. */
function wordMatches(word: string, tokens: readonly string[]): boolean {
  const [stemmed] = tokenize(word);
  if (!stemmed) return false;
  return tokens.some((token, i) => stemmed === token || (i === tokens.length - 1 && stemmed.startsWith(token)));
}

const PASSAGE_CHARS = 220;

/**
 * The passage of `text` that best matches the query: the sentence with the most distinct
 * query words (ties: the first), trimmed to about 220 characters around the first match,
 * split into parts with the matching words marked for highlighting.
 */
export function passageFor(text: string, tokens: readonly string[]): PassagePart[] {
  const sentences = text.match(/[^.!?]+[.!?]*\s*/g) ?? [text];
  let best = sentences[0] ?? '';
  let bestScore = -1;
  for (const sentence of sentences) {
    const found = new Set<string>();
    for (const word of sentence.split(/[^A-Za-z0-9]+/)) {
      const [stemmed] = tokenize(word);
      if (!stemmed) continue;
      for (const [i, token] of tokens.entries()) {
        if (stemmed === token || (i === tokens.length - 1 && stemmed.startsWith(token))) found.add(token);
      }
    }
    if (found.size > bestScore) {
      best = sentence;
      bestScore = found.size;
    }
  }
  let passage = best.trim();
  if (passage.length > PASSAGE_CHARS) {
    const words = passage.split(/\s+/);
    const first = Math.max(0, words.findIndex((word) => wordMatches(word, tokens)));
    const start = Math.max(0, first - 8);
    let cut = words.slice(start).join(' ');
    if (cut.length > PASSAGE_CHARS) cut = `${cut.slice(0, PASSAGE_CHARS).replace(/\s+\S*$/, '')} …`;
    passage = `${start > 0 ? '… ' : ''}${cut}`;
  }
  const parts: PassagePart[] = [];
  for (const piece of passage.split(/([A-Za-z0-9]+)/)) {
    if (piece === '') continue;
    const isMatch = /^[A-Za-z0-9]+$/.test(piece) && wordMatches(piece, tokens);
    const previous = parts[parts.length - 1];
    if (previous && previous.isMatch === isMatch && !isMatch) previous.text += piece;
    else parts.push({ text: piece, isMatch });
  }
  return parts;
}
