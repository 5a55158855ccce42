import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../core/auth/actor.js';
import { recordAudit } from '../../../core/audit.js';
import { clock } from '../../../core/clock.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { orderBy, type Page, readPage } from '../../../core/list.js';
import { recordService } from '../../ledger/ledger.service.js';
import { organisations } from '../../org/org.schema.js';
import { partyMembers } from '../../people/members/members.schema.js';
import { people } from '../../people/people.schema.js';
import type {
  ClaimableNeeds,
  ClaimNeed,
  FulfilClaim,
  NeedClaimListQuery,
  NeedClaimView,
} from './needs.claims.contracts.js';
import { CLAIMABLE_NEED_STATUSES } from './needs.enums.js';
import { assertMayClaim, assertMayHandleClaim, claimsVisibleTo } from './needs.policy.js';
import { needClaims, needs } from './needs.schema.js';

/**
 * 微心愿认领: a Party member claims an open need of the community they live in; staff of that community mark the
 * claim fulfilled with the service's start and end, which they verified, and that writes the member's 'need'
 * record through the ledger in the same transaction (an overlap with another record, more than 24 hours or times
 * out of order: refused, nothing written). One claim per need and member: claiming again reopens a withdrawn one.
 */
type ClaimRow = typeof needClaims.$inferSelect;
type Member = { id: string; residenceCommunityId: string | null };

function selectClaims(db: Db) {
  return db
    .select({
      c: needClaims,
      needTitle: needs.title,
      communityId: needs.communityId,
      communityName: organisations.name,
      memberName: people.name,
    })
    .from(needClaims)
    .innerJoin(needs, eq(needs.id, needClaims.needId))
    .innerJoin(organisations, eq(organisations.id, needs.communityId))
    .innerJoin(partyMembers, eq(partyMembers.id, needClaims.memberId))
    .innerJoin(people, eq(people.id, partyMembers.personId));
}
type ClaimJoined = Awaited<ReturnType<ReturnType<typeof selectClaims>['execute']>>[number];

function present(r: ClaimJoined): NeedClaimView {
  return {
    id: r.c.id,
    needId: r.c.needId,
    needTitle: r.needTitle,
    communityId: r.communityId,
    communityName: r.communityName,
    memberId: r.c.memberId,
    memberName: r.memberName,
    status: r.c.status,
    note: r.c.note,
    startsAt: r.c.startsAt?.toISOString() ?? null,
    endsAt: r.c.endsAt?.toISOString() ?? null,
    fulfilledAt: r.c.fulfilledAt?.toISOString() ?? null,
    serviceRecordId: r.c.serviceRecordId,
    version: r.c.version,
    createdAt: r.c.createdAt.toISOString(),
  };
}

async function ownMember(db: Db, actor: Actor): Promise<Member | null> {
  if (!actor.personId) return null;
  const [m] = await db
    .select({ id: partyMembers.id, residenceCommunityId: partyMembers.residenceCommunityId })
    .from(partyMembers)
    .where(eq(partyMembers.personId, actor.personId));
  return m ?? null;
}

async function claimView(db: Db, id: string): Promise<NeedClaimView> {
  const [row] = await selectClaims(db).where(eq(needClaims.id, id));
  return present(row);
}

/** The needs of the member's residence community still open to claims, with their own claim. */
export async function claimableNeeds(opts: { db: Db; actor: Actor }): Promise<ClaimableNeeds> {
  assertMayClaim(opts.actor);
  const member = await ownMember(opts.db, opts.actor);
  if (!member?.residenceCommunityId) return { items: [] };
  const rows = await opts.db
    .select({ n: needs, communityName: organisations.name })
    .from(needs)
    .innerJoin(organisations, eq(organisations.id, needs.communityId))
    .where(and(eq(needs.communityId, member.residenceCommunityId), inArray(needs.status, [...CLAIMABLE_NEED_STATUSES])))
    .orderBy(desc(needs.priority), asc(needs.createdAt))
    .limit(100);
  const mine = rows.length
    ? await selectClaims(opts.db).where(
        and(
          eq(needClaims.memberId, member.id),
          inArray(
            needClaims.needId,
            rows.map((r) => r.n.id),
          ),
        ),
      )
    : [];
  const byNeed = new Map(mine.map((c) => [c.c.needId, present(c)]));
  return {
    items: rows.map((r) => ({
      id: r.n.id,
      title: r.n.title,
      description: r.n.description,
      status: r.n.status,
      priority: r.n.priority,
      communityName: r.communityName,
      myClaim: byNeed.get(r.n.id) ?? null,
    })),
  };
}

