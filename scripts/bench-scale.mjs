// `npm run bench:scale`: review submissions and the dashboard at 50 concurrent connections
// (50 signed-in learners, one connection each) for SQLite × 1 instance, PostgreSQL × 1 and
// PostgreSQL × 2 instances (nginx round-robin in front of both PostgreSQL set-ups). Prints
// req/s and p50/p99 per case and the two-instance ratio; never passes or fails.
// Needs `next build` and Debian's postgresql + nginx. Everything binds to 127.0.0.1.
//
//   node scripts/bench-scale.mjs [--seconds 15] [--connections 50] [--only sqlite,pg1,pg2]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import pg from 'pg';
import { startPostgres } from './pg-server.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '15' },
    connections: { type: 'string', default: '50' },
    only: { type: 'string', default: 'sqlite,pg1,pg2' },
  },
});
const seconds = Math.min(120, Math.max(3, Number(values.seconds) || 15));
const connections = Math.min(200, Math.max(1, Number(values.connections) || 50));
const cases = values.only.split(',');
const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const PORT = 3170;
const PASSWORD = 'bench-password-123';

function actionId(name) {
  const manifest = JSON.parse(
    spawnSync('cat', [path.join(ROOT, '.next/server/server-reference-manifest.json')], {
      encoding: 'utf8',
    }).stdout,
  );
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.exportedName === name) return id;
  }
  throw new Error(`server action ${name} not found: run next build first`);
}

