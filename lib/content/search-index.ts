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
};

export type SearchIndex = {
  docs: SearchDoc[];
  /** token → flat [docIndex, weight, docIndex, weight, …] */
  postings: Record<string, number[]>;
};

export type SearchHit = SearchDoc & { score: number };

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
    const docIndex = docs.push({ kind: 'lesson', title: lesson.title, href: `/lessons/${lesson.id}`, excerpt: lesson.summary }) - 1;
    add(docIndex, lesson.title, WEIGHT.title);
    add(docIndex, lesson.keyTerms.map((k) => k.term).join(' '), WEIGHT.term);
    add(docIndex, headingsOf(lesson.body), WEIGHT.heading);
    add(docIndex, [lesson.summary, ...lesson.objectives, lesson.interviewSummary].join(' '), WEIGHT.summary);
    add(docIndex, markdownToText(lesson.body), WEIGHT.body, MAX_BODY_WEIGHT);
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

  // A title that is exactly the query (a glossary term, usually) beats one that merely contains its words.
  const phrase = tokens.join(' ');
  const titleBoost = (title: string): number => {
    const titleTokens = tokenize(title).join(' ');
    if (titleTokens === phrase) return 2;
    return titleTokens.includes(phrase) ? 1.3 : 1;
  };

  const rank = (requireAll: boolean): SearchHit[] => {
    const totals = new Map<number, number>();
    perToken.forEach((scores) => {
      for (const [docIndex, score] of scores) totals.set(docIndex, (totals.get(docIndex) ?? 0) + score);
    });
    const hits: SearchHit[] = [];
    for (const [docIndex, score] of totals) {
      if (requireAll && !perToken.every((scores) => scores.has(docIndex))) continue;
      const doc = index.docs[docIndex];
      if (doc) hits.push({ ...doc, score: score * titleBoost(doc.title) });
    }
    return hits.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title)).slice(0, limit);
  };
  const all = rank(true);
  return all.length > 0 ? all : rank(false);
}
