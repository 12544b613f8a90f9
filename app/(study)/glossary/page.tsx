import type { Metadata } from 'next';
import Link from '@/components/ui/app-link';
import { buildGlossary } from '@/lib/content/glossary';
import { getLessonPack } from '@/lib/content/lessons';

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
      {sections.map((section) => {
        const sectionId = `letter-${section.letter === '#' ? 'other' : section.letter}`;
        return (
          <section
            key={section.letter}
            aria-labelledby={sectionId}
            className="render-when-visible space-y-3"
          >
            <h2 id={sectionId} className="border-b border-border pb-1 text-2xl">
              {section.letter}
            </h2>
            <dl className="space-y-4">
              {section.entries.map((entry) => (
                <div key={entry.slug} id={entry.slug} className="scroll-mt-6">
                  <dt className="text-lg font-semibold">{entry.term}</dt>
                  <dd className="space-y-1">
                    <p>{entry.definition}</p>
                    <p className="text-sm text-muted">
                      Explained in{' '}
                      <Link href={`/lessons/${entry.lessonId}`}>{entry.lessonTitle}</Link>
                    </p>
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
    </div>
  );
}
