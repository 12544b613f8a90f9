import {
  createServer,
  request,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createRequestLimiter,
  isExemptFromLimit,
  limiterSettings,
  type RequestLimiter,
} from '@/lib/ops/request-limiter';

// A real HTTP server whose handler holds each response until the test lets it go.
type Held = { path: string; res: ServerResponse };

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function serve(options: { concurrency: number; maxQueue: number; slotMs?: number }) {
  const held: Held[] = [];
  const started: string[] = [];
  const limiter: RequestLimiter = createRequestLimiter(
    (req: IncomingMessage, res: ServerResponse) => {
      const path = req.url ?? '/';
      started.push(path);
      if (path.startsWith('/fast')) res.end(`ok ${path}`);
      else held.push({ path, res });
    },
    { slotMs: 10_000, ...options, exempt: isExemptFromLimit },
  );
  server = createServer((req, res) => limiter.handle(req, res));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { held, started, limiter, port };
}

/** Sends a GET; resolves with status and body. `abort()` hangs up before the answer. */
function get(port: number, path: string, headers: Record<string, string> = {}) {
  const req = request({ host: '127.0.0.1', port, path, headers, agent: false });
  const done = new Promise<{ status: number; body: string; retryAfter?: string }>(
    (resolve, reject) => {
      req.on('response', (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body,
            retryAfter: res.headers['retry-after'] as string | undefined,
          }),
        );
      });
      req.on('error', reject);
    },
  );
  req.end();
  // Requests the test never awaits end in a hang-up when the server closes: not an error here.
  done.catch(() => undefined);
  return { done, abort: () => req.destroy() };
}

async function until(condition: () => boolean) {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(condition()).toBe(true);
}

