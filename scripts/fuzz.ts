/**
 * `npm run fuzz`: sends malformed input to every route and every server action of the
 * production build and fails on any 5xx, any hang, or any change to the database caused by a
 * rejected input. Needs `next build` first. Bounded and loopback only: it starts its own
 * server (scripts/server.ts) on 127.0.0.1 with a fresh SQLite file in a temp directory.
 *
 *   npm run fuzz -- [--count 10000] [--seconds 900] [--port 3239] [--seed 1]
 *
 * Every generated input is invalid on purpose (bad ids, wrong types, broken encodings,
 * hostile headers), so the rule is simple: after every batch the digest of the domain tables
 * must be unchanged. Counters that exist to record rejected attempts (AuthThrottle,
 * RateLimit) and session timestamps are left out of the digest.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { nextUniform, seedRng } from '@/lib/sim/rng';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    seconds: { type: 'string', default: '900' },
    port: { type: 'string', default: process.env.FUZZ_PORT ?? '3239' },
    seed: { type: 'string', default: '1' },
    concurrency: { type: 'string', default: '4' },
  },
});
const COUNT = Number(values.count);
const SECONDS = Number(values.seconds);
const PORT = Number(values.port);
const CONCURRENCY = Math.min(8, Math.max(1, Number(values.concurrency)));
if (![COUNT, SECONDS, PORT].every((n) => Number.isInteger(n) && n > 0)) {
  console.error('Usage: npm run fuzz -- [--count N] [--seconds S] [--port P] [--seed K]');
  process.exit(2);
}
const BASE = `http://127.0.0.1:${PORT}`;
const LOG_FILE = path.join(ROOT, 'test-results', 'fuzz-server.log');
const rng = seedRng(Number(values.seed));
const random = () => nextUniform(rng);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

// ---------------------------------------------------------------------------- malformed values
const LONG = 'x'.repeat(5_000);
const BAD_STRINGS = [
  '',
  ' ',
  'x',
  LONG,
  '\u202Eevil\u202C',
  '\u2066iso\u2069',
  '<script>alert(1)</script>',
  '\u0000',
  '%FF',
  '%',
  '$K1',
  '$Q0',
  '$@1',
  '$F0',
  '$T',
  '../../etc/passwd',
  "' OR 1=1 --",
  '\uD800',
  '-1',
  'NaN',
  '1e309',
  'null',
  '{"a":',
  '[[[[[[[[',
  'javascript:alert(1)',
  'http://a:b/',
  '//evil.example/',
  'a'.repeat(300) + '@example.test',
];
const BAD_VALUES: unknown[] = [
  null,
  0,
  -1,
  1.5,
  1e308,
  true,
  [],
  [1, 2, 3],
  {},
  { __proto__: { polluted: true } },
  { constructor: { prototype: { x: 1 } } },
  { cardId: 5, grade: 'x' },
  { cardId: '', grade: 9, idempotencyKey: '', durationMs: -5 },
  { name: '\u202E', presetId: 'X', config: {}, seed: -1, script: 'no', steps: 1e9 },
  { lessonId: '../x' },
  ...BAD_STRINGS,
];

function randomBadValue(depth = 0): unknown {
  const roll = random();
  if (depth < 3 && roll < 0.15) return [randomBadValue(depth + 1), randomBadValue(depth + 1)];
  if (depth < 3 && roll < 0.3)
    return { [pick(BAD_STRINGS).slice(0, 20) || 'k']: randomBadValue(depth + 1) };
  return pick(BAD_VALUES);
}

// ---------------------------------------------------------------------------- targets
type Action = { id: string; name: string; page: string; fields: string[] };

/** Every server action of the build, with a page that hosts it (from Next's manifests). */
function loadActions(): Action[] {
  const manifest = JSON.parse(
    readFileSync(path.join(ROOT, '.next/server/server-reference-manifest.json'), 'utf8'),
  ) as { node: Record<string, { workers: Record<string, unknown>; exportedName?: string }> };
  const routes = JSON.parse(
    readFileSync(path.join(ROOT, '.next/app-path-routes-manifest.json'), 'utf8'),
  ) as Record<string, string>;
  const fields = [
    'name',
    'email',
    'password',
    'lessonId',
    'questionId',
    'answer',
    'scenarioId',
    'decision',
    'justification',
    'prediction',
    'runId',
    'token',
    'newPassword',
    'currentPassword',
    'confirmation',
    'desiredRetention',
    'newCardsPerDay',
    'maxReviewsPerDay',
    'interviewDate',
    'idempotencyKey',
  ];
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers)[0] ?? '';
    const route = routes[`/${worker.replace(/^app\//, '')}`] ?? '/';
    const page = route
      .replace('[lessonId]', 'why-service-mesh')
      .replace('[scenarioId]', 'does-not-exist');
    return { id, name: entry.exportedName ?? id, page, fields };
  });
}

