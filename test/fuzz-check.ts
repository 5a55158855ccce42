import { sql } from 'drizzle-orm';
import type { Db } from '../src/core/db.js';
import { ERROR_STATUS, type ErrorCode, type ErrorParams } from '../src/core/errors.js';
import { translateError } from '../src/core/i18n.js';
import type { FuzzRequest } from './fuzz-http.js';

/**
 * What the write-route fuzz (src/fuzz-writes.api.test.ts) asserts of every answer, and the watch on the database that
 * shows a refused request wrote nothing.
 */

/**
 * Tables every request may touch, answered or refused: the session's last-seen time, the login counters, and on
 * PostgreSQL the rate limits' hit counters (core/http/rate-limit-store.ts counts a write before it is refused).
 */
export const PLUMBING_TABLES = new Set(['sessions', 'auth_throttle', 'auth_known_addresses', 'rate_limit_hits']);

/** Per table `rows:sum(xmin)`: an insert or delete changes the count, and any insert, update or delete the xmin sum. */
export type Fingerprint = Map<string, string>;

/** The next transaction id to be assigned, and the fingerprint of every table at that point. */
export interface Snapshot {
  xid: string;
  tables: Fingerprint;
}

export interface WriteWatcher {
  /** The state now; cheap when no transaction has written anything since the last one taken. */
  snapshot(): Promise<Snapshot>;
  /** The tables that changed since `before` ("table before → after"); empty when nothing was written. */
  writtenSince(before: Snapshot): Promise<string[]>;
}

/**
 * Watches for writes in two steps. A transaction that writes is given a transaction id, so when the next id to be
 * assigned (pg_current_snapshot's xmax) has not moved, nothing was written. When it has (a write, a rolled-back write,
 * or on PostgreSQL another database of the cluster), every table of the public schema (listed from
 * information_schema, so a new table is covered) is fingerprinted in one statement: a row's xmin is the transaction
 * that wrote it, so a committed write moves the count or the sum and a rolled-back one moves neither. Works the same
 * on PGlite and PostgreSQL; the full fingerprint costs ~45 ms on PGlite, the id check ~1 ms.
 */
export async function writeWatcher(db: Db, skip: ReadonlySet<string>): Promise<WriteWatcher> {
  const listed = await db.execute(sql`select table_name as t from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`);
  const tables = ((listed as { rows: unknown[] }).rows as { t: string }[]).map((r) => r.t).filter((t) => !skip.has(t));
  const statement = sql.raw(
    tables
      .map(
        (t) =>
          `select '${t}' as t, count(*)::text || ':' || coalesce(sum(xmin::text::bigint), 0)::text as f from "${t}"`,
      )
      .join(' union all '),
  );
  const nextXid = async () => {
    const result = await db.execute(sql`select pg_snapshot_xmax(pg_current_snapshot())::text as x`);
    return ((result as { rows: unknown[] }).rows as { x: string }[])[0].x;
  };
  const fingerprint = async (): Promise<Fingerprint> => {
    const result = await db.execute(statement);
    return new Map(((result as { rows: unknown[] }).rows as { t: string; f: string }[]).map((r) => [r.t, r.f]));
  };
  let last: Snapshot | null = null;
  const snapshot = async (): Promise<Snapshot> => {
    const xid = await nextXid();
    if (last?.xid !== xid) last = { xid, tables: await fingerprint() };
    return last;
  };
  return {
    snapshot,
    async writtenSince(before) {
      if ((await nextXid()) === before.xid) return [];
      const after = await snapshot();
      return [...after.tables]
        .filter(([t, f]) => before.tables.get(t) !== f)
        .map(([t, f]) => `${t} ${before.tables.get(t)} → ${f}`);
    },
  };
}

