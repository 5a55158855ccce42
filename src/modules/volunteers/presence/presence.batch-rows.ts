import { and, ne, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/actor.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { volunteerSignups } from '../volunteers.schema.js';
import type { PresenceScan } from './presence.contracts.js';
import type { PresenceActivity, SignupRow } from './presence.queries.js';

/** What the batched check-in and check-out (presence.batch.ts, presence.batch-close.ts) share: a scan, and its rows. */
export interface ScanItem {
  actor: Actor;
  activityId: string;
  input: PresenceScan;
}

export interface Checked {
  item: ScanItem;
  act: PresenceActivity;
  volunteerId: string;
  personId: string;
}

/** The live sign-ups of the batch's (activity, volunteer) pairs, locked, by pair. */
export async function lockPairs(tx: Db, checked: Checked[]): Promise<Map<string, SignupRow>> {
  const pairs = checked.map((c) => ({ a: c.act.a.id, v: c.volunteerId }));
  const rows = await tx
    .select()
    .from(volunteerSignups)
    .where(
      and(
        sql`(${volunteerSignups.activityId}, ${volunteerSignups.volunteerId}) in (select (x->>'a')::uuid, (x->>'v')::uuid from jsonb_array_elements(${JSON.stringify(pairs)}::jsonb) x)`,
        ne(volunteerSignups.state, 'cancelled'),
      ),
    )
    .for('update');
  return new Map(rows.map((r) => [`${r.activityId}|${r.volunteerId}`, r]));
}

export const pairKey = (c: Checked) => `${c.act.a.id}|${c.volunteerId}`;

/** A live sign-up that holds a slot, or VOLUNTEER_NOT_SIGNED_UP. */
export function held(s: SignupRow | undefined): SignupRow {
  if (!s || s.state === 'waitlisted' || s.state === 'no_show' || s.state === 'cancelled')
    throw new AppError('VOLUNTEER_NOT_SIGNED_UP');
  return s;
}
