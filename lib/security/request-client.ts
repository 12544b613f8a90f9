import 'server-only';
import { isIP } from 'node:net';
import { headers } from 'next/headers';
import { CLIENT_IP_HEADER } from '@/lib/security/client-address';

/**
 * The client address resolved by scripts/server.ts (socket address, or the first untrusted
 * X-Forwarded-For hop behind TRUSTED_PROXIES). The header is believed only when that
 * server runs this process (it sets MESH_DOJO_SERVER and strips any incoming copy);
 * under `next dev` or a bare `next start` the address is unknown (null).
 */
export function clientIpFrom(get: (name: string) => string | null | undefined): string | null {
  if (process.env.MESH_DOJO_SERVER !== '1') return null;
  const value = get(CLIENT_IP_HEADER)?.trim();
  return value && isIP(value) ? value : null;
}

/** The client address of the current request (server components and actions). */
export async function currentClientIp(): Promise<string | null> {
  const list = await headers();
  return clientIpFrom((name) => list.get(name));
}
