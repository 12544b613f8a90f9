import { defineConfig, devices } from '@playwright/test';
import base from './playwright.config';

const PORT = Number(process.env.CLUSTER_PORT ?? 3120);
// tests/e2e-scale expects PostgreSQL unless told otherwise.
process.env.SCALE_DATABASE = 'sqlite';
const BASE_URL = `http://127.0.0.1:${PORT}`;

/**
 * The several-workers run on SQLite: one instance of the front door (scripts/server.ts) with
 * two worker processes sharing the port and one SQLite file, naming the worker that answered in
 * X-Upstream. The scale-out journeys pass only if both workers served them and a write through
 * one was seen at once through the other (cache invalidations over the primary's relay,
 * lib/ops/cluster-bus.ts); the live interview's events written through one worker reach the SSE
 * stream held open on the other.
 */
export default defineConfig({
  ...base,
  testDir: 'tests',
  testMatch: ['e2e-scale/**/*.spec.ts', 'e2e/interviews.spec.ts'],
  grepInvert: /^solo:|hostile input/,
  outputDir: 'test-results/artifacts-cluster',
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright-cluster-report.json' }]],
  use: { ...base.use, baseURL: BASE_URL },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
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
