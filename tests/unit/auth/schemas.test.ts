import { describe, expect, it } from 'vitest';
import { signInSchema, signUpSchema } from '@/lib/auth/schemas';

function fieldErrors(input: unknown): Record<string, string[]> {
  const result = signUpSchema.safeParse(input);
  if (result.success) return {};
  const errors: Record<string, string[]> = {};
  for (const issue of result.error.issues)
    (errors[String(issue.path[0])] ??= []).push(issue.message);
  return errors;
}

const valid = { name: 'Ada Lovelace', email: 'Ada@Example.com ', password: 'engine-4-notes' };

describe('signUpSchema', () => {
  it('accepts a valid sign-up and normalises the email', () => {
    const parsed = signUpSchema.parse(valid);
    expect(parsed.email).toBe('ada@example.com');
    expect(parsed.name).toBe('Ada Lovelace');
  });

  it.each([
    ['email', { ...valid, email: 'not-an-email' }, 'Enter a valid email address'],
    ['email', { ...valid, email: `${'a'.repeat(250)}@x.io` }, 'too long'],
    ['password', { ...valid, password: 'short1!' }, 'at least 10 characters'],
    ['password', { ...valid, password: 'onlyletterspassword' }, 'Mix letters'],
    ['password', { ...valid, password: '12345678901234' }, 'Mix letters'],
    ['password', { ...valid, password: 'aaaaaaaaa1' }, 'more varied'],
    ['password', { ...valid, password: 'Password123' }, 'too common'],
    ['password', { ...valid, password: 'x'.repeat(129) + '1' }, 'at most 128'],
    [
      'password',
      { ...valid, email: 'lovelace@example.com', password: 'lovelace-2024' },
      'email name',
    ],
    ['name', { ...valid, name: 'A' }, 'at least 2'],
    ['name', { ...valid, name: 'n'.repeat(81) }, 'at most 80'],
    ['name', { ...valid, name: '<script>' }, 'letters, spaces'],
  ])('rejects a bad %s with a field message (%#)', (field, input, message) => {
    const errors = fieldErrors(input);
    expect(errors[field]?.join(' ')).toContain(message);
  });

  it('reports missing fields individually', () => {
    const errors = fieldErrors({});
    expect(Object.keys(errors).sort()).toEqual(['email', 'name', 'password']);
  });
});

describe('signInSchema', () => {
  it('requires a password and a valid email', () => {
    expect(signInSchema.safeParse({ email: 'a@b.co', password: '' }).success).toBe(false);
    expect(signInSchema.safeParse({ email: 'nope', password: 'x' }).success).toBe(false);
    expect(signInSchema.safeParse({ email: 'a@b.co', password: 'x' }).success).toBe(true);
  });
});
