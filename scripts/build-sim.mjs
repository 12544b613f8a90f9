// Bundles the simulator's Node entry points with esbuild into .sim/ (git-ignored):
//   .sim/sim.mjs            the CLI (npm run sim) — one file, so it starts in ~100 ms, not ~1 s of tsx
//   .sim/replay-worker.mjs  the worker_threads worker that replays saved runs / challenge checks
// `buildSim()` rebuilds only when a source is newer than the bundle. Run directly to force
// (or with --if-stale to build only when needed).
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SIM_OUT_DIR = path.join(root, '.sim');
const ENTRIES = {
  sim: path.join(root, 'scripts', 'sim.ts'),
  'replay-worker': path.join(root, 'lib', 'simulator', 'replay-worker.ts'),
};
const SOURCES = [
  path.join(root, 'lib', 'sim'),
  path.join(root, 'scripts', 'sim.ts'),
  path.join(root, 'scripts', 'sim-cli.ts'),
  path.join(root, 'lib', 'simulator', 'replay-worker.ts'),
  path.join(root, 'lib', 'simulator', 'replay-job.ts'),
];

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = 0;
  for (const f of readdirSync(p)) m = Math.max(m, newestMtime(path.join(p, f)));
  return m;
}

/** True when a bundle is missing or older than its sources. */
export function simBundleStale() {
  const src = Math.max(...SOURCES.map(newestMtime));
  return Object.keys(ENTRIES).some((name) => {
    const out = path.join(SIM_OUT_DIR, `${name}.mjs`);
    return !existsSync(out) || statSync(out).mtimeMs < src;
  });
}

/** Builds the bundles (when stale, or always with force). */
export async function buildSim({ force = false } = {}) {
  if (!force && !simBundleStale()) return;
  const { build } = await import('esbuild');
  await build({
    entryPoints: ENTRIES,
    outdir: SIM_OUT_DIR,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    alias: { '@': root },
    logLevel: 'warning',
    legalComments: 'none',
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  await buildSim({ force: !process.argv.includes('--if-stale') });
