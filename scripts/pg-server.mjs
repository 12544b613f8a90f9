// A throwaway PostgreSQL server for tests, benchmarks and the scale-out e2e run: Debian's
// postgresql package, `initdb` into a temporary folder, trust auth, bound to 127.0.0.1 only.
//
//   node scripts/pg-server.mjs start [--port 54329] [--dir /tmp/mesh-dojo-pg]   prints the admin URL
//   node scripts/pg-server.mjs stop  [--dir /tmp/mesh-dojo-pg]
//
// Also importable: `startPostgres({ port, dir })` → { url, stop }, or null when PostgreSQL
// is not installed (`findPgBin()` returns null): callers say how to get it and skip.
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import net from 'node:net';

/** The newest /usr/lib/postgresql/<version>/bin that has pg_ctl, or null. */
export function findPgBin() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(path.join(base, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(base, versions[0], 'bin') : null;
}

function asPostgres(command, args) {
  // initdb and postgres refuse to run as root; run them as the package's postgres user.
  const isRoot = process.getuid?.() === 0;
  const [cmd, argv] = isRoot
    ? ['runuser', ['-u', 'postgres', '--', command, ...args]]
    : [command, args];
  const result = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${path.basename(command)} failed:\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

/** The first port from `preferred` upwards that nothing listens on at 127.0.0.1. */
export async function freePort(preferred, attempts = 50) {
  for (let port = preferred; port < preferred + attempts; port += 1) {
    const free = await new Promise((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${preferred}..${preferred + attempts - 1}`);
}

export function stopPostgres(dir) {
  const bin = findPgBin();
  if (!bin || !existsSync(path.join(dir, 'data', 'postmaster.pid'))) return;
  try {
    asPostgres(path.join(bin, 'pg_ctl'), [
      '-D',
      path.join(dir, 'data'),
      '-m',
      'fast',
      '-w',
      'stop',
    ]);
  } catch (error) {
    console.error(String(error));
  }
}

/**
 * Starts a fresh cluster (any previous one in `dir` is stopped and removed) and returns its
 * admin URL. Tuned for throwaway use: fsync stays on so benchmarks measure real commits.
 */
export function startPostgres({
  port = 54329,
  dir = '/tmp/mesh-dojo-pg',
  maxConnections = 300,
} = {}) {
  const bin = findPgBin();
  if (!bin) return null;
  stopPostgres(dir);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (process.getuid?.() === 0) {
    const pw = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    chownSync(dir, Number(pw.stdout.trim()), Number(gid.stdout.trim()));
  }
  const data = path.join(dir, 'data');
  asPostgres(path.join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--no-locale',
  ]);
  asPostgres(path.join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    path.join(dir, 'server.log'),
    '-w',
    '-o',
    `-h 127.0.0.1 -p ${port} -k ${dir} -c max_connections=${maxConnections} -c shared_buffers=256MB`,
    'start',
  ]);
  return { url: `postgresql://postgres@127.0.0.1:${port}/postgres`, stop: () => stopPostgres(dir) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: 'string', default: '54329' },
      dir: { type: 'string', default: '/tmp/mesh-dojo-pg' },
    },
  });
  const [command] = positionals;
  if (command === 'start') {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 1024 || port > 65535) {
      console.error('--port must be an integer in 1024..65535');
      process.exit(2);
    }
    const server = startPostgres({ port, dir: values.dir });
    if (!server) {
      console.error('PostgreSQL is not installed. On Debian: apt-get install -y postgresql');
      process.exit(1);
    }
    console.log(server.url);
  } else if (command === 'stop') {
    stopPostgres(values.dir);
  } else {
    console.error('Usage: node scripts/pg-server.mjs start|stop [--port N] [--dir D]');
    process.exit(2);
  }
}
