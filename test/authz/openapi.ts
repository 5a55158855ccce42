/**
 * The routes of the OpenAPI document and schema-valid sample values for their query strings and bodies, so that a
 * matrix request always reaches its handler (Fastify validates before the handler authorises: a body that fails the
 * schema would answer 400 to everyone and say nothing about who may do what).
 */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  /** OpenAPI 3.0 writes `minimum: 0, exclusiveMinimum: true` for "> 0". */
  exclusiveMinimum?: number | boolean;
  minItems?: number;
}

interface Operation {
  parameters?: { in: string; name: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

export interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
}

export interface RouteDoc {
  /** 'GET /api/cases/{id}': the key of the route in the expected table. */
  key: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  pathParams: string[];
  query: { name: string; required: boolean; schema: JsonSchema }[];
  body: JsonSchema | null;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export function routesOf(doc: OpenApiDoc): RouteDoc[] {
  const out: RouteDoc[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const m of METHODS) {
      const op = ops[m];
      if (!op) continue;
      const params = op.parameters ?? [];
      out.push({
        key: `${m.toUpperCase()} ${path}`,
        method: m.toUpperCase() as RouteDoc['method'],
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        query: params
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, required: p.required === true, schema: p.schema ?? {} })),
        body: op.requestBody?.content['application/json']?.schema ?? null,
      });
    }
  }
  return out;
}

/** A value for a property, chosen by its name before its schema (ids of the side's rows, a stale version …). */
export type NamedValue = (name: string) => unknown;

const PATTERNS: [RegExp, string][] = [
  [/\[01\]\\d\|2\[0-3\]\):\[0-5\]\\d\$$/, '08:30'],
  [/T\(\?:/, '2026-06-01T09:00:00+08:00'],
  [/-02-29/, '2026-06-01'],
  [/\\d\{4\}-\\d\{2\}-\\d\{2\}/, '2026-06-01'],
  [/\\d\{9\}/, '350723001'],
  [/\^\\d\{4\}\$/, '2026'],
  [/secretary\|unit/, 'secretary'],
  [/\^1\[3-9\]/, '13800009999'],
  [/\[a-z\]\[a-z0-9_\]/, 'zz_probe'],
  [/A-Za-z0-9_-/, 'probe'],
  [/\\d\+/, '1'],
];

function sampleString(s: JsonSchema): string {
  if (s.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
  if (s.format === 'date') return '2026-06-01';
  if (s.format === 'date-time') return '2026-06-01T09:00:00+08:00';
  if (s.pattern) {
    const hit = PATTERNS.find(([re]) => re.test(s.pattern as string));
    if (hit) return hit[1];
  }
  return '探针'.padEnd(Math.max(2, s.minLength ?? 2), '针');
}

/** A minimal value valid for the schema: required properties only, the first of every choice. */
export function sample(s: JsonSchema, named: NamedValue, name = ''): unknown {
  const byName = name ? named(name) : undefined;
  if (byName !== undefined) return byName;
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  const choice = s.anyOf ?? s.oneOf;
  if (choice) return sample(choice.find((c) => c.type !== 'null') ?? choice[0], named, name);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const required = new Set(s.required ?? []);
      for (const [key, prop] of Object.entries(s.properties ?? {})) {
        // Optional properties only where the world has a value for them (the side's ids, a stale version).
        if (required.has(key) || named(key) !== undefined) out[key] = sample(prop, named, key);
      }
      return out;
    }
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sample(s.items ?? {}, named));
    case 'integer':
    case 'number':
      if (typeof s.exclusiveMinimum === 'number') return s.exclusiveMinimum + 1;
      return (s.minimum ?? 0) + (s.exclusiveMinimum === true || s.minimum === undefined ? 1 : 0);
    case 'boolean':
      return false;
    case 'string':
      return sampleString(s);
    default:
      return s.default ?? null;
  }
}

/** The query string: required parameters, and a list's pageSize (1: the answer is what matters, not the rows). */
export function sampleQuery(route: RouteDoc, named: NamedValue): string {
  const pairs = route.query
    .filter((q) => q.required || q.name === 'pageSize')
    .map((q) => [q.name, String(sample(q.schema, named, q.name))]);
  return pairs.length ? `?${new URLSearchParams(pairs).toString()}` : '';
}
