import { describe, expect, it } from 'vitest';
import { ACTION_BODY_LIMIT, checkActionRequest } from '@/lib/security/action-guard';

const ID = 'a'.repeat(42);

function action(body: BodyInit, headers: Record<string, string> = {}): Request {
  const size = typeof body === 'string' ? Buffer.byteLength(body) : undefined;
  return new Request('http://127.0.0.1:3000/review', {
    method: 'POST',
    body,
    headers: {
      host: '127.0.0.1:3000',
      'next-action': ID,
      'content-type': 'text/plain;charset=UTF-8',
      ...(size !== undefined ? { 'content-length': String(size) } : {}),
      ...headers,
    },
  });
}

const status = async (request: Request) => (await checkActionRequest(request))?.status ?? 'pass';

describe('checkActionRequest', () => {
  it('passes well-formed action calls (plain arguments and FormData)', async () => {
    expect(
      await status(action('[{"cardId":"x","grade":3}]', { origin: 'http://127.0.0.1:3000' })),
    ).toBe('pass');
    expect(await status(action('["$undefined","$D2026-01-01T00:00:00.000Z","$$dollar"]'))).toBe(
      'pass',
    );
    const form = new FormData();
    form.set('0', '["$undefined","$K1"]');
    form.set('_1_name', 'Ada');
    const multipart = new Request('http://127.0.0.1:3000/account', { method: 'POST', body: form });
    const type = multipart.headers.get('content-type') ?? '';
    const bytes = await multipart.arrayBuffer();
    expect(
      await status(
        action(bytes, { 'content-type': type, 'content-length': String(bytes.byteLength) }),
      ),
    ).toBe('pass');
  });

  it('refuses cross-origin calls with 403', async () => {
    expect(await status(action('[]', { origin: 'http://evil.example' }))).toBe(403);
    expect(await status(action('[]', { origin: 'not a url' }))).toBe(403);
  });

  it('refuses bodies over 1 MB with 413 and bodies without a length with 411', async () => {
    expect(await status(action('[]', { 'content-length': String(ACTION_BODY_LIMIT + 1) }))).toBe(
      413,
    );
    const chunked = new Request('http://127.0.0.1:3000/review', {
      method: 'POST',
      headers: { 'next-action': ID, host: '127.0.0.1:3000' },
      body: '[]',
    });
    expect(await status(chunked)).toBe(411);
  });

  it('refuses malformed ids, bodies and dangling references with 400', async () => {
    expect(await status(action('[]', { 'next-action': 'not-hex' }))).toBe(400);
    for (const body of ['[{', '{}', '"$K1"', '["$K1"]', '["$Q0"]', '["$@1"]', '[{"$F1":1}]']) {
      expect(await status(action(body)), body).toBe(400);
    }
    const form = new FormData();
    form.set('0', '["$Q1"]');
    form.set('_1_name', 'x');
    const multipart = new Request('http://x/', { method: 'POST', body: form });
    const bytes = await multipart.arrayBuffer();
    const headers = {
      'content-type': multipart.headers.get('content-type') ?? '',
      'content-length': String(bytes.byteLength),
    };
    expect(await status(action(bytes, headers))).toBe(400);
    expect(
      await status(
        action('--b\r\nbroken', {
          'content-type': 'multipart/form-data; boundary=b',
          'content-length': '12',
        }),
      ),
    ).toBe(400);
  });

  it('leaves GETs and ordinary posts alone', async () => {
    expect(await checkActionRequest(new Request('http://x/review'))).toBeNull();
    const post = new Request('http://x/api/auth/signout', {
      method: 'POST',
      body: 'a=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(await checkActionRequest(post)).toBeNull();
  });
});

describe('no-JavaScript form posts', () => {
  const post = async (fields: Record<string, string>) => {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.set(key, value);
    const request = new Request('http://127.0.0.1:3000/review', { method: 'POST', body: form });
    const bytes = await request.arrayBuffer();
    return status(
      new Request('http://127.0.0.1:3000/review', {
        method: 'POST',
        body: bytes,
        headers: {
          host: '127.0.0.1:3000',
          'content-type': request.headers.get('content-type') ?? '',
          'content-length': String(bytes.byteLength),
        },
      }),
    );
  };

  it('passes well-formed action ids and bound-action metadata', async () => {
    expect(await post({ [`$ACTION_ID_${ID}`]: '', name: 'x' })).toBe('pass');
    expect(
      await post({
        $ACTION_REF_1: '',
        '$ACTION_1:0': JSON.stringify({ id: ID, bound: '$@1' }),
        '$ACTION_1:1': '[null]',
      }),
    ).toBe('pass');
  });

  it('refuses malformed ids, metadata and bound arguments with 400', async () => {
    expect(await post({ '$ACTION_ID_../x': '' })).toBe(400);
    for (const meta of [
      '{',
      'null',
      '"x"',
      JSON.stringify({ id: 'zz', bound: null }),
      JSON.stringify({ id: ID, bound: '$Q0' }),
    ]) {
      expect(await post({ $ACTION_REF_1: '', '$ACTION_1:0': meta }), meta).toBe(400);
    }
    expect(
      await post({
        $ACTION_REF_1: '',
        '$ACTION_1:0': JSON.stringify({ id: ID, bound: '$@1' }),
        '$ACTION_1:1': '["$Q1"]',
      }),
    ).toBe(400);
  });
});
