import fc from 'fast-check';
import { addDays } from '../src/core/calendar.js';
import { idCheckChar } from '../src/core/idcard.js';

/**
 * JSON schema (as @fastify/swagger writes the zod contracts into the OpenAPI document) → fast-check arbitraries, for
 * the write-route fuzz (src/fuzz-writes.api.test.ts). `validValue` makes values of the schema's shape, leaning on
 * what exists (real ids, dates near today, positions inside the county) so that requests get past validation into
 * the services; `hostileValue` makes what a client should never send; `mutate` puts one into a valid value.
 */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema | JsonSchema[];
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  nullable?: boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

export interface Hints {
  /** Ids or codes seen under this field's name (test/fuzz-pools.ts), read when a value is drawn. */
  values(kind: 'id' | 'code', name: string): readonly string[];
  /** Every id or code seen so far. */
  any(kind: 'id' | 'code'): readonly string[];
  /** The county day the business clock reads, 'YYYY-MM-DD'. */
  today: string;
}

const MAX_DEPTH = 5;
const ABSENT = Symbol('absent');
/** Guangze County's test grids lie inside this box (test/world.ts). */
const COUNTY = { minLng: 117.33, maxLng: 117.35, minLat: 27.54, maxLat: 27.55 };
const PHRASES = ['路灯不亮', '楼道堆放杂物', '杭东社区', '三凤', '共建项目', '志愿服务', 'x', 'Test note', '重要 会议'];

function fromPool(pool: () => readonly string[], fallback: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(fc.nat(), fallback).map(([i, other]) => {
    const items = pool();
    return items.length ? items[i % items.length] : other;
  });
}

/** Mostly a value seen under this name, sometimes any seen value, sometimes `fallback`. */
export function seen(
  hints: Hints,
  kind: 'id' | 'code',
  name: string,
  fallback: fc.Arbitrary<string>,
): fc.Arbitrary<string> {
  const any = fromPool(() => hints.any(kind), fallback);
  return fc.oneof({ weight: 6, arbitrary: fromPool(() => hints.values(kind, name), any) }, any, fallback);
}

function typeOf(schema: JsonSchema): string | undefined {
  const t = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  if (t) return t;
  if (schema.properties) return 'object';
  if (schema.items || schema.prefixItems) return 'array';
  return undefined;
}

function within(s: JsonSchema): (v: string) => boolean {
  return (v) => v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? 10_000);
}

/** Days a schema accepts that are far from today or awkward in themselves. */
const EDGE_DAYS = ['0001-01-01', '1900-02-28', '1970-01-01', '2000-02-29', '2099-12-31', '9999-12-31'];

function dateNear(today: string, name: string): fc.Arbitrary<string> {
  const day = fc.oneof(
    { weight: 12, arbitrary: fc.integer({ min: -500, max: 500 }).map((d) => addDays(today, d)) },
    fc.constantFrom(...EDGE_DAYS),
  );
  // Evaluation sessions are held on the 20th (每月20日定期评事).
  return name === 'heldOn'
    ? fc.oneof(
        day.map((d) => `${d.slice(0, 8)}20`),
        day,
      )
    : day;
}

/** A resident ID number with a valid GB 11643 check character, born between 1940 and 2009. */
function idNumber(): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.integer({ min: 1940, max: 2009 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
      fc.integer({ min: 0, max: 999 }),
    )
    .map(([y, m, d, n]) => {
      const first17 = `350723${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(n).padStart(3, '0')}`;
      return first17 + idCheckChar(first17);
    });
}

