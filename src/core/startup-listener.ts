/**
 * Health answers while the server starts. src/server.ts opens the database, migrates and seeds before it builds the
 * app and listens; that takes seconds (a first start seeds the demo) and, on an upgrade, as long as the migrations
 * take. Meanwhile this bare node:http listener holds the port: GET/HEAD /api/health/live answers 200 (the process is
 * alive: an orchestrator must not kill it mid-migration), /api/health/ready and every other request 503 STARTING with
 * Retry-After, in the API's error shape. It is closed just before the app listens on the same port, so a client sees at
 * most a few milliseconds of refused connections between the two.
 * Not used in a WORKERS=N worker: node:cluster would hand connections to a starting worker and a serving one in turn,
 * so half the requests to a running cluster would be refused while a crashed worker restarts (docs/OPERATIONS.md).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pickLocale, translateError } from './i18n.js';
import { BARE_SECURITY_HEADERS } from './http/security.js';
import { LIVE_PATH, NOT_READY_RETRY_AFTER_SECONDS } from './readiness.js';

export interface StartupListener {
  /** The port it holds (the configured one, or the one the system chose for PORT=0), for the app to take over. */
  port: number;
  close(): Promise<void>;
}

function answer(req: http.IncomingMessage, res: http.ServerResponse): void {
  const path = (req.url ?? '').split('?')[0];
  const live = path === LIVE_PATH && (req.method === 'GET' || req.method === 'HEAD');
  const locale = pickLocale(req.headers['accept-language']);
  const body = live
    ? JSON.stringify({ status: 'live' })
    : JSON.stringify({ error: { code: 'STARTING', message: translateError(locale, 'STARTING', {}) } });
  res.writeHead(live ? 200 : 503, {
    ...BARE_SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    connection: 'close',
    ...(live ? {} : { 'retry-after': String(NOT_READY_RETRY_AFTER_SECONDS) }),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Listens on port/host until close(); rejects if the port cannot be had (in use), before any start-up work. */
export function listenWhileStarting(opts: { port: number; host: string }): Promise<StartupListener> {
  const server = http.createServer(answer);
  // A request body is never read; nothing here keeps a connection open.
  server.keepAliveTimeout = 1;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
