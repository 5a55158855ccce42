import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { recordAudits } from '../../../../core/audit.js';
import type { Actor } from '../../../../core/auth/actor.js';
import { clock } from '../../../../core/clock.js';
import { type Db, parallelWrites } from '../../../../core/db.js';
import { AppError, isAppError } from '../../../../core/errors.js';
import { GroupCommit, type Settled } from '../../../../core/group-commit.js';
import { type AnswerKey, rememberAnswer } from '../../../../core/idempotency.js';
import { serviceRecords } from '../../../ledger/ledger.schema.js';
import { organisations } from '../../../org/org.schema.js';
import { partyMembers } from '../../../people/members/members.schema.js';
import { people } from '../../../people/people.schema.js';
import { postActivitySignups } from '../../posts/posts.schema.js';
import { type ResolvedCertificate, resolveCertificates } from '../../reports/reports.certificates.js';
import type { PostCheckin, PostSignupView } from '../activities.contracts.js';
import { assertMayCheckIn } from '../activities.policy.js';
import { type CheckinTarget, loadCheckinTargets } from '../activities.service.js';
import { assertServesAt, presentSignup, type SignupRow, signupOf, unknownMember } from '../activities.signups.js';
import { checkinClosesAt, checkinOpensAt, checkinWindow, localLabel } from '../activities.time.js';

/**
 * Check-in (岗位签到) in batches: the QR round trip at 50 scanners (bench/post-checkin.ts) was ~7 statements a scan
 * (the activity, the certificate, the member with their sign-up, then a transaction with the sign-up and its audit row),
 * and each costs ~1–3 ms on the embedded database's one thread. Check-ins that arrive together go out together
 * (core/group-commit.ts): a batch reads the activities (one query per scanning user: their scope), the certificates
 * and the members with their sign-ups at those activities (one query each), then applies the check-in rules to each
 * scan in turn — the same rules and order as one scan alone, which is a batch of one — and writes every sign-up, its
 * audit row and any Idempotency-Key in one transaction. A batch takes one `now` for all its scans.
 */
export interface CheckinRequest {
  actor: Actor;
  activityId: string;
  input: PostCheckin;
  secret: string;
  remember?: AnswerKey;
}

export interface CheckinResult {
  created: boolean;
  signup: PostSignupView;
}

type Method = 'qr' | 'staff';
interface Member {
  kind: string;
  residence: string | null;
  name: string;
  unitName: string | null;
}
interface Facts {
  now: Date;
  /** Per scanning user: one actor object (their scope is resolved once) and the activities they see, or why not. */
  scanners: Map<string, { actor: Actor; targets: Map<string, CheckinTarget> | AppError }>;
  certificates: (ResolvedCertificate | AppError | null)[];
  members: Map<string, Member>;
  signups: Map<string, { s: SignupRow; minutes: number | null }>;
}
/** A scan the rules let through, to be written. */
interface Accepted {
  i: number;
  req: CheckinRequest;
  target: CheckinTarget;
  memberId: string;
  method: Method;
  who: Member;
}

const pairOf = (activityId: string, memberId: string) => `${activityId}:${memberId}`;

/** Each scanning user's activities of the batch as they see them (one query a user: their scope), or why not. */
async function scannerTargets(db: Db, reqs: readonly CheckinRequest[]): Promise<Facts['scanners']> {
  const byUser = new Map<string, { actor: Actor; ids: Set<string> }>();
  for (const r of reqs) {
    const u = byUser.get(r.actor.userId) ?? { actor: r.actor, ids: new Set<string>() };
    u.ids.add(r.activityId);
    byUser.set(r.actor.userId, u);
  }
  const loaded = await Promise.all(
    [...byUser].map(async ([userId, u]) => {
      const targets = await loadCheckinTargets(db, u.actor, [...u.ids]).then(
        (rows) => new Map(rows.map((t) => [t.a.id, t])),
        (err: unknown) => {
          if (isAppError(err)) return err;
          throw err;
        },
      );
      return [userId, { actor: u.actor, targets }] as const;
    }),
  );
  return new Map(loaded);
}

/** Per scan, the certificate its token names (or why it is refused); null for a member picked by staff. */
async function certificatesOf(db: Db, reqs: readonly CheckinRequest[], now: Date): Promise<Facts['certificates']> {
  const certificates: Facts['certificates'] = reqs.map(() => null);
  const scanned = reqs.flatMap((r, i) => ('token' in r.input ? [{ i, token: r.input.token }] : []));
  if (!scanned.length) return certificates;
  // One secret per app, and a batch is one app's (the batcher is per database handle).
  const answers = await resolveCertificates(
    db,
    reqs[0].secret,
    scanned.map((s) => s.token),
    now,
  );
  scanned.forEach((s, k) => {
    certificates[s.i] = answers[k];
  });
  return certificates;
}

