// Two production app instances over one PostgreSQL database behind nginx (round-robin), all
// on 127.0.0.1 — the scale-out recipe of docs/deployment.md, used by the two-instance e2e run
// (playwright.scale.config.ts) and `npm run bench:scale`.
//
//   node scripts/scale-server.mjs [--instances 2] [--port 3110]
//
// Env: SCALE_PG_URL — admin URL of a PostgreSQL server that may create databases; when unset a
// throwaway server is started (scripts/pg-server.mjs). The database `mesh_dojo_scale` is
// recreated, migrated once (the release step) and seeded before the instances start.
// Instance i listens on port + 1 + i; nginx on port. Needs `next build` to have run.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startPostgres } from './pg-server.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    instances: { type: 'string', default: '2' },
    port: { type: 'string', default: process.env.SCALE_PORT ?? '3110' },
    database: { type: 'string', default: 'mesh_dojo_scale' },
  },
});
const instances = Number(values.instances);
const port = Number(values.port);
if (!Number.isInteger(instances) || instances < 1 || instances > 8) {
  console.error('--instances must be 1..8');
  process.exit(2);
}
if (!Number.isInteger(port) || port < 1024 || port > 65000) {
  console.error('--port must be 1024..65000');
  process.exit(2);
}
if (!/^[a-z_][a-z0-9_]{0,40}$/.test(values.database)) {
  console.error('--database must be a plain lower-case identifier');
  process.exit(2);
}

const children = [];
let ownPg = null;
// Children stay in this process group: Playwright stops a web server by killing its group,
// which then takes nginx and both instances with it.
const stopAll = () => {
  for (const child of children) {
    child.kill('SIGTERM');
  }
  ownPg?.stop();
};
process.on('SIGTERM', () => {
  stopAll();
  process.exit(0);
});
process.on('SIGINT', () => {
  stopAll();
  process.exit(0);
});
process.on('exit', stopAll);

let adminUrl = process.env.SCALE_PG_URL;
if (!adminUrl) {
  ownPg = startPostgres({ port: port + 40, dir: `/tmp/mesh-dojo-scale-pg-${port}` });
  if (!ownPg) {
    console.error('PostgreSQL is not installed (Debian: apt-get install -y postgresql nginx).');
    process.exit(1);
  }
  adminUrl = ownPg.url;
}
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS "${values.database}" WITH (FORCE)`);
await admin.query(`CREATE DATABASE "${values.database}"`);
await admin.end();
const url = new URL(adminUrl);
url.pathname = `/${values.database}`;

const publicUrl = `http://127.0.0.1:${port}`;
const env = {
  ...process.env,
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  DATABASE_URL: url.toString(),
  DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? '10',
  // Shared by every instance, as docs/deployment.md requires.
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? 'scale-test-shared-secret-0123456789abcdef',
  NEXTAUTH_URL: publicUrl,
  // The e2e journeys create accounts quickly from one address.
  SIGNUP_LIMIT_PER_HOUR: process.env.SIGNUP_LIMIT_PER_HOUR ?? '500',
};
const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
for (const args of [
  ['scripts/migrate.ts', 'deploy'],
  ['--conditions=react-server', 'scripts/seed.ts'],
]) {
  const result = spawnSync(tsx, args, { cwd: ROOT, env, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const upstreams = [];
for (let i = 0; i < instances; i += 1) {
  const instancePort = port + 1 + i;
  upstreams.push(`127.0.0.1:${instancePort}`);
  // The production front door (scripts/server.ts, as `npm start`): nginx on loopback is the
  // one trusted proxy, so its X-Forwarded-For names the client.
  const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/server.ts'], {
    cwd: ROOT,
    env: {
      ...env,
      HOST: '127.0.0.1',
      PORT: String(instancePort),
      TRUSTED_PROXIES: '127.0.0.1',
      INSTANCE_ID: `app-${i + 1}`,
      // One process per instance: this run is about instances (NOTIFY, nginx); the workers of
      // one instance have their own run (playwright.cluster.config.ts).
      WEB_CONCURRENCY: '1',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.push(child);
  child.on('exit', (code) => {
    console.error(`instance ${i + 1} exited (${code})`);
    process.exit(1);
  });
}

// nginx from Debian, run in the foreground with its own prefix: nothing under /etc is touched.
const prefix = `/tmp/mesh-dojo-nginx-${port}`;
mkdirSync(path.join(prefix, 'logs'), { recursive: true });
const conf = `
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  client_max_body_size 2m;
  upstream mesh_dojo {
${upstreams.map((u) => `    server ${u};`).join('\n')}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://mesh_dojo;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      # Server-Sent Events: no buffering, long reads (the app sends heartbeats).
      proxy_buffering off;
      proxy_read_timeout 120s;
      # Which instance answered: the e2e run checks that both did.
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`;
writeFileSync(path.join(prefix, 'nginx.conf'), conf);
const nginxBin = spawnSync('sh', ['-c', 'command -v nginx || echo /usr/sbin/nginx'], {
  encoding: 'utf8',
}).stdout.trim();
const nginx = spawn(
  nginxBin,
  ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-g', 'daemon off;'],
  { stdio: 'inherit' },
);
children.push(nginx);
nginx.on('exit', (code) => {
  console.error(`nginx exited (${code})`);
  process.exit(1);
});
console.log(
  `Scale-out stack: nginx ${publicUrl} → ${upstreams.join(', ')} over ${url.host}${url.pathname}`,
);
