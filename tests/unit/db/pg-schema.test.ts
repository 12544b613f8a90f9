import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { postgresSchema } from '../../../scripts/pg-schema.mjs';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const read = (p: string) => readFileSync(path.join(ROOT, p), 'utf8');

describe('the PostgreSQL schema', () => {
  it('is the committed copy generated from prisma/schema.prisma (run npm run db:generate)', () => {
    expect(read('prisma/postgres/schema.prisma')).toBe(
      postgresSchema(read('prisma/schema.prisma')),
    );
  });

  it('differs from the SQLite schema only in provider, client output and header', () => {
    const sqlite = read('prisma/schema.prisma');
    const generated = postgresSchema(sqlite);
    expect(generated).toContain('provider = "postgresql"');
    expect(generated).toContain('output   = "../../lib/generated/prisma-pg"');
    const strip = (s: string) =>
      s
        .split('\n')
        .filter((l) => !l.startsWith('// GENERATED') && !l.startsWith('// Edit prisma'))
        .join('\n')
        .replace(/provider = "(sqlite|postgresql)"/, 'provider = X')
        .replace(/output {3}= "[^"]+"/, 'output = X')
        .trim();
    expect(strip(generated)).toBe(strip(sqlite));
  });

  it('refuses a SQLite schema whose provider or output it cannot rewrite', () => {
    expect(() => postgresSchema('datasource db { provider = "mysql" }')).toThrow(
      /provider = "sqlite"/,
    );
  });
});
