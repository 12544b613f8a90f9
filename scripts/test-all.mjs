// `npm test`: every check CI runs, in order, failing fast — lint, typecheck, content check,
// unit + integration tests, production build, end-to-end tests in Chromium.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const env = { ...process.env, TZ: 'UTC', NEXT_TELEMETRY_DISABLED: '1' };
const steps = [
  ['Browser for e2e', 'node', ['scripts/ensure-browser.mjs']],
  ['Lint', 'npx', ['eslint', '.', '--max-warnings', '0']],
  ['Typecheck', 'npx', ['tsc', '--noEmit']],
  ['Content check', 'npm', ['run', '--silent', 'content:check']],
  ['Unit + integration tests', 'npx', ['vitest', 'run']],
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
    process.exit(result.status ?? 1);
  }
}
console.log(`\n✔ All checks passed.\n${timings.join('\n')}`);
