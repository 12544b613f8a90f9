import 'server-only';
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/*
 * Passwords are hashed with scrypt, Node's built-in memory-hard KDF: no native addon to
 * compile, and its memory cost (128·N·r bytes = 32 MiB here) makes GPU/ASIC guessing
 * expensive. Parameters follow OWASP's scrypt guidance (N=2^15, r=8, p=1) and are stored
 * with each hash so they can be raised later without breaking existing accounts.
 */
const PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 64;
const SALT_BYTES = 16;

/*
 * Hashing is the most expensive thing a request can ask for (~60 ms of CPU and 32 MiB).
 * A bounded gate keeps a sign-in flood from starving every other page: at most
 * HASH_POLICY.concurrency hashes run at once, at most HASH_POLICY.queue wait, and the rest
 * are refused at once with HashQueueFullError (the routes answer 429 + Retry-After).
 */
export const HASH_POLICY = { concurrency: 1, queue: 4 } as const;

/** Thrown when the hashing queue is full; carries a Retry-After estimate in seconds. */
export class HashQueueFullError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`The server is busy. Try again in ${retryAfterSeconds} s.`);
    this.name = 'HashQueueFullError';
  }
}

let active = 0;
let computed = 0;

/** How many scrypt derivations this process has run (tests check that locks skip hashing). */
export function hashesComputed(): number {
  return computed;
}
const waiting: Array<() => void> = [];
let averageMs = 80;

/** True when a new hash would be refused right now (checked before doing other work). */
export function isHashQueueFull(): boolean {
  return active >= HASH_POLICY.concurrency && waiting.length >= HASH_POLICY.queue;
}

/** Seconds a refused client should wait: the queue's expected drain time, at least 1. */
export function hashRetryAfterSeconds(): number {
  const ahead = active + waiting.length;
  return Math.max(1, Math.ceil(((ahead / HASH_POLICY.concurrency) * averageMs * 2) / 1000));
}

async function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (active >= HASH_POLICY.concurrency) {
    if (waiting.length >= HASH_POLICY.queue) throw new HashQueueFullError(hashRetryAfterSeconds());
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    active += 1;
  }
  const started = performance.now();
  computed += 1;
  try {
    return await work();
  } finally {
    averageMs = averageMs * 0.8 + (performance.now() - started) * 0.2;
    const next = waiting.shift();
    // The slot passes straight to the next waiter, so `active` only drops when none wait.
    if (next) next();
    else active -= 1;
  }
}

function derive(
  password: string,
  salt: Buffer,
  params: { N: number; r: number; p: number },
): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r };
  return withHashSlot(
    () =>
      new Promise((resolve, reject) => {
        scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) =>
          error ? reject(error) : resolve(key),
        );
      }),
  );
}

/** Hashes a password as `scrypt$N$r$p$<salt b64>$<key b64>`. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, PARAMS);
  return [
    'scrypt',
    PARAMS.N,
    PARAMS.r,
    PARAMS.p,
    salt.toString('base64'),
    key.toString('base64'),
  ].join('$');
}

/** Constant-time check of a password against a stored hash; false for malformed hashes. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltB64, keyB64] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !saltB64 || !keyB64) return false;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (![params.N, params.r, params.p].every((v) => Number.isInteger(v) && v > 0)) return false;
  // Never let a stored hash ask for more work than the current parameters.
  if (params.N > PARAMS.N || params.r > PARAMS.r || params.p > PARAMS.p) return false;
  const expected = Buffer.from(keyB64, 'base64');
  const actual = await derive(password, Buffer.from(saltB64, 'base64'), params);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real verification for an unknown email, so response timing
 * does not reveal which addresses have accounts.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('mesh-dojo-dummy-password');
  await verifyPassword(password, await dummyHash);
  return false;
}
