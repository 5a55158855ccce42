import fc from 'fast-check';
import type { Pools } from './fuzz-pools.js';
import {
  type Hints,
  type JsonSchema,
  hostileValue,
  JUNK_STRINGS,
  mutate,
  mutation,
  toJsonText,
  validValue,
} from './fuzz-arbitraries.js';

/**
 * Requests for the write-route fuzz (src/fuzz-writes.api.test.ts): the write routes of the OpenAPI document, and for
 * each an arbitrary of requests, half of the schema's shape, half hostile (a mutated body, a body that is not JSON,
 * the wrong content type, junk in the path, the query or a header).
 */
export type Method = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Param {
  name: string;
  schema: JsonSchema;
  required: boolean;
}

export interface WriteRoute {
  method: Method;
  /** As the OpenAPI document writes it: /api/grids/{id}. */
  path: string;
  params: Param[];
  query: Param[];
  headers: Param[];
  /** The JSON body's schema; undefined when the route declares none. */
  body?: JsonSchema;
  /** Set by the caller once a route answers a JSON body with 415 (it reads a file from multipart/form-data). */
  multipart: boolean;
}

interface OpenApiOperation {
  parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
}

const WRITES: Method[] = ['POST', 'PUT', 'PATCH', 'DELETE'];

export function writeRoutes(doc: OpenApiDocument): WriteRoute[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    WRITES.filter((m) => ops[m.toLowerCase()]).map((method) => {
      const op = ops[method.toLowerCase()];
      const of = (where: string): Param[] =>
        (op.parameters ?? [])
          .filter((p) => p.in === where)
          .map((p) => ({ name: p.name, schema: p.schema, required: p.required ?? false }));
      return {
        method,
        path,
        params: of('path'),
        query: of('query'),
        headers: of('header'),
        body: op.requestBody?.content['application/json']?.schema,
        multipart: false,
      };
    }),
  );
}

/** A file a multipart request may carry. */
export interface SampleFile {
  name: string;
  type: string;
  data: Buffer;
}

export interface FuzzRequest {
  kind: 'valid' | 'hostile';
  method: Method;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** The strings this request sent (body leaves, path and query values), to check that no error details echo them. */
  sent: string[];
  /** The JSON value of a valid body. */
  value?: unknown;
}

/** How a failing request is printed: short enough to read, enough to send again. */
export function describe(r: FuzzRequest): string {
  const payload =
    r.payload === undefined
      ? '(none)'
      : Buffer.isBuffer(r.payload)
        ? `<${r.payload.length} bytes> ${JSON.stringify(r.payload.subarray(0, 300).toString('latin1'))}`
        : r.payload.length > 400
          ? `${JSON.stringify(r.payload.slice(0, 400))}… (${r.payload.length} chars)`
          : JSON.stringify(r.payload);
  const headers = Object.entries(r.headers)
    .filter(([k]) => k !== 'cookie')
    .map(([k, v]) => `${k}: ${v.slice(0, 120)}`)
    .join('; ');
  return `${r.kind} ${r.method} ${r.url.length > 300 ? `${r.url.slice(0, 300)}…` : r.url} [${headers}] body ${payload}`;
}

export function stringLeaves(value: unknown, out: string[] = [], depth = 0): string[] {
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'object' && value !== null && depth < 20) {
    for (const v of Object.values(value)) stringLeaves(v, out, depth + 1);
  }
  return out;
}

const HOSTILE_SEGMENTS = [
  '0',
  '-1',
  'null',
  'undefined',
  '%zz',
  '%00',
  '..',
  '%2e%2e',
  'a'.repeat(120),
  '%E4%B8%AD%E6%96%87',
  "'",
  '%27%20or%201%3D1',
  '4f0c8f9e-1d2a-4b3c-8d4e-5f6a7b8c9d0e%20',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
];

