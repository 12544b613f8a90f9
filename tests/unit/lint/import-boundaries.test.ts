import { ESLint } from 'eslint';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
let eslint: ESLint;

let probeCount = 0;

/** Lints a short-lived probe file placed in `dir` (the import plugin needs a real file). */
async function boundaryErrors(dir: string, code: string, ext = 'ts'): Promise<string[]> {
  probeCount += 1;
  const file = path.join(ROOT, dir, `zz-lint-probe-${process.pid}-${probeCount}.${ext}`);
  await writeFile(file, code);
  try {
    const [result] = await eslint.lintFiles([file]);
    return (result?.messages ?? [])
      .filter((m) => m.ruleId === 'import/no-restricted-paths')
      .map((m) => m.message);
  } finally {
    await rm(file, { force: true });
  }
}

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

describe('import boundaries (eslint.config.mjs)', () => {
  it.each(['lib/sim', 'lib/srs', 'lib/grading'])(
    '%s may not import project code outside itself',
    async (core) => {
      const errors = await boundaryErrors(
        core,
        "import { db } from '@/lib/db';\nexport const x = db;\n",
      );
      expect(errors).toEqual([expect.stringContaining('pure core')]);
    },
  );

  it('lib may not import components, components may not import app', async () => {
    expect(
      await boundaryErrors(
        'lib/auth',
        "import { SiteHeader } from '@/components/layout/site-header';\nexport const x = SiteHeader;\n",
      ),
    ).toHaveLength(1);
    expect(
      await boundaryErrors(
        'components/layout',
        "import RootLayout from '@/app/layout';\nexport const x = RootLayout;\n",
        'tsx',
      ),
    ).toHaveLength(1);
  });

  it('allows the intended direction: app → components → lib, and npm packages in pure cores', async () => {
    expect(
      await boundaryErrors(
        'app',
        "import { SiteHeader } from '@/components/layout/site-header';\nexport const x = SiteHeader;\n",
        'tsx',
      ),
    ).toEqual([]);
    expect(
      await boundaryErrors(
        'components/layout',
        "import { env } from '@/lib/env';\nexport const x = env;\n",
        'tsx',
      ),
    ).toEqual([]);
    expect(
      await boundaryErrors('lib/sim', "import { z } from 'zod';\nexport const x = z;\n"),
    ).toEqual([]);
  });
});