function stringValue(schema: JsonSchema, hints: Hints, name: string): fc.Arbitrary<string> {
  const fits = within(schema);
  if (schema.format === 'uuid') return seen(hints, 'id', name, fc.uuid());
  if (schema.format === 'date') return dateNear(hints.today, name);
  if (schema.format === 'date-time') {
    return fc
      .tuple(
        dateNear(hints.today, name),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.boolean(),
      )
      .map(
        ([d, h, m, z]) => `${d}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00${z ? 'Z' : '+08:00'}`,
      );
  }
  if (name === 'idNumber')
    return fc.oneof({ weight: 4, arbitrary: idNumber() }, fc.string({ maxLength: 18 })).filter(fits);
  const pattern = schema.pattern === undefined ? undefined : new RegExp(schema.pattern);
  const matching = pattern ? fc.stringMatching(pattern, { size: 'xsmall' }).filter(fits) : undefined;
  if (pattern && matching) {
    const codes = () => hints.values('code', name).filter((c) => pattern.test(c) && fits(c));
    return /code|key|token/i.test(name)
      ? fc.oneof({ weight: 3, arbitrary: fromPool(codes, matching) }, matching)
      : matching;
  }
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 60, min + 40);
  // As long as the schema allows (in UTF-16 units, as zod counts), in one-unit and in three-byte characters.
  const longest =
    schema.maxLength !== undefined && schema.maxLength <= 20_000
      ? fc.constantFrom('x', '长', '\u00e9').map((c) => c.repeat(schema.maxLength ?? 0))
      : fc.constant('x');
  const text = fc
    .oneof(
      { weight: 3, arbitrary: fc.constantFrom(...PHRASES) },
      fc.string({ minLength: min, maxLength: max }),
      fc.string({ unit: 'grapheme', minLength: min, maxLength: max }),
      longest,
    )
    .map((v) => (v.length < min ? v.padEnd(min, '说') : v))
    .filter(fits);
  return /code|key|token/i.test(name)
    ? fc.oneof({ weight: 3, arbitrary: seen(hints, 'code', name, text).filter(fits) }, text)
    : text;
}

/** The range plain values are drawn from: the schema's, within ±1e9. */
function bounds(schema: JsonSchema): { min: number; max: number } {
  const min = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : (schema.minimum ?? -1000);
  const max = typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum : (schema.maximum ?? 1000);
  return { min: Math.max(min, -1e9), max: Math.min(max, 1e9) };
}

/** v within the schema's bounds, exclusive ones given as numbers (JSON Schema) or flags (OpenAPI 3.0). */
function withinSchema(schema: JsonSchema, v: number): boolean {
  const { minimum: min, maximum: max, exclusiveMinimum: xmin, exclusiveMaximum: xmax } = schema;
  if (typeof xmin === 'number' ? v <= xmin : min !== undefined && (xmin ? v <= min : v < min)) return false;
  return !(typeof xmax === 'number' ? v >= xmax : max !== undefined && (xmax ? v >= max : v > max));
}

function numberValue(schema: JsonSchema, name: string, today: string, integer: boolean): fc.Arbitrary<number> {
  const b = bounds(schema);
  const year = Number(today.slice(0, 4));
  const hinted: fc.Arbitrary<number>[] = [];
  if (name === 'lng') hinted.push(fc.double({ min: COUNTY.minLng, max: COUNTY.maxLng, noNaN: true }));
  if (name === 'lat') hinted.push(fc.double({ min: COUNTY.minLat, max: COUNTY.maxLat, noNaN: true }));
  if (name === 'year') hinted.push(fc.integer({ min: year - 1, max: year + 1 }));
  if (name === 'version') hinted.push(fc.integer({ min: 1, max: 3 }));
  if (name === 'quarter') hinted.push(fc.integer({ min: 1, max: 4 }));
  const plain = integer
    ? fc.integer({ min: Math.ceil(b.min), max: Math.floor(b.max) })
    : fc.double({ min: b.min, max: b.max, noNaN: true, noDefaultInfinity: true });
  // The schema's own bounds, unclamped (±2^53 for an unbounded integer): what the column must hold.
  const edges = [
    schema.minimum,
    schema.maximum,
    typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : undefined,
    0,
    1,
  ].filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const edge = fc.constantFrom(
    ...edges,
    ...(integer ? [Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER] : [1e300, 5e-324]),
  );
  const all = fc.oneof(
    { weight: 8, arbitrary: hinted.length ? fc.oneof({ weight: 4, arbitrary: fc.oneof(...hinted) }, plain) : plain },
    edge,
  );
  return all.filter((v) => withinSchema(schema, v) && (!integer || Number.isInteger(v)));
}

