import { describe, expect, it } from 'vitest';
import {
  glossarySectionsHtml,
  keyTermsHtml,
  objectivesHtml,
  sourcesHtml,
  tableOfContentsHtml,
} from '@/lib/content/static-html';

describe('lesson static sections as HTML', () => {
  it('builds a labelled table of contents with nested h3 entries', () => {
    const out = tableOfContentsHtml(
      [
        { depth: 2, id: 'retries', text: 'Retries' },
        { depth: 3, id: 'budgets', text: 'Retry budgets' },
      ],
      'side',
    );
    expect(out).toBe(
      '<nav aria-labelledby="side-toc-heading" class="text-sm">' +
        '<h2 id="side-toc-heading" class="mb-2 text-base">On this page</h2>' +
        '<ol class="space-y-1.5"><li><a href="#retries">Retries</a></li>' +
        '<li class="pl-4"><a href="#budgets">Retry budgets</a></li></ol></nav>',
    );
    expect(tableOfContentsHtml([], 'side')).toBe('');
  });

  it('escapes text and attribute values from content', () => {
    const out = keyTermsHtml(
      [{ term: 'A <b>"quoted"</b> & term', definition: '<script>alert(1)</script>' }],
      () => 'x" onmouseover="alert(1)',
    );
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('<b>');
    expect(out).toContain('&#x3C;script>alert(1)&#x3C;/script>');
    expect(out).toContain('href="/glossary#x&#x22; onmouseover=&#x22;alert(1)"');
    expect(out.match(/<a\s/g)).toHaveLength(1);
  });

  it('links each key term to its glossary anchor', () => {
    const out = keyTermsHtml([{ term: 'mTLS', definition: 'Mutual TLS.' }], (t) => t.toLowerCase());
    expect(out).toContain('<dt class="font-semibold"><a href="/glossary#mtls">mTLS</a></dt>');
    expect(out).toContain('<dd class="text-muted">Mutual TLS.</dd>');
    expect(out).toContain('aria-labelledby="key-terms-heading"');
  });

  it('lists objectives, and sources as external links; no sources is no section', () => {
    expect(objectivesHtml(['Explain retries', 'Size a budget'])).toContain(
      '<ul class="list-disc space-y-1 pl-6"><li>Explain retries</li><li>Size a budget</li></ul>',
    );
    expect(sourcesHtml([{ title: 'Envoy docs', url: 'https://envoyproxy.io/docs' }])).toContain(
      '<li><a href="https://envoyproxy.io/docs" rel="noreferrer">Envoy docs</a></li>',
    );
    expect(sourcesHtml([])).toBe('');
  });

  it('renders glossary letter groups with anchors and links back to lessons', () => {
    const out = glossarySectionsHtml([
      {
        letter: '#',
        entries: [
          { term: '5xx', slug: '5xx', definition: 'Server errors.', lessonId: 'resilience', lessonTitle: 'R & R' },
        ],
      },
      {
        letter: 'M',
        entries: [
          { term: 'mTLS', slug: 'mtls', definition: 'Mutual <TLS>.', lessonId: 'zero-trust', lessonTitle: 'Zero trust' },
        ],
      },
    ]);
    expect(out.match(/<section /g)).toHaveLength(2);
    expect(out).toContain('<section aria-labelledby="letter-other"');
    expect(out).toContain('<h2 id="letter-M" class="border-b border-border pb-1 text-2xl">M</h2>');
    expect(out).toContain('<div id="mtls" class="scroll-mt-6"><dt class="text-lg font-semibold">mTLS</dt>');
    expect(out).toContain('<p>Mutual &#x3C;TLS>.</p>');
    expect(out).toContain('Explained in <a href="/lessons/resilience">R &#x26; R</a>');
  });
});
