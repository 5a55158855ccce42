import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

/**
 * Where a write may come from and what it may carry. The origin is checked in onRequest, before the session is
 * looked up or a byte of the body is read.
 *
 * Cross-site request forgery: the session cookie is SameSite=Lax, which a page on a sibling subdomain (same site,
 * another origin, e.g. another county service) does not trip, and a browser that ignores SameSite does not honour;
 * a body-less, text/plain or form POST needs no CORS preflight. So every POST/PUT/PATCH/DELETE must show that it
 * comes from this app:
 * 1. `Sec-Fetch-Site` (set by the browser, unforgeable by a page; Chrome 76+, Firefox 90+, Safari 16.4+):
 *    `same-origin` or `none` (typed or bookmarked by the user) passes; `same-site` and `cross-site` are refused.
 * 2. Without it, `Origin` (every browser sends it on a cross-origin POST) must equal this server's own origin as the
 *    client saw it: scheme and host from request.protocol/request.host, which follow X-Forwarded-Proto/-Host only
 *    from a trusted proxy (TRUST_PROXY). `Origin: null` (sandboxed frames, some redirects) is refused.
 * 3. Neither header: not a browser (curl, scripts, the tests, a future phone app), which cannot carry a victim's
 *    cookie into the request on another site's behalf, so it passes.
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function header(req: FastifyRequest, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function ownOrigin(req: FastifyRequest): string | null {
  try {
    return new URL(`${req.protocol}://${req.host}`).origin;
  } catch {
    return null;
  }
}

function sameOrigin(origin: string, req: FastifyRequest): boolean {
  try {
    return new URL(origin).origin === ownOrigin(req);
  } catch {
    return false;
  }
}

/** True when a state-changing request shows it was sent by a page of another origin. */
export function isForeignWrite(req: FastifyRequest): boolean {
  if (SAFE_METHODS.has(req.method)) return false;
  const site = header(req, 'sec-fetch-site');
  if (site !== undefined) return site !== 'same-origin' && site !== 'none';
  const origin = header(req, 'origin');
  if (origin === undefined) return false;
  return !sameOrigin(origin, req);
}

/** multipart/form-data without its boundary parameter cannot be split into parts (busboy throws a bare Error). */
function isMultipartWithoutBoundary(req: FastifyRequest): boolean {
  const type = header(req, 'content-type');
  if (!type || !/^\s*multipart\//i.test(type)) return false;
  return !/;\s*boundary\s*=\s*("[^"]+"|[^;\s]+)/i.test(type);
}

/** `crossSiteCheck: false` only for buildApp's `hardening: false` (benchmarks); the body guards stay either way. */
export function registerRequestGuards(app: FastifyInstance, opts: { crossSiteCheck?: boolean } = {}): void {
  // Fastify parses text/plain by default; nothing here speaks it, and it is the one body a foreign page can POST
  // without a preflight besides forms (urlencoded has no parser either, so both answer 415).
  app.removeContentTypeParser('text/plain');
  if (opts.crossSiteCheck !== false) {
    app.addHook('onRequest', async (req) => {
      if (isForeignWrite(req)) {
        req.log.warn({ origin: req.headers.origin, site: req.headers['sec-fetch-site'] }, 'cross-site write refused');
        throw new AppError('CSRF_REJECTED');
      }
    });
  }
  // After the 401 for anonymous calls (onRequest), before the handler would hand busboy a body it cannot split.
  app.addHook('preValidation', async (req) => {
    if (isMultipartWithoutBoundary(req))
      throw new AppError('VALIDATION_FAILED', {}, { reason: 'multipart_boundary_missing' });
  });
}