/** A closed rectangle inside the county (or anywhere, now and then): what a grid boundary looks like. */
export function polygonValue(): fc.Arbitrary<unknown> {
  const lng = fc.double({ min: COUNTY.minLng, max: COUNTY.maxLng - 0.001, noNaN: true });
  const lat = fc.double({ min: COUNTY.minLat, max: COUNTY.maxLat - 0.001, noNaN: true });
  return fc.tuple(lng, lat, fc.double({ min: 0.0001, max: 0.005, noNaN: true })).map(([x, y, d]) => ({
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + d, y],
        [x + d, y + d],
        [x, y + d],
        [x, y],
      ],
    ],
  }));
}

function objectValue(schema: JsonSchema, hints: Hints, depth: number): fc.Arbitrary<unknown> {
  const props = schema.properties ?? {};
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, s] of Object.entries(props)) model[key] = validValue(s, hints, depth + 1, key);
  const required = new Set(schema.required ?? []);
  // Sparse (each optional field present a third of the time: each one that names a record is one more way to miss)
  // or full (each present four times in five: some "optional" fields are required of some actors).
  const fieldsPresent = (absent: number, present: number) =>
    fc.tuple(
      ...Object.entries(model).map(([k, arb]) =>
        required.has(k)
          ? arb
          : fc.oneof({ weight: absent, arbitrary: fc.constant(ABSENT) }, { weight: present, arbitrary: arb }),
      ),
    );
  const record = fc.tuple(fc.oneof(fieldsPresent(2, 1), fieldsPresent(1, 4)), fc.nat({ max: 9 })).map(([values, n]) => {
    const o = Object.fromEntries(
      Object.keys(model)
        .map((k, i) => [k, values[i]])
        .filter(([, v]) => v !== ABSENT),
    );
    return n < 8 ? consistent(o) : o;
  });
  const extra = schema.additionalProperties;
  if (typeof extra !== 'object' || Object.keys(props).length) return record;
  const values = validValue(extra, hints, depth + 1);
  return fc.dictionary(fc.oneof(seen(hints, 'id', '', fc.uuid()), fc.string({ maxLength: 8 })), values, { maxKeys: 3 });
}

/** `min…`/`max…`, `…From`/`…To`, `since`/`until`, `start…`/`end…`: the second of each pair present. */
function pairedKey(key: string): string | undefined {
  const m = /^min(.+)$/.exec(key) ?? /^(.+)From$/.exec(key) ?? /^start(.*)$/.exec(key);
  if (!m) return key === 'since' ? 'until' : undefined;
  return key.startsWith('min') ? `max${m[1]}` : key.startsWith('start') ? `end${m[1]}` : `${m[1]}To`;
}

/**
 * Most requests a client sends are consistent across fields; the schema cannot say so, so this does: pairs in
 * order, a period's year (and quarter) taken from its date, a position given as both lng and lat or neither.
 */
function consistent(value: Record<string, unknown>): Record<string, unknown> {
  const o = { ...value };
  for (const a of Object.keys(o)) {
    const b = pairedKey(a);
    if (b === undefined || !(b in o) || typeof o[a] !== typeof o[b]) continue;
    const [x, y] = [o[a], o[b]];
    if ((typeof x === 'number' || typeof x === 'string') && (x as number | string) > (y as number | string))
      [o[a], o[b]] = [y, x];
  }
  const dated = Object.keys(o).find(
    (k) => /(On|Date|^date)$/.test(k) && typeof o[k] === 'string' && /^\d{4}-\d{2}-\d{2}/.test(o[k] as string),
  );
  if (dated && typeof o.year === 'number') {
    const day = o[dated] as string;
    o.year = Number(day.slice(0, 4));
    if (typeof o.quarter === 'number') o.quarter = Math.ceil(Number(day.slice(5, 7)) / 3);
  }
  if ('lng' in o !== 'lat' in o) {
    delete o.lng;
    delete o.lat;
  }
  return o;
}

