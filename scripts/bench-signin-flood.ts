/**
 * `npm run bench:signin-flood`: how a sign-in flood affects other pages. Starts the
 * production server (scripts/server.ts, after `next build`) on 127.0.0.1 with a fresh
 * database, measures a dynamic page's latency alone, then again while a flood of sign-ins
 * with random emails runs at --rate requests/s. Prints numbers; never fails.
 *
 *   npm run bench:signin-flood -- [--rate 7] [--seconds 10] [--port 3238]
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '7' },
    seconds: { type: 'string', default: '10' },
    port: { type: 'string', default: '3238' },
  },
});
const RATE = Math.max(1, Number(values.rate));
const SECONDS = Math.max(1, Number(values.seconds));
const BASE = `http://127.0.0.1:${Number(values.port)}`;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function measure(pathname: string, until: number): Promise<number[]> {
  const times: number[] = [];
  while (Date.now() < until) {
    const start = performance.now();
    await (await fetch(`${BASE}${pathname}`)).arrayBuffer();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

async function flood(until: number): Promise<Map<number, number>> {
  const statuses = new Map<number, number>();
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const inFlight: Array<Promise<void>> = [];
  let n = 0;
  while (Date.now() < until) {
    n += 1;
    const body = new URLSearchParams({
      csrfToken,
      email: `flood${n}-${Date.now()}@example.test`,
      password: 'guess-password-1',
      json: 'true',
    });
    inFlight.push(
      fetch(`${BASE}/api/auth/callback/credentials`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        body,
      })
        .then(async (r) => {
          await r.arrayBuffer();
          statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        })
        .catch(() => {
          statuses.set(0, (statuses.get(0) ?? 0) + 1);
        }),
    );
    await new Promise((resolve) => setTimeout(resolve, 1000 / RATE));
  }
  await Promise.all(inFlight);
  return statuses;
}

const dir = mkdtempSync(path.join(tmpdir(), 'mesh-dojo-flood-'));
const env = {
  ...process.env,
  DATABASE_URL: `file:${path.join(dir, 'flood.db')}`,
  NODE_ENV: 'production' as const,
  HOST: '127.0.0.1',
  PORT: String(values.port),
};
const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
spawnSync(tsx, ['scripts/migrate.ts', 'deploy'], { cwd: ROOT, env, stdio: 'ignore' });
const server = spawn(tsx, ['scripts/server.ts'], {
  cwd: ROOT,
  env,
  stdio: 'ignore',
  detached: true,
});
try {
  for (let i = 0; i < 200; i += 1) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) break;
    } catch {
      // starting
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  const page = '/scenarios';
  await measure(page, Date.now() + 2_000); // warm-up
  const alone = await measure(page, Date.now() + SECONDS * 1000);
  const [during, statuses] = await Promise.all([
    measure(page, Date.now() + SECONDS * 1000),
    flood(Date.now() + SECONDS * 1000),
  ]);
  const row = (label: string, t: number[]) =>
    `${label.padEnd(28)} n=${String(t.length).padStart(4)}  p50 ${percentile(t, 50).toFixed(1)} ms  p99 ${percentile(t, 99).toFixed(1)} ms`;
  console.log(
    `GET ${page} latency, sign-in flood at ${RATE}/s with random emails for ${SECONDS} s`,
  );
  console.log(row('alone', alone));
  console.log(row('during the flood', during));
  console.log(
    `flood responses: ${[...statuses].map(([s, c]) => `${s || 'error'}×${c}`).join(', ')}`,
  );
} finally {
  if (server.pid) process.kill(-server.pid, 'SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
