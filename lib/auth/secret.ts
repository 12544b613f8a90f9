import 'server-only';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SECRET_FILE = path.join(process.cwd(), 'data', 'auth-secret');

/**
 * NEXTAUTH_SECRET from the environment or, when absent, a random secret generated on
 * first start and kept in data/auth-secret (git-ignored, mode 0600) so sessions survive
 * restarts. Several instances must share one secret: set NEXTAUTH_SECRET for those.
 */
export function authSecret(fromEnv: string | undefined): string {
  if (fromEnv) return fromEnv;
  try {
    return readFileSync(SECRET_FILE, 'utf8').trim();
  } catch {
    mkdirSync(path.dirname(SECRET_FILE), { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    try {
      // 'wx' fails if another process created it first; then read theirs.
      writeFileSync(SECRET_FILE, `${secret}\n`, { mode: 0o600, flag: 'wx' });
      return secret;
    } catch {
      return readFileSync(SECRET_FILE, 'utf8').trim();
    }
  }
}
