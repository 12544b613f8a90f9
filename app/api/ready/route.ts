import { NextResponse } from 'next/server';
import { readiness } from '@/lib/ops/readiness';

export const dynamic = 'force-dynamic';

/**
 * Readiness for load balancers: 200 once the database answers and its migrations are applied,
 * 503 with the reason otherwise (also while the instance drains on shutdown).
 * `/api/health` is the cheaper liveness check.
 */
export async function GET() {
  const r = await readiness();
  return NextResponse.json(
    r.ready
      ? { status: 'ready', database: r.database, instance: r.instance }
      : {
          status: 'not-ready',
          database: r.database,
          instance: r.instance,
          reason: r.reason,
          pendingMigrations: r.pendingMigrations,
        },
    { status: r.ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