/** A member claims a need: 201 with a new claim, 200 with the open one (or a withdrawn one reopened). */
export async function claimNeed(opts: {
  db: Db;
  actor: Actor;
  needId: string;
  input: ClaimNeed;
}): Promise<{ created: boolean; claim: NeedClaimView }> {
  const { db, actor } = opts;
  assertMayClaim(actor);
  const member = await ownMember(db, actor);
  if (!member) throw new AppError('NOT_FOUND', { entity: 'party_member' });
  return db.transaction(async (tx) => {
    const [need] = await tx.select().from(needs).where(eq(needs.id, opts.needId)).for('update');
    if (!need) throw new AppError('NOT_FOUND', { entity: 'need' });
    if (need.communityId !== member.residenceCommunityId) throw new AppError('NEED_CLAIM_OTHER_COMMUNITY');
    if (!(CLAIMABLE_NEED_STATUSES as readonly string[]).includes(need.status))
      throw new AppError('NEED_NOT_CLAIMABLE', { status: `need_${need.status}` });
    const [existing] = await tx
      .select()
      .from(needClaims)
      .where(and(eq(needClaims.needId, need.id), eq(needClaims.memberId, member.id)));
    if (existing?.status === 'claimed' || existing?.status === 'fulfilled')
      return { created: false, claim: await claimView(tx, existing.id) };
    const note = opts.input.note ?? null;
    const [row] = existing
      ? await tx
          .update(needClaims)
          .set({ status: 'claimed', note, version: existing.version + 1, updatedAt: clock.now() })
          .where(eq(needClaims.id, existing.id))
          .returning()
      : await tx.insert(needClaims).values({ needId: need.id, memberId: member.id, note }).returning();
    await recordAudit(tx, {
      actor,
      action: 'need_claim.claim',
      entityType: 'need_claim',
      entityId: row.id,
      before: existing,
      after: row,
    });
    return { created: !existing, claim: await claimView(tx, row.id) };
  });
}

/** Loads a claim for a change: visible (404 before 403), the actor may handle it, the version and state hold. */
async function lockClaim(
  tx: Db,
  actor: Actor,
  id: string,
  version: number,
  action: 'fulfil' | 'withdraw',
): Promise<{ claim: ClaimRow; need: typeof needs.$inferSelect }> {
  const member = await ownMember(tx, actor);
  const [row] = await tx
    .select({ c: needClaims, n: needs })
    .from(needClaims)
    .innerJoin(needs, eq(needs.id, needClaims.needId))
    .where(and(eq(needClaims.id, id), await claimsVisibleTo(tx, actor, clock.year(), member?.id ?? null)))
    .for('update', { of: needClaims });
  if (!row) throw new AppError('NOT_FOUND', { entity: 'need_claim' });
  await assertMayHandleClaim(
    tx,
    actor,
    { communityId: row.n.communityId, ownClaim: row.c.memberId === member?.id },
    action,
  );
  if (row.c.version !== version) throw new AppError('STALE_UPDATE');
  if (row.c.status !== 'claimed') throw new AppError('NEED_CLAIM_STATE', { state: `need_claim_${row.c.status}` });
  return { claim: row.c, need: row.n };
}

export async function withdrawClaim(opts: {
  db: Db;
  actor: Actor;
  id: string;
  version: number;
}): Promise<NeedClaimView> {
  return opts.db.transaction(async (tx) => {
    const { claim } = await lockClaim(tx, opts.actor, opts.id, opts.version, 'withdraw');
    const [after] = await tx
      .update(needClaims)
      .set({ status: 'withdrawn', version: claim.version + 1, updatedAt: clock.now() })
      .where(eq(needClaims.id, claim.id))
      .returning();
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'need_claim.withdraw',
      entityType: 'need_claim',
      entityId: claim.id,
      before: claim,
      after,
    });
    return claimView(tx, claim.id);
  });
}

/** Staff mark a claim fulfilled with the verified times: the member's 'need' record is written with it. */
export async function fulfilClaim(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: FulfilClaim;
}): Promise<NeedClaimView> {
  const { actor, input } = opts;
  return opts.db.transaction(async (tx) => {
    const { claim, need } = await lockClaim(tx, actor, opts.id, input.version, 'fulfil');
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    const record = await recordService(tx, actor, {
      memberId: claim.memberId,
      kind: 'need',
      sourceId: claim.id,
      communityId: need.communityId,
      title: need.title,
      startsAt,
      endsAt,
      verifiedByUserId: actor.userId,
    });
    const [after] = await tx
      .update(needClaims)
      .set({
        status: 'fulfilled',
        startsAt,
        endsAt,
        fulfilledAt: clock.now(),
        fulfilledBy: actor.userId,
        serviceRecordId: record.id,
        version: claim.version + 1,
        updatedAt: clock.now(),
      })
      .where(eq(needClaims.id, claim.id))
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'need_claim.fulfil',
      entityType: 'need_claim',
      entityId: claim.id,
      before: claim,
      after,
    });
    return claimView(tx, claim.id);
  });
}

export async function listClaims(opts: {
  db: Db;
  actor: Actor;
  query: NeedClaimListQuery;
}): Promise<Page<NeedClaimView>> {
  const { db, actor, query: q } = opts;
  const member = await ownMember(db, actor);
  const where: SQL | undefined = and(
    await claimsVisibleTo(db, actor, clock.year(), member?.id ?? null),
    q.needId ? eq(needClaims.needId, q.needId) : undefined,
    q.communityId ? eq(needs.communityId, q.communityId) : undefined,
    q.status ? eq(needClaims.status, q.status) : undefined,
  );
  return readPage(q, {
    rows: selectClaims(db)
      .where(where)
      .orderBy(
        ...orderBy(
          q.sort,
          { createdAt: needClaims.createdAt, memberName: people.name },
          [desc(needClaims.createdAt)],
          needClaims.id,
        ),
      )
      .$dynamic(),
    total: db
      .select({ total: count() })
      .from(needClaims)
      .innerJoin(needs, eq(needs.id, needClaims.needId))
      .where(where),
    present,
  });
}
