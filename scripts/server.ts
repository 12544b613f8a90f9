/**
 * The production HTTP server (`npm start`, e2e, fuzz): Next's request handler behind a
 * small front door that
 * - resolves the client address from the socket, believing X-Forwarded-* only from
 *   TRUSTED_PROXIES (lib/security/client-address.ts), strips every forwarded header the
 *   app must not believe and hands the result on in x-mesh-dojo-client-ip;
 * - sets the Content-Security-Policy (hashes for prerendered pages, a per-request nonce
 *   otherwise) and the other security headers (lib/security/headers.ts);
 * - lets at most REQUEST_CONCURRENCY requests (default 4) render at once and queues the rest
 *   in arrival order, up to REQUEST_QUEUE_MAX (lib/ops/request-limiter.ts);
 * - runs WEB_CONCURRENCY worker processes (default `auto`: one per core, at most 4) sharing the
 *   port, so rendering uses every core. The primary forks them, restarts one that crashes,
 *   relays cache invalidations and live-interview wake-ups between them (lib/ops/cluster-bus.ts)
 *   and stops them on SIGTERM. WEB_CONCURRENCY=1 serves from this one process.
 * Usage: tsx scripts/server.ts  (HOST, PORT; defaults 127.0.0.1:3000)
 */
import cluster from 'node:cluster';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { TLSSocket } from 'node:tls';
import path from 'node:path';
import next from 'next';
import {
  CLIENT_IP_HEADER,
  FORWARDING_HEADERS,
  parseTrustedProxies,
  resolveClient,
} from '@/lib/security/client-address';
import {
  contentSecurityPolicy,
  inlineScriptHashes,
  scriptHash,
  securityHeaders,
} from '@/lib/security/headers';
import { THEME_SCRIPT } from '@/lib/security/theme-script';
import {
  createRequestLimiter,
  isExemptFromLimit,
  limiterSettings,
} from '@/lib/ops/request-limiter';
import { createRelay, WORKER_ID_ENV } from '@/lib/ops/cluster-bus';
import { workerCount } from '@/lib/ops/workers';
import {
  createPageStore,
  pageCacheKey,
  pageCacheSettings,
  replayHeaders,
  storable,
  withNonce,
  type PageStore,
  type StoredPage,
} from '@/lib/cache/page-cache';
import {
  cacheableUser,
  newRenderScope,
  onPageInvalidation,
  runInRenderScope,
  type RenderScope,
} from '@/lib/cache/render-scope';

const ROOT = path.resolve(import.meta.dirname, '..');
const hostname = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 3000);
// Tells lib/security/request-client.ts that x-mesh-dojo-client-ip comes from this server.
process.env.MESH_DOJO_SERVER = '1';
process.env.NEXT_TELEMETRY_DISABLED = '1';

const trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES);
let limits: ReturnType<typeof limiterSettings>;
let workers: number;
let pageCaching: ReturnType<typeof pageCacheSettings>;
try {
  limits = limiterSettings(process.env);
  workers = workerCount(process.env);
  pageCaching = pageCacheSettings(process.env);
} catch (error) {
  console.error(`Mesh Dojo cannot start.\n${(error as Error).message}`);
  process.exit(1);
}
const workerId = process.env[WORKER_ID_ENV];
// Tests only: name the worker that answered, as nginx's X-Upstream does for instances.
const upstreamHeader = process.env.MESH_DOJO_UPSTREAM_HEADER === '1' && workerId;

/**
 * Pages a fresh process renders once before it takes traffic: the first render of each loads and
 * parses content (lessons, cards, scenario rubrics with their language model) and compiles the
 * route's code, 0.1–2 s apiece. Without this, the first burst after a (re)start waits on those
 * loads in every worker at once and a load balancer's 10 s timeouts fire.
 */
const WARM_UP_PATHS = ['/', '/lessons', '/scenarios', '/glossary', '/simulator', '/review'];

/** Renders WARM_UP_PATHS (plus one lesson and one scenario) on a private loopback port. */
async function warmUp(listener: (req: IncomingMessage, res: ServerResponse) => void) {
  if (process.env.WARM_UP === '0') return;
  const firstSlug = (dir: string) =>
    readdirSync(path.join(ROOT, 'content', 'service-mesh', dir))
      .filter((name) => name.endsWith('.md'))
      .sort()[0]
      ?.replace(/\.md$/, '');
  const lesson = firstSlug('lessons');
  const scenario = firstSlug('scenarios');
  const paths = [
    ...WARM_UP_PATHS,
    ...(lesson ? [`/lessons/${lesson}`] : []),
    ...(scenario ? [`/scenarios/${scenario}`] : []),
  ];
  const warm = createServer(listener);
  // `exclusive`: a cluster worker binds this port itself instead of sharing it via the primary.
  await new Promise<void>((resolve) =>
    warm.listen({ port: 0, host: '127.0.0.1', exclusive: true }, resolve),
  );
  const address = warm.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  for (const page of paths) {
    try {
      const response = await fetch(base + page, {
        redirect: 'manual',
        signal: AbortSignal.timeout(30_000),
      });
      await response.arrayBuffer();
    } catch {
      // A page that fails here fails for users too, and says so there.
    }
  }
  warm.closeAllConnections();
  await new Promise<void>((resolve) => warm.close(() => resolve()));
}