/** A path parameter: mostly a real id or code seen behind the segment before it, else a random uuid or junk. */
function pathSegment(p: Param, c: RequestContext, segment: string, hostile: boolean): fc.Arbitrary<string> {
  const year = Number(c.hints.today.slice(0, 4));
  const kind = p.schema.format === 'uuid' ? 'id' : 'code';
  const schemaValid =
    p.name === 'year'
      ? fc.integer({ min: year - 1, max: year + 1 }).map(String)
      : validValue(p.schema, c.hints, 0, p.name).map(String);
  const known = fc.tuple(fc.nat(), schemaValid).map(([i, other]) => {
    const values = c.pools.values(kind, p.name, segment);
    return values.length ? values[i % values.length] : other;
  });
  const valid = fc.oneof({ weight: 4, arbitrary: known }, schemaValid).map(uriEncode);
  if (!hostile) return fc.oneof({ weight: 9, arbitrary: valid }, fc.uuid());
  return fc.oneof(
    { weight: 3, arbitrary: valid },
    fc.uuid(),
    fc.constantFrom(...HOSTILE_SEGMENTS),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).map(uriEncode),
  );
}

function queryString(params: Param[], hints: Hints, hostile: boolean): fc.Arbitrary<string> {
  const entries = params.map((p) => {
    const value = hostile
      ? fc.oneof(validValue(p.schema, hints, 0, p.name), fc.constantFrom<unknown>(...JUNK_STRINGS))
      : validValue(p.schema, hints, 0, p.name);
    return fc.option(
      value.map((v) => `${uriEncode(p.name)}=${uriEncode(String(v))}`),
      {
        nil: undefined,
        freq: p.required ? 20 : 2,
      },
    );
  });
  const extra = hostile
    ? fc.constantFrom(undefined, 'zz=1', 'page=-1', 'mode=all&mode=partial', '__proto__=x')
    : fc.constant(undefined);
  return fc.tuple(fc.tuple(...entries), extra).map(([parts, more]) => {
    const all = [...parts, more].filter((x): x is string => typeof x === 'string');
    return all.length ? `?${all.join('&')}` : '';
  });
}

function urlOf(route: WriteRoute, c: RequestContext, hostile: boolean): fc.Arbitrary<{ url: string; sent: string[] }> {
  const segments = fc.tuple(
    ...route.params.map((p) => pathSegment(p, c, lastSegmentBefore(route.path, p.name), hostile)),
  );
  return fc.tuple(segments, queryString(route.query, c.hints, hostile)).map(([values, qs]) => {
    let i = 0;
    const url = route.path.replace(/\{[^}]+\}/g, () => values[i++]) + qs;
    return { url, sent: [...values, ...qs.slice(1).split('&')].map(safeDecode) };
  });
}

/** The literal segment right before `{name}`: /api/service-days/{id}/signups/{signupId} → signups for signupId. */
function lastSegmentBefore(path: string, name: string): string {
  const head = path
    .slice(0, path.indexOf(`{${name}}`))
    .split('/')
    .filter(Boolean);
  return head[head.length - 1] ?? '';
}

/** encodeURIComponent, except that a lone surrogate (which it refuses) goes out as the bytes of one: invalid UTF-8. */
function uriEncode(s: string): string {
  const lone = /([\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff])/;
  return s
    .split(lone)
    .map((part, i) => (i % 2 ? '%ED%A0%80' : encodeURIComponent(part)))
    .join('');
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A request body; `value` is the JSON value of a valid body, before it was written out as `payload`. */
interface Body {
  payload?: string | Buffer;
  contentType?: string;
  sent: string[];
  value?: unknown;
}

const RAW_BODIES = [
  '',
  '{',
  '}',
  'not json',
  '{"a":}',
  '[1,2',
  'null',
  '"text"',
  '123',
  '\ufeff{}',
  '{"a":1,"a":2}',
  '\u0000',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"x":1}}}',
  'a=1&b=2',
  '<xml/>',
];
const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/xml',
  'multipart/form-data',
  'multipart/form-data; boundary=zz',
  'application/octet-stream',
  'application/JSON',
  '*/*',
];

function jsonBody(value: unknown): Body {
  return { payload: toJsonText(value), contentType: 'application/json', sent: stringLeaves(value) };
}

function validJsonBody(route: WriteRoute, hints: Hints): fc.Arbitrary<Body> {
  if (!route.body) return fc.constant<Body>({ sent: [] });
  return validValue(route.body, hints).map((value) => ({ ...jsonBody(value), value }));
}

