/**
 * Live-session benchmark: N concurrent live interview sessions, each with an interviewer and a
 * candidate holding one SSE stream each, the candidate saving an answer draft once a second.
 * Measures event delivery latency (command sent → frame received, both streams), the fan-out part of
 * it (row committed → frame received) and server RSS.
 * Prints numbers only; it never passes or fails.
 *
 *   npm run bench:live -- [--sessions 200] [--seconds 30] [--warmup 5]
 *
 * Target: by default the script starts `next start` (needs `next build`) on 127.0.0.1:3251 over a
 * fresh SQLite file (`--instances 2` starts a second one on :3252 over the same file, and every
 * session's interviewer and candidate then talk to different instances). To measure a deployment instead (e.g. two instances behind nginx on
 * PostgreSQL), set BENCH_BASE_URL (one URL, or several comma-separated), DATABASE_URL (the database those instances use, for seeding
 * users) and NEXTAUTH_SECRET (theirs, to mint session cookies); BENCH_SERVER_PIDS (comma-separated)
 * adds their RSS to the report.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { encode } from 'next-auth/jwt';
import { createSession } from '@/lib/auth/sessions';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    sessions: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '5' },
    template: { type: 'string', default: 'diagnose-a-mesh-incident' },
    instances: { type: 'string', default: '1' },
  },
});
const SESSIONS = Math.max(1, Math.min(2000, Number(values.sessions)));
const SECONDS = Math.max(5, Math.min(600, Number(values.seconds)));
const WARMUP = Math.max(0, Math.min(60, Number(values.warmup)));
if (![SESSIONS, SECONDS, WARMUP].every(Number.isFinite)) {
  console.error('bench:live: --sessions, --seconds and --warmup must be numbers');
  process.exit(2);
}

const INSTANCES = Math.max(1, Math.min(4, Number(values.instances) || 1));
const external = process.env.BENCH_BASE_URL;
const port = Number(process.env.BENCH_PORT ?? 3251);
// With --instances N (own servers only), session i's interviewer uses instance i mod N and its
// candidate the next one, so every event crosses instances through the shared database.
const baseUrls = external
  ? external.split(',')
  : Array.from({ length: INSTANCES }, (_, i) => `http://127.0.0.1:${port + i}`);
const baseUrl = baseUrls[0]!;
const secret = process.env.NEXTAUTH_SECRET ?? 'bench-live-secret-0123456789abcdefghijklmnop';
let tempDir: string | null = null;
const servers: ChildProcess[] = [];

if (!external) {
  tempDir = mkdtempSync(path.join(tmpdir(), 'mesh-dojo-bench-live-'));
  process.env.DATABASE_URL = `file:${path.join(tempDir, 'bench.db')}`;
  execFileSync(
    path.join(ROOT, 'node_modules/.bin/tsx'),
    [path.join(ROOT, 'scripts/migrate.ts'), 'deploy'],
    {
      cwd: ROOT,
      env: process.env,
      stdio: 'ignore',
    },
  );
  for (let i = 0; i < INSTANCES; i++)
    servers.push(
      spawn(
        path.join(ROOT, 'node_modules/.bin/next'),
        ['start', '-H', '127.0.0.1', '-p', String(port + i)],
        {
          cwd: ROOT,
          env: {
            ...process.env,
            NODE_ENV: 'production',
            NEXTAUTH_SECRET: secret,
            NEXT_TELEMETRY_DISABLED: '1',
          },
          stdio: ['ignore', 'ignore', 'inherit'],
        },
      ),
    );
} else if (!process.env.DATABASE_URL || !process.env.NEXTAUTH_SECRET) {
  console.error(
    'bench:live: with BENCH_BASE_URL, also set DATABASE_URL and NEXTAUTH_SECRET of the target',
  );
  process.exit(2);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForHealth(url: string) {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await sleep(250);
  }
  throw new Error(`server at ${url} did not become healthy`);
}

/** RSS in MiB of a process and its descendants (Linux /proc). */
function rssMiB(pid: number): number {
  let total = 0;
  const visit = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
      const children = readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim();
      for (const child of children ? children.split(/\s+/) : []) visit(Number(child));
    } catch {
      // process gone
    }
  };
  visit(pid);
  return total;
}
const serverPids = (): number[] => [
  ...servers.flatMap((server) => (server.pid ? [server.pid] : [])),
  ...(process.env.BENCH_SERVER_PIDS ?? '').split(',').filter(Boolean).map(Number),
];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function main() {
  for (const url of baseUrls) await waitForHealth(url);
  const { db } = await import('@/lib/db');
  const stamp = Date.now();
  const users = Array.from({ length: SESSIONS * 2 }, (_, i) => ({
    email: `bench-${stamp}-${i}@example.test`,
    name: `Bench ${i}`,
  }));
  for (let i = 0; i < users.length; i += 200)
    await db.user.createMany({ data: users.slice(i, i + 200) });
  const rows = await db.user.findMany({
    where: { email: { startsWith: `bench-${stamp}-` } },
    select: { id: true, email: true, name: true },
  });
  const byEmail = new Map(rows.map((r) => [r.email, r]));
  const cookieFor = async (email: string) => {
    const user = byEmail.get(email)!;
    // A real server-side session row, as a sign-in creates (lib/auth/sessions.ts): the cookie
    // names it by `sid`, and a cookie without one is no session.
    const sid = await createSession({ userId: user.id, userAgent: 'bench:live' });
    const token = await encode({
      token: { sub: user.id, uid: user.id, sid, name: user.name, email: user.email },
      secret,
    });
    return `next-auth.session-token=${token}`;
  };

  const post = async (cookie: string, url: string, body: unknown, origin = baseUrl) => {
    const response = await fetch(`${origin}${url}`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<Record<string, unknown>>;
  };

  type Live = {
    id: string;
    interviewer: string;
    candidate: string;
    interviewerUrl: string;
    candidateUrl: string;
  };
  const sessions: Live[] = [];
  for (let i = 0; i < SESSIONS; i += 20) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(20, SESSIONS - i) }, async (_, j) => {
        const interviewer = await cookieFor(users[(i + j) * 2]!.email);
        const candidate = await cookieFor(users[(i + j) * 2 + 1]!.email);
        const created = await post(interviewer, '/api/interviews/sessions', {
          templateId: values.template,
          mode: 'live',
        });
        const id = String(created.sessionId);
        await post(candidate, '/api/interviews/join', { token: created.inviteToken });
        await post(interviewer, `/api/interviews/${id}/commands`, {
          type: 'start',
          idempotencyKey: `start-${id}`,
        });
        const n = i + j;
        return {
          id,
          interviewer,
          candidate,
          interviewerUrl: baseUrls[n % baseUrls.length]!,
          candidateUrl: baseUrls[(n + 1) % baseUrls.length]!,
        };
      }),
    );
    sessions.push(...batch);
  }
  console.log(`bench:live: ${sessions.length} live sessions created on ${baseUrl}`);

  let measuring = false;
  const latencies: number[] = [];
  const postLatencies: number[] = [];
  const fanout: number[] = [];
  let sent = 0;
  let received = 0;
  let errors = 0;
  const controllers: AbortController[] = [];

  // Two SSE streams per session; each frame carrying a bench stamp yields one latency sample.
  const openStream = async (sessionId: string, cookie: string, origin: string) => {
    const controller = new AbortController();
    controllers.push(controller);
    const response = await fetch(`${origin}/api/interviews/${sessionId}/events`, {
      headers: { cookie, accept: 'text/event-stream' },
      signal: controller.signal,
    });
    if (!response.ok || !response.body) throw new Error(`stream ${response.status}`);
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += decoder.decode(value, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const match = /"justification":"bench (\d+) (\d+)"/.exec(frame);
            if (!match) continue;
            const sentAt = Number(match[2]);
            if (match[1] === '1') {
              const now = Date.now();
              latencies.push(now - sentAt);
              // Commit (the row's createdAt, same clock on loopback) → frame: the delivery path alone.
              const at = /"at":(\d+)/.exec(frame);
              if (at) fanout.push(now - Number(at[1]));
              received += 1;
            }
          }
        }
      } catch {
        // aborted at the end
      }
    })();
  };
  for (let i = 0; i < sessions.length; i += 50)
    await Promise.all(
      sessions
        .slice(i, i + 50)
        .flatMap((s) => [
          openStream(s.id, s.interviewer, s.interviewerUrl),
          openStream(s.id, s.candidate, s.candidateUrl),
        ]),
    );
  console.log(
    `bench:live: ${controllers.length} SSE streams open; warming up ${WARMUP} s, measuring ${SECONDS} s at 1 event/s/session`,
  );

  let running = true;
  let peakRss = 0;
  const rssTimer = setInterval(() => {
    peakRss = Math.max(
      peakRss,
      serverPids().reduce((sum, pid) => sum + rssMiB(pid), 0),
    );
  }, 1000);
  // Each session's candidate saves a draft once a second, sessions spread evenly over the second.
  const loops = sessions.map(async (s, index) => {
    await sleep((index / sessions.length) * 1000);
    let n = 0;
    while (running) {
      const started = Date.now();
      const counted = measuring ? 1 : 0;
      try {
        await post(
          s.candidate,
          `/api/interviews/${s.id}/commands`,
          {
            type: 'save-answer',
            questionId: 'slow-leaf',
            decision: '',
            justification: `bench ${counted} ${started}`,
            final: false,
            idempotencyKey: `b-${s.id}-${n++}`,
          },
          s.candidateUrl,
        );
        if (counted) {
          sent += 1;
          postLatencies.push(Date.now() - started);
        }
      } catch {
        errors += 1;
      }
      await sleep(Math.max(0, 1000 - (Date.now() - started)));
    }
  });
  await sleep(WARMUP * 1000);
  measuring = true;
  await sleep(SECONDS * 1000);
  measuring = false;
  running = false;
  await Promise.all(loops);
  await sleep(3000); // let frames of the last measured commands arrive (all are counted)
  clearInterval(rssTimer);
  const endRss = serverPids().reduce((sum, pid) => sum + rssMiB(pid), 0);
  for (const c of controllers) c.abort();

  latencies.sort((a, b) => a - b);
  postLatencies.sort((a, b) => a - b);
  fanout.sort((a, b) => a - b);
  const expected = sent * 2;
  console.log(
    JSON.stringify(
      {
        target: external
          ? baseUrls.join(', ')
          : `${baseUrls.join(', ')} (next start × ${INSTANCES}, one SQLite file)`,
        sessions: sessions.length,
        streams: controllers.length,
        seconds: SECONDS,
        eventsSent: sent,
        framesExpected: expected,
        framesReceived: received,
        commandErrors: errors,
        deliveryMs: {
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
          max: latencies.at(-1) ?? NaN,
        },
        fanoutMs: {
          p50: percentile(fanout, 50),
          p99: percentile(fanout, 99),
        },
        commandMs: { p50: percentile(postLatencies, 50), p99: percentile(postLatencies, 99) },
        serverRssMiB: serverPids().length
          ? { peak: Math.round(peakRss), end: Math.round(endRss) }
          : 'n/a (set BENCH_SERVER_PIDS)',
      },
      null,
      2,
    ),
  );
  await db.$disconnect();
}

try {
  await main();
} finally {
  for (const server of servers) server.kill('SIGTERM');
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
}
process.exit(0);
