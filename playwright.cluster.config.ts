import { defineConfig } from '@playwright/test';
import scale from './playwright.scale.config';

const PORT = Number(process.env.CLUSTER_PORT ?? 3120);
const BASE_URL = `http://127.0.0.1:${PORT}`;
// tests/e2e-scale expects PostgreSQL unless told otherwise.
process.env.SCALE_DATABASE = 'sqlite';

/**
 * The several-workers run on SQLite: the scale-out journeys and the live interview of
 * playwright.scale.config.ts, against one instance of the front door (scripts/server.ts) with two
 * worker processes sharing the port and one SQLite file, naming the worker that answered in
 * X-Upstream. They pass only if both workers served them and a write through one was seen at
 * once through the other (cache invalidations over the primary's relay, lib/ops/cluster-bus.ts);
 * the live interview's events written through one worker reach the SSE stream held open on the
 * other.
 */
export default defineConfig({
  ...scale,
  // Plus the page cache: a review through one worker must drop the page the other one keeps.
  testMatch: [...(scale.testMatch as string[]), 'e2e/page-cache.spec.ts'],
  outputDir: 'test-results/artifacts-cluster',
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright-cluster-report.json' }]],
  use: { ...scale.use, baseURL: BASE_URL },
  webServer: {
    command: `node scripts/e2e-server.mjs`,
    url: `${BASE_URL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      E2E_PORT: String(PORT),
      E2E_DB: 'e2e-cluster.db',
      WEB_CONCURRENCY: '2',
      MESH_DOJO_UPSTREAM_HEADER: '1',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  },
});
