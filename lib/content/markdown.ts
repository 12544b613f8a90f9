import type { Element, ElementContent, Root as HastRoot, Text } from 'hast';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeHighlight from 'rehype-highlight';
import rehypeSanitize from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import { visit, SKIP } from 'unist-util-visit';
import { renderDiagram } from './diagrams';
import { DIAGRAM_IDS, type DiagramId } from './schemas';

export type TocEntry = { depth: 2 | 3; id: string; text: string };
export type RenderedMarkdown = { html: string; toc: TocEntry[]; readingMinutes: number; wordCount: number };

// Tailwind utilities sit next to the semantic classes so callouts look right without extra
// CSS (Tailwind scans this file). The label is visible text, not colour alone.
const CALLOUT_BASE = ['my-6', 'space-y-2', 'rounded-lg', 'border', 'border-l-4', 'border-border', 'bg-surface-2', 'p-4'];
const CALLOUTS = {
  INTERVIEW: { classNames: ['callout-interview', 'border-l-accent'], label: 'Interview tip' },
  PITFALL: { classNames: ['callout-pitfall', 'border-l-warning'], label: 'Pitfall' },
  NOTE: { classNames: ['callout-note', 'border-l-muted'], label: 'Note' },
} as const;
const CALLOUT_MARKER = /^\[!(INTERVIEW|PITFALL|NOTE)\][ \t]*(?:\r?\n)?/;
// Typical adult silent reading speed for technical prose.
const WORDS_PER_MINUTE = 200;

function textOf(node: ElementContent | HastRoot): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' || node.type === 'root') return node.children.map((c) => textOf(c as ElementContent)).join('');
  return '';
}

function hasClass(element: Element, className: string): boolean {
  const classes = element.properties.className;
  return Array.isArray(classes) && classes.includes(className);
}

/** `> [!PITFALL]` blockquotes become labelled `<aside role="note">` callouts. */
function rehypeCallouts() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'blockquote' || index === undefined || !parent) return;
      const firstParagraph = node.children.find((c): c is Element => c.type === 'element');
      if (!firstParagraph || firstParagraph.tagName !== 'p') return;
      const firstText = firstParagraph.children[0];
      if (!firstText || firstText.type !== 'text') return;
      const match = CALLOUT_MARKER.exec(firstText.value);
      const kind = match?.[1] as keyof typeof CALLOUTS | undefined;
      if (!match || !kind) return;
      const callout = CALLOUTS[kind];
      firstText.value = firstText.value.slice(match[0].length);
      const paragraphIsEmpty = firstParagraph.children.every((c) => c.type === 'text' && c.value.trim() === '');
      const body = node.children.filter((c) => !(paragraphIsEmpty && c === firstParagraph));
      const aside: Element = {
        type: 'element',
        tagName: 'aside',
        properties: { className: ['callout', ...callout.classNames, ...CALLOUT_BASE], role: 'note' },
        children: [
          {
            type: 'element',
            tagName: 'p',
            properties: { className: ['callout-label', 'text-sm', 'font-bold', 'tracking-wide', 'uppercase'] },
            children: [{ type: 'text', value: callout.label }],
          },
          ...body,
        ],
      };
      parent.children[index] = aside;
      return SKIP;
    });
  };
}

/** ```diagram fences become accessible inline SVG figures. */
function rehypeDiagrams() {
  const known: ReadonlySet<string> = new Set(DIAGRAM_IDS);
  return (tree: HastRoot) => {
    let count = 0;
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'pre' || index === undefined || !parent) return;
      const code = node.children[0];
      if (!code || code.type !== 'element' || code.tagName !== 'code' || !hasClass(code, 'language-diagram')) return;
      const diagramId = textOf(code).trim();
      if (!known.has(diagramId)) throw new Error(`unknown diagram "${diagramId}"`);
      count += 1;
      parent.children[index] = renderDiagram(diagramId as DiagramId, `${diagramId}-${count}`);
      return SKIP;
    });
  };
}

