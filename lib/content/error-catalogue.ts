import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import { z } from 'zod';
import { compilePhrase } from '@/lib/grading/match';
import { contentIdSchema } from './schemas';
import { formatZodIssues } from './content-error';

// Expert error catalogue (content/service-mesh/error-catalogue/<scenario-id>.md): per scenario, the
// confident wrong claims a candidate makes about each crucial rubric point (a reversed stance, a
// wrong mechanism, fix, order, number, a capability credited to the wrong mesh, "it costs
// nothing"), each naming the criterion it reverses. Written from the scenario, the lessons and
// the meshes' docs, never from calibration answers. The grader reads them through
// `GradableScenario.errorClaims` (lib/grading/error-claims.ts). No 'server-only': tsx uses it.

export const ERROR_CLAIM_KINDS = [
  'reversed-stance',
  'wrong-mechanism',
  'wrong-fix',
  'wrong-order',
  'wrong-number',
  'wrong-mesh',
  'free-lunch',
] as const;

/** A match.ts pattern that compiles to at least one word. */
const patternSchema = z
  .string({ error: 'must be text' })
  .trim()
  .min(2, { error: 'must not be empty' })
  .max(400, { error: 'must be at most 400 characters' })
  .refine((pattern) => compilePhrase(pattern) !== null, { error: 'has no words to match' })
  .refine((pattern) => !/(?:^|\s)~{1,2}(?:\s|$)\s*~/.test(pattern), { error: 'has an empty group' });

export const errorClaimSchema = z
  .strictObject({
    id: contentIdSchema,
    criterion: contentIdSchema,
    kind: z.enum(ERROR_CLAIM_KINDS, { error: () => `must be one of ${ERROR_CLAIM_KINDS.join(', ')}` }),
    polarity: z.enum(['affirmed', 'denied']).default('affirmed'),
    subject: patternSchema.optional(),
    relation: patternSchema.optional(),
    object: patternSchema.optional(),
    also: z.array(patternSchema).max(12, { error: 'must have at most 12 patterns' }).default([]),
    reason: z.string().trim().min(10, { error: 'must say why it is wrong' }).max(300),
    source: z.url({ error: 'must be a URL' }).optional(),
  })
  .superRefine((claim, ctx) => {
    const groups = [claim.subject, claim.relation, claim.object].filter((group) => group !== undefined).length;
    if (groups === 1) ctx.addIssue({ code: 'custom', path: ['relation'], message: 'a claim needs at least two of subject, relation, object (or only `also` patterns)' });
    if (groups === 0 && claim.also.length === 0) ctx.addIssue({ code: 'custom', path: ['also'], message: 'a claim needs subject/relation/object or `also` patterns' });
    if (claim.polarity === 'denied' && groups < 2) ctx.addIssue({ code: 'custom', path: ['polarity'], message: 'a denied claim states its fact as subject/relation/object' });
  });

export const errorCatalogueSchema = z.strictObject({
  scenarioId: contentIdSchema,
  claims: z.array(errorClaimSchema).min(5, { error: 'must list at least 5 claims' }).max(24, { error: 'must list at most 24 claims' }),
});
export type ErrorCatalogue = z.infer<typeof errorCatalogueSchema>;

/** Parses one catalogue file; problems are `<file>: <field>: <message>` lines. */
export function parseErrorCatalogueFile(file: string, raw: string): { catalogue: ErrorCatalogue | null; problems: string[] } {
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(raw, {});
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { catalogue: null, problems: [`${file}: frontmatter: invalid YAML: ${reason}`] };
  }
  const result = errorCatalogueSchema.safeParse(parsed.data, { reportInput: true });
  if (!result.success) return { catalogue: null, problems: formatZodIssues(file, result.error.issues) };
  const problems: string[] = [];
  const ids = new Set<string>();
  result.data.claims.forEach((claim, index) => {
    if (ids.has(claim.id)) problems.push(`${file}: claims[${index}].id: duplicate claim id "${claim.id}"`);
    ids.add(claim.id);
  });
  return { catalogue: problems.length === 0 ? result.data : null, problems };
}

/**
 * Reads every `*.md` catalogue in `dir` (the file name must equal `scenarioId`). A missing
 * directory is no catalogue at all (scenario fixture directories have none).
 */
export async function readErrorCatalogueDir(dir: string): Promise<{ catalogues: Map<string, ErrorCatalogue>; problems: string[] }> {
  const catalogues = new Map<string, ErrorCatalogue>();
  let entries: string[];
  try {
    entries = (await readdir(dir)).filter((name) => name.endsWith('.md')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { catalogues, problems: [] };
    throw error;
  }
  const problems: string[] = [];
  for (const name of entries) {
    const absolute = path.join(dir, name);
    const relative = path.relative(process.cwd(), absolute);
    const file = (relative.startsWith('..') ? absolute : relative).split(path.sep).join('/');
    const { catalogue, problems: fileProblems } = parseErrorCatalogueFile(file, await readFile(absolute, 'utf8'));
    problems.push(...fileProblems);
    if (!catalogue) continue;
    const fileId = name.slice(0, -'.md'.length);
    if (catalogue.scenarioId !== fileId) {
      problems.push(`${file}: scenarioId: must equal the file name "${fileId}" (found "${catalogue.scenarioId}")`);
      continue;
    }
    catalogues.set(catalogue.scenarioId, catalogue);
  }
  return { catalogues, problems };
}

/** Cross-checks a catalogue against its scenario: every claim names a criterion of its rubric. */
export function checkCatalogueAgainstRubric(file: string, catalogue: ErrorCatalogue, rubricIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  catalogue.claims.forEach((claim, index) => {
    if (!rubricIds.has(claim.criterion)) problems.push(`${file}: claims[${index}].criterion: "${claim.criterion}" is not a rubric id of ${catalogue.scenarioId}`);
  });
  return problems;
}
