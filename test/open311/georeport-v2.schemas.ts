/**
 * JSON Schemas (draft 2020-12) for GeoReport v2 answers, written for this project from the specification's field
 * tables at http://wiki.open311.org/GeoReport_v2 (discovery, GET services, GET service definition, GET/POST
 * requests, GET request id from a token, errors). Each field's type, which fields are required and the value lists
 * (status open/closed, type realtime/batch/blackbox, the attribute datatypes) follow those tables; datetimes follow
 * the W3C format the specification names. Used by open311.conformance.api.test.ts for JSON answers, and for XML
 * answers after their text values are read back into the same types.
 */
const w3cDatetime = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$',
};
const text = { type: 'string' };
const nonEmpty = { type: 'string', minLength: 1 };

export const discoverySchema = {
  type: 'object',
  required: ['changeset', 'contact', 'key_service', 'endpoints'],
  properties: {
    changeset: w3cDatetime,
    contact: text,
    key_service: text,
    endpoints: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['specification', 'url', 'type', 'formats'],
        properties: {
          specification: nonEmpty,
          url: { type: 'string', format: 'uri' },
          changeset: w3cDatetime,
          type: { enum: ['production', 'test'] },
          formats: { type: 'array', minItems: 1, items: { enum: ['text/xml', 'application/json'] } },
        },
      },
    },
  },
};

export const servicesSchema = {
  type: 'array',
  items: {
    type: 'object',
    required: ['service_code', 'service_name', 'metadata', 'type'],
    additionalProperties: false,
    properties: {
      service_code: nonEmpty,
      service_name: nonEmpty,
      description: text,
      metadata: { type: 'boolean' },
      type: { enum: ['realtime', 'batch', 'blackbox'] },
      keywords: text,
      group: text,
    },
  },
};

const LIST_TYPES = ['singlevaluelist', 'multivaluelist'];
export const serviceDefinitionSchema = {
  type: 'object',
  required: ['service_code', 'attributes'],
  properties: {
    service_code: nonEmpty,
    attributes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['variable', 'code', 'datatype', 'required', 'order', 'description'],
        additionalProperties: false,
        properties: {
          variable: { type: 'boolean' },
          code: nonEmpty,
          datatype: { enum: ['string', 'number', 'datetime', 'text', ...LIST_TYPES] },
          required: { type: 'boolean' },
          datatype_description: text,
          order: { type: 'integer', minimum: 0 },
          description: nonEmpty,
          values: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              required: ['key', 'name'],
              additionalProperties: false,
              properties: { key: nonEmpty, name: nonEmpty },
            },
          },
        },
        if: { properties: { datatype: { enum: LIST_TYPES } } },
        then: { required: ['values'] },
        else: { not: { required: ['values'] } },
      },
    },
  },
};

export const requestsSchema = {
  type: 'array',
  items: {
    type: 'object',
    required: ['service_request_id', 'status', 'service_code', 'requested_datetime'],
    additionalProperties: false,
    properties: {
      service_request_id: nonEmpty,
      status: { enum: ['open', 'closed'] },
      status_notes: text,
      service_name: text,
      service_code: nonEmpty,
      description: text,
      agency_responsible: text,
      service_notice: text,
      requested_datetime: w3cDatetime,
      updated_datetime: w3cDatetime,
      expected_datetime: w3cDatetime,
      address: text,
      address_id: text,
      zipcode: text,
      lat: { type: 'number', minimum: -90, maximum: 90 },
      long: { type: 'number', minimum: -180, maximum: 180 },
      media_url: text,
    },
    dependentRequired: { lat: ['long'], long: ['lat'] },
  },
};

export const postResponseSchema = {
  type: 'array',
  minItems: 1,
  maxItems: 1,
  items: {
    type: 'object',
    additionalProperties: false,
    anyOf: [{ required: ['service_request_id'] }, { required: ['token'] }],
    properties: { service_request_id: nonEmpty, token: nonEmpty, service_notice: text, account_id: text },
  },
};

export const tokenSchema = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    required: ['token', 'service_request_id'],
    additionalProperties: false,
    properties: { token: nonEmpty, service_request_id: nonEmpty },
  },
};

export const errorsSchema = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    required: ['code', 'description'],
    additionalProperties: false,
    properties: { code: { type: ['integer', 'string'] }, description: nonEmpty },
  },
};
