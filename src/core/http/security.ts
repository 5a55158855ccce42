import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The Content-Security-Policy the built web app (dist/web) runs under, checked in headless Chromium on the desktop
 * and phone pages with no "Refused to …" console errors:
 * - scripts: only the app's own module files (Vite emits no inline script, no eval);
 * - styles: 'unsafe-inline' because antd v6 writes its CSS-in-JS into <style> elements at run time and ECharts'
 *   tooltips carry style attributes in their HTML; scripts stay locked, so this allows styling, not code;
 * - images: the app's own (photos come from /api) and blob: (the phone's photo previews before upload: refused
 *   without it); data: is allowed too for antd components that inline small images (an image cannot run code); the
 *   maps are ECharts drawing GeoJSON from /api on a canvas, no external tiles; fonts are the system's;
 * - no framing by anyone (frame-ancestors 'none', and X-Frame-Options DENY for old browsers).
 * No upgrade-insecure-requests: the app is also served over plain HTTP on a LAN address, where it would break every
 * asset. HSTS is sent only on requests that arrived over TLS (see registerSecurityHeaders).
 */
export const APP_CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameSrc: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * Swagger UI (/api/docs, only when API_DOCS is on) loads its own files from /api/docs/static with no inline script
 * (@fastify/swagger-ui's csp.json lists no hashes) but sets inline styles and shows data: images.
 */
export const DOCS_CSP = [
  "default-src 'self'",
  "base-uri 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** 180 days; no includeSubDomains: other county services may share the parent domain. */
const HSTS = 'max-age=15552000';

const HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: APP_CSP_DIRECTIVES },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
  // Sent per request below: only an HTTPS answer may ask the browser to stay on HTTPS.
  strictTransportSecurity: false,
  // The app opens nothing cross-origin; same-origin keeps photos and exports from being embedded elsewhere.
  crossOriginResourcePolicy: { policy: 'same-origin' },
};

/**
 * Helmet's headers, worked out once. Our policy has no per-request part (no nonces), so every answer gets the same
 * set; @fastify/helmet rebuilt the middleware, and re-parsed the CSP, inside every request (~35 µs each, 18 % of the
 * intake throughput on PostgreSQL: docs/BENCHMARKS.md). helmet's middleware is run against a recording response.
 */
export function helmetHeaders(options: HelmetOptions = HELMET_OPTIONS): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: () => undefined,
  };
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, () => undefined);
  return headers;
}

/** Helmet's headers on every response that goes through Fastify's hooks (pages, assets, API answers, 404s, errors). */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  const headers = helmetHeaders();
  app.addHook('onRequest', (req, reply, done) => {
    // Set first, so a route with its own policy (Swagger UI at /api/docs) replaces them.
    reply.headers(headers);
    // request.protocol believes X-Forwarded-Proto only from a trusted proxy (TRUST_PROXY).
    if (req.protocol === 'https') reply.header('strict-transport-security', HSTS);
    done();
  });
}

/**
 * The few headers for answers written before any hook ran (a URL Fastify cannot route, a header block too large):
 * they carry JSON only, so nothing may run, frame or sniff them.
 */
export const BARE_SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

export function setBareSecurityHeaders(reply: FastifyReply): void {
  for (const [name, value] of Object.entries(BARE_SECURITY_HEADERS)) reply.header(name, value);
}