/** A client sends the version it read: a valid body's `version` becomes that of the record the URL names, if seen. */
function withVersionRead(body: Body, url: string, c: RequestContext): Body {
  const value = body.value;
  if (typeof value !== 'object' || value === null || !('version' in value)) return body;
  const version = url
    .split(/[/?]/)
    .map((segment) => c.pools.versionOf(segment))
    .find((v) => v !== undefined);
  return version === undefined ? body : { ...jsonBody({ ...value, version }), value: { ...value, version } };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A copy of `value` with its n-th uuid (modulo their number) replaced by `id`: one reference to nothing. */
function withStrangerId(value: unknown, n: number, id: string): unknown {
  let seen = 0;
  const total = stringLeaves(value).filter((x) => UUID.test(x)).length;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return UUID.test(v) && seen++ === n % Math.max(1, total) ? id : v;
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value);
}

/**
 * A body the route accepted before, changed in one place (a mutation, or one id swapped for an id of nothing): it gets
 * past every other check, so the one change meets the service's own checks and the database's constraints.
 */
function neighbourBody(base: fc.Arbitrary<unknown>, c: RequestContext): fc.Arbitrary<Body> {
  return fc.tuple(base, fc.nat(), mutation(), fc.uuid(), fc.boolean()).map(([fallback, i, m, id, swap]) => {
    const accepted = c.successes();
    const v = accepted.length ? accepted[i % accepted.length] : fallback;
    return jsonBody(swap ? withStrangerId(v, m.path[0] ?? i, id) : mutate(v, m));
  });
}

/** A body no route should take: a valid one mutated, text that is not JSON, the wrong content type, a huge one. */
function hostileJsonBody(route: WriteRoute, c: RequestContext): fc.Arbitrary<Body> {
  const base = route.body ? validValue(route.body, c.hints) : fc.constant<unknown>({});
  return fc.oneof(
    { weight: 4, arbitrary: neighbourBody(base, c) },
    {
      weight: 6,
      arbitrary: fc
        .tuple(base, mutation(), fc.nat({ max: 3 }))
        .map(([v, m, again]) => jsonBody(again ? mutate(v, m) : mutate(mutate(v, m), m))),
    },
    { weight: 2, arbitrary: hostileValue().map(jsonBody) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(...RAW_BODIES), fc.constantFrom(...CONTENT_TYPES))
        .map(([p, t]) => ({ payload: p, contentType: t, sent: [p] })),
    },
    fc
      .tuple(base, fc.constantFrom(...CONTENT_TYPES))
      .map(([v, t]) => ({ payload: toJsonText(v), contentType: t, sent: stringLeaves(v) })),
    fc.constant<Body>({ payload: `{"a":"${'x'.repeat(1_100_000)}"}`, contentType: 'application/json', sent: [] }),
    fc.constant<Body>({ sent: [] }),
  );
}

export interface MultipartPart {
  field: string;
  filename?: string;
  type?: string;
  data: Buffer | string;
}

