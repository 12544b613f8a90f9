// `npm test`: every check CI runs, in order, failing fast — lint, format, typecheck, content check,
// unit + integration tests, production build, end-to-end tests in Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const env = { ...process.env, TZ: 'UTC', NEXT_TELEMETRY_DISABLED: '1' };
const VITEST_JSON = 'test-results/vitest-report.json';
const PLAYWRIGHT_JSON = 'test-results/playwright-report.json';

/** One closing line over both runners: "Tests: N passed, N failed, N skipped". */
function printTotals() {
  const read = (file) =>
    existsSync(path.join(ROOT, file))
      ? JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'))
      : null;
  const vitest = read(VITEST_JSON);
  const playwright = read(PLAYWRIGHT_JSON);
  const passed =
    (vitest?.numPassedTests ?? 0) +
    (playwright?.stats?.expected ?? 0) +
    (playwright?.stats?.flaky ?? 0);
  const failed = (vitest?.numFailedTests ?? 0) + (playwright?.stats?.unexpected ?? 0);
  const skipped =
    (vitest?.numPendingTests ?? 0) +
    (vitest?.numTodoTests ?? 0) +
    (playwright?.stats?.skipped ?? 0);
  console.log(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
}

for (const file of [VITEST_JSON, PLAYWRIGHT_JSON]) rmSync(path.join(ROOT, file), { force: true });
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
  ['Production build', 'npx', ['next', 'build']],
  ['End-to-end tests', 'npx', ['playwright', 'test']],
];

const timings = [];
for (const [label, command, args] of steps) {
  console.log(`\n━━ ${label}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env });
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