// Valid-looking FormData would be accepted by these (they take no input): skip FormData for them.
const NO_INPUT_ACTIONS = new Set([
  'signOutEverywhereAction',
  'undoLastReviewAction',
  'loadChapterStateAction',
  'createCalendarFeedAction',
  'markNotificationsReadAction',
]);

const GET_PATHS = [
  '/',
  '/lessons',
  '/lessons/why-service-mesh',
  '/glossary',
  '/search',
  '/scenarios',
  '/simulator',
  '/dashboard',
  '/review',
  '/review/stats',
  '/review/settings',
  '/review/export/anki',
  '/review/export/deck-csv',
  '/review/export/history-csv',
  '/account',
  '/account/export',
  '/sign-in',
  '/sign-up',
  '/forgot-password',
  '/reset-password',
  '/api/health',
  '/api/auth/session',
  '/api/auth/csrf',
  '/api/auth/providers',
  '/api/auth/signin',
  '/api/auth/signout',
  '/api/auth/error',
  '/api/auth/callback/credentials',
  '/api/auth/callback/oidc',
  '/api/auth/signin/credentials',
  '/api/auth/_log',
];
const PARAMS = [
  'q',
  'term',
  'kind',
  'difficulty',
  'competency',
  'preset',
  'seed',
  'config',
  'callbackUrl',
  'error',
  'notice',
  'token',
  'x',
];
const SEGMENTS = [
  '%FF',
  '%00',
  '..%2F..%2Fetc',
  'a'.repeat(1_500),
  '%E2%80%AE',
  '<x>',
  'does-not-exist',
  '%',
  'CON',
  '.env',
];

function encodedBad(): string {
  const value = pick(BAD_STRINGS).slice(0, 2_000);
  if (random() < 0.3) return pick(['%FF', '%', '%E0%A4%A', '%C0%AF', '%ED%A0%80']);
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80'; // a lone surrogate, as its UTF-8 bytes
  }
}

type Probe = {
  label: string;
  url: string;
  init: RequestInit & { headers: Record<string, string> };
};

