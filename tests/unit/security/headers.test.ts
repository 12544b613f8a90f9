import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, inlineScriptHashes, securityHeaders } from '@/lib/security/headers';

const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

describe('security headers', () => {
  it('allows scripts by nonce or hash only, never unsafe-inline or unsafe-eval', () => {
    const policy = contentSecurityPolicy({ nonce: 'abc123', scriptHashes: ["'sha256-x'"] });
    const scriptSrc = policy.split('; ').find((d) => d.startsWith('script-src')) ?? '';
    expect(scriptSrc).toBe("script-src 'self' 'nonce-abc123' 'sha256-x'");
    expect(scriptSrc).not.toMatch(/unsafe/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'self'");
  });

  it('hashes exactly the inline scripts of a document, not external ones', () => {
    const html = `<html><head><script>a()</script><script src="/x.js"></script><script async="">b()</script></head><script></script></html>`;
    expect(inlineScriptHashes(html)).toEqual([sha('a()'), sha('b()')]);
  });

  it('sends HSTS only over TLS, Permissions-Policy always', () => {
    const plain = Object.fromEntries(securityHeaders({ https: false }));
    const tls = Object.fromEntries(securityHeaders({ https: true }));
    expect(plain['Strict-Transport-Security']).toBeUndefined();
    expect(tls['Strict-Transport-Security']).toMatch(/^max-age=\d{8,}/);
    expect(plain['Permissions-Policy']).toContain('camera=()');
    expect(plain['X-Frame-Options']).toBe('DENY');
  });
});
