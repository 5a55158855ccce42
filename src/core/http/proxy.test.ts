import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { requestIdGenerator, trustsPeer } from './proxy.js';

const fakeRequest = (remoteAddress: string, requestId?: string) =>
  ({
    headers: requestId === undefined ? {} : { 'x-request-id': requestId },
    socket: { remoteAddress },
  }) as unknown as IncomingMessage;

describe('trustsPeer (the TRUST_PROXY rule for the connection peer)', () => {
  it('trusts nobody by default and everybody with true or a hop count', () => {
    expect(trustsPeer(false)('127.0.0.1')).toBe(false);
    expect(trustsPeer(true)('203.0.113.9')).toBe(true);
    expect(trustsPeer(1)('203.0.113.9')).toBe(true);
    expect(trustsPeer(0)('127.0.0.1')).toBe(false);
  });

  it('reads addresses, CIDR ranges and proxy-addr names, IPv4-mapped IPv6 included', () => {
    const trusted = trustsPeer('10.0.0.0/8, 192.0.2.7,loopback,2001:db8::/32');
    for (const a of ['10.1.2.3', '192.0.2.7', '127.0.0.1', '::1', '::ffff:10.9.9.9', '2001:db8::5'])
      expect(trusted(a), a).toBe(true);
    for (const a of ['11.0.0.1', '192.0.2.8', '203.0.113.1', '2001:db9::1', 'not-an-ip', undefined])
      expect(trusted(a), String(a)).toBe(false);
    expect(trustsPeer('uniquelocal')('172.20.0.4')).toBe(true);
    expect(trustsPeer('linklocal')('169.254.1.1')).toBe(true);
  });
});

describe('requestIdGenerator', () => {
  it('takes a well-formed X-Request-Id from a trusted proxy only', () => {
    const behindProxy = requestIdGenerator('loopback');
    expect(behindProxy(fakeRequest('127.0.0.1', 'lb-1234.abc'))).toBe('lb-1234.abc');
    expect(behindProxy(fakeRequest('203.0.113.1', 'lb-1234.abc'))).toMatch(/^[0-9a-f-]{36}$/);
    for (const bad of ['', 'a b', 'x'.repeat(65), 'id\nInjected: 1', '<script>']) {
      expect(behindProxy(fakeRequest('127.0.0.1', bad)), JSON.stringify(bad)).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(requestIdGenerator(false)(fakeRequest('127.0.0.1', 'chosen-by-client'))).toMatch(/^[0-9a-f-]{36}$/);
  });
});
