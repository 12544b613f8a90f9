/**
 * Rendered lesson markdown. The HTML comes only from lib/content/markdown.ts, which drops raw
 * HTML from content and sanitizes before adding its own trusted nodes, so it is safe to inject.
 */
export function LessonBody({ html }: { html: string }) {
  return <div className="prose-lesson lesson-body" dangerouslySetInnerHTML={{ __html: html }} />;
}
