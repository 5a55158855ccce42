import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';

/**
 * Who may speak for the client. Fastify applies `trustProxy` to X-Forwarded-For/-Proto/-Host (request.ip,
 * request.protocol, request.host); the request id is read before Fastify has a request, so the same rule is compiled
 * here for the one header Fastify does not cover: X-Request-Id. A client that is not a trusted proxy cannot choose the
 * id (or the address) that the audit log records.
 */

/** proxy-addr's names, which Fastify accepts in a TRUST_PROXY list. */
const NAMED_RANGES: Record<string, string[]> = {
  loopback: ['127.0.0.1/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/** Whether the peer of a connection (its socket address) is a proxy whose forwarded headers are believed. */
export function trustsPeer(trustProxy: boolean | number | string): (address: string | undefined) => boolean {
  if (trustProxy === true) return () => true;
  // A hop count n ≥ 1 believes the nearest n hops, and the peer is the nearest.
  if (typeof trustProxy === 'number') return () => trustProxy >= 1;
  if (trustProxy === false) return () => false;
  const list = new BlockList();
  for (const entry of trustProxy
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    for (const range of NAMED_RANGES[entry] ?? [entry]) addRange(list, range);
  }
  return (address) => {
    if (!address) return false;
    const family = isIP(address);
    return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
  };
}

function addRange(list: BlockList, range: string): void {
  const [address, prefix] = range.split('/');
  const family = isIP(address);
  if (family === 0) return; // Fastify's netmask form (a.b.c.d/255.255.0.0) is not read here: the id is then ours.
  const type = family === 6 ? 'ipv6' : 'ipv4';
  if (prefix === undefined) list.addAddress(address, type);
  else list.addSubnet(address, Number(prefix), type);
}

/** Fastify's trustProxy option: its types have no hop count (its code has), so a count becomes the same function. */
export function fastifyTrustProxy(
  trustProxy: boolean | number | string,
): boolean | string | ((address: string, hop: number) => boolean) {
  return typeof trustProxy === 'number' ? (_address, hop) => hop < trustProxy : trustProxy;
}

/** Letters, digits and a few separators, as load balancers and tracing headers use; anything else is replaced. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Fastify's genReqId: a trusted proxy's X-Request-Id when it looks like an id, otherwise a fresh UUID. */
export function requestIdGenerator(trustProxy: boolean | number | string): (req: IncomingMessage) => string {
  const trusted = trustsPeer(trustProxy);
  return (req) => {
    const given = req.headers['x-request-id'];
    if (typeof given === 'string' && REQUEST_ID.test(given) && trusted(req.socket?.remoteAddress)) return given;
    return randomUUID();
  };
}
