// The lesson page's static sections as HTML strings, for React to insert without hydrating them.
//
// React hydrates every element a server component renders: it builds a fiber for it and commits
// it, on the main thread while the page loads. What is inside `dangerouslySetInnerHTML` it does
// not touch. The lesson body already comes that way; these builders do the same for the parts
// around it that have no state and no handlers (the two tables of contents, objectives, key terms,
// sources): ~140 of a lesson page's ~370 hydrated elements. Built with hastscript and serialised by
// hast-util-to-html, which escape text and attribute values; no React, no DOM.
import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { GlossarySection } from './glossary';
import type { TocEntry } from './markdown';

const html = (node: ElementContent): string => toHtml(node);

/** "On this page": one ordered list of the lesson's h2/h3 anchors. Empty string when there are none. */
export function tableOfContentsHtml(entries: readonly TocEntry[], idPrefix: string): string {
  if (entries.length === 0) return '';
  const headingId = `${idPrefix}-toc-heading`;
  return html(
    h('nav', { ariaLabelledBy: headingId, className: 'text-sm' }, [
      h('h2', { id: headingId, className: 'mb-2 text-base' }, 'On this page'),
      h(
        'ol',
        { className: 'space-y-1.5' },
        entries.map((entry) =>
          h('li', { className: entry.depth === 3 ? 'pl-4' : undefined }, [
            h('a', { href: `#${entry.id}` }, entry.text),
          ]),
        ),
      ),
    ]),
  );
}

/** A section named by its own h2 (`aria-labelledby`), the shape of every static section here. */
function labelledSection(
  headingId: string,
  className: string,
  heading: { className: string; text: string },
  body: ElementContent,
): string {
  return html(
    h('section', { ariaLabelledBy: headingId, className }, [
      h('h2', { id: headingId, className: heading.className }, heading.text),
      body,
    ]),
  );
}

/** The "By the end of this lesson you can" card. */
export function objectivesHtml(objectives: readonly string[]): string {
  return labelledSection(
    'objectives-heading',
    'card space-y-2',
    { className: 'text-lg', text: 'By the end of this lesson you can' },
    h(
      'ul',
      { className: 'list-disc space-y-1 pl-6' },
      objectives.map((objective) => h('li', objective)),
    ),
  );
}

/** Key terms, each linking to its glossary entry (`slug` gives the entry's anchor). */
export function keyTermsHtml(
  keyTerms: ReadonlyArray<{ term: string; definition: string }>,
  slug: (term: string) => string,
): string {
  return labelledSection(
    'key-terms-heading',
    'render-when-visible space-y-3',
    { className: 'text-2xl', text: 'Key terms' },
    h(
      'dl',
      { className: 'space-y-3' },
      keyTerms.map((keyTerm) =>
        h('div', [
          h('dt', { className: 'font-semibold' }, [
            h('a', { href: `/glossary#${slug(keyTerm.term)}` }, keyTerm.term),
          ]),
          h('dd', { className: 'text-muted' }, keyTerm.definition),
        ]),
      ),
    ),
  );
}

/** The lesson's sources (external links). Empty string when there are none. */
export function sourcesHtml(sources: ReadonlyArray<{ title: string; url: string }>): string {
  if (sources.length === 0) return '';
  return labelledSection(
    'sources-heading',
    'render-when-visible space-y-2 text-sm',
    { className: 'text-lg', text: 'Sources' },
    h(
      'ul',
      { className: 'list-disc space-y-1 pl-6' },
      sources.map((source) =>
        h('li', [h('a', { href: source.url, rel: ['noreferrer'] }, source.title)]),
      ),
    ),
  );
}

/** The glossary's letter groups: one section per letter, each entry linking to its lesson. */
export function glossarySectionsHtml(sections: readonly GlossarySection[]): string {
  return sections
    .map((section) =>
      labelledSection(
        `letter-${section.letter === '#' ? 'other' : section.letter}`,
        'render-when-visible space-y-3',
        { className: 'border-b border-border pb-1 text-2xl', text: section.letter },
        h(
          'dl',
          { className: 'space-y-4' },
          section.entries.map((entry) =>
            h('div', { id: entry.slug, className: 'scroll-mt-6' }, [
              h('dt', { className: 'text-lg font-semibold' }, entry.term),
              h('dd', { className: 'space-y-1' }, [
                h('p', entry.definition),
                h('p', { className: 'text-sm text-muted' }, [
                  'Explained in ',
                  h('a', { href: `/lessons/${entry.lessonId}` }, entry.lessonTitle),
                ]),
              ]),
            ]),
          ),
        ),
      ),
    )
    .join('');
}
