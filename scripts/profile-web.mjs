// `npm run profile:web [page…]`: CPU-profiles the production server (`node --cpu-prof` on
// `next start`) while autocannon loads one signed-in page, one server per page, and prints where
// the server's time went (self time by area and the top functions) plus the page's HTML and RSC
// payload sizes. Same setup as bench:web (own SQLite file, seeded demo account, production build).
// Options: PROFILE_PORT (3242), PROFILE_SECONDS (10), PROFILE_CONNECTIONS (50), PROFILE_DIR
// (test-results/cpu-profiles). Pages default to /dashboard /review /scenarios.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { signInDemo, waitForServer } from './bench/web-session.mjs';
import autocannon from 'autocannon';

const ROOT = path.resolve(import.meta.dirname, '..');
const PORT = Number(process.env.PROFILE_PORT ?? 3242);
const SECONDS = Number(process.env.PROFILE_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.PROFILE_CONNECTIONS ?? 50);
const OUT = path.resolve(
  process.env.PROFILE_DIR ?? path.join(ROOT, 'test-results', 'cpu-profiles'),
);
const BASE = `http://127.0.0.1:${PORT}`;
const pages = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ['/dashboard', '/review', '/scenarios'];

if (!existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) {
  console.error('No production build found: run `npm run build` first.');
  process.exit(1);
}

const dbFile = path.join(ROOT, 'data', 'profile-web.db');
for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
const env = { ...process.env, DATABASE_URL: `file:${dbFile}`, NODE_ENV: 'production' };
const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
for (const args of [
  ['scripts/migrate.ts', 'deploy'],
  ['--conditions=react-server', 'scripts/seed.ts'],
]) {
  if (spawnSync(tsx, args, { cwd: ROOT, env, stdio: 'ignore' }).status !== 0) {
    console.error(`profile:web: ${args.join(' ')} failed`);
    process.exit(1);
  }
}

function load(url, cookie, duration) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration, headers: { cookie } }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

/** Which part of the stack a profile node's code belongs to. */
function area(node) {
  const { url, functionName } = node.callFrame;
  if (!url) {
    if (functionName === '(garbage collector)') return 'GC';
    if (functionName === '(idle)' || functionName === '(program)') return functionName;
    return 'native/builtin';
  }
  if (url.includes('react-server-dom')) return 'React Flight (RSC payload)';
  if (url.includes('react-dom') && url.includes('server')) return 'React DOM server (HTML)';
  if (url.includes('/compiled/react/') || url.includes('/react/cjs')) return 'React';
  if (url.includes('.prisma') || url.includes('@prisma') || url.includes('prisma/'))
    return 'Prisma';
  if (url.includes('better-sqlite3')) return 'better-sqlite3';
  if (url.includes('next-auth') || url.includes('jose')) return 'next-auth/jose';
  if (url.includes('/next/dist/compiled/')) return 'Next (compiled deps)';
  if (url.includes('/next/dist/')) return 'Next';
  if (url.includes('/.next/server/chunks/ssr/')) return 'app chunks (SSR)';
  if (url.includes('/.next/server/')) return 'app chunks (server)';
  if (url.startsWith('node:')) return 'Node core';
  if (url.includes('node_modules')) return url.split('node_modules/').pop().split('/')[0];
  return 'other';
}

/** Self time per profile node over the last `windowMs` of the profile (the measured load). */
function summarize(file, requests, windowMs) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  const from = profile.endTime - windowMs * 1000;
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += dt[i] ?? 0;
    if (t < from) continue;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (dt[i] ?? 0));
  }
  const areas = new Map();
  const fns = new Map();
  let busy = 0;
  for (const [id, micros] of self) {
    const node = byId.get(id);
    const a = area(node);
    if (a === '(idle)') continue;
    busy += micros;
    areas.set(a, (areas.get(a) ?? 0) + micros);
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
    fns.set(key, (fns.get(key) ?? 0) + micros);
  }
  const perReq = (micros) => (micros / 1000 / requests).toFixed(2);
  console.log(`  busy ${perReq(busy)} ms/request (profile, ${requests} requests)`);
  for (const [a, micros] of [...areas].sort((x, y) => y[1] - x[1]).slice(0, 16)) {
    console.log(
      `    ${perReq(micros).padStart(6)} ms  ${((micros / busy) * 100).toFixed(1).padStart(5)} %  ${a}`,
    );
  }
  console.log('  top functions (self):');
  for (const [f, micros] of [...fns].sort((x, y) => y[1] - x[1]).slice(0, 25)) {
    console.log(`    ${perReq(micros).padStart(6)} ms  ${f}`);
  }
}

/** CPU seconds the process has used so far (Linux /proc; the server runs in one process). */
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

mkdirSync(OUT, { recursive: true });
const nextBin = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
console.log(`load average at start: ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]}`);
for (const page of pages) {
  const dir = path.join(OUT, page.replace(/\W+/g, '_') || 'root');
  rmSync(dir, { recursive: true, force: true });
  const server = spawn(
    process.execPath,
    [
      '--cpu-prof',
      `--cpu-prof-dir=${dir}`,
      nextBin,
      'start',
      '-H',
      '127.0.0.1',
      '-p',
      String(PORT),
    ],
    { cwd: ROOT, env, stdio: 'ignore' },
  );
  try {
    await waitForServer(BASE);
    const cookie = await signInDemo(BASE);
    const html = Buffer.from(
      await (await fetch(BASE + page, { headers: { cookie } })).arrayBuffer(),
    );
    const rsc = Buffer.from(
      await (await fetch(BASE + page, { headers: { cookie, RSC: '1' } })).arrayBuffer(),
    );
    console.log(
      `${page}: HTML ${(html.length / 1024).toFixed(1)} kB (${(gzipSync(html).length / 1024).toFixed(1)} kB gzip), ` +
        `RSC ${(rsc.length / 1024).toFixed(1)} kB, elements in HTML ${(html.toString().match(/<[a-z]/g) ?? []).length}`,
    );
    await load(BASE + page, cookie, 2);
    const started = Date.now();
    const cpuBefore = cpuSeconds(server.pid);
    const r = await load(BASE + page, cookie, SECONDS);
    const cpuMs = ((cpuSeconds(server.pid) - cpuBefore) * 1000) / r.requests.total;
    console.log(
      `  ${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ` +
        `${cpuMs.toFixed(2)} CPU ms/request (/proc), ${r.non2xx + r.errors} non-2xx/errors`,
    );
    server.kill('SIGINT');
    await new Promise((resolve) => server.on('exit', resolve));
    const windowMs = Date.now() - started;
    const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
    for (const f of files) summarize(path.join(dir, f), r.requests.total, windowMs);
  } finally {
    server.kill('SIGKILL');
  }
}
process.exit(0);