/** The primary of a multi-worker instance: forks, supervises and relays; serves nothing itself. */
function runPrimary(count: number): void {
  const relay = createRelay();
  let stopping = false;
  let listening = 0;
  const stopAll = (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    const poll = setInterval(() => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(code);
    }, 50);
    // A worker that does not finish its in-flight requests in time is not waited for.
    setTimeout(() => {
      clearInterval(poll);
      process.exit(code);
    }, 15_000).unref();
  };
  const fork = (slot: number) => {
    const worker = cluster.fork({ [WORKER_ID_ENV]: String(slot) });
    let served = false;
    relay.add({
      id: worker.id,
      send: (message) => {
        if (worker.isConnected()) worker.send(message as never);
      },
      onMessage: (listener) => worker.on('message', listener),
    });
    worker.once('listening', () => {
      served = true;
      listening += 1;
      if (listening === count) {
        console.log(`Mesh Dojo listening on http://${hostname}:${port} (${count} workers)`);
      }
    });
    worker.on('exit', (code, signal) => {
      relay.remove(worker.id);
      if (stopping) return;
      if (!served) {
        // Start-up failed (bad configuration, port taken): the others would fail the same way.
        console.error(`Mesh Dojo worker ${slot} exited during start-up (${signal ?? code}).`);
        stopAll(typeof code === 'number' && code !== 0 ? code : 1);
        return;
      }
      console.error(`Mesh Dojo worker ${slot} exited (${signal ?? code}); starting a new one.`);
      listening -= 1;
      setTimeout(() => {
        if (!stopping) fork(slot);
      }, 1_000).unref();
    });
  };
  for (let slot = 1; slot <= count; slot += 1) fork(slot);
  process.on('SIGTERM', () => stopAll(0));
  process.on('SIGINT', () => stopAll(0));
}

if (cluster.isPrimary && workers > 1) runPrimary(workers);
else await serve();