function arrayValue(schema: JsonSchema, hints: Hints, depth: number, name: string): fc.Arbitrary<unknown> {
  const tuple = schema.prefixItems ?? (Array.isArray(schema.items) ? schema.items : undefined);
  if (tuple) return fc.tuple(...tuple.map((s) => validValue(s, hints, depth + 1, name)));
  const items = (schema.items as JsonSchema | undefined) ?? {};
  const minLength = schema.minItems ?? 0;
  const maxLength = Math.max(
    minLength,
    Math.min(schema.maxItems ?? 4, minLength + 3, depth >= MAX_DEPTH ? minLength : 99),
  );
  return fc.array(validValue(items, hints, depth + 1, name), { minLength, maxLength });
}

function untyped(name: string, depth: number): fc.Arbitrary<unknown> {
  if (/boundary|geometry|polygon/i.test(name))
    return fc.oneof({ weight: 3, arbitrary: polygonValue() }, fc.jsonValue({ maxDepth: 2 }));
  return fc.jsonValue({ maxDepth: Math.max(0, 2 - depth) });
}

/** A value of the schema's shape; `name` is the property it goes in (lng, year, version… get likely values). */
export function validValue(schema: JsonSchema, hints: Hints, depth = 0, name = ''): fc.Arbitrary<unknown> {
  const base = nonNullValue(schema, hints, depth, name);
  const nullable = schema.nullable || (Array.isArray(schema.type) && schema.type.includes('null'));
  return nullable ? fc.oneof({ weight: 4, arbitrary: base }, fc.constant(null)) : base;
}

function nonNullValue(schema: JsonSchema, hints: Hints, depth: number, name: string): fc.Arbitrary<unknown> {
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => validValue(s, hints, depth, name)));
  if (schema.allOf?.length) return validValue(Object.assign({}, ...schema.allOf) as JsonSchema, hints, depth, name);
  switch (typeOf(schema)) {
    case 'object':
      return objectValue(schema, hints, depth);
    case 'array':
      return arrayValue(schema, hints, depth, name);
    case 'string':
      return stringValue(schema, hints, name);
    case 'integer':
      return numberValue(schema, name, hints.today, true);
    case 'number':
      return numberValue(schema, name, hints.today, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return untyped(name, depth);
  }
}

/** Strings no field should accept as they are, or that test what the server does with them. */
export const JUNK_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  '😀'.repeat(40),
  '\u202eevil',
  'e\u0301\u0301\u0301',
  '<script>alert(1)</script>',
  "'; drop table users; --",
  "' or '1'='1",
  '../../etc/passwd',
  '%00',
  '${7*7}',
  '{{7*7}}',
  'NaN',
  'Infinity',
  '-Infinity',
  '-1',
  '1e309',
  '0x10',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '__proto__',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '2026-2-3',
  '2026-02-28T25:61:00Z',
  '99999-01-01',
  '2027-02-29',
  '-2026-01-01',
  'not-a-uuid',
  '00000000-0000-0000-0000-00000000000g',
  '{4f0c8f9e-1d2a-4b3c-8d4e-5f6a7b8c9d0e}',
  '4f0c8f9e1d2a4b3c8d4e5f6a7b8c9d0e',
  '4F0C8F9E-1D2A-4B3C-8D4E-5F6A7B8C9D0E',
  '4f0c8f9e-1d2a-4b3c-8d4e-5f6a7b8c9d0e ',
  'secretary',
  'unit:',
  '99:99',
  '24:00',
];

