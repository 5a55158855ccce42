import { asc, inArray } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/actor.js';
import { localDayOf } from '../../../core/calendar.js';
import { clock } from '../../../core/clock.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { organisations } from '../../org/org.schema.js';
import { loadCaseFor } from '../cases.load.js';

/**
 * The units paired (结对) with a community in a year's adopted plan. Pairing is cobuild/pairing's, a layer above
 * cases, so cases never import it: the composition root (src/modules/index.ts) passes this lookup to the case routes,
 * as it passes the member counts to the organisation routes.
 */
export type PairedUnits = (db: Db, opts: { year: number; communityId: string }) => Promise<string[]>;

/** The pairing that counts is the adopted plan of the county year the whistle is blown in. */
const yearOf = (now: Date) => Number(localDayOf(now).slice(0, 4));

export interface WhistlePlan {
  /** The chosen units not paired with the case's community this year: 跨社区吹哨, each needs the reason. */
  crossUnitIds: Set<string>;
  reason: string | null;
}

/**
 * 吹哨 may call in any unit, but one not paired with the case's community this county year is 跨社区吹哨: it needs
 * a reason (422 WHISTLE_REASON_REQUIRED, naming those units), and its dispatch row is flagged with that reason.
 */
export async function planWhistle(opts: {
  tx: Db;
  pairedUnits: PairedUnits | undefined;
  communityId: string;
  unitIds: string[];
  reason?: string;
  now: Date;
}): Promise<WhistlePlan> {
  // Without the lookup every unit would look unpaired: a wiring mistake, not the caller's fault.
  if (!opts.pairedUnits) throw new Error('dispatching to units needs the pairing lookup (src/modules/index.ts)');
  const paired = new Set(await opts.pairedUnits(opts.tx, { year: yearOf(opts.now), communityId: opts.communityId }));
  const crossUnitIds = new Set(opts.unitIds.filter((id) => !paired.has(id)));
  const reason = opts.reason?.trim() || null;
  if (crossUnitIds.size && !reason)
    throw new AppError('WHISTLE_REASON_REQUIRED', { count: crossUnitIds.size }, [
      { path: '/reason', message: `not paired with the case's community: ${[...crossUnitIds].join(', ')}` },
    ]);
  return { crossUnitIds, reason };
}

/** The units paired with a case's community this year, by name (the whistle dialog lists them first). */
export async function pairedUnitsOfCase(opts: {
  db: Db;
  actor: Actor;
  caseId: string;
  pairedUnits: PairedUnits;
  now?: Date;
}): Promise<{ items: { id: string; name: string }[] }> {
  const { row: c } = await loadCaseFor(opts.db, opts.actor, opts.caseId);
  const ids = await opts.pairedUnits(opts.db, { year: yearOf(opts.now ?? clock.now()), communityId: c.communityId });
  if (!ids.length) return { items: [] };
  const items = await opts.db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, ids))
    .orderBy(asc(organisations.code), asc(organisations.id));
  return { items };
}
