import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isAcceptableCallback, sanitizeCallbackCookie } from '@/lib/auth/callback-url';
import {
  protectedRouteFor,
  safeReturnPath,
  signInReasonFor,
  signInUrlFor,
} from '@/lib/auth/protected-routes';
import { personNameSchema } from '@/lib/auth/schemas';
import { INVALID_REQUEST, parseActionForm } from '@/lib/security/action-input';
import { displayNameSchema, hasBidiControls, stripBidiControls } from '@/lib/security/text';

describe('protected routes', () => {
  it('maps every page under a protected prefix to its sign-in reason', () => {
    expect(protectedRouteFor('/review/stats')?.reason).toBe('Sign in to review your cards.');
    expect(protectedRouteFor('/reviewer')).toBeNull();
    expect(signInUrlFor('/review?x=1')).toBe('/sign-in?callbackUrl=%2Freview%3Fx%3D1');
    expect(signInReasonFor('/review?x=1')).toBe('Sign in to review your cards.');
    expect(signInReasonFor('/lessons')).toBeNull();
  });

  it('accepts only same-site paths as return addresses', () => {
    for (const bad of [
      'http://a:b/',
      '//evil.example',
      '/\\evil',
      'javascript:alert(1)',
      '/%FF',
      '/x\u0000',
      'a'.repeat(600),
    ]) {
      expect(safeReturnPath(bad), bad).toBeNull();
    }
    expect(safeReturnPath('/review/settings?tab=1')).toBe('/review/settings?tab=1');
    expect(signInUrlFor('http://a:b/')).toBe('/sign-in');
  });

  it('lets next-auth see only callback URLs it can parse, on our origin', () => {
    const origin = 'http://127.0.0.1:3000';
    expect(isAcceptableCallback('/dashboard', origin)).toBe(true);
    expect(isAcceptableCallback('http://127.0.0.1:3000/review', origin)).toBe(true);
    expect(isAcceptableCallback('http://a:b/', origin)).toBe(false);
    expect(isAcceptableCallback('http://127.0.0.1:3000/\u00e9', origin)).toBe(false);
    expect(
      sanitizeCallbackCookie('a=1; next-auth.callback-url=http%3A%2F%2Fa%3Ab%2F; b=2', origin),
    ).toBe('a=1; b=2');
    expect(sanitizeCallbackCookie('next-auth.callback-url=%2Fdashboard', origin)).toBeNull();
  });
});

describe('bidirectional controls in names', () => {
  it('rejects U+202A–U+202E and U+2066–U+2069 in person and run names', () => {
    for (const control of [
      '\u202A',
      '\u202B',
      '\u202C',
      '\u202D',
      '\u202E',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
    ]) {
      expect(hasBidiControls(`Ada${control}Lovelace`)).toBe(true);
      expect(personNameSchema.safeParse(`Ada ${control}Lovelace`).success).toBe(false);
      expect(displayNameSchema().safeParse(`run ${control}1`).success).toBe(false);
    }
    expect(personNameSchema.safeParse('Ada Lovelace').success).toBe(true);
    expect(stripBidiControls('a\u202Eb\u2066c')).toBe('abc');
  });
});

describe('parseActionForm', () => {
  const schema = z.object({ name: z.string().min(1) });
  it('rejects anything that is not a FormData without throwing', () => {
    for (const input of [undefined, null, 'x', 1, [], { name: 'x' }, new Map()]) {
      expect(parseActionForm(schema, input)).toEqual({
        ok: false,
        message: INVALID_REQUEST,
        fieldErrors: {},
      });
    }
  });
  it('reads text fields, treats files as missing and returns field errors', () => {
    const form = new FormData();
    form.set('name', new Blob(['x']));
    expect(parseActionForm(schema, form)).toMatchObject({
      ok: false,
      fieldErrors: { name: [expect.any(String)] },
    });
    form.set('name', 'Ada');
    expect(parseActionForm(schema, form)).toEqual({ ok: true, data: { name: 'Ada' } });
  });
});
