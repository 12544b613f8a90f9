// `npm test`: every check CI runs, in order, failing fast — lint, format, typecheck, content check,
// unit + integration tests, production build, end-to-end tests in Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { freePort, startPostgres } from './pg-server.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const env = { ...process.env, TZ: 'UTC', NEXT_TELEMETRY_DISABLED: '1' };
const VITEST_JSON = 'test-results/vitest-report.json';
const VITEST_PG_JSON = 'test-results/vitest-postgres-report.json';
const PLAYWRIGHT_JSON = 'test-results/playwright-report.json';
const PLAYWRIGHT_SCALE_JSON = 'test-results/playwright-scale-report.json';
const PLAYWRIGHT_CLUSTER_JSON = 'test-results/playwright-cluster-report.json';

/** One closing line over both runners: "Tests: N passed, N failed, N skipped". */
function printTotals() {
  const read = (file) =>
    existsSync(path.join(ROOT, file))
      ? JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'))
      : null;
  const vitests = [read(VITEST_JSON), read(VITEST_PG_JSON)];
  const playwrights = [
    read(PLAYWRIGHT_JSON),
    read(PLAYWRIGHT_SCALE_JSON),
    read(PLAYWRIGHT_CLUSTER_JSON),
  ];
  const sum = (list, pick) =>
    list.reduce((total, report) => total + (report ? pick(report) : 0), 0);
  const passed =
    sum(vitests, (v) => v.numPassedTests ?? 0) +
    sum(playwrights, (p) => (p.stats?.expected ?? 0) + (p.stats?.flaky ?? 0));
  const failed =
    sum(vitests, (v) => v.numFailedTests ?? 0) + sum(playwrights, (p) => p.stats?.unexpected ?? 0);
  const skipped =
    sum(vitests, (v) => (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0)) +
    sum(playwrights, (p) => p.stats?.skipped ?? 0);
  console.log(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
}

for (const file of [
  VITEST_JSON,
  VITEST_PG_JSON,
  PLAYWRIGHT_JSON,
  PLAYWRIGHT_SCALE_JSON,
  PLAYWRIGHT_CLUSTER_JSON,
]) {
  rmSync(path.join(ROOT, file), { force: true });
}

// PostgreSQL (Debian's postgresql package): a throwaway server on 127.0.0.1 for the second run
// of the integration suite and for the two-instance e2e run behind nginx.
// Its own port and folder per run, so two checkouts can test at once.
let pgServer = null;
try {
  const port = await freePort(Number(process.env.TEST_PG_PORT ?? 54329));
  pgServer = startPostgres({ port, dir: `/tmp/mesh-dojo-test-pg-${process.pid}` });
} catch (error) {
  console.error(`✖ Could not start the throwaway PostgreSQL server:\n${error.message}`);
  process.exit(1);
}
if (!pgServer) {
  console.log(
    '\n⚠ PostgreSQL is not installed: the PostgreSQL integration run and the two-instance e2e run\n' +
      '  are skipped. Install it (Debian: apt-get install -y postgresql nginx) to run them; .ci/run does.',
  );
}
// nginx on SCALE_PORT, the two instances on the next two ports: find three free ones.
let scalePort = Number(process.env.SCALE_PORT ?? 3110);
while (
  (await freePort(scalePort, 1).catch(() => 0)) !== scalePort ||
  (await freePort(scalePort + 1, 1).catch(() => 0)) !== scalePort + 1 ||
  (await freePort(scalePort + 2, 1).catch(() => 0)) !== scalePort + 2
) {
  scalePort += 10;
  if (scalePort > 3400) break;
}
// The two-workers run on SQLite (playwright.cluster.config.ts): a port clear of the three above.
const clusterPort = await freePort(scalePort + 5);
const hasNginx =
  spawnSync('sh', ['-c', 'command -v nginx || test -x /usr/sbin/nginx']).status === 0;
process.on('exit', () => {
  pgServer?.stop();
  if (pgServer) rmSync(`/tmp/mesh-dojo-test-pg-${process.pid}`, { recursive: true, force: true });
});
const steps = [
  ['Browser for e2e', 'node', ['scripts/ensure-browser.mjs']],
  ['Lint', 'npx', ['eslint', '.', '--max-warnings', '0']],
  ['Format check', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']],
  ['Typecheck', 'npx', ['tsc', '--noEmit']],
  ['Content check', 'npm', ['run', '--silent', 'content:check']],
  [
    'Unit + integration tests',
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${VITEST_JSON}`],
  ],
  ...(pgServer
    ? [
        [
          'Integration tests on PostgreSQL',
          'npx',
          [
            'vitest',
            'run',
            'tests/integration',
            '--reporter=default',
            '--reporter=json',
            `--outputFile.json=${VITEST_PG_JSON}`,
          ],
          { TEST_PG_URL: pgServer.url },
        ],
      ]
    : []),
  ['Production build', 'npx', ['next', 'build']],
  ['End-to-end tests', 'npx', ['playwright', 'test']],
  [
    'E2E: 2 workers on SQLite',
    'npx',
    ['playwright', 'test', '--config', 'playwright.cluster.config.ts'],
    { CLUSTER_PORT: String(clusterPort) },
  ],
  ...(pgServer && hasNginx
    ? [
        [
          'E2E: 2 instances + nginx on PostgreSQL',
          'npx',
          ['playwright', 'test', '--config', 'playwright.scale.config.ts'],
          { SCALE_PG_URL: pgServer.url, SCALE_PORT: String(scalePort) },
        ],
      ]
    : []),
];

const timings = [];
for (const [label, command, args, extraEnv = {}] of steps) {
  console.log(`\n━━ ${label}`);
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...env, ...extraEnv },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  timings.push(`${label.padEnd(26)} ${seconds.padStart(6)} s`);
  if (result.status !== 0) {
    console.error(`\n✖ ${label} failed (exit ${result.status ?? result.signal}).`);
    console.log(timings.join('\n'));
    printTotals();
    process.exit(result.status ?? 1);
  }
}
console.log(`\n✔ All checks passed.\n${timings.join('\n')}`);
printTotals();
