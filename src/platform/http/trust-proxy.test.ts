import { describe, expect, it } from 'vitest';
import { clientAddress, forwardedProto, parseTrustProxy, trustFunction } from './trust-proxy.js';

describe('TRUST_PROXY', () => {
  it('reads off, hop counts and address lists, and refuses anything else', () => {
    for (const off of [undefined, '', 'off', 'OFF', 'false', '0']) expect(parseTrustProxy(off)).toBe(false);
    expect(parseTrustProxy('1')).toEqual({ hops: 1 });
    expect(parseTrustProxy('on')).toEqual({ hops: 1 });
    expect(parseTrustProxy('10')).toEqual({ hops: 10 });
    expect(parseTrustProxy('10.0.0.1, 192.168.0.0/16,::1,fc00::/7,loopback')).toEqual({
      addresses: ['10.0.0.1', '192.168.0.0/16', '::1', 'fc00::/7', 'loopback'],
    });
    for (const bad of [
      '11',
      'all',
      '*',
      '10.0.0.0/33',
      '10.0.0.1/8/9',
      '::1/129',
      'proxy.example.com',
      '1,',
    ]) {
      expect(parseTrustProxy(bad), bad).toBeNull();
    }
  });

  const header = '6.6.6.6, 203.0.113.5, 10.0.0.2';

  it('off: the connected peer is the client, whatever the header says', () => {
    expect(clientAddress(trustFunction(false), '203.0.113.9', header)).toBe('203.0.113.9');
    expect(forwardedProto(trustFunction(false), '203.0.113.9', 'https')).toBeUndefined();
  });

  it('a hop count believes that many entries from the right, never one the client wrote', () => {
    expect(clientAddress(trustFunction({ hops: 1 }), '10.0.0.1', header)).toBe('10.0.0.2');
    expect(clientAddress(trustFunction({ hops: 2 }), '10.0.0.1', header)).toBe('203.0.113.5');
    expect(clientAddress(trustFunction({ hops: 1 }), '10.0.0.1', undefined)).toBe('10.0.0.1');
    expect(clientAddress(trustFunction({ hops: 5 }), '10.0.0.1', header)).toBe('6.6.6.6');
  });

  it('an address list believes entries only while they come from a listed proxy', () => {
    const trust = trustFunction({ addresses: ['10.0.0.0/8'] });
    expect(clientAddress(trust, '10.0.0.1', header)).toBe('203.0.113.5');
    expect(clientAddress(trust, '::ffff:10.0.0.1', header)).toBe('203.0.113.5');
    // Not through the proxy: the peer is the client, and its X-Forwarded-For is ignored.
    expect(clientAddress(trust, '203.0.113.9', header)).toBe('203.0.113.9');
    expect(forwardedProto(trust, '10.0.0.1', 'http, https')).toBe('https');
    expect(forwardedProto(trust, '203.0.113.9', 'https')).toBeUndefined();
    const named = trustFunction({ addresses: ['loopback'] });
    expect(clientAddress(named, '127.0.0.1', '198.51.100.1')).toBe('198.51.100.1');
    expect(clientAddress(named, '::1', '198.51.100.1')).toBe('198.51.100.1');
  });
});