async function serve(): Promise<void> {
  /** Inline-script hashes of every prerendered page, from the build output. */
  function loadStaticScriptHashes(): Map<string, string[]> {
    const manifestFile = path.join(ROOT, '.next', 'prerender-manifest.json');
    const hashes = new Map<string, string[]>();
    if (!existsSync(manifestFile)) return hashes;
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
      routes?: Record<string, unknown>;
    };
    for (const route of Object.keys(manifest.routes ?? {})) {
      const file = path.join(
        ROOT,
        '.next',
        'server',
        'app',
        `${route === '/' ? '/index' : route}.html`,
      );
      if (existsSync(file)) hashes.set(route, inlineScriptHashes(readFileSync(file, 'utf8')));
    }
    return hashes;
  }

  const staticHashes = loadStaticScriptHashes();
  // Unknown URLs are answered with the prerendered 404 page, so its scripts are allowed on
  // dynamic pages too (fixed build output, like the theme script).
  const dynamicHashes = [
    ...new Set([scriptHash(THEME_SCRIPT), ...(staticHashes.get('/_not-found') ?? [])]),
  ];

  const app = next({ dev: false, dir: ROOT, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  // The rendered-page cache (lib/cache/page-cache.ts): per worker, dropped by the data caches'
  // invalidations from this worker, the others and other instances (lib/cache/render-scope.ts).
  const pages: PageStore | null = pageCaching.enabled
    ? createPageStore(pageCaching.maxBytes)
    : null;
  if (pages) onPageInvalidation((userId) => pages.invalidate(userId));
  const scopes = new WeakMap<IncomingMessage, RenderScope>();
  // A queued request renders later, from another request's async context: enter its own scope.
  const render = (req: IncomingMessage, res: ServerResponse) => {
    const scope = scopes.get(req);
    if (scope) runInRenderScope(scope, () => void handle(req, res));
    else void handle(req, res);
  };
  const limiter = createRequestLimiter(render, { ...limits, exempt: isExemptFromLimit });

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const client = resolveClient({
      socketAddress: req.socket.remoteAddress,
      headers: req.headers,
      trusted,
    });
    for (const name of [...FORWARDING_HEADERS, CLIENT_IP_HEADER, 'content-security-policy']) {
      delete req.headers[name];
    }
    if (client.ip) req.headers[CLIENT_IP_HEADER] = client.ip;
    if (client.forwardedHost) req.headers['x-forwarded-host'] = client.forwardedHost;
    const https = client.forwardedProto === 'https' || Boolean((req.socket as TLSSocket).encrypted);
    req.headers['x-forwarded-proto'] = https ? 'https' : 'http';

    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    const prerendered = staticHashes.get(pathname);
    let policy: string;
    let nonce: string | null = null;
    if (prerendered) {
      policy = contentSecurityPolicy({ scriptHashes: prerendered });
    } else {
      nonce = randomBytes(16).toString('base64');
      policy = contentSecurityPolicy({ nonce, scriptHashes: dynamicHashes });
      // Next reads the nonce from the request's CSP header and puts it on its own scripts.
      req.headers['content-security-policy'] = policy;
    }
    res.setHeader('Content-Security-Policy', policy);
    for (const [name, value] of securityHeaders({ https })) res.setHeader(name, value);
    if (upstreamHeader) res.setHeader('X-Upstream', `worker-${upstreamHeader}`);
    const key = pages && !prerendered ? pageCacheKey(req) : null;
    if (pages && key) {
      const page = pages.get(key, Date.now());
      if (page) {
        servePage(req, res, page, nonce);
        return;
      }
      res.setHeader('X-Page-Cache', 'miss');
      const scope = newRenderScope(pages.seq());
      scopes.set(req, scope);
      capture(res, (status, headers, body) => {
        let plain = body;
        const encoding = headers['content-encoding'];
        try {
          if (encoding === 'gzip') plain = gunzipSync(body);
          else if (encoding !== undefined) return;
        } catch {
          return;
        }
        // Stored decoded: a hit rewrites the nonce and compresses for its own client.
        const decoded = { ...headers, 'content-encoding': undefined };
        const now = Date.now();
        const user = cacheableUser(scope);
        const ok =
          user !== null &&
          storable({
            status,
            headers: decoded,
            user,
            expiresAt: scope.expiresAt,
            now,
            bodyBytes: plain.length,
            maxBodyBytes: pageCaching.maxBodyBytes,
          }) &&
          !pages.invalidatedSince(user, scope.startSeq);
        if (!ok) return;
        pages.set(key, {
          userId: user,
          status,
          headers: replayHeaders(decoded),
          body: plain,
          nonce,
          expiresAt: scope.expiresAt,
        });
      });
    }
    limiter.handle(req, res);
  };
  await warmUp(listener);

  const server = createServer(listener);
  // Bounded request handling: slow or stalled clients cannot hold sockets forever.
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;
  server.listen(port, hostname, () => {
    // Workers of a cluster: the primary prints one line for all of them.
    if (workerId) return;
    console.log(
      `Mesh Dojo listening on http://${hostname}:${port}${trusted ? ` (trusted proxies: ${trusted.entries.join(', ')})` : ''}`,
    );
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

/** Serves a stored page: its status and headers, this response's nonce, gzip when accepted. */
function servePage(
  req: IncomingMessage,
  res: ServerResponse,
  page: StoredPage,
  nonce: string | null,
): void {
  let body = withNonce(page, nonce);
  res.statusCode = page.status;
  for (const [name, value] of page.headers) res.setHeader(name, value);
  res.setHeader('X-Page-Cache', 'hit');
  if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && body.length > 1024) {
    body = gzipSync(body, { level: 4 });
    res.setHeader('Content-Encoding', 'gzip');
  }
  res.setHeader('Content-Length', body.length);
  res.end(body);
}

/**
 * Tees what the response writes (Next, or its compression wrapper, writes through these) and
 * calls `done` once it ended with its status, headers and body; bodies past 2 MiB are not kept.
 */
function capture(
  res: ServerResponse,
  done: (
    status: number,
    headers: Record<string, number | string | string[] | undefined>,
    body: Buffer,
  ) => void,
): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let overflow = false;
  const keep = (chunk: unknown, encoding: unknown) => {
    if (overflow || chunk === undefined || chunk === null || typeof chunk === 'function') return;
    const buffer =
      typeof chunk === 'string'
        ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
        : chunk instanceof Uint8Array
          ? Buffer.from(chunk)
          : null;
    if (!buffer) return;
    size += buffer.length;
    if (size > 2 * 1024 * 1024) {
      overflow = true;
      chunks.length = 0;
      return;
    }
    chunks.push(buffer);
  };
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.write = ((...args: unknown[]) => {
    keep(args[0], args[1]);
    return write(...args);
  }) as ServerResponse['write'];
  res.end = ((...args: unknown[]) => {
    keep(args[0], args[1]);
    const result = end(...args);
    // A response cut short (the client went away, the render failed mid-stream) is not kept.
    if (!overflow && !res.destroyed) {
      try {
        done(res.statusCode, res.getHeaders(), Buffer.concat(chunks));
      } catch {
        // Storing is best effort: the response has been sent either way.
      }
    }
    return result;
  }) as ServerResponse['end'];
}
