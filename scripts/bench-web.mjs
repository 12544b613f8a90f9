// `npm run bench:web`: Lighthouse (mobile preset) on the content pages and /simulator, and
// autocannon load on the signed-in pages, against the production build served on 127.0.0.1 with its own SQLite
// file and the seeded demo account. Prints a table; never fails on a missed target (targets
// are printed beside the numbers). Needs `npm run build` first and Chromium (CHROMIUM_PATH).
// Options: BENCH_PORT (3241), BENCH_SECONDS (10 per signed-in page), BENCH_CONNECTIONS (50),
// BENCH_PAGES (`all`, `content`: Lighthouse only, `signed-in`: load only), WEB_CONCURRENCY,
// BENCH_SERVER: `app` (default: the production front door, scripts/server.ts, as `npm start`
// runs it, with its request limiter; REQUEST_CONCURRENCY applies) or `next-start` (bare
// `next start`, no front door).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { signInDemo, waitForServer } from './bench/web-session.mjs';
import autocannon from 'autocannon';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const ROOT = path.resolve(import.meta.dirname, '..');
const PORT = Number(process.env.BENCH_PORT ?? 3241);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BASE = `http://127.0.0.1:${PORT}`;
const CONTENT_TARGET = 'target ≥ 95, TBT ≤ 200 ms';
const CONTENT_PAGES = [
  { path: '/', target: CONTENT_TARGET },
  { path: '/glossary', target: CONTENT_TARGET },
  { path: '/lessons/resilience-retries-timeouts-circuit-breaking', target: CONTENT_TARGET },
  // The simulator's own page: its bundle loads behind a same-size placeholder.
  { path: '/simulator', target: 'target ≥ 90, CLS ≤ 0.05' },
];
const SIGNED_IN_PAGES = ['/dashboard', '/review', '/scenarios'];
const SERVER = process.env.BENCH_SERVER ?? 'app';
// BENCH_PAGES: `all` (default), `content` (Lighthouse only) or `signed-in` (load only).
const PAGES = process.env.BENCH_PAGES ?? 'all';
if (!['all', 'content', 'signed-in'].includes(PAGES)) {
  console.error('BENCH_PAGES must be `all`, `content` or `signed-in`.');
  process.exit(1);
}
if (!['app', 'next-start'].includes(SERVER)) {
  console.error('BENCH_SERVER must be `app` or `next-start`.');
  process.exit(1);
}

if (!existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) {
  console.error('No production build found: run `npm run build` first.');
  process.exit(1);
}

const dbFile = path.join(ROOT, 'data', 'bench-web.db');
for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
// BENCH_EMPTY_DEMO=1 seeds the demo account without its history (the state the first
// "before" numbers were taken in, before the seed had history).
const env = {
  ...process.env,
  DATABASE_URL: `file:${dbFile}`,
  NODE_ENV: 'production',
  ...(process.env.BENCH_EMPTY_DEMO === '1' ? { SEED_DEMO_HISTORY: '0' } : {}),
};
const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
for (const args of [
  ['scripts/migrate.ts', 'deploy'],
  ['--conditions=react-server', 'scripts/seed.ts'],
]) {
  const result = spawnSync(tsx, args, { cwd: ROOT, env, stdio: 'ignore' });
  if (result.status !== 0) {
    console.error(`bench:web: ${args.join(' ')} failed`);
    process.exit(1);
  }
}

const server =
  SERVER === 'app'
    ? spawn(tsx, ['scripts/server.ts'], {
        cwd: ROOT,
        env: { ...env, HOST: '127.0.0.1', PORT: String(PORT) },
        stdio: 'ignore',
      })
    : spawn(
        path.join(ROOT, 'node_modules', '.bin', 'next'),
        ['start', '-H', '127.0.0.1', '-p', String(PORT)],
        { cwd: ROOT, env, stdio: 'ignore' },
      );
process.on('exit', () => server.kill('SIGTERM'));

/**
 * CPU seconds used so far by the server and its child processes (Linux /proc). Reported per
 * request beside req/s, because req/s on a shared machine moves with everyone else's load.
 */
function serverCpuSeconds(rootPid = server.pid) {
  const ticks = 100; // USER_HZ on Linux
  const stats = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ');
      stats.set(Number(entry), {
        ppid: Number(fields[1]),
        cpu: Number(fields[11]) + Number(fields[12]),
      });
    } catch {
      // the process ended while listing
    }
  }
  let total = 0;
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.pop();
    total += stats.get(pid)?.cpu ?? 0;
    for (const [child, stat] of stats) if (stat.ppid === pid) queue.push(child);
  }
  return total / ticks;
}

/** Busy and total CPU seconds of the whole machine so far (Linux /proc/stat, all cores). */
function machineCpuSeconds() {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const ticks = fields.map(Number);
  const idle = ticks[3] + ticks[4]; // idle + iowait
  const total = ticks.reduce((sum, t) => sum + t, 0);
  return { busy: (total - idle) / 100, total: total / 100 };
}

