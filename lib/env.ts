import 'server-only';
import { z } from 'zod';

/** Server environment, parsed once. Defaults make `npm start` work with no configuration. */
const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    DATABASE_URL: z
      .string()
      .startsWith(
        'file:',
        'DATABASE_URL must be a SQLite "file:" URL (PostgreSQL support is planned)',
      )
      .default('file:./data/mesh-dojo.db'),
    NEXTAUTH_SECRET: z
      .string()
      .min(32, 'NEXTAUTH_SECRET must be at least 32 characters')
      .optional(),
    NEXTAUTH_URL: z.url('NEXTAUTH_URL must be a URL such as http://localhost:3000').optional(),
    OIDC_ISSUER: z.url('OIDC_ISSUER must be the issuer URL').optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_NAME: z.string().min(1).default('Single sign-on'),
    AUTH_TRUST_PROXY: z.enum(['0', '1']).default('0'),
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
  .refine(
    (env) =>
      [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].every((v) => v === undefined) ||
      [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].every((v) => v !== undefined),
    { message: 'Set all of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET, or none of them' },
  );

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
