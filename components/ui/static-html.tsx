/**
 * Server-built HTML that React inserts and never hydrates (no fiber per element, nothing to
 * commit while the page loads). Only for markup with no state and no handlers, built by an
 * escaping serialiser (`lib/content/static-html.ts`, the markdown pipeline).
 */
export function StaticHtml({ html, className }: { html: string; className?: string }) {
  if (html === '') return null;
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
