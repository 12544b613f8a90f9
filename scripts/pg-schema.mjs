// The PostgreSQL schema is generated from prisma/schema.prisma (the one source of truth for
// the models), so the two providers cannot drift: only the datasource provider and the
// generated client's output folder differ. `npm run db:generate` (and postinstall) writes it;
// a unit test fails when the committed copy is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
export const SQLITE_SCHEMA = path.join(ROOT, 'prisma', 'schema.prisma');
export const POSTGRES_SCHEMA = path.join(ROOT, 'prisma', 'postgres', 'schema.prisma');

const HEADER =
  '// GENERATED from prisma/schema.prisma by scripts/pg-schema.mjs — do not edit.\n' +
  '// Edit prisma/schema.prisma and run `npm run db:generate`.\n\n';

/** The PostgreSQL copy of a provider-neutral SQLite schema. */
export function postgresSchema(sqliteSchema) {
  const provider = /(datasource\s+db\s*\{[^}]*provider\s*=\s*)"sqlite"/;
  const output = /(generator\s+client\s*\{[^}]*output\s*=\s*)"\.\.\/lib\/generated\/prisma"/;
  if (!provider.test(sqliteSchema) || !output.test(sqliteSchema)) {
    throw new Error(
      'prisma/schema.prisma must keep `provider = "sqlite"` in datasource db and ' +
        '`output = "../lib/generated/prisma"` in generator client',
    );
  }
  return (
    HEADER +
    sqliteSchema
      .replace(provider, '$1"postgresql"')
      .replace(output, '$1"../../lib/generated/prisma-pg"')
  );
}

export function writePostgresSchema() {
  const text = postgresSchema(readFileSync(SQLITE_SCHEMA, 'utf8'));
  writeFileSync(POSTGRES_SCHEMA, text);
  return text;
}