async function readFacts(db: Db, reqs: readonly CheckinRequest[]): Promise<Facts> {
  const now = clock.now();
  // Independent reads: on PostgreSQL they go out on two connections at once.
  const [scanners, certificates] = await Promise.all([scannerTargets(db, reqs), certificatesOf(db, reqs, now)]);
  const memberIds = reqs.flatMap((r, i) => {
    const c = certificates[i];
    if ('memberId' in r.input) return [r.input.memberId];
    return c && !isAppError(c) ? [c.memberId] : [];
  });
  const { members, signups } = await membersWithSignups(db, memberIds, [...new Set(reqs.map((r) => r.activityId))]);
  return { now, scanners, certificates, members, signups };
}

/** The members, each with their sign-ups at the batch's activities (and a closed sign-up's minutes), in one query. */
async function membersWithSignups(db: Db, memberIds: string[], activityIds: string[]) {
  const members = new Map<string, Member>();
  const signups: Facts['signups'] = new Map();
  if (!memberIds.length) return { members, signups };
  const rows = await db
    .select({
      id: partyMembers.id,
      kind: partyMembers.kind,
      residence: partyMembers.residenceCommunityId,
      name: people.name,
      unitName: organisations.name,
      signup: postActivitySignups,
      minutes: serviceRecords.minutes,
    })
    .from(partyMembers)
    .innerJoin(people, eq(people.id, partyMembers.personId))
    .leftJoin(organisations, eq(organisations.id, partyMembers.unitId))
    .leftJoin(
      postActivitySignups,
      and(eq(postActivitySignups.memberId, partyMembers.id), inArray(postActivitySignups.activityId, activityIds)),
    )
    .leftJoin(serviceRecords, eq(serviceRecords.id, postActivitySignups.serviceRecordId))
    .where(inArray(partyMembers.id, [...new Set(memberIds)]));
  for (const r of rows) {
    members.set(r.id, { kind: r.kind, residence: r.residence, name: r.name, unitName: r.unitName });
    if (r.signup) signups.set(pairOf(r.signup.activityId, r.id), { s: r.signup, minutes: r.minutes });
  }
  return { members, signups };
}

function assertWindow(t: CheckinTarget, now: Date): void {
  const window = checkinWindow(t.a, now);
  if (window === 'cancelled') throw new AppError('POST_ACTIVITY_CANCELLED');
  if (window !== 'open')
    throw new AppError('POST_CHECKIN_OUTSIDE_WINDOW', {
      opensAt: localLabel(checkinOpensAt(t.a)),
      closesAt: localLabel(checkinClosesAt(t.a)),
    });
}

/**
 * The rules for one scan, in the order a scan alone always met them: the activity as the scanner sees it (404), their
 * right to check in there (403), the certificate (invalid, revoked, expired) or the member picked, an earlier check-in
 * (200 with it), the window, the member serving where they live. Either the answer, or what to write.
 */
async function admit(db: Db, i: number, req: CheckinRequest, f: Facts): Promise<CheckinResult | Accepted> {
  const scanner = f.scanners.get(req.actor.userId)!;
  if (isAppError(scanner.targets)) throw scanner.targets;
  const target = scanner.targets.get(req.activityId);
  if (!target) throw new AppError('NOT_FOUND', { entity: 'post_activity' });
  await assertMayCheckIn(db, scanner.actor, { communityId: target.a.communityId, gridCode: target.gridCode });
  const cert = f.certificates[i];
  if (isAppError(cert)) throw cert;
  const [memberId, method]: [string, Method] =
    'memberId' in req.input ? [req.input.memberId, 'staff'] : [cert!.memberId, 'qr'];
  const who = f.members.get(memberId);
  if (!who) throw unknownMember();
  const earlier = f.signups.get(pairOf(target.a.id, memberId));
  if (earlier?.s.checkedInAt)
    return { created: false, signup: presentSignup({ ...earlier, memberName: who.name, unitName: who.unitName }) };
  assertWindow(target, f.now);
  await assertServesAt(db, who, target.a);
  return { i, req, target, memberId, method, who };
}

