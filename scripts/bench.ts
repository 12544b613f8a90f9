/**
 * `npm run bench`: runs every benchmark in turn and prints their numbers. Benchmarks report;
 * they never pass or fail (speed targets are not unit tests on a noisy machine).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const BENCHMARKS = [
  { name: 'Simulator engine', file: 'scripts/bench-sim.ts', conditions: [] },
  {
    name: 'Review submissions',
    file: 'scripts/bench-review.ts',
    conditions: ['--conditions=react-server'],
  },
];

for (const bench of BENCHMARKS) {
  if (!existsSync(path.join(ROOT, bench.file))) continue;
  console.log(`\n━━ ${bench.name} (${bench.file})`);
  const result = spawnSync(
    path.join(ROOT, 'node_modules/.bin/tsx'),
    [...bench.conditions, bench.file],
    {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (result.status !== 0)
    console.log(`(${bench.name} exited with ${result.status ?? result.signal})`);
}