describe('createRequestLimiter', () => {
  it('runs at most `concurrency` requests at once and starts the waiting ones in arrival order', async () => {
    const { held, started, limiter, port } = await serve({ concurrency: 2, maxQueue: 10 });
    const answers = ['/a', '/b', '/c', '/d'].map((path) => get(port, path).done);
    await until(() => limiter.stats().queued === 2);
    expect(started).toEqual(['/a', '/b']);
    expect(limiter.stats().active).toBe(2);

    held.find((h) => h.path === '/b')!.res.end('b');
    await until(() => started.length === 3);
    expect(started[2]).toBe('/c');
    held.find((h) => h.path === '/a')!.res.end('a');
    await until(() => started.length === 4);
    expect(started[3]).toBe('/d');
    for (const h of held) if (!h.res.writableEnded) h.res.end(h.path.slice(1));
    expect((await Promise.all(answers)).map((a) => a.body)).toEqual(['a', 'b', 'c', 'd']);
    expect(limiter.stats()).toEqual({ active: 0, queued: 0, rejected: 0 });
  });

  it('answers 503 with Retry-After once the queue is full, without calling the handler', async () => {
    const { started, limiter, port } = await serve({ concurrency: 1, maxQueue: 1 });
    get(port, '/a');
    get(port, '/b');
    await until(() => limiter.stats().queued === 1);
    const refused = await get(port, '/c').done;
    expect(refused.status).toBe(503);
    expect(refused.retryAfter).toBe('1');
    expect(started).toEqual(['/a']);
    expect(limiter.stats().rejected).toBe(1);
  });

  it('frees the slot of a client that hangs up mid-request', async () => {
    const { started, limiter, port } = await serve({ concurrency: 1, maxQueue: 10 });
    const first = get(port, '/slow');
    await until(() => started.length === 1);
    const next = get(port, '/fast-after');
    await until(() => limiter.stats().queued === 1);
    first.abort();
    expect((await next.done).body).toBe('ok /fast-after');
    expect(limiter.stats().active).toBe(0);
  });

  it('frees the slot of a client that half-closes its connection mid-request', async () => {
    const { started, port } = await serve({ concurrency: 1, maxQueue: 10 });
    // Sends the request and its FIN at once, then waits: the handler never answers it.
    const raw = connect(port, '127.0.0.1', () =>
      raw.end('GET /slow-half HTTP/1.1\r\nHost: x\r\n\r\n'),
    );
    raw.on('error', () => undefined);
    await until(() => started.length === 1);
    const next = get(port, '/fast-after-half');
    expect((await next.done).body).toBe('ok /fast-after-half');
    raw.destroy();
  });

  it('skips a waiting request whose client has gone', async () => {
    const { held, started, limiter, port } = await serve({ concurrency: 1, maxQueue: 10 });
    get(port, '/slow');
    await until(() => started.length === 1);
    const gone = get(port, '/fast-gone');
    await until(() => limiter.stats().queued === 1);
    gone.abort();
    await new Promise((r) => setTimeout(r, 50));
    const last = get(port, '/fast-last');
    await until(() => limiter.stats().queued === 2);
    held[0]!.res.end('done');
    expect((await last.done).body).toBe('ok /fast-last');
    expect(started).toEqual(['/slow', '/fast-last']);
  });

  it('lets static files, probes and event streams bypass a full limiter', async () => {
    const { started, limiter, port } = await serve({ concurrency: 1, maxQueue: 0 });
    get(port, '/slow');
    await until(() => started.length === 1);
    expect((await get(port, '/fast').done).status).toBe(503);
    for (const path of ['/_next/static/chunks/fast.js', '/api/health', '/api/ready?x=1']) {
      expect(isExemptFromLimit({ url: path, headers: {} } as IncomingMessage)).toBe(true);
    }
    expect(
      isExemptFromLimit({
        url: '/api/interviews/x/events',
        headers: { accept: 'text/event-stream' },
      } as IncomingMessage),
    ).toBe(true);
    expect(isExemptFromLimit({ url: '/dashboard', headers: {} } as IncomingMessage)).toBe(false);
    // An exempt request is served at once while the slot is taken and the queue is full.
    const streamed = get(port, '/fast-stream', { accept: 'text/event-stream' });
    expect((await streamed.done).body).toBe('ok /fast-stream');
    expect(limiter.stats().active).toBe(1);
  });

  it('a request still running after slotMs gives its slot to the next one and still finishes', async () => {
    const { held, started, limiter, port } = await serve({
      concurrency: 1,
      maxQueue: 10,
      slotMs: 60,
    });
    const slow = get(port, '/slow');
    await until(() => started.length === 1);
    const next = get(port, '/fast-next');
    await until(() => limiter.stats().queued === 1);
    // Not before the slot time: the first request still holds the only slot.
    await new Promise((r) => setTimeout(r, 20));
    expect(started).toEqual(['/slow']);
    expect((await next.done).body).toBe('ok /fast-next');
    held[0]!.res.end('slow done');
    expect((await slow.done).body).toBe('slow done');
    expect(limiter.stats()).toEqual({ active: 0, queued: 0, rejected: 0 });
  });

  it('with concurrency 0 passes every request straight through', async () => {
    const { started, limiter, port } = await serve({ concurrency: 0, maxQueue: 0 });
    get(port, '/a');
    get(port, '/b');
    await until(() => started.length === 2);
    expect(limiter.stats()).toEqual({ active: 0, queued: 0, rejected: 0 });
  });
});

describe('limiterSettings', () => {
  it('defaults to 4 at once and 1,000 waiting', () => {
    expect(limiterSettings({})).toEqual({ concurrency: 4, maxQueue: 1000, slotMs: 250 });
    expect(limiterSettings({ REQUEST_CONCURRENCY: '', REQUEST_QUEUE_MAX: '' })).toEqual({
      concurrency: 4,
      maxQueue: 1000,
      slotMs: 250,
    });
  });

  it('reads the variables', () => {
    expect(
      limiterSettings({ REQUEST_CONCURRENCY: '0', REQUEST_QUEUE_MAX: '20', REQUEST_SLOT_MS: '50' }),
    ).toEqual({ concurrency: 0, maxQueue: 20, slotMs: 50 });
  });

  it('refuses bad values, naming the variable', () => {
    expect(() => limiterSettings({ REQUEST_CONCURRENCY: 'many' })).toThrow(/REQUEST_CONCURRENCY/);
    expect(() => limiterSettings({ REQUEST_CONCURRENCY: '2.5' })).toThrow(/whole number/);
    expect(() => limiterSettings({ REQUEST_QUEUE_MAX: '-1' })).toThrow(/REQUEST_QUEUE_MAX/);
    expect(() => limiterSettings({ REQUEST_SLOT_MS: '0' })).toThrow(/REQUEST_SLOT_MS/);
  });
});