async function waitReady(base, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const r = await fetch(`${base}/api/ready`);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${base} did not become ready`);
}

/** Signs one learner in through next-auth's credentials callback; returns the cookie header. */
async function signIn(base, email) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = await csrf.json();
  const jar = new Map();
  const keep = (res) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, ...v] = pair.split('=');
      jar.set(k, v.join('='));
    }
  };
  keep(csrf);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
    },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: 'true' }),
  });
  keep(res);
  const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  if (!cookie.includes('session-token'))
    throw new Error(`sign-in failed for ${email}: ${res.status}`);
  return cookie;
}

function load(base, { title, method = 'GET', pathName, headersFor, bodyFor }, cookies) {
  return new Promise((resolve, reject) => {
    let next = 0;
    const instance = autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        title,
        requests: [
          {
            method,
            path: pathName,
            setupRequest: (req, context) => {
              context.i ??= next++;
              const cookie = cookies[context.i % cookies.length];
              return {
                ...req,
                headers: { ...req.headers, cookie, ...(headersFor?.() ?? {}) },
                ...(bodyFor ? { body: bodyFor() } : {}),
              };
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on('error', reject);
  });
}

async function measure(label, base, databaseUrl, extraEnv = {}) {
  const env = { ...process.env, ...extraEnv, DATABASE_URL: databaseUrl };
  const users = spawnSync(
    tsx,
    ['--conditions=react-server', 'scripts/bench-users.ts', '--count', String(connections)],
    { cwd: ROOT, env, encoding: 'utf8' },
  );
  if (users.status !== 0) throw new Error(users.stderr);
  const { cardIds } = JSON.parse(users.stdout.trim().split('\n').at(-1));
  const cookies = [];
  for (let i = 0; i < connections; i += 1)
    cookies.push(await signIn(base, `bench-${i}@example.test`));
  const reviewAction = actionId('recordReviewAction');
  let n = 0;
  const review = {
    title: 'review',
    method: 'POST',
    pathName: '/review',
    headersFor: () => ({
      'next-action': reviewAction,
      accept: 'text/x-component',
      'content-type': 'text/plain;charset=UTF-8',
    }),
    bodyFor: () =>
      JSON.stringify([
        {
          cardId: cardIds[n++ % cardIds.length],
          grade: 3,
          idempotencyKey: randomUUID(),
          durationMs: 1500,
        },
      ]),
  };
  const dashboard = { title: 'dashboard', pathName: '/dashboard' };
  const rows = [];
  // Warm-up (JIT, caches, connection pools), then the measured runs.
  await load(base, { ...dashboard }, cookies).catch(() => {});
  for (const spec of [dashboard, review]) {
    const before = spec === review ? await storedReviews(databaseUrl) : 0;
    const r = await load(base, spec, cookies);
    // A server action answers 200 even when it refuses the input: count what was stored.
    if (spec === review) {
      const stored = (await storedReviews(databaseUrl)) - before;
      if (stored < r.requests.total * 0.99) {
        console.error(`warning: ${r.requests.total} review requests but ${stored} reviews stored`);
      }
    }
    rows.push({
      case: label,
      route: spec.title,
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      non2xx: r.non2xx + r.errors,
      total: r.requests.total,
    });
  }
  return rows;
}

async function storedReviews(databaseUrl) {
  if (databaseUrl.startsWith('file:')) {
    const sqlite = new Database(databaseUrl.slice('file:'.length), { readonly: true });
    const { n } = sqlite.prepare('SELECT COUNT(*) AS n FROM "ReviewLog"').get();
    sqlite.close();
    return n;
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query('SELECT COUNT(*)::int AS n FROM "ReviewLog"');
  await client.end();
  return rows[0].n;
}

function stop(child) {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.on('exit', resolve);
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}

const results = [];
const pgServer = cases.some((c) => c.startsWith('pg'))
  ? startPostgres({ port: 54359, dir: '/tmp/mesh-dojo-bench-pg', maxConnections: 200 })
  : null;
if (cases.some((c) => c.startsWith('pg')) && !pgServer) {
  console.error('PostgreSQL is not installed (Debian: apt-get install -y postgresql nginx).');
  process.exit(1);
}
try {
  if (cases.includes('sqlite')) {
    const dir = mkdtempSync(path.join(tmpdir(), 'mesh-dojo-bench-scale-'));
    const url = `file:${path.join(dir, 'bench.db')}`;
    spawnSync(tsx, ['scripts/migrate.ts', 'deploy'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url },
    });
    const app = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/server.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(PORT),
        DATABASE_URL: url,
        NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
        // One process, as the cases it is compared with (instances behind nginx).
        WEB_CONCURRENCY: process.env.WEB_CONCURRENCY ?? '1',
      },
      stdio: 'ignore',
    });
    try {
      await waitReady(`http://127.0.0.1:${PORT}`);
      results.push(...(await measure('SQLite × 1', `http://127.0.0.1:${PORT}`, url)));
    } finally {
      await stop(app);
      rmSync(dir, { recursive: true, force: true });
    }
  }
  for (const [key, count] of [
    ['pg1', 1],
    ['pg2', 2],
  ]) {
    if (!cases.includes(key)) continue;
    const port = PORT + 10;
    const stack = spawn(
      'node',
      [
        'scripts/scale-server.mjs',
        '--instances',
        String(count),
        '--port',
        String(port),
        '--database',
        `bench_${key}`,
      ],
      {
        cwd: ROOT,
        env: { ...process.env, SCALE_PG_URL: pgServer.url, DATABASE_POOL_SIZE: '20' },
        stdio: 'ignore',
      },
    );
    try {
      await waitReady(`http://127.0.0.1:${port}`);
      const url = new URL(pgServer.url);
      url.pathname = `/bench_${key}`;
      results.push(
        ...(await measure(`PostgreSQL × ${count}`, `http://127.0.0.1:${port}`, url.toString(), {
          NEXTAUTH_SECRET: 'scale-test-shared-secret-0123456789abcdef',
        })),
      );
    } finally {
      await stop(stack);
    }
  }
} finally {
  pgServer?.stop();
}

console.log(
  `\nbench:scale — ${connections} connections, ${seconds} s per route, ${new Date().toISOString()}`,
);
console.log('| case | route | req/s | p50 ms | p99 ms | non-2xx | requests |');
console.log('|---|---|---:|---:|---:|---:|---:|');
for (const r of results) {
  console.log(
    `| ${r.case} | ${r.route} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.total} |`,
  );
}
for (const route of ['dashboard', 'review']) {
  const one = results.find((r) => r.case === 'PostgreSQL × 1' && r.route === route);
  const two = results.find((r) => r.case === 'PostgreSQL × 2' && r.route === route);
  if (one && two)
    console.log(
      `${route}: PostgreSQL × 2 / × 1 = ${(two.rps / one.rps).toFixed(2)}× (target ≥ 1.7×)`,
    );
}
