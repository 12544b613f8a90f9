import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '@/lib/content/markdown';
import { DIAGRAM_IDS } from '@/lib/content/schemas';

describe('lesson markdown rendering', () => {
  it('gives h2/h3 ids, anchor links and a table of contents', async () => {
    const { html, toc } = await renderMarkdown('## Why meshes exist\n\ntext\n\n### The `L7` proxy\n\nmore\n\n## Why meshes exist\n');
    expect(html).toContain('<h2 id="why-meshes-exist">');
    expect(html).toContain('<h3 id="the-l7-proxy">');
    expect(html).toContain('href="#why-meshes-exist"');
    expect(html).toContain('<h2 id="why-meshes-exist-1">');
    expect(toc).toEqual([
      { depth: 2, id: 'why-meshes-exist', text: 'Why meshes exist' },
      { depth: 3, id: 'the-l7-proxy', text: 'The L7 proxy' },
      { depth: 2, id: 'why-meshes-exist-1', text: 'Why meshes exist' },
    ]);
  });

  it.each([
    ['INTERVIEW', 'callout-interview', 'Interview tip'],
    ['PITFALL', 'callout-pitfall', 'Pitfall'],
    ['NOTE', 'callout-note', 'Note'],
  ])('renders > [!%s] as a labelled aside', async (marker, className, label) => {
    const { html } = await renderMarkdown(`> [!${marker}]\n> Say the **trade-off**.\n`);
    expect(html).toMatch(new RegExp(`<aside class="callout ${className}[^"]*" role="note"><p class="callout-label[^"]*">${label}</p>`));
    expect(html).toContain('Say the <strong>trade-off</strong>.');
    expect(html).not.toContain(`[!${marker}]`);
    expect(html).not.toContain('<blockquote>');
  });

  it('wraps each h2 and what follows it, up to the next h2, in a lesson section', async () => {
    const { html } = await renderMarkdown('Intro.\n\n## One\n\nA.\n\n### One point one\n\nB.\n\n## Two\n\nC.\n');
    const sections = [...html.matchAll(/<section class="lesson-section">([\s\S]*?)<\/section>/g)].map((m) => m[1]);
    expect(sections).toHaveLength(2);
    expect(sections[0]).toMatch(/^<h2 id="one">/);
    expect(sections[0]).toContain('<h3 id="one-point-one">');
    expect(sections[0]).toContain('<p>B.</p>');
    expect(sections[1]).toMatch(/^<h2 id="two">/);
    expect(sections[1]).toContain('<p>C.</p>');
    // Content before the first h2 stays outside every section.
    expect(html.indexOf('<p>Intro.</p>')).toBeLessThan(html.indexOf('<section'));
  });

  it('leaves ordinary blockquotes alone', async () => {
    const { html } = await renderMarkdown('> Just a quote.\n');
    expect(html).toContain('<blockquote>');
    expect(html).not.toContain('callout');
  });

  it.each(DIAGRAM_IDS)('renders the %s diagram as accessible SVG with a text alternative', async (diagramId) => {
    const { html } = await renderMarkdown(`\`\`\`diagram\n${diagramId}\n\`\`\`\n`);
    const titleId = `diagram-${diagramId}-1-title`;
    const descId = `diagram-${diagramId}-1-desc`;
    expect(html).toContain(`role="img" aria-labelledby="${titleId} ${descId}"`);
    expect(html).toMatch(new RegExp(`<title id="${titleId}">[^<]{5,}</title>`));
    expect(html).toMatch(new RegExp(`<desc id="${descId}">[^<]{20,}</desc>`));
    expect(html).toMatch(/<figcaption class="diagram-caption[^"]*">[^<]+<\/figcaption>/);
    expect(html).toMatch(/<details class="diagram-text[^"]*"><summary[^>]*>Text description: [^<]+<\/summary><ol><li>/);
    expect(html).not.toContain('language-diagram');
  });

  it('keeps ids unique when a diagram appears twice', async () => {
    const { html } = await renderMarkdown('```diagram\nsidecar-request-path\n```\n\n```diagram\nsidecar-request-path\n```\n');
    expect(html).toContain('id="diagram-sidecar-request-path-1-title"');
    expect(html).toContain('id="diagram-sidecar-request-path-2-title"');
  });

  it('fails on an unknown diagram id', async () => {
    await expect(renderMarkdown('```diagram\nnope\n```\n')).rejects.toThrow('unknown diagram "nope"');
  });

  it('highlights yaml and shell, leaves text plain', async () => {
    const { html } = await renderMarkdown(
      '```yaml\nkind: Service\n```\n\n```shell\nkubectl get pods\n```\n\n```text\nplain words\n```\n',
    );
    expect(html).toContain('<code class="hljs language-yaml"><span class="hljs-attr">kind:</span>');
    expect(html).toMatch(/<code class="hljs language-bash">/);
    expect(html).toContain('plain words');
  });

  it('renders GFM tables', async () => {
    const { html } = await renderMarkdown('| Mesh | Proxy |\n|---|---|\n| Linkerd | linkerd2-proxy |\n');
    expect(html).toContain('<table tabindex="0">');
    expect(html).toContain('<td>linkerd2-proxy</td>');
  });

  it('makes sideways-scrolling code blocks and tables keyboard-focusable', async () => {
    const { html } = await renderMarkdown('```yaml\nkind: Service\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n');
    expect(html).toMatch(/<pre tabindex="0"><code class="hljs language-yaml">/);
    expect(html).toContain('<table tabindex="0">');
  });

  it('never lets raw HTML, event handlers or script URLs from content reach the page', async () => {
    const hostile = [
      '## Title <script>alert(1)</script>',
      '',
      '<script>alert("x")</script>',
      '',
      '<img src="x" onerror="alert(1)">',
      '',
      'Inline <b onmouseover="alert(1)">bold</b> and <iframe src="https://evil.test"></iframe>.',
      '',
      '[click](javascript:alert(1)) and ![pic](javascript:alert(2))',
      '',
      '<a href="javascript:alert(3)">x</a>',
      '',
      '> [!NOTE]',
      '> <svg onload="alert(4)"></svg>',
    ].join('\n');
    const { html } = await renderMarkdown(hostile);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/onerror|onmouseover|onload/i);
    expect(html).not.toMatch(/<iframe|<b /i);
    // Markdown image syntax stays, but its unsafe source is removed.
    expect(html).toContain('<img alt="pic">');
    expect(html).not.toMatch(/javascript:/i);
    expect(html).toContain('<a>click</a>');
  });

  it('estimates reading time from the word count', async () => {
    const short = await renderMarkdown('A few words only.');
    const long = await renderMarkdown(Array.from({ length: 1000 }, () => 'word').join(' '));
    expect(short.readingMinutes).toBe(1);
    expect(long.wordCount).toBe(1000);
    expect(long.readingMinutes).toBe(5);
  });
});