const HOSTILE_HEADERS: Array<Record<string, string>> = [
  {},
  { 'x-forwarded-for': '203.0.113.1, 10.0.0.1' },
  { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' },
  { origin: 'http://evil.example' },
  { origin: 'null' },
  { cookie: 'next-auth.session-token=garbage' },
  { cookie: 'next-auth.callback-url=http%3A%2F%2Fa%3Ab%2F' },
  { cookie: `next-auth.session-token=${'a'.repeat(7_000)}` },
  { 'accept-language': '\u00ff\u00fe;q=9' },
  { rsc: '1' },
  { 'next-router-state-tree': '%FF' },
  { 'x-mesh-dojo-client-ip': '6.6.6.6' },
];

function multipart(
  parts: Record<string, string>,
  boundary = `----fuzz${Math.floor(random() * 1e9)}`,
): { body: string; type: string } {
  const body =
    Object.entries(parts)
      .map(
        ([key, value]) =>
          `--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`,
      )
      .join('') + `--${boundary}--\r\n`;
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

function getProbe(): Probe {
  let pathname = pick(GET_PATHS);
  if (random() < 0.3) pathname = pathname.replace(/\/[^/]*$/, `/${pick(SEGMENTS)}`);
  const query =
    random() < 0.8
      ? `?${pick(PARAMS)}=${encodedBad()}${random() < 0.3 ? `&${pick(PARAMS)}=${encodedBad()}` : ''}`
      : '';
  const method = random() < 0.85 ? 'GET' : pick(['HEAD', 'OPTIONS', 'PUT', 'DELETE', 'PATCH']);
  return {
    label: `${method} ${pathname}${query.slice(0, 60)}`,
    url: `${BASE}${pathname}${query}`,
    init: { method, headers: { ...pick(HOSTILE_HEADERS) } },
  };
}

function authPostProbe(csrf: string): Probe {
  const target = pick([
    '/api/auth/callback/credentials',
    '/api/auth/signout',
    '/api/auth/signin/credentials',
    '/api/auth/signin/oidc',
    '/api/auth/_log',
    '/api/auth/session',
  ]);
  const fields: Record<string, string> = {
    // The real token only where the rest of the request is invalid: a valid sign-out is not malformed input.
    csrfToken: random() < 0.5 && target !== '/api/auth/signout' ? csrf : pick(BAD_STRINGS),
    email: pick(BAD_STRINGS),
    password: pick(BAD_STRINGS),
    callbackUrl: pick(BAD_STRINGS),
    json: 'true',
  };
  const roll = random();
  const body =
    roll < 0.6
      ? new URLSearchParams(fields).toString()
      : roll < 0.8
        ? pick(['%FF=%FF', 'a=%', '=&=&=', JSON.stringify(fields), LONG.repeat(5)])
        : JSON.stringify(randomBadValue());
  const type =
    roll < 0.8
      ? 'application/x-www-form-urlencoded'
      : pick(['application/json', 'text/plain', 'multipart/form-data']);
  return {
    label: `POST ${target}`,
    url: `${BASE}${target}`,
    init: { method: 'POST', body, headers: { 'content-type': type, ...pick(HOSTILE_HEADERS) } },
  };
}

function actionProbe(actions: Action[]): Probe {
  const action = pick(actions);
  const headers: Record<string, string> = { 'next-action': action.id, accept: 'text/x-component' };
  const roll = random();
  let body: string;
  if (roll < 0.45 || NO_INPUT_ACTIONS.has(action.name)) {
    // A non-FormData argument list, or a malformed reply.
    body =
      random() < 0.85
        ? JSON.stringify([randomBadValue(), ...(random() < 0.5 ? [randomBadValue()] : [])])
        : pick([
            '[{',
            '"$K1"',
            '["$K1"]',
            '["$Q0"]',
            '["$@5"]',
            '{}',
            'null',
            LONG,
            '["$F1"]',
            '[["$T"]]',
          ]);
    headers['content-type'] = pick([
      'text/plain;charset=UTF-8',
      'text/plain',
      'application/json',
      'application/octet-stream',
    ]);
  } else if (roll < 0.9) {
    // FormData arguments with the action's field names and invalid values.
    const parts: Record<string, string> = {};
    for (const field of action.fields) if (random() < 0.5) parts[`_1_${field}`] = pick(BAD_STRINGS);
    const m = multipart({
      ...parts,
      '0': random() < 0.8 ? '["$undefined","$K1"]' : pick(['["$K9"]', '[{', '["$K1"', '["$Q1"]']),
    });
    body = m.body;
    headers['content-type'] = m.type;
  } else {
    const m =
      random() < 0.5
        ? multipart({ '0': '["$K1"]' }, 'x')
        : { body: '--broken\r\nno headers\r\n', type: 'multipart/form-data; boundary=broken' };
    body = m.body;
    headers['content-type'] = m.type;
  }
  Object.assign(headers, pick(HOSTILE_HEADERS.filter((h) => !('cookie' in h))));
  return {
    label: `ACTION ${action.name} on ${action.page}`,
    url: `${BASE}${action.page}`,
    init: { method: 'POST', body, headers },
  };
}

function mpaProbe(actions: Action[]): Probe {
  // A no-JavaScript form post: the action named in a $ACTION_ID_ field.
  const action = pick(actions);
  const id = random() < 0.5 ? action.id : pick(BAD_STRINGS).slice(0, 80);
  const fields: Record<string, string> =
    random() < 0.5
      ? { [`$ACTION_ID_${id}`]: '' }
      : // The useActionState / bound-action form: a reference and its metadata.
        {
          $ACTION_REF_1: '',
          '$ACTION_1:0': pick([
            JSON.stringify({ id, bound: null }),
            JSON.stringify({ id, bound: pick(BAD_VALUES) }),
            '{',
            '"x"',
            'null',
            JSON.stringify({ id: pick(BAD_STRINGS) }),
          ]),
          '$ACTION_1:1': pick(BAD_STRINGS),
          $ACTION_KEY: pick(BAD_STRINGS),
        };
  const m = multipart({ ...fields, [pick(action.fields)]: pick(BAD_STRINGS) });
  return {
    label: `MPA ${action.name}`,
    url: `${BASE}${action.page}`,
    init: { method: 'POST', body: m.body, headers: { 'content-type': m.type } },
  };
}

function oversizedProbe(actions: Action[]): Probe {
  const action = pick(actions);
  const body = JSON.stringify(['x'.repeat(1_100_000)]);
  return {
    label: `ACTION ${action.name} 1.1 MB`,
    url: `${BASE}${action.page}`,
    init: {
      method: 'POST',
      body,
      headers: { 'next-action': action.id, 'content-type': 'text/plain' },
    },
  };
}

// ---------------------------------------------------------------------------- database digest
const DIGEST_TABLES: Array<[string, string]> = [
  ['User', 'id, email, name, passwordHash'],
  ['LessonProgress', '*'],
  ['SelfCheckAnswer', '*'],
  ['CardState', '*'],
  ['ReviewLog', '*'],
  ['SrsSettings', '*'],
  ['PersonalCard', '*'],
  ['ScenarioAttempt', '*'],
  ['SimulatorRun', '*'],
  ['PasswordResetToken', '*'],
  ['UserSession', 'id, userId'],
  ['ChallengeResult', '*'],
  ['InterviewSession', '*'],
  ['InterviewEvent', '*'],
  ['InterviewScorecard', '*'],
  ['Team', '*'],
  ['TeamMember', '*'],
  ['TeamInvite', '*'],
  ['Track', '*'],
  ['TrackAssignment', '*'],
  ['CalendarFeed', '*'],
  // Left out: Notification (reading a track page may create its "due soon" notice once).
];

function digest(db: Database.Database): string {
  const hash = createHash('sha256');
  for (const [table, columns] of DIGEST_TABLES) {
    const rows = db.prepare(`SELECT ${columns} FROM "${table}" ORDER BY 1`).all();
    hash.update(`${table}:${JSON.stringify(rows)}\n`);
  }
  return hash.digest('hex');
}

// ---------------------------------------------------------------------------- run
async function waitForHealth(deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error('server did not start');
}

async function signInDemo(): Promise<{ cookie: string; csrf: string }> {
  const csrfResponse = await fetch(`${BASE}/api/auth/csrf`);
  const csrfCookie = csrfResponse.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({
      csrfToken,
      email: 'demo@meshdojo.dev',
      password: 'mesh-dojo-demo-1',
      json: 'true',
    }),
  });
  const session = response.headers
    .getSetCookie()
    .find((c) => c.startsWith('next-auth.session-token='));
  if (!session) throw new Error(`demo sign-in failed (${response.status})`);
  return { cookie: `${csrfCookie}; ${session.split(';')[0]}`, csrf: csrfToken };
}

