import type { Side } from './world.js';

/** The nine users of the test world and an anonymous caller: the columns of the matrix. */
export const ROLES = [
  'admin',
  'hangdong',
  'sanfeng',
  'grid01',
  'unit01',
  'unit02',
  'member01',
  'member02',
  'resident01',
  'anon',
] as const;
export type MatrixRole = (typeof ROLES)[number];

/** Each actor's own side of the world (its community, unit or home); the other side is "another scope". */
export const HOME: Record<MatrixRole, Side> = {
  admin: 'A',
  hangdong: 'A',
  sanfeng: 'B',
  grid01: 'A',
  unit01: 'A',
  unit02: 'B',
  member01: 'A',
  member02: 'B',
  resident01: 'A',
  anon: 'A',
};

export const otherSide = (s: Side): Side => (s === 'A' ? 'B' : 'A');

/**
 * What an answer means for authorisation:
 * - ok: 2xx (or 304);
 * - refused: allowed to try, refused by the state of the row (409 stale version, already decided, still referenced …);
 * - invalid: allowed to try, refused by a check of the input after authorisation (400, 415);
 * - denied: 403, or 404 where the row's existence is private;
 * - unauth: 401;
 * - schema: 400 from the route's schema, before authorisation — the probe is wrong, never expected.
 */
export type Cls = 'ok' | 'refused' | 'invalid' | 'denied' | 'unauth' | 'schema' | 'error';

/** A cell: one class, or `own|other` where the route has a path id and the two scopes differ. */
export type Cell = Cls | `${Cls}|${Cls}`;

export type Row = Record<MatrixRole, Cell>;
export type ExpectedTable = Partial<Record<string, Row>>;

interface ErrorBody {
  error?: { code?: string; details?: unknown };
}

function isSchemaError(body: ErrorBody): boolean {
  const d = body.error?.details;
  return (
    Array.isArray(d) &&
    d.some((x: { where?: string }) => typeof x === 'object' && x !== null && typeof x.where === 'string')
  );
}

export function classify(status: number, body: string): Cls {
  if ((status >= 200 && status < 300) || status === 304) return 'ok';
  if (status === 401) return 'unauth';
  if (status === 403 || status === 404) return 'denied';
  if (status === 409 || status === 422) return 'refused';
  if (status === 400) {
    let parsed: ErrorBody = {};
    try {
      parsed = JSON.parse(body) as ErrorBody;
    } catch {
      /* not JSON: an input error all the same */
    }
    return isSchemaError(parsed) ? 'schema' : 'invalid';
  }
  if (status === 413 || status === 415) return 'invalid';
  return 'error';
}
