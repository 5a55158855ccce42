import { and, eq, inArray, sql } from 'drizzle-orm';
import { type AuditEntry, recordAudits } from '../../../core/audit.js';
import { localDayOf } from '../../../core/calendar.js';
import { clock } from '../../../core/clock.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { GroupCommit, type Settled } from '../../../core/group-commit.js';
import { volunteerActivities, volunteerServiceTypes, volunteerSignups, volunteers } from '../volunteers.schema.js';
import { closeMany } from './presence.batch-close.js';
import { type Checked, held, lockPairs, pairKey, type ScanItem } from './presence.batch-rows.js';
import type { CheckoutResult } from './presence.contracts.js';
import { assertScanAllowed } from './presence.service.js';
import { signupViews } from './presence.queries.js';

/**
 * Check-in and check-out by code, batched (core/group-commit.ts): a crowd scanning the same screen at once would cost
 * ~10 statements a scan on the one PGlite connection (bench/volunteer-checkin.ts measured p99 in seconds for 100 at
 * once). Scans that arrive while a batch is written wait and go out together: the activities and the volunteers are
 * read once for the batch, each scan meets the same refusals in the same order as alone (a refusal answers only that
 * scan), and the sign-ups are locked, changed and audited in one transaction. If it fails, each scan is written again
 * on its own.
 */
export type CheckinBatchAnswer = { created: boolean; signup: CheckoutResult };

/** The batch's activities and the callers' volunteer rows, then each scan's own refusals (code, window, place…). */
async function precheck(db: Db, secret: string, items: ScanItem[]): Promise<(Checked | Error)[]> {
  const acts = await db
    .select({ a: volunteerActivities, typeName: volunteerServiceTypes.name, typeNameEn: volunteerServiceTypes.nameEn })
    .from(volunteerActivities)
    .innerJoin(volunteerServiceTypes, eq(volunteerServiceTypes.id, volunteerActivities.typeId))
    .where(inArray(volunteerActivities.id, [...new Set(items.map((i) => i.activityId))]));
  const personIds = [...new Set(items.map((i) => i.actor.personId).filter((p): p is string => !!p))];
  const vols = personIds.length
    ? await db.select().from(volunteers).where(inArray(volunteers.personId, personIds))
    : [];
  const byId = new Map(acts.map((r) => [r.a.id, r]));
  const byPerson = new Map(vols.map((v) => [v.personId, v]));
  return items.map((item) => {
    try {
      const act = byId.get(item.activityId);
      if (!act) throw new AppError('NOT_FOUND');
      assertScanAllowed(act, item.input, secret);
      const v = item.actor.personId ? byPerson.get(item.actor.personId) : undefined;
      if (!v) throw new AppError('VOLUNTEER_NOT_REGISTERED');
      return { item, act, volunteerId: v.id, personId: v.personId };
    } catch (err) {
      return err as Error;
    }
  });
}

/** Signed-up rows become checked in (one statement), each with its audit row; the others answer as they are. */
async function writeCheckins(
  tx: Db,
  checked: Checked[],
  now: Date,
): Promise<Settled<{ id: string; created: boolean }>[]> {
  const rows = await lockPairs(tx, checked);
  const toCheckIn = new Map<string, Checked>();
  const answers = checked.map((c): Settled<{ id: string; created: boolean }> => {
    try {
      const s = held(rows.get(pairKey(c)));
      const fresh = s.state === 'signed_up' && !toCheckIn.has(s.id);
      if (fresh) toCheckIn.set(s.id, c);
      return { ok: true, value: { id: s.id, created: fresh } };
    } catch (error) {
      return { ok: false, error };
    }
  });
  if (!toCheckIn.size) return answers;
  const updated = await tx
    .update(volunteerSignups)
    .set({
      state: 'checked_in',
      checkedInAt: now,
      checkinMethod: 'qr',
      day: localDayOf(now),
      updatedAt: now,
      version: sql`${volunteerSignups.version} + 1`,
    })
    .where(and(inArray(volunteerSignups.id, [...toCheckIn.keys()]), eq(volunteerSignups.state, 'signed_up')))
    .returning();
  const entries: AuditEntry[] = updated.map((after) => ({
    actor: (toCheckIn.get(after.id) as Checked).item.actor,
    action: 'volunteer_signup.checkin',
    entityType: 'volunteer_signup',
    entityId: after.id,
    before: rows.get(`${after.activityId}|${after.volunteerId}`),
    after,
  }));
  await recordAudits(tx, entries);
  return answers;
}

type Step<R> = (tx: Db, checked: Checked[], now: Date) => Promise<Settled<R>[]>;

/** Precheck, one transaction for the accepted scans, then the answers' views in one query. */
async function runBatch<R extends { id: string }>(
  db: Db,
  secret: string,
  items: ScanItem[],
  step: Step<R>,
): Promise<Settled<R & { view: CheckoutResult }>[]> {
  const pre = await precheck(db, secret, items);
  const checked = pre.filter((p): p is Checked => !(p instanceof Error));
  const written = checked.length ? await db.transaction((tx) => step(tx, checked, clock.now())) : [];
  const oks = written.filter((w) => w.ok).map((w) => (w as { value: R }).value.id);
  const views = await signupViews(db, oks);
  let k = 0;
  return pre.map((p) => {
    if (p instanceof Error) return { ok: false, error: p };
    const w = written[k++];
    if (!w.ok) return w;
    const view = views.get(w.value.id) as CheckoutResult;
    return { ok: true, value: { ...w.value, view } };
  });
}

/**
 * A crowd at the door scans in within a few milliseconds of each other: the first check-in of a burst waits this long
 * for the rest, so 100 go out as one batch rather than a batch of one and then the others (bench/volunteer-checkin.ts:
 * a burst's worst round went from 111 to 94 ms on PGlite). Check-outs measured no better with it (leaving is spread
 * out on site anyway), so they go on the next turn of the event loop.
 */
const CROWD_LINGER_MS = 5;

/** The app's batchers (one per app: the database and secret are the app's). */
export function presenceBatchers(db: Db, secret: string) {
  const checkins = new GroupCommit<ScanItem, CheckinBatchAnswer>(
    async (items) => {
      const answers = await runBatch(db, secret, items, writeCheckins);
      return answers.map((a) =>
        a.ok ? { ok: true, value: { created: a.value.created, signup: { ...a.value.view, ledger: null } } } : a,
      );
    },
    1,
    128,
    CROWD_LINGER_MS,
  );
  const checkouts = new GroupCommit<ScanItem, CheckoutResult>(
    async (items) => {
      const answers = await runBatch(db, secret, items, closeMany);
      return answers.map((a) => (a.ok ? { ok: true, value: { ...a.value.view, ledger: a.value.ledger } } : a));
    },
    1,
    128,
  );
  return { checkins, checkouts };
}
