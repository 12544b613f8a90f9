/**
 * Runs once when a server instance starts, before it takes requests: refuse to start with an
 * invalid configuration (for example PostgreSQL without a shared NEXTAUTH_SECRET) and say
 * why, instead of failing on the first request; and drain on SIGTERM.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { parseEnv } = await import('@/lib/env');
  try {
    parseEnv(process.env);
  } catch (error) {
    console.error(
      `Mesh Dojo cannot start.\n${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  }
  const { markShuttingDown } = await import('@/lib/ops/readiness');
  process.once('SIGTERM', () => {
    // Readiness turns 503 so the load balancer stops routing here; Next finishes in-flight
    // requests on its own SIGTERM handling.
    markShuttingDown();
  });
}
