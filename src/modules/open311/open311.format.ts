import type { FastifyReply } from 'fastify';
import { XMLBuilder } from 'fast-xml-parser';

/**
 * The two formats of GeoReport v2. XML is the specification's required one: a root element per answer and one
 * child element per item, every value as text. JSON is the same data, values keeping their types (lat/long numbers,
 * metadata and required booleans). Errors are `[{code, description}]` / `<errors><error>…</error></errors>`.
 */
export type Format = 'json' | 'xml';

export const CONTENT_TYPES: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

const builder = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: false, processEntities: true });

/** Where each answer's items sit in XML: root element, item element, and the nested lists inside an item. */
export const XML_SHAPES = {
  services: { root: 'services', item: 'service' },
  requests: { root: 'service_requests', item: 'request' },
  errors: { root: 'errors', item: 'error' },
} as const;

/** XML wants text: booleans and numbers are written out; nested arrays become a wrapper with one child per item. */
function xmlValue(value: unknown, itemName: string): unknown {
  if (Array.isArray(value)) return { [itemName]: value.map((v) => xmlValue(v, itemName)) };
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, xmlValue(v, CHILD_NAMES[k] ?? k.replace(/s$/, ''))]),
    );
  }
  return value === null || value === undefined ? '' : String(value);
}

/** Nested lists' child element names (attributes → attribute, values → value, endpoints → endpoint, formats → format). */
const CHILD_NAMES: Record<string, string> = {
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
};

export function toXml(root: string, body: unknown): string {
  const inner = Array.isArray(body) ? xmlValue(body, '') : xmlValue(body, root);
  return `<?xml version="1.0" encoding="utf-8"?>${builder.build({ [root]: inner })}`;
}

/** A list answer (services, requests, errors) as `<root><item/>…</root>`. */
export function listXml(shape: { root: string; item: string }, items: readonly object[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>${builder.build({ [shape.root]: { [shape.item]: items.map((i) => xmlValue(i, shape.item)) } })}`;
}

export function sendList(
  reply: FastifyReply,
  format: Format,
  shape: { root: string; item: string },
  items: readonly object[],
  status = 200,
): FastifyReply {
  reply.status(status).type(CONTENT_TYPES[format]);
  return reply.send(format === 'json' ? JSON.stringify(items) : listXml(shape, items));
}

export function sendObject(reply: FastifyReply, format: Format, root: string, body: object): FastifyReply {
  reply.status(200).type(CONTENT_TYPES[format]);
  return reply.send(format === 'json' ? JSON.stringify(body) : toXml(root, body));
}
