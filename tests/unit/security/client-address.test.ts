import { describe, expect, it } from 'vitest';
import { parseTrustedProxies, resolveClient } from '@/lib/security/client-address';

const spoofed = {
  'x-forwarded-for': '6.6.6.6',
  'x-forwarded-host': 'evil.example',
  'x-forwarded-proto': 'https',
};

describe('resolveClient', () => {
  it('uses the socket address and ignores forwarded headers when no proxy is trusted', () => {
    for (let i = 0; i < 40; i += 1) {
      // Rotating X-Forwarded-For (the probe's 40 tries) never changes the client.
      const client = resolveClient({
        socketAddress: '::ffff:192.0.2.10',
        headers: { ...spoofed, 'x-forwarded-for': `10.0.${i}.1` },
        trusted: null,
      });
      expect(client).toEqual({ ip: '192.0.2.10', viaTrustedProxy: false });
    }
  });

  it('ignores forwarded headers from a peer that is not in TRUSTED_PROXIES', () => {
    const trusted = parseTrustedProxies('10.0.0.0/8');
    expect(resolveClient({ socketAddress: '192.0.2.10', headers: spoofed, trusted })).toEqual({
      ip: '192.0.2.10',
      viaTrustedProxy: false,
    });
  });

  it('behind trusted hops takes the first untrusted address from the right', () => {
    const trusted = parseTrustedProxies('10.0.0.1, 10.0.0.2');
    const client = resolveClient({
      socketAddress: '10.0.0.1',
      // The client wrote 6.6.6.6 itself; 203.0.113.5 was appended by the outer proxy.
      headers: {
        'x-forwarded-for': '6.6.6.6, 203.0.113.5, 10.0.0.2',
        'x-forwarded-host': 'dojo.example',
        'x-forwarded-proto': 'https',
      },
      trusted,
    });
    expect(client).toEqual({
      ip: '203.0.113.5',
      forwardedHost: 'dojo.example',
      forwardedProto: 'https',
      viaTrustedProxy: true,
    });
  });

  it('stops at a hop that is not an address and refuses odd host values', () => {
    const trusted = parseTrustedProxies('127.0.0.1');
    const client = resolveClient({
      socketAddress: '127.0.0.1',
      headers: { 'x-forwarded-for': 'garbage', 'x-forwarded-host': 'a b/<c>' },
      trusted,
    });
    expect(client.ip).toBe('127.0.0.1');
    expect(client.forwardedHost).toBeUndefined();
  });

  it('parses addresses and CIDR ranges, IPv4 and IPv6, and names a bad entry', () => {
    const trusted = parseTrustedProxies('192.168.0.0/16, ::1, fd00::/8');
    expect(trusted?.entries).toHaveLength(3);
    expect(
      resolveClient({
        socketAddress: '::1',
        headers: { 'x-forwarded-for': '198.51.100.1' },
        trusted,
      }).ip,
    ).toBe('198.51.100.1');
    expect(parseTrustedProxies('')).toBeNull();
    expect(() => parseTrustedProxies('10.0.0.1, proxy.local')).toThrow(/"proxy.local"/);
    expect(() => parseTrustedProxies('10.0.0.0/33')).toThrow(/prefix/);
  });
});