const STACK = /\n\s+at\s|\bat\s+\S+\s+\(|\.[cm]?[jt]s:\d+|node_modules|\b[A-Z][a-zA-Z]*Error:/;
/** A constraint, index or column name (matching_runs_community_id_organisations_id_fk): the schema is nobody's business. */
const DB_IDENTIFIER = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+_(?:fk|pkey|key|idx|check|unique|uniq|excl)\b/;
const SQL = new RegExp(
  [
    'violates',
    'relation "',
    'syntax error',
    'duplicate key',
    'Failing row',
    'Key \\(',
    'column "',
    'SQLSTATE',
    'drizzle',
    '\\binsert into\\b',
    '\\bselect\\b.{1,80}\\bfrom\\b',
    '\\bupdate\\b.{1,80}\\bset\\b',
  ].join('|'),
  'i',
);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; details?: unknown };
}

function parse(body: string): ErrorBody | null {
  try {
    const v: unknown = JSON.parse(body);
    return typeof v === 'object' && v !== null ? (v as ErrorBody) : null;
  } catch {
    return null;
  }
}

/** Input the details must not repeat: strings long enough to be a user's text, not ids. */
function echoed(text: string, sent: readonly string[]): string | undefined {
  return sent.find((s) => s.trim().length >= 12 && !UUID.test(s) && text.includes(s));
}

const templates = new Map<string, RegExp[]>();

/**
 * The message must be the code's message from src/core/i18n.ts (zh-CN or en) with its {placeholders} filled in:
 * never a parser's, zod's or the database's own words. A placeholder may carry a value the request named (the
 * duplicate code, the milestone's title): that is the message's purpose, not an echo.
 */
function isTranslated(code: ErrorCode, message: string): boolean {
  let patterns = templates.get(code);
  if (!patterns) {
    const marker = new Proxy({}, { get: () => '\u0000' }) as ErrorParams;
    patterns = (['zh-CN', 'en'] as const).map((locale) => {
      const parts = translateError(locale, code, marker)
        .split('\u0000')
        .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      return new RegExp(`^${parts.join('[\\s\\S]{0,300}')}$`);
    });
    templates.set(code, patterns);
  }
  return patterns.some((re) => re.test(message));
}

/**
 * Why this answer is wrong, or null: a 5xx, an error not in the API's shape, or one that leaks what it should not.
 * `named`: strings the API itself names (enum values), which a validation message may list.
 */
export function problemWith(
  status: number,
  rawBody: string,
  req: FuzzRequest,
  named: ReadonlySet<string>,
): string | null {
  if (status >= 500) return `answered ${status}: ${rawBody.slice(0, 500)}`;
  if (status < 400) return null;
  const body = parse(rawBody);
  const error = body?.error;
  if (!error || typeof error.code !== 'string' || typeof error.message !== 'string') {
    return `${status} without the {error:{code,message}} shape: ${rawBody.slice(0, 300)}`;
  }
  const { code, message } = error;
  if (!(code in ERROR_STATUS)) return `${status} with a code not in src/core/errors.ts: ${code}`;
  const expected = ERROR_STATUS[code as ErrorCode];
  if (expected !== status) return `${code} answered ${status}, the table says ${expected}`;
  if (code === 'RATE_LIMITED')
    return 'hit the per-user write limit: build the context with a higher RATE_LIMIT_WRITES_PER_MINUTE';
  if (!message.trim()) return `${code} with an empty message`;
  const text = `${message}\n${error.details === undefined ? '' : JSON.stringify(error.details)}`;
  if (STACK.test(text)) return `${code} leaks a stack trace: ${text.slice(0, 300)}`;
  if (SQL.test(text)) return `${code} leaks SQL or a database message: ${text.slice(0, 300)}`;
  if (DB_IDENTIFIER.test(text)) return `${code} names a database constraint: ${text.slice(0, 300)}`;
  if (!isTranslated(code as ErrorCode, message))
    return `${code} message is not its translation in src/core/i18n.ts: ${message.slice(0, 300)}`;
  const sent = req.sent.filter((x) => !named.has(x)).map((x) => JSON.stringify(x).slice(1, -1));
  const echo = error.details === undefined ? undefined : echoed(JSON.stringify(error.details), sent);
  if (echo !== undefined)
    return `${code} details echo the input ${JSON.stringify(echo.slice(0, 80))}: ${JSON.stringify(error.details).slice(0, 300)}`;
  return null;
}
