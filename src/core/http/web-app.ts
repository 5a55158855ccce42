/**
 * Serving the built web app (dist/web, `npm run build:web`).
 *
 * - Compressed: the build writes `x.js.br` and `x.js.gz` beside every text asset over 1 KB (web/compress.ts);
 *   @fastify/static (`preCompressed`) picks br, then gzip, then the plain file from Accept-Encoding, with the
 *   Content-Type of the plain file. Nothing is compressed per request.
 * - Cached: files under /assets/ carry a content hash in their name, so a changed file has a new URL and the old one
 *   may be kept for a year; index.html names the current hashes, so it is revalidated on every load (no-cache,
 *   answered 304 through its ETag when unchanged).
 * - Every client-side route (/people, /m/cases/3, …) gets index.html; a missing /assets/ or /api/ path is the JSON 404.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { AppError } from '../errors.js';
import { sendError } from './errors.js';
import type { App } from './types.js';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

export async function registerWebApp(app: App, distDir: string | null): Promise<void> {
  const hasWeb = distDir !== null && existsSync(path.join(distDir, 'index.html'));
  if (hasWeb) {
    const assetsDir = path.join(distDir, 'assets') + path.sep;
    await app.register(fastifyStatic, {
      root: distDir,
      // wildcard: files are looked up per request, so a rebuilt web app needs no restart.
      wildcard: true,
      index: false,
      preCompressed: true,
      // Our own Cache-Control below; send's would overwrite it (max-age=0 for everything).
      cacheControl: false,
      setHeaders(res, filePath) {
        res.setHeader('Cache-Control', filePath.startsWith(assetsDir) ? IMMUTABLE : REVALIDATE);
        // The same URL answers br, gzip or plain bytes: caches must key on Accept-Encoding.
        res.setHeader('Vary', 'Accept-Encoding');
      },
    });
    // The wildcard route would treat "/" as a directory listing (403): the root is the app itself.
    app.get('/', { schema: { hide: true } }, (_req, reply) => reply.type('text/html').sendFile('index.html'));
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.url.startsWith('/assets/') || !hasWeb || req.method !== 'GET') {
      // Never the URL itself: it is the client's input, and a 404 that reflects it helps phishing pages.
      return sendError(req, reply, new AppError('NOT_FOUND', { entity: 'unknown_route' }));
    }
    // Client-side routes: every other GET gets the single-page app.
    return reply.type('text/html').sendFile('index.html');
  });
}
