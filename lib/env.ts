import 'server-only';
import { z } from 'zod';

/** Server environment, parsed once. Defaults make `npm start` work with no configuration. */
const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    DATABASE_URL: z
      .string()
      .refine(
        (url) => databaseProvider(url) !== null,
        'DATABASE_URL must be a SQLite "file:" URL or a "postgresql://" URL',
      )
      .default('file:./data/mesh-dojo.db'),
    DATABASE_POOL_SIZE: z.coerce
      .number()
      .int('DATABASE_POOL_SIZE must be a whole number')
      .min(1)
      .max(100, 'DATABASE_POOL_SIZE must be between 1 and 100')
      .default(10),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: z
      .string()
      .refine(
        (key) => [16, 24, 32].includes(Buffer.from(key, 'base64').length),
        'NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be base64 of 16, 24 or 32 bytes (openssl rand -base64 32)',
      )
      .optional(),
    NEXTAUTH_SECRET: z
      .string()
      .min(32, 'NEXTAUTH_SECRET must be at least 32 characters')
      .optional(),
    NEXTAUTH_URL: z.url('NEXTAUTH_URL must be a URL such as http://localhost:3000').optional(),
    OIDC_ISSUER: z.url('OIDC_ISSUER must be the issuer URL').optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_NAME: z.string().min(1).default('Single sign-on'),
    // Comma-separated addresses / CIDR ranges of reverse proxies whose X-Forwarded-*
    // headers are believed (read by scripts/server.ts). Empty: the socket address is the client.
    TRUSTED_PROXIES: z.string().max(2000).optional(),
    // "1" on an instance that real people use: no public demo account, and the sign-in
    // page says so. Unset (the quick start) seeds the demo account.
    MESH_DOJO_PRODUCTION: z.enum(['0', '1']).default('0'),
    // smtp://user:pass@host:port or smtps://… enables password reset by email.
    SMTP_URL: z
      .url('SMTP_URL must be a URL such as smtp://user:pass@mail.example.com:587')
      .refine((u) => /^smtps?:\/\//.test(u), 'SMTP_URL must start with smtp:// or smtps://')
      .optional(),
    MAIL_FROM: z.string().min(3).max(200).default('Mesh Dojo <no-reply@localhost>'),
    // NORMAL (SQLite's WAL default here): a power loss can drop the last transactions
    // acknowledged before it, never corrupt the file. FULL: fsync on every commit.
    SQLITE_SYNCHRONOUS: z.enum(['NORMAL', 'FULL']).default('NORMAL'),
    SIGNUP_LIMIT_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(10),
    /** Optional model judge: an OpenAI-compatible base URL such as http://127.0.0.1:11434/v1. */
    GRADER_LLM_URL: z
      .url('GRADER_LLM_URL must be a URL such as http://127.0.0.1:11434/v1')
      .optional(),
    GRADER_LLM_MODEL: z.string().min(1).max(200).default('llama3.1'),
    GRADER_LLM_API_KEY: z.string().min(1).max(500).optional(),
    GRADER_LLM_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .min(100, 'GRADER_LLM_TIMEOUT_MS must be 100..60000')
      .max(60_000, 'GRADER_LLM_TIMEOUT_MS must be 100..60000')
      .default(8000),
  })
  .refine((env) => !env.SMTP_URL || env.NEXTAUTH_URL, {
    message:
      'Set NEXTAUTH_URL when SMTP_URL is set: reset links must never be built from a request Host header',
    path: ['NEXTAUTH_URL'],
  })
  .refine(
    (env) =>
      [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].every((v) => v === undefined) ||
      [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].every((v) => v !== undefined),
    { message: 'Set all of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET, or none of them' },
  )
  .refine(
    // Several instances over PostgreSQL must sign and read the same session cookies: a secret
    // generated per machine into data/auth-secret would log users out whenever the load
    // balancer switches instance.
    (env) =>
      databaseProvider(env.DATABASE_URL) !== 'postgresql' || env.NEXTAUTH_SECRET !== undefined,
    {
      path: ['NEXTAUTH_SECRET'],
      message:
        'NEXTAUTH_SECRET is required with PostgreSQL: every app instance must share one secret ' +
        '(generate it once with `openssl rand -base64 32`)',
    },
  );

/** Which database a DATABASE_URL selects, or null for anything else. */
export function databaseProvider(url: string): 'sqlite' | 'postgresql' | null {
  if (url.startsWith('file:')) return 'sqlite';
  if (/^postgres(ql)?:\/\/[^\s]+$/.test(url)) return 'postgresql';
  return null;
}

export type Env = z.infer<typeof envSchema>;

/** Validates an environment; throws one message naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings (e.g. `OIDC_ISSUER=` in a .env file) mean "unset".
  const raw = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((i) => `  ${i.path.join('.') || 'env'}: ${i.message}`)
      .join('\n');
    throw new Error(`Invalid environment configuration:\n${detail}`);
  }
  return parsed.data;
}

let cached: Env | undefined;

/** The validated environment (lazy so tests can set variables before first use). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
