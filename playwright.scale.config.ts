import { defineConfig, devices } from '@playwright/test';
import base from './playwright.config';

const PORT = Number(process.env.SCALE_PORT ?? 3110);
const BASE_URL = `http://127.0.0.1:${PORT}`;

/**
 * The two-instance run: nginx (round-robin) in front of two `next start` instances over one
 * PostgreSQL database (scripts/scale-server.mjs). Same browser settings as the main config.
 */
export default defineConfig({
  ...base,
  // The scale-out journeys, plus the live interview journey: interviewer and candidate each
  // alternate between the instances, so events written through one reach an SSE stream held
  // open on the other (fan-out from the database log, woken by PostgreSQL NOTIFY).
  testDir: 'tests',
  testMatch: ['e2e-scale/**/*.spec.ts', 'e2e/interviews.spec.ts'],
  grepInvert: /^solo:|hostile input/,
  outputDir: 'test-results/artifacts-scale',
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright-scale-report.json' }]],
  use: { ...base.use, baseURL: BASE_URL },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: `node scripts/scale-server.mjs --port ${PORT}`,
    url: `${BASE_URL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: { SCALE_PORT: String(PORT), NEXT_TELEMETRY_DISABLED: '1' },
  },
});
