import { randomUUID } from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import { grids } from '../grid/grid.schema.js';
import type { Actor } from '../../core/auth/actor.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import { findAnswer, onceWith } from '../../core/idempotency.js';
import { cases } from '../cases/cases.schema.js';
import { allCategories, getCaseSummary, type IntakeInput, reportCase } from '../cases/cases.service.js';
import { attributeLines } from './open311.attributes.js';
import { type KeyHolder } from './open311.keys.js';
import { attributesOf, invalid, numberParam, one, type Params } from './open311.params.js';
import { JURISDICTION_ID } from './open311.services.js';

/** The route idempotency keys (and so tokens) are stored under. */
export const POST_ROUTE = 'POST /open311/v2/requests';

/** The client as the actor intake records: its own (disabled) user, named by the client's name. */
export function clientActor(holder: KeyHolder, meta: { ip: string | null; requestId: string | null }): Actor {
  return {
    userId: holder.userId,
    username: `open311:${holder.name}`,
    displayName: holder.name,
    personId: null,
    locale: 'zh-CN',
    bindings: [],
    ...meta,
  };
}

export function checkJurisdiction(p: Params): void {
  const j = one(p, 'jurisdiction_id', 100);
  if (j !== undefined && j !== JURISDICTION_ID)
    throw invalid('jurisdiction_id', `this server serves ${JURISDICTION_ID}`);
}

/** A Chinese mobile number (with or without +86 and separators), or null: the case keeps only numbers staff can call. */
function mobile(raw: string | undefined): string | null {
  const digits = raw?.replace(/[\s()-]/g, '').replace(/^(\+?86)/, '');
  return digits && /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

/**
 * A POST's parameters as intake's input: the service is the category, lat/long the point; the description gets the
 * attributes' values and the media URL as lines of their own. first_name/last_name and phone become the reporter
 * (shown to staff only, masked as every reporter is); email, device_id and account_id are accepted and not kept.
 */
export function intakeInput(p: Params): IntakeInput {
  const serviceCode = one(p, 'service_code', 60);
  if (!serviceCode) throw invalid('service_code', 'required');
  const lat = numberParam(p, 'lat', -90, 90);
  const lng = numberParam(p, 'long', -180, 180);
  const address = one(p, 'address_string', 200);
  if ((lat === undefined) !== (lng === undefined)) throw invalid('lat', 'lat and long go together');
  // Without a point, the address must name a grid (gridOfAddress, in submitRequest).
  if (lat === undefined && !address) throw invalid('lat', 'lat and long, or an address_string, are required');
  const mediaUrl = one(p, 'media_url', 500);
  if (mediaUrl !== undefined && !/^https?:\/\/\S+$/.test(mediaUrl)) throw invalid('media_url', 'an http(s) URL');
  const text = one(p, 'description', 1800);
  const lines = attributeLines(serviceCode, attributesOf(p));
  const description = [text ?? '', ...lines, ...(mediaUrl ? [mediaUrl] : [])].filter(Boolean).join('\n');
  const name = `${one(p, 'last_name', 25) ?? ''}${one(p, 'first_name', 25) ?? ''}`.trim();
  for (const ignored of ['email', 'device_id', 'account_id']) one(p, ignored, 200);
  return {
    channel: 'open311',
    description: description.length >= 2 ? description : `${serviceCode} ${description}`.trim(),
    categoryCode: serviceCode,
    lng,
    lat,
    ...(address ? { address } : {}),
    ...(name ? { reporterName: name } : {}),
    ...(mobile(one(p, 'phone', 40)) ? { reporterPhone: mobile(one(p, 'phone', 40)) as string } : {}),
  };
}

/**
 * Raises the request through the cases module's intake (classification check against the service, grid routing,
 * clocks, the audit row, the owner's notice) and answers its number. The token is the client's Idempotency-Key, or
 * a fresh one: stored with the case in intake's own statement, so a retry with the same key gets the same case, and
 * GET tokens/{token} finds it.
 */
export async function submitRequest(opts: {
  db: Db;
  actor: Actor;
  params: Params;
  idempotencyKey: string | undefined;
}): Promise<{ number: string; token: string }> {
  const input = intakeInput(opts.params);
  if (input.lat === undefined) input.gridId = await gridOfAddress(opts.db, input.address ?? '');
  const categories = await allCategories(opts.db);
  if (!categories.some((c) => c.code === input.categoryCode && c.parentCode !== null))
    throw invalid('service_code', 'no such service');
  const token = opts.idempotencyKey ?? randomUUID();
  if (token.length > 100) throw invalid('Idempotency-Key', 'at most 100 characters');
  const idempotency = { key: token, route: POST_ROUTE, status: 201 };
  if (!opts.idempotencyKey) {
    // A fresh token cannot have been used: no lookup first, the token is stored in intake's own statement.
    const made = await reportCase({ db: opts.db, actor: opts.actor, input, idempotency });
    return { number: made.number, token };
  }
  const answer = await onceWith({
    db: opts.db,
    userId: opts.actor.userId,
    key: token,
    route: POST_ROUTE,
    status: 201,
    run: (idempotency) => reportCase({ db: opts.db, actor: opts.actor, input, idempotency }),
    replay: (id) => getCaseSummary({ db: opts.db, id: String(id) }),
  });
  return { number: answer.body.number, token };
}

/**
 * The grid an address names, for a request without lat/long: the deepest grid whose name the address contains (the
 * longest name at that level). The county has no geocoder, and a case must land in a grid; an address that names no
 * grid, or two equally well, is a 400 asking for lat/long rather than a guess.
 */
export async function gridOfAddress(db: Db, address: string): Promise<string> {
  const found = await db
    .select({ id: grids.id, level: grids.level, name: grids.name })
    .from(grids)
    .where(sql`position(${grids.name} in ${address}) > 0`)
    .orderBy(desc(grids.level), desc(sql`length(${grids.name})`))
    .limit(2);
  const [best, next] = found;
  if (!best || (next && next.level === best.level && next.name.length === best.name.length))
    throw invalid('address_string', 'names no single grid: send lat and long');
  return best.id;
}

/** The request a token stands for, if this client raised it. */
export async function requestOfToken(db: Db, holder: KeyHolder, token: string): Promise<string | null> {
  const stored = await findAnswer<unknown>(db, holder.userId, token, POST_ROUTE);
  if (!stored) return null;
  const [row] = await db
    .select({ number: cases.number })
    .from(cases)
    .where(eq(cases.id, String(stored.body)));
  if (!row) throw new AppError('INTERNAL');
  return row.number;
}
