import 'server-only';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { db } from '@/lib/db';
import { databaseProvider, env } from '@/lib/env';

export interface Readiness {
  ready: boolean;
  database: 'sqlite' | 'postgresql';
  instance: string;
  pendingMigrations: string[];
  reason?: string;
}

let shuttingDown = false;
/** Set on SIGTERM so the load balancer stops sending new requests while in-flight ones drain. */
export function markShuttingDown(): void {
  shuttingDown = true;
}

const expected = new Map<string, string[]>();

/** This build's migration names, read once per process (they cannot change while it runs). */
function expectedMigrations(provider: 'sqlite' | 'postgresql'): string[] {
  const cached = expected.get(provider);
  if (cached) return cached;
  const names = readMigrationNames(provider);
  expected.set(provider, names);
  return names;
}

function readMigrationNames(provider: 'sqlite' | 'postgresql'): string[] {
  const dir = path.join(
    process.cwd(),
    'prisma',
    ...(provider === 'postgresql' ? ['postgres', 'migrations'] : ['migrations']),
  );
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

/**
 * Ready = the database answers and every migration of this build is applied (migrations run
 * once, as a release step, before instances start) and the instance is not draining.
 */
export async function readiness(): Promise<Readiness> {
  const provider = databaseProvider(env().DATABASE_URL) ?? 'sqlite';
  const instance = process.env.INSTANCE_ID ?? `${process.pid}`;
  const base = { database: provider, instance };
  if (shuttingDown) {
    return { ...base, ready: false, pendingMigrations: [], reason: 'shutting down' };
  }
  try {
    const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const applied = new Set(rows.map((r) => r.migration_name));
    const pending = expectedMigrations(provider).filter((name) => !applied.has(name));
    return pending.length
      ? {
          ...base,
          ready: false,
          pendingMigrations: pending,
          reason: 'migrations pending: run npm run db:migrate',
        }
      : { ...base, ready: true, pendingMigrations: [] };
  } catch {
    return { ...base, ready: false, pendingMigrations: [], reason: 'database unavailable' };
  }
}