export const JUNK_NUMBERS = [
  0,
  -0,
  -1,
  1.5,
  -1e308,
  1e308,
  Number.MAX_SAFE_INTEGER + 2,
  -(2 ** 31) - 1,
  2 ** 31,
  2 ** 63,
  5e-324,
  1e21,
  -273.15,
];

/**
 * Deep nesting is spliced into the JSON text (JSON.stringify of a value 10,000 levels deep overflows the test's own
 * stack): this marker string stands for `[[[…1…]]]` or `{"a":{"a":…}}` that many levels deep.
 */
export const DEEP_MARKER = /"\\u0001deep:(\d+):([ao])"/g;

export function deep(depth: number, objects: boolean): string {
  return objects ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` : `${'['.repeat(depth)}1${']'.repeat(depth)}`;
}

/** JSON text of a value, with every deep-nesting marker in it expanded ('' for undefined: an empty body). */
export function toJsonText(value: unknown): string {
  return (JSON.stringify(value) ?? '').replace(DEEP_MARKER, (_, n: string, k: string) => deep(Number(n), k === 'o'));
}

/** A value that should not pass where a schema expects something: wrong types, extremes, junk, deep nesting. */
export function hostileValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom<unknown>(...JUNK_STRINGS) },
    {
      weight: 2,
      arbitrary: fc.constantFrom<unknown>(...JUNK_NUMBERS, null, true, false, {}, [], [null], { '': null }),
    },
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom(5_000, 70_000, 300_000).map((n) => '长'.repeat(n)),
    fc
      .tuple(fc.constantFrom(64, 1000, 20_000, 200_000), fc.constantFrom('a', 'o'))
      .map(([n, k]) => `\u0001deep:${n}:${k}`),
    fc.anything({ maxDepth: 3, maxKeys: 4, withNullPrototype: true }),
  );
}

export type Mutation =
  | { op: 'replace'; path: number[]; value: unknown }
  | { op: 'drop'; path: number[] }
  | { op: 'extra'; path: number[]; key: string; value: unknown };

export const EXTRA_KEYS = [
  'zz',
  'id',
  'version',
  'createdAt',
  'status',
  'constructor',
  'prototype',
  'toString',
  '',
  '$where',
];

export function mutation(): fc.Arbitrary<Mutation> {
  const path = fc.array(fc.nat(), { maxLength: 4 });
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ op: fc.constant('replace' as const), path, value: hostileValue() }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('drop' as const), path }) },
    fc.record({ op: fc.constant('extra' as const), path, key: fc.constantFrom(...EXTRA_KEYS), value: hostileValue() }),
  );
}

function isContainer(v: unknown): v is Record<string, unknown> | unknown[] {
  return typeof v === 'object' && v !== null;
}

/** Applies the mutation at the place its path leads to (each step picks a child by index, modulo their number). */
export function mutate(value: unknown, m: Mutation): unknown {
  if (!isContainer(value) || (m.path.length === 0 && m.op === 'replace')) return m.op === 'replace' ? m.value : value;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...value };
  const keys = Object.keys(copy);
  const [step, ...rest] = m.path;
  const key = keys.length ? keys[(step ?? 0) % keys.length] : undefined;
  const child = key === undefined ? undefined : (copy as Record<string, unknown>)[key];
  if (key !== undefined && rest.length && isContainer(child)) {
    (copy as Record<string, unknown>)[key] = mutate(child, { ...m, path: rest });
  } else if (m.op === 'extra' && !Array.isArray(copy)) {
    Object.defineProperty(copy, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
  } else if (key !== undefined && m.op === 'replace') {
    (copy as Record<string, unknown>)[key] = m.value;
  } else if (key !== undefined && m.op === 'drop') {
    if (Array.isArray(copy)) copy.splice(Number(key), 1);
    else delete copy[key];
  }
  return copy;
}
