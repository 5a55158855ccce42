import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

/** One validator for every GeoReport v2 answer: ajv against test/open311/georeport-v2.schemas.ts. */
const ajv = new Ajv2020({ allErrors: true, strict: false });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);

export function expectValid(schema: object, data: unknown, what: string): void {
  const validate = ajv.compile(schema);
  const ok = validate(data);
  expect(ok, `${what}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(data).slice(0, 400)}`).toBe(true);
}

/** A JSON answer: the content type, a body that parses, and the schema. Answers the parsed body. */
export function expectJson<T = unknown>(res: LightMyRequestResponse, schema: object, status = 200): T {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  const body = JSON.parse(res.body) as T;
  expectValid(schema, body, `JSON ${res.raw.req.url}`);
  return body;
}

/** Nested XML lists and their child elements (the specification's names). */
const LISTS: Record<string, string> = {
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
};
const BOOLEANS = new Set(['metadata', 'variable', 'required']);
const INTEGERS = new Set(['order', 'code']);
const NUMBERS = new Set(['lat', 'long']);

const parser = new XMLParser({
  parseTagValue: false,
  ignoreDeclaration: true,
  isArray: (name) => ['service', 'request', 'error', 'attribute', 'value', 'endpoint', 'format'].includes(name),
});

/** XML text values read back into the JSON types the schemas state (the XML itself carries only text). */
function typed(key: string, value: unknown): unknown {
  if (LISTS[key] !== undefined) {
    const inner = value && typeof value === 'object' ? (value as Record<string, unknown>)[LISTS[key]] : undefined;
    return ((inner as unknown[] | undefined) ?? []).map((v) => typed(LISTS[key], v));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typed(k, v)]));
  }
  const s = String(value);
  if (BOOLEANS.has(key)) {
    expect(['true', 'false'], `<${key}> is a boolean`).toContain(s);
    return s === 'true';
  }
  if (INTEGERS.has(key) && /^\d+$/.test(s)) return Number(s);
  if (NUMBERS.has(key)) {
    expect(s, `<${key}> is a number`).toMatch(/^-?\d+(\.\d+)?$/);
    return Number(s);
  }
  return s;
}

/**
 * An XML answer: the content type, well-formed XML with the specification's root (and item) element, and the same
 * schema as the JSON answer once its values are typed. Answers the typed data.
 */
export function expectXml<T = unknown>(
  res: LightMyRequestResponse,
  shape: { root: string; item?: string },
  schema: object,
  status = 200,
): T {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
  expect(res.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  const doc = parser.parse(res.body, true) as Record<string, unknown>;
  expect(Object.keys(doc)).toEqual([shape.root]);
  const root = doc[shape.root];
  const data = shape.item
    ? ((root && typeof root === 'object' ? (root as Record<string, unknown[]>)[shape.item] : undefined) ?? []).map(
        (v) => typed(shape.item as string, v),
      )
    : typed(shape.root, root);
  expectValid(schema, data, `XML ${res.raw.req.url}`);
  return data as T;
}