function load(url, cookie, duration = SECONDS, extraHeaders = {}) {
  return new Promise((resolve, reject) => {
    autocannon(
      { url, connections: CONNECTIONS, duration, headers: { cookie, ...extraHeaders } },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

/** Share of 20 sequential requests the front door answered from its page cache. */
async function hitShare(url, cookie) {
  let hits = 0;
  for (let i = 0; i < 20; i += 1) {
    const response = await fetch(url, { headers: { cookie } });
    await response.arrayBuffer();
    if (response.headers.get('x-page-cache') === 'hit') hits += 1;
  }
  return hits / 20;
}

// Each signed-in page twice: repeat views of the same page (what the front door's page cache
// serves from memory while the user's data has not changed, lib/cache/page-cache.ts), and every
// request rendered (`Cache-Control: no-cache`, as a reload sends: the page cache steps aside).
const MODES = [
  { label: '', headers: {} },
  { label: ' (rendered)', headers: { 'cache-control': 'no-cache' } },
];

async function lighthouseRun(url, port) {
  const { lhr } = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
  });
  const audit = (id) => lhr.audits[id]?.numericValue ?? NaN;
  return {
    score: Math.round((lhr.categories.performance.score ?? 0) * 100),
    tbt: audit('total-blocking-time'),
    lcp: audit('largest-contentful-paint'),
    cls: audit('cumulative-layout-shift'),
  };
}

await waitForServer(BASE);
const rows = [];
const [load1] = readFileSync('/proc/loadavg', 'utf8').split(' ');
console.log(
  `machine load average at start: ${load1} on ${(await import('node:os')).availableParallelism()} cores; ` +
    `server: ${SERVER === 'app' ? `scripts/server.ts (WEB_CONCURRENCY=${process.env.WEB_CONCURRENCY || 'auto'}, REQUEST_CONCURRENCY=${process.env.REQUEST_CONCURRENCY || '4'} per worker)` : 'next start'}`,
);

const chrome =
  PAGES === 'signed-in'
    ? null
    : await chromeLauncher.launch({
        chromePath: CHROMIUM,
        chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
      });
try {
  for (const { path: page, target } of chrome ? CONTENT_PAGES : []) {
    await fetch(BASE + page); // warm the server's caches so the run measures the page, not a cold start
    const r = await lighthouseRun(BASE + page, chrome.port);
    rows.push([
      page,
      `Lighthouse ${r.score}`,
      `TBT ${Math.round(r.tbt)} ms`,
      `LCP ${Math.round(r.lcp)} ms · CLS ${r.cls.toFixed(3)}`,
      target,
    ]);
  }
} catch (error) {
  rows.push(['lighthouse', 'error', String(error?.message ?? error), '', '']);
} finally {
  await chrome?.kill();
}

try {
  const cookie = await signInDemo(BASE);
  for (const page of PAGES === 'content' ? [] : SIGNED_IN_PAGES)
    for (const mode of MODES) {
      await load(BASE + page, cookie, 2, mode.headers).catch(() => null); // warm-up, not counted
      const cpuBefore = serverCpuSeconds();
      const machineBefore = machineCpuSeconds();
      const benchBefore = process.cpuUsage();
      const r = await load(BASE + page, cookie, SECONDS, mode.headers);
      const serverSeconds = serverCpuSeconds() - cpuBefore;
      const cpuMsPerRequest = (serverSeconds * 1000) / Math.max(1, r.requests.total);
      // What everything but the server and this load generator used meanwhile, as a share of the
      // machine: the other sessions' work that req/s and p99 moved with.
      const machine = machineCpuSeconds();
      const bench = process.cpuUsage(benchBefore);
      const others =
        (machine.busy - machineBefore.busy - serverSeconds - (bench.user + bench.system) / 1e6) /
        Math.max(1e-9, machine.total - machineBefore.total);
      const non2xx = r.non2xx + r.errors;
      const cached = mode.label
        ? ''
        : ` · ${Math.round((await hitShare(BASE + page, cookie)) * 100)} % page-cache hits`;
      rows.push([
        page + mode.label,
        `${Math.round(r.requests.average)} req/s`,
        `p99 ${r.latency.p99} ms`,
        `p50 ${r.latency.p50} ms · ${cpuMsPerRequest.toFixed(1)} CPU ms/req · ${non2xx} non-2xx/errors · others ${Math.max(0, Math.round(others * 100))} % CPU${cached}`,
        `target ≥ 250 req/s, p99 ≤ 300 ms @ ${CONNECTIONS} conns`,
      ]);
    }
} catch (error) {
  rows.push(['load', 'error', String(error?.message ?? error), '', '']);
}

const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
console.log(rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i])).join('  ')).join('\n'));
server.kill('SIGTERM');
process.exit(0);
