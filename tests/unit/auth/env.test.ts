import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';

describe('parseEnv', () => {
  it('defaults to the embedded SQLite file with no configuration', () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe('file:./data/mesh-dojo.db');
    expect(env.OIDC_ISSUER).toBeUndefined();
    expect(env.TRUSTED_PROXIES).toBeUndefined();
    expect(env.MESH_DOJO_PRODUCTION).toBe('0');
    expect(env.SQLITE_SYNCHRONOUS).toBe('NORMAL');
  });

  it('treats empty strings as unset', () => {
    expect(parseEnv({ OIDC_ISSUER: '', NEXTAUTH_SECRET: '' }).NEXTAUTH_SECRET).toBeUndefined();
  });

  it('enables OIDC only when all three variables are set', () => {
    const full = {
      OIDC_ISSUER: 'https://id.example.com',
      OIDC_CLIENT_ID: 'dojo',
      OIDC_CLIENT_SECRET: 's3cret',
    };
    expect(parseEnv(full).OIDC_CLIENT_ID).toBe('dojo');
    expect(() => parseEnv({ OIDC_ISSUER: 'https://id.example.com' })).toThrow(/all of OIDC_ISSUER/);
  });

  it('names each bad variable in one message', () => {
    expect(() =>
      parseEnv({
        DATABASE_URL: 'postgres://x',
        NEXTAUTH_SECRET: 'short',
        NEXTAUTH_URL: 'not a url',
      }),
    ).toThrow(/DATABASE_URL: .*\n\s+NEXTAUTH_SECRET: .*\n\s+NEXTAUTH_URL: /s);
  });
});