export function multipart(
  parts: MultipartPart[],
  opts: { boundary?: string; truncate?: boolean } = {},
): { payload: Buffer; contentType: string } {
  const boundary = opts.boundary ?? 'fuzzBoundary7MA4YWxkTrZu0gW';
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.field}"${p.filename === undefined ? '' : `; filename="${p.filename}"`}`;
    const type = p.type === undefined ? '' : `Content-Type: ${p.type}\r\n`;
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`),
      Buffer.from(p.data),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  const payload = Buffer.concat(chunks);
  return {
    payload: opts.truncate ? payload.subarray(0, Math.floor(payload.length * 0.6)) : payload,
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

const FILENAMES = [
  'photo.jpg',
  'import.xlsx',
  '../../etc/passwd',
  '照片.png',
  'a"b.jpg',
  '',
  'x'.repeat(300) + '.jpg',
  'evil.exe',
  'CON',
  '.xlsx',
];
const FILE_TYPES = [
  'image/jpeg',
  'image/png',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/html',
  'application/pdf',
  'application/octet-stream',
];

function fileBody(fitting: SampleFile[]): fc.Arbitrary<Body> {
  const part = fc.record({
    file: fc.constantFrom(...fitting),
    filename: fc.option(fc.constantFrom(...FILENAMES), { nil: undefined, freq: 4 }),
  });
  return part.map(({ file, filename }) => {
    const body = multipart([{ field: 'file', filename: filename ?? file.name, type: file.type, data: file.data }]);
    return { ...body, sent: [filename ?? file.name] };
  });
}

/** Multipart bodies a route should refuse: junk bytes, the wrong kind of file, no file, two files, a cut-off body. */
function hostileFileBody(files: SampleFile[]): fc.Arbitrary<Body> {
  const bytes = fc.oneof(
    fc.uint8Array({ maxLength: 2000 }).map((a) => Buffer.from(a)),
    fc.constantFrom(...files.map((f) => f.data)),
    fc
      .tuple(fc.constantFrom(...files.map((f) => f.data)), fc.nat())
      .map(([d, n]) => d.subarray(0, n % Math.max(1, d.length))),
    fc.constantFrom(
      Buffer.alloc(0),
      Buffer.from('PK\u0003\u0004garbage'),
      Buffer.from('\xff\xd8\xff\xe0junk', 'latin1'),
      Buffer.from('%PDF-1.4\n'),
    ),
  );
  const part = fc.record({
    field: fc.constantFrom('file', 'file', 'upload', 'files[]', ''),
    filename: fc.option(fc.constantFrom(...FILENAMES), { nil: undefined, freq: 4 }),
    type: fc.option(fc.constantFrom(...FILE_TYPES), { nil: undefined }),
    data: bytes,
  });
  const text = fc.record({
    field: fc.constantFrom('note', 'file', 'communityId'),
    filename: fc.constant(undefined),
    type: fc.constant(undefined),
    data: fc.constantFrom<Buffer | string>(...JUNK_STRINGS.slice(0, 12)),
  });
  return fc
    .tuple(fc.array(fc.oneof(part, text), { maxLength: 3 }), fc.boolean(), fc.nat({ max: 9 }))
    .map(([parts, truncate, b]) => {
      const body = multipart(parts, { truncate: truncate && parts.length > 0, boundary: b === 0 ? 'a' : undefined });
      return { ...body, sent: parts.flatMap((p) => (p.filename ? [p.filename] : [])) };
    });
}

export interface RequestContext {
  hints: Hints;
  pools: Pools;
  files: SampleFile[];
  fitting: SampleFile[];
  /** JSON bodies this route has accepted so far (read when a value is drawn). */
  successes: () => readonly unknown[];
}

function bodyOf(route: WriteRoute, c: RequestContext, hostile: boolean): fc.Arbitrary<Body> {
  if (!route.multipart) return hostile ? hostileJsonBody(route, c) : validJsonBody(route, c.hints);
  if (!hostile) return fileBody(c.fitting.length ? c.fitting : c.files);
  return fc.oneof({ weight: 4, arbitrary: hostileFileBody(c.files) }, hostileJsonBody(route, c));
}

/** Requests for one route, `valid` or `hostile` (then also junk in the path, the query or an Idempotency-Key). */
export function requestsFor(
  route: WriteRoute,
  c: RequestContext,
  kind: FuzzRequest['kind'],
): fc.Arbitrary<FuzzRequest> {
  const hostile = kind === 'hostile';
  // Now and then a key used before, with this or another body: the stored answer or a refusal, never a second write.
  const keys = fc.oneof(
    fc.uuid(),
    fc.constantFrom('fuzz-key-1', 'fuzz-key-2'),
    fc.constantFrom('', 'k'.repeat(101), '\u00e9t\u00e9', 'x y'),
  );
  const idempotency = route.headers.some((h) => h.name === 'idempotency-key')
    ? fc.option(keys, { nil: undefined })
    : fc.constant(undefined);
  const language = fc.option(fc.constantFrom('en', 'en-US,en;q=0.9', 'zh-CN', 'fr', '*', ',,;q=', 'x'.repeat(300)), {
    nil: undefined,
    freq: 3,
  });
  return fc
    .tuple(urlOf(route, c, hostile), bodyOf(route, c, hostile), idempotency, language, fc.nat({ max: 4 }))
    .map(([u, raw, key, lang, n]) => {
      const b = n > 0 ? withVersionRead(raw, u.url, c) : raw;
      const headers: Record<string, string> = {};
      if (b.contentType !== undefined) headers['content-type'] = b.contentType;
      if (key !== undefined) headers['idempotency-key'] = key;
      if (lang !== undefined) headers['accept-language'] = lang;
      return {
        kind,
        method: route.method,
        url: u.url,
        headers,
        payload: b.payload,
        sent: [...u.sent, ...b.sent],
        value: b.value,
      };
    });
}