/** highlight.js's `shell` means a prompt session; authors write plain commands, so treat them as bash. */
function rehypeShellAsBash() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'code') return;
      const classes = node.properties.className;
      if (!Array.isArray(classes)) return;
      node.properties.className = classes.map((c) => (c === 'language-shell' || c === 'language-sh' ? 'language-bash' : c));
    });
  };
}

/**
 * Code blocks and tables scroll sideways on narrow screens; a scrollable region must be
 * reachable by keyboard (WCAG 2.1.1, axe `scrollable-region-focusable`), so make them focusable.
 */
function rehypeFocusableScrollers() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node) => {
      if (node.tagName === 'pre' || node.tagName === 'table') node.properties.tabIndex = 0;
    });
  };
}

/**
 * Wraps each h2 and the blocks after it, up to the next h2, in `<section class="lesson-section">`,
 * so the stylesheet can let the browser skip laying out and painting the sections below the fold
 * (`content-visibility: auto`) until the reader scrolls near them. Content before the first h2
 * stays as it is. Twelve lines over the root's children: a dependency (rehype-section and kin,
 * unmaintained) would do the same with options this pipeline does not need.
 */
function rehypeLessonSections() {
  return (tree: HastRoot) => {
    const children: HastRoot['children'] = [];
    let section: Element | null = null;
    for (const child of tree.children) {
      if (child.type === 'element' && child.tagName === 'h2') {
        section = { type: 'element', tagName: 'section', properties: { className: ['lesson-section'] }, children: [] };
        children.push(section);
      }
      if (section) section.children.push(child as ElementContent);
      else children.push(child);
    }
    tree.children = children;
  };
}

/** Records h2/h3 ids for the table of contents and the prose word count for reading time. */
function rehypeCollectOutline() {
  return (tree: HastRoot, file: VFile) => {
    const toc: TocEntry[] = [];
    visit(tree, 'element', (node) => {
      if ((node.tagName === 'h2' || node.tagName === 'h3') && typeof node.properties.id === 'string') {
        toc.push({ depth: node.tagName === 'h2' ? 2 : 3, id: node.properties.id, text: textOf(node).trim() });
        return SKIP;
      }
    });
    const words = textOf(tree).split(/\s+/).filter((w) => w.length > 0).length;
    file.data.toc = toc;
    file.data.wordCount = words;
  };
}

/**
 * The one markdown pipeline, frozen once. Raw HTML is never let through: remark-rehype drops
 * it (no `allowDangerousHtml`) and rehype-sanitize then removes unsafe URLs and attributes
 * before our own trusted nodes (callouts, diagrams, highlighting) are added.
 */
export const lessonProcessor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSanitize)
  .use(rehypeSlug)
  .use(rehypeCollectOutline)
  .use(rehypeAutolinkHeadings, {
    behavior: 'append',
    properties: { className: ['heading-anchor', 'ml-2', 'text-muted'], ariaHidden: 'true', tabIndex: -1 },
    content: { type: 'text', value: '#' } satisfies Text,
  })
  .use(rehypeCallouts)
  .use(rehypeDiagrams)
  .use(rehypeShellAsBash)
  .use(rehypeHighlight, { plainText: ['text', 'txt', 'plaintext'] })
  .use(rehypeFocusableScrollers)
  .use(rehypeLessonSections)
  .use(rehypeStringify)
  .freeze();

declare module 'vfile' {
  interface DataMap {
    toc: TocEntry[];
    wordCount: number;
  }
}

export async function renderMarkdown(markdown: string): Promise<RenderedMarkdown> {
  const file = await lessonProcessor.process(markdown);
  const wordCount = file.data.wordCount ?? 0;
  return {
    html: String(file),
    toc: file.data.toc ?? [],
    wordCount,
    readingMinutes: Math.max(1, Math.ceil(wordCount / WORDS_PER_MINUTE)),
  };
}
