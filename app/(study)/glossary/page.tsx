import type { Metadata } from 'next';
import { StaticHtml } from '@/components/ui/static-html';
import { buildGlossary } from '@/lib/content/glossary';
import { getLessonPack } from '@/lib/content/lessons';
import { glossarySectionsHtml } from '@/lib/content/static-html';

export const metadata: Metadata = {
  title: 'Glossary',
  description:
    'Every key term from the service mesh lessons, A to Z, with the lesson that explains it.',
};

export default async function GlossaryPage() {
  const { lessons } = await getLessonPack();
  const sections = buildGlossary(lessons);
  const termCount = sections.reduce((sum, section) => sum + section.entries.length, 0);

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl sm:text-4xl">Glossary</h1>
        <p className="max-w-3xl text-muted">
          {termCount} terms from the lessons, each linked to the lesson that explains it.
        </p>
      </header>
      <nav aria-label="Glossary letters">
        <ul className="flex flex-wrap gap-1">
          {sections.map((section) => (
            <li key={section.letter}>
              <a
                href={`#letter-${section.letter === '#' ? 'other' : section.letter}`}
                className="btn btn-ghost min-h-9 px-3"
              >
                {section.letter}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <StaticHtml className="space-y-8" html={glossarySectionsHtml(sections)} />
    </div>
  );
}
