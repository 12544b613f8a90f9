import type { z } from 'zod';

/**
 * Invalid authored content. `problems` are complete lines of the form
 * `<file>: <field path>: <message>` so the build log points at the exact spot.
 */
export class ContentError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`Invalid content:\n  ${problems.join('\n  ')}`);
    this.name = 'ContentError';
    this.problems = problems;
  }
}

/** A content kind's validator for `npm run content:check`: returns problem lines, empty when valid. */
export type ContentChecker = {
  name: string;
  /** `contentRoot` is the repository's `content/` directory. Returns a short summary on success. */
  check: (contentRoot: string) => Promise<{ problems: string[]; summary?: string }>;
};

/** `selfCheck[1].answer` from `['selfCheck', 1, 'answer']`. */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

/** Turns zod issues into `<file>: <path>: <message>` lines with wording meant for authors. */
export function formatZodIssues(file: string, issues: ReadonlyArray<z.core.$ZodIssue>): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        lines.push(`${file}: ${formatIssuePath([...issue.path, key])}: unknown field`);
      }
      continue;
    }
    const where = issue.path.length > 0 ? formatIssuePath(issue.path) : '(root)';
    const message =
      issue.code === 'invalid_type' && 'input' in issue && issue.input === undefined
        ? 'is required'
        : issue.message;
    lines.push(`${file}: ${where}: ${message}`);
  }
  return lines;
}
