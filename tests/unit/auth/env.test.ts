import { describe, expect, it } from 'vitest';
import { databaseProvider, parseEnv } from '@/lib/env';

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
        DATABASE_URL: 'mysql://x',
        NEXTAUTH_SECRET: 'short',
        NEXTAUTH_URL: 'not a url',
      }),
    ).toThrow(/DATABASE_URL: .*\n\s+NEXTAUTH_SECRET: .*\n\s+NEXTAUTH_URL: /s);
  });

  it('selects PostgreSQL by URL and then requires a shared NEXTAUTH_SECRET', () => {
    const url = 'postgresql://dojo:pw@127.0.0.1:5432/dojo';
    expect(() => parseEnv({ DATABASE_URL: url })).toThrow(
      /NEXTAUTH_SECRET: .*required with PostgreSQL/,
    );
    const env = parseEnv({ DATABASE_URL: url, NEXTAUTH_SECRET: 'x'.repeat(32) });
    expect(databaseProvider(env.DATABASE_URL)).toBe('postgresql');
    expect(env.DATABASE_POOL_SIZE).toBe(10);
    expect(databaseProvider('file:./a.db')).toBe('sqlite');
    expect(databaseProvider('postgres://h/db')).toBe('postgresql');
    expect(databaseProvider('mysql://h/db')).toBeNull();
  });

  it('validates the pool size and the server-actions key', () => {
    expect(() => parseEnv({ DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE/);
    expect(() => parseEnv({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: 'abc' })).toThrow(
      /NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: .*base64/,
    );
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(
      parseEnv({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key }).NEXT_SERVER_ACTIONS_ENCRYPTION_KEY,
    ).toBe(key);
  });
});
