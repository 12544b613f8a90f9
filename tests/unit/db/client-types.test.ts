import { describe, expectTypeOf, it } from 'vitest';
import type { Prisma as Sqlite } from '@/lib/generated/prisma/client';
import type { Prisma as Postgres } from '@/lib/generated/prisma-pg/client';

// lib/db.ts hands out the PostgreSQL client under the SQLite client's type. That is sound only
// while both generated clients describe the same models with the same field types; `tsc`
// (npm test's typecheck step) fails here the moment they differ.
type Models<T extends { model: Record<string, { payload: { scalars: unknown } }> }> = {
  [K in keyof T['model']]: T['model'][K]['payload']['scalars'];
};

describe('the two generated clients', () => {
  it('have the same models with the same scalar field types', () => {
    expectTypeOf<Models<Sqlite.TypeMap>>().toEqualTypeOf<Models<Postgres.TypeMap>>();
  });
});
