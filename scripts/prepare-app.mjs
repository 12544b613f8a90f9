// Prepares the app to serve: migrates the SQLite database, seeds the demo account and,
// with --build, builds the production bundle when sources changed since the last build.
// Used by `npm start` (and `npm run dev` without --build).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const STAMP = path.join(ROOT, '.next', 'mesh-dojo-source-stamp');
const SOURCES = [
  'app',
  'components',
  'lib',
  'content',
  'prisma',
  'public',
  'next.config.mjs',
  'package-lock.json',
  'postcss.config.mjs',
  'tsconfig.json',
];

process.env.NEXT_TELEMETRY_DISABLED = '1';

function run(label, command, args) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error(`✖ ${label} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

/** A fingerprint of every source file's path, size and mtime: cheap, and changes on any edit. */
function sourceStamp() {
  const hash = createHash('sha256');
  const walk = (entry) => {
    const full = path.join(ROOT, entry);
    if (!existsSync(full)) return;
    const stat = statSync(full);
    if (stat.isDirectory()) {
      if (entry.endsWith('generated')) return;
      for (const child of readdirSync(full).sort()) walk(path.join(entry, child));
    } else {
      hash.update(`${entry}:${stat.size}:${stat.mtimeMs}\n`);
    }
  };
  SOURCES.forEach(walk);
  return hash.digest('hex');
}

const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
run('Migrating the database', tsx, ['scripts/migrate.ts', 'deploy']);
run('Seeding the demo account', tsx, ['--conditions=react-server', 'scripts/seed.ts']);

if (process.argv.includes('--build')) {
  const stamp = sourceStamp();
  const built =
    existsSync(path.join(ROOT, '.next', 'BUILD_ID')) &&
    existsSync(STAMP) &&
    readFileSync(STAMP, 'utf8') === stamp;
  if (built) {
    console.log('\n✔ Production build is up to date.');
  } else {
    run('Building the app (first start or sources changed)', 'npx', ['next', 'build']);
    writeFileSync(STAMP, stamp);
  }
  const port = process.env.PORT ?? '3000';
  console.log(
    `\n✔ Ready. Open http://localhost:${port} — demo account: demo@meshdojo.dev / mesh-dojo-demo-1\n`,
  );
}