function buildCheck(): void {
  const built = readdirSync(path.join(ROOT, '.next')).includes('BUILD_ID');
  if (!built) {
    console.error('✖ No production build. Run `npx next build` first.');
    process.exit(2);
  }
}

async function main(): Promise<number> {
  buildCheck();
  const dir = mkdtempSync(path.join(tmpdir(), 'mesh-dojo-fuzz-'));
  const dbFile = path.join(dir, 'fuzz.db');
  const env = {
    ...process.env,
    DATABASE_URL: `file:${dbFile}`,
    NODE_ENV: 'production' as const,
    HOST: '127.0.0.1',
    PORT: String(PORT),
    NEXT_TELEMETRY_DISABLED: '1',
  };
  const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
  for (const args of [
    ['scripts/migrate.ts', 'deploy'],
    ['--conditions=react-server', 'scripts/seed.ts'],
  ]) {
    const result = spawnSync(tsx, args, { cwd: ROOT, env, stdio: 'ignore' });
    if (result.status !== 0) throw new Error(`${args.join(' ')} failed`);
  }
  let server: ChildProcess | undefined;
  const started = Date.now();
  const counts = new Map<string, number>();
  const failures: string[] = [];
  let sent = 0;
  try {
    mkdirSync(path.dirname(LOG_FILE), { recursive: true });
    const log = openSync(LOG_FILE, 'w');
    server = spawn(tsx, ['scripts/server.ts'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', log, log],
      detached: true,
    });
    await waitForHealth(Date.now() + 60_000);
    const actions = loadActions();
    const { cookie, csrf } = await signInDemo();
    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    const before = digest(db);
    const deadline = started + SECONDS * 1000;
    console.log(
      `fuzzing ${BASE}: ${actions.length} actions, ${GET_PATHS.length} paths, up to ${COUNT} requests / ${SECONDS} s`,
    );

    const nextProbe = (): Probe => {
      const roll = random();
      const probe =
        roll < 0.35
          ? getProbe()
          : roll < 0.45
            ? authPostProbe(csrf)
            : roll < 0.93
              ? actionProbe(actions)
              : roll < 0.995
                ? mpaProbe(actions)
                : oversizedProbe(actions);
      // Half of all probes carry the demo session (unless the probe sets its own cookie).
      if (random() < 0.5 && !probe.init.headers.cookie) probe.init.headers.cookie = cookie;
      return probe;
    };

    while (sent < COUNT && Date.now() < deadline && failures.length < 20) {
      const batch = Array.from({ length: Math.min(CONCURRENCY, COUNT - sent) }, nextProbe);
      sent += batch.length;
      const results = await Promise.all(
        batch.map(async (probe) => {
          try {
            const response = await fetch(probe.url, {
              ...probe.init,
              redirect: 'manual',
              signal: AbortSignal.timeout(20_000),
            });
            await response.arrayBuffer();
            return { probe, status: String(response.status) };
          } catch (error) {
            const name = error instanceof Error ? error.name : 'error';
            if (process.env.FUZZ_DEBUG) console.error(probe.label, error);
            return { probe, status: name === 'TimeoutError' ? 'timeout' : 'network-error' };
          }
        }),
      );
      for (const { probe, status } of results) {
        counts.set(status, (counts.get(status) ?? 0) + 1);
        if (status.startsWith('5') || status === 'timeout' || status === 'network-error') {
          const body = typeof probe.init.body === 'string' ? probe.init.body.slice(0, 200) : '';
          const headers = JSON.stringify(probe.init.headers).slice(0, 300);
          failures.push(
            `${status} ← ${probe.label}\n      url ${probe.url.slice(0, 200)}\n      headers ${headers}\n      body ${JSON.stringify(body)}`,
          );
        }
      }
      const after = digest(db);
      if (after !== before) {
        failures.push(`database changed after: ${results.map((r) => r.probe.label).join(' | ')}`);
        break;
      }
      if (sent % 1000 < CONCURRENCY) process.stdout.write(`  ${sent} sent\n`);
    }
    db.close();
    if (failures.length) console.error(`server log: ${path.relative(ROOT, LOG_FILE)}`);
  } finally {
    if (server?.pid) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const table = [...counts.entries()].sort(([a], [b]) => a.localeCompare(b));
  console.log(`\n${sent} requests in ${seconds} s`);
  console.log('status  count');
  for (const [status, n] of table) console.log(`${status.padEnd(7)} ${n}`);
  if (failures.length) {
    console.error(`\n✖ ${failures.length} failure(s):`);
    for (const failure of failures) console.error(`  ${failure}`);
    return 1;
  }
  if (sent < COUNT) {
    console.error(`\n✖ time budget ended after ${sent} of ${COUNT} requests`);
    return 1;
  }
  console.log('\n✔ no 5xx, no hang, database unchanged');
  return 0;
}

process.exit(await main());