/** Sets the check-in on sign-ups that exist (signed up in advance), in one statement; those already in are left. */
async function checkInExisting(tx: Db, scans: Accepted[], now: Date): Promise<SignupRow[]> {
  const input = scans.map((a) => ({
    activity_id: a.target.a.id,
    member_id: a.memberId,
    method: a.method,
    user_id: a.req.actor.userId,
  }));
  return tx
    .update(postActivitySignups)
    .set({
      checkedInAt: now,
      checkinMethod: sql`x.method`,
      checkedInByUserId: sql`x.user_id`,
      updatedAt: now,
      version: sql`${postActivitySignups.version} + 1`,
    })
    .from(
      sql`jsonb_to_recordset(${JSON.stringify(input)}::jsonb) as x(activity_id uuid, member_id uuid, method post_checkin_method, user_id uuid)`,
    )
    .where(
      and(
        sql`${postActivitySignups.activityId} = x.activity_id and ${postActivitySignups.memberId} = x.member_id`,
        isNull(postActivitySignups.checkedInAt),
      ),
    )
    .returning();
}

/**
 * One transaction for the batch: a walk-in's sign-up is inserted (a row someone else made meanwhile is left to the
 * update), a sign-up made in advance gets its check-in, each change its audit row, each Idempotency-Key its answer.
 * A scan neither statement changed was checked in by another request first.
 */
async function writeCheckins(db: Db, scans: Accepted[], now: Date): Promise<Map<string, SignupRow>> {
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(postActivitySignups)
      .values(
        scans.map((a) => ({
          activityId: a.target.a.id,
          memberId: a.memberId,
          checkedInAt: now,
          checkinMethod: a.method,
          checkedInByUserId: a.req.actor.userId,
        })),
      )
      .onConflictDoNothing()
      .returning();
    const walkIns = new Set(inserted.map((s) => pairOf(s.activityId, s.memberId)));
    const rest = scans.filter((a) => !walkIns.has(pairOf(a.target.a.id, a.memberId)));
    const updated = rest.length ? await checkInExisting(tx, rest, now) : [];
    const rows = new Map([...inserted, ...updated].map((s) => [pairOf(s.activityId, s.memberId), s]));
    const done = scans.filter((a) => rows.has(pairOf(a.target.a.id, a.memberId)));
    await recordAudits(
      tx,
      done.map((a) => {
        const pair = pairOf(a.target.a.id, a.memberId);
        return {
          actor: a.req.actor,
          action: walkIns.has(pair) ? 'post_activity_checkin.walk_in' : `post_activity_checkin.${a.method}`,
          entityType: 'post_activity',
          entityId: a.target.a.id,
          after: rows.get(pair),
        };
      }),
    );
    for (const a of done)
      if (a.req.remember) await rememberAnswer(tx, a.req.actor.userId, a.req.remember, { memberId: a.memberId });
    return rows;
  });
}

/** Every scan of a batch answered: its check-in (201 new, 200 already in) or its refusal. */
export async function checkInBatch(db: Db, reqs: CheckinRequest[]): Promise<Settled<CheckinResult>[]> {
  const f = await readFacts(db, reqs);
  const answers: Settled<CheckinResult>[] = [];
  const first = new Map<string, Accepted>();
  const again: Accepted[] = [];
  for (const [i, req] of reqs.entries()) {
    try {
      const r = await admit(db, i, req, f);
      if ('created' in r) answers[i] = { ok: true, value: r };
      else if (first.has(pairOf(r.target.a.id, r.memberId))) again.push(r);
      else first.set(pairOf(r.target.a.id, r.memberId), r);
    } catch (error) {
      answers[i] = { ok: false, error };
    }
  }
  const rows = first.size ? await writeCheckins(db, [...first.values()], f.now) : new Map<string, SignupRow>();
  for (const a of first.values()) {
    const s = rows.get(pairOf(a.target.a.id, a.memberId));
    const signup = s
      ? presentSignup({ s, memberName: a.who.name, unitName: a.who.unitName, minutes: null })
      : ((await signupOf(db, a.target.a.id, a.memberId)) as PostSignupView);
    answers[a.i] = { ok: true, value: { created: Boolean(s), signup } };
  }
  // The same member scanned twice for one activity in one batch: the second is the first's check-in, already made.
  for (const a of again) {
    const prior = answers[first.get(pairOf(a.target.a.id, a.memberId))!.i] as { value: CheckinResult };
    answers[a.i] = { ok: true, value: { created: false, signup: prior.value.signup } };
  }
  return answers;
}

const batchers = new WeakMap<Db, GroupCommit<CheckinRequest, CheckinResult>>();

/** Checks a member in, batched with whatever else is being checked in on this database at the moment. */
export function checkIn(opts: CheckinRequest & { db: Db }): Promise<CheckinResult> {
  const { db, ...req } = opts;
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new GroupCommit((reqs) => checkInBatch(db, reqs), parallelWrites(db));
    batchers.set(db, batcher);
  }
  return batcher.submit(req);
}
