import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Root as MdastRoot } from 'mdast';
import { ContentError, formatZodIssues } from './content-error';
import {
  DIAGRAM_IDS,
  chapterManifestSchema,
  lessonFrontmatterSchema,
  type Lesson,
  type LessonPack,
} from './schemas';

// File-system loading and cross-checks for a chapter pack. No `server-only` marker so the
// `content:check` script (plain Node via tsx) can use it; pages go through lessons.ts.

const mdastParser = unified().use(remarkParse).use(remarkGfm).freeze();
const DIAGRAM_ID_SET: ReadonlySet<string> = new Set(DIAGRAM_IDS);
const LESSON_LINK = /^\/lessons\/([^/?#]+)/;

/** Path shown in messages: relative to the working directory (the repo root in scripts and builds). */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return (relative.startsWith('..') ? file : relative).split(path.sep).join('/');
}

async function readOptional(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Problems in a lesson body that the schema cannot see: headings, raw HTML, diagrams, lesson links. */
export function checkLessonBody(
  file: string,
  body: string,
  knownLessonIds: ReadonlySet<string>,
  bodyLineOffset = 0,
): string[] {
  const problems = new Set<string>();
  const tree = mdastParser.parse(body) as MdastRoot;
  visit(tree, (node) => {
    const line = node.position?.start.line;
    const at = line === undefined ? '' : ` (line ${line + bodyLineOffset})`;
    if (node.type === 'heading' && node.depth === 1) {
      problems.add(`${file}: body: start headings at ## — the page renders the title as h1${at}`);
    }
    if (node.type === 'html') {
      problems.add(`${file}: body: raw HTML is not allowed and would be stripped${at}`);
    }
    if (node.type === 'code' && node.lang === 'diagram') {
      const diagramId = node.value.trim();
      if (!DIAGRAM_ID_SET.has(diagramId)) {
        problems.add(`${file}: body: unknown diagram "${diagramId}" (known: ${DIAGRAM_IDS.join(', ')})${at}`);
      }
    }
    if (node.type === 'link') {
      const match = LESSON_LINK.exec(node.url);
      if (match?.[1] !== undefined && !knownLessonIds.has(match[1])) {
        problems.add(`${file}: body: link to unknown lesson "${node.url}"${at}`);
      }
    }
  });
  return [...problems];
}

type ParsedLesson = { lesson: Lesson | null; problems: string[] };

export function parseLessonFile(file: string, raw: string): ParsedLesson {
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Options object on purpose: without it gray-matter returns shared cached objects.
    parsed = matter(raw, {});
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { lesson: null, problems: [`${file}: frontmatter: invalid YAML: ${reason}`] };
  }
  if (Object.keys(parsed.data).length === 0) {
    return { lesson: null, problems: [`${file}: frontmatter: missing (start the file with a --- YAML block)`] };
  }
  const result = lessonFrontmatterSchema.safeParse(parsed.data, { reportInput: true });
  if (!result.success) return { lesson: null, problems: formatZodIssues(file, result.error.issues) };
  // gray-matter's content is the text after the closing `---`; count the lines before it.
  const bodyLineOffset = raw.slice(0, raw.length - parsed.content.length).split('\n').length - 1;
  return { lesson: { ...result.data, body: parsed.content, file, bodyLineOffset }, problems: [] };
}

/**
 * Loads `<packDir>/manifest.json` and `<packDir>/lessons/*.md`, validates each file and
 * cross-checks the pack. Collects every problem instead of stopping at the first.
 */
export async function readLessonPack(packDir: string): Promise<{ pack: LessonPack | null; problems: string[] }> {
  const problems: string[] = [];
  const manifestFile = path.join(packDir, 'manifest.json');
  const manifestName = displayPath(manifestFile);
  const manifestRaw = await readOptional(manifestFile);
  let manifest: LessonPack['manifest'] | null = null;
  if (manifestRaw === null) {
    problems.push(`${manifestName}: (root): file is missing`);
  } else {
    let json: unknown;
    try {
      json = JSON.parse(manifestRaw);
    } catch (error) {
      problems.push(`${manifestName}: (root): invalid JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (json !== undefined) {
      const result = chapterManifestSchema.safeParse(json, { reportInput: true });
      if (result.success) manifest = result.data;
      else problems.push(...formatZodIssues(manifestName, result.error.issues));
    }
  }

  const lessonsDir = path.join(packDir, 'lessons');
  let entries: string[] = [];
  try {
    entries = (await readdir(lessonsDir)).filter((name) => name.endsWith('.md')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    problems.push(`${displayPath(lessonsDir)}: (root): directory is missing`);
  }

  const lessonsById = new Map<string, Lesson>();
  const fileIds = new Set<string>();
  for (const name of entries) {
    const absolute = path.join(lessonsDir, name);
    const file = displayPath(absolute);
    const fileId = name.slice(0, -'.md'.length);
    fileIds.add(fileId);
    const { lesson, problems: lessonProblems } = parseLessonFile(file, await readFile(absolute, 'utf8'));
    problems.push(...lessonProblems);
    if (!lesson) continue;
    if (lesson.id !== fileId) {
      problems.push(`${file}: id: must equal the file name "${fileId}" (found "${lesson.id}")`);
      continue;
    }
    lessonsById.set(lesson.id, lesson);
  }

  if (!manifest) return { pack: null, problems };

  const order = new Map(manifest.lessons.map((lessonId, index) => [lessonId, index]));
  manifest.lessons.forEach((lessonId, index) => {
    if (!fileIds.has(lessonId)) {
      problems.push(`${manifestName}: lessons[${index}]: no lesson file lessons/${lessonId}.md`);
    }
  });
  for (const fileId of fileIds) {
    if (!order.has(fileId)) {
      problems.push(`${displayPath(path.join(lessonsDir, `${fileId}.md`))}: id: "${fileId}" is not listed in manifest.json lessons`);
    }
  }

  const knownIds = new Set(manifest.lessons);
  const termOwner = new Map<string, string>();
  for (const lesson of lessonsById.values()) {
    const position = order.get(lesson.id) ?? -1;
    lesson.prerequisites.forEach((prerequisite, index) => {
      const prerequisitePosition = order.get(prerequisite);
      if (prerequisitePosition === undefined) {
        problems.push(`${lesson.file}: prerequisites[${index}]: unknown lesson "${prerequisite}"`);
      } else if (prerequisitePosition >= position) {
        problems.push(`${lesson.file}: prerequisites[${index}]: "${prerequisite}" must come earlier in the manifest order`);
      }
    });
    lesson.keyTerms.forEach((keyTerm, index) => {
      const key = keyTerm.term.toLowerCase();
      const owner = termOwner.get(key);
      if (owner !== undefined) {
        problems.push(`${lesson.file}: keyTerms[${index}].term: "${keyTerm.term}" is already defined in ${owner}`);
      } else {
        termOwner.set(key, lesson.file);
      }
    });
    problems.push(...checkLessonBody(lesson.file, lesson.body, knownIds, lesson.bodyLineOffset));
  }

  if (problems.length > 0) return { pack: null, problems };
  const lessons = manifest.lessons.map((lessonId) => lessonsById.get(lessonId)).filter((l): l is Lesson => !!l);
  return { pack: { manifest, lessons }, problems };
}

/** Like {@link readLessonPack} but throws a {@link ContentError} listing every problem. */
export async function loadLessonPack(packDir: string): Promise<LessonPack> {
  const { pack, problems } = await readLessonPack(packDir);
  if (!pack || problems.length > 0) throw new ContentError(problems);
  return pack;
}
