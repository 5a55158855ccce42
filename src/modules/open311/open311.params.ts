import { isCalendarDay, localInstant } from '../../core/calendar.js';
import { AppError } from '../../core/errors.js';

/**
 * GeoReport v2 parameters arrive as a query string or a form body (application/x-www-form-urlencoded), some as JSON
 * from newer clients; here they become one shape: every name with its values as strings, in order.
 */
export type Params = Record<string, string[]>;

export function paramsOf(...sources: unknown[]): Params {
  const out: Params = {};
  for (const source of sources) {
    if (!source || typeof source !== 'object' || Array.isArray(source)) continue;
    for (const [name, value] of Object.entries(source as Record<string, unknown>)) {
      const values = Array.isArray(value) ? value : [value];
      for (const v of values) {
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
          (out[name] ??= []).push(String(v));
        else if (v !== undefined && v !== null) throw invalid(name, 'not a plain value');
      }
    }
  }
  return out;
}

/** Parses a form body; repeated names keep every value (attribute[CODE] of a multivaluelist). */
export function parseForm(body: string): Params {
  const out: Params = {};
  for (const [name, value] of new URLSearchParams(body)) (out[name] ??= []).push(value);
  return out;
}

export function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', {}, [{ path, message }]);
}

/** The one value of a parameter, or undefined; a parameter given twice is a 400. */
export function one(p: Params, name: string, max = 2000): string | undefined {
  const values = p[name];
  if (!values || values.length === 0) return undefined;
  if (values.length > 1) throw invalid(name, 'given more than once');
  const v = values[0].trim();
  if (v.length > max) throw invalid(name, `at most ${max} characters`);
  return v === '' ? undefined : v;
}

/** A comma-separated list (service_request_id, service_code), or undefined. */
export function list(p: Params, name: string, maxItems = 200): string[] | undefined {
  const v = one(p, name, 20_000);
  if (v === undefined) return undefined;
  const items = [
    ...new Set(
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  if (items.length > maxItems) throw invalid(name, `at most ${maxItems} values`);
  return items.length ? items : undefined;
}

const W3C = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A W3C datetime (2027-01-05T09:00:00+08:00, or just 2027-01-05): without an offset it is the county's local time,
 * a day alone its midnight. Anything else is a 400, never a guess.
 */
export function w3cDate(p: Params, name: string): Date | undefined {
  const v = one(p, name, 40);
  if (v === undefined) return undefined;
  const m = W3C.exec(v);
  const when = !m || !isCalendarDay(m[1]) ? null : m[3] ? new Date(v) : safeLocal(m[1], m[2]?.slice(0, 5));
  if (!when || Number.isNaN(when.getTime())) throw invalid(name, 'not a W3C datetime (e.g. 2027-01-05T09:00:00+08:00)');
  return when;
}

function safeLocal(day: string, time: string | undefined): Date | null {
  try {
    return localInstant(day, time ?? '00:00');
  } catch {
    return null;
  }
}

/** A number parameter (lat, long) within its range. */
export function numberParam(p: Params, name: string, min: number, max: number): number | undefined {
  const v = one(p, name, 40);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!/^[+-]?\d+(\.\d+)?$/.test(v) || !Number.isFinite(n) || n < min || n > max)
    throw invalid(name, `a number from ${min} to ${max}`);
  return n;
}

/** attribute[CODE]=value parameters, by code. */
export function attributesOf(p: Params): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(p)) {
    const m = /^attribute\[([^\]]{1,60})\](\[\])?$/.exec(name);
    if (m) (out[m[1]] ??= []).push(...values);
  }
  return out;
}
