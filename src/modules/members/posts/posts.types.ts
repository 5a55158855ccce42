import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import { updateVersioned } from '../../../core/crud.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { organisations } from '../../org/org.schema.js';
import { assertIsCommunity } from '../../org/org.service.js';
import { DEFAULT_POST_TYPE_KEYS } from './posts.enums.js';
import type { CreatePostType, PostTypeListQuery, PostTypeView, UpdatePostType } from './posts.openings.contracts.js';
import { assertMayManagePosts, assertMayReadTypes } from './posts.openings.policy.js';
import { postTypes } from './posts.schema.js';

/**
 * Post types per community: the article's eight, created for a community the first time anything asks for its
 * types (or by the demo for all), plus the community's own. Keys are stable (skills and the need mapping refer to
 * them); names are edited; a type is retired by deactivating it (its openings stay).
 */
export const DEFAULT_POST_TYPES: Readonly<Record<(typeof DEFAULT_POST_TYPE_KEYS)[number], [string, string]>> = {
  dispute_mediation: ['纠纷调解', 'Dispute mediation'],
  public_security: ['社区治安', 'Community security'],
  opinion_collection: ['民情收集', 'Collecting residents’ views'],
  social_work_counsel: ['社会工作参议', 'Social work counsel'],
  legal_service: ['法律服务', 'Legal services'],
  elderly_disabled_help: ['敬老助残', 'Help for the elderly and disabled'],
  environment: ['环境整治', 'Neighbourhood environment'],
  youth_care: ['青少年关心教育', 'Care and education of young people'],
};

export function defaultTypeRows(communityId: string) {
  return DEFAULT_POST_TYPE_KEYS.map((key, i) => ({
    communityId,
    key,
    name: DEFAULT_POST_TYPES[key][0],
    nameEn: DEFAULT_POST_TYPES[key][1],
    sort: (i + 1) * 10,
  }));
}

/** Creates the eight default types of these communities where missing (idempotent, safe under concurrent calls). */
export async function ensureDefaultTypes(db: Db, communityIds: readonly string[]): Promise<void> {
  if (!communityIds.length) return;
  const have = await db
    .selectDistinct({ communityId: postTypes.communityId })
    .from(postTypes)
    .where(inArray(postTypes.communityId, [...communityIds]));
  const missing = communityIds.filter((c) => !have.some((h) => h.communityId === c));
  if (missing.length) await db.insert(postTypes).values(missing.flatMap(defaultTypeRows)).onConflictDoNothing();
}

type TypeRow = typeof postTypes.$inferSelect;

function presentType(t: TypeRow): PostTypeView {
  return {
    id: t.id,
    communityId: t.communityId,
    key: t.key,
    name: t.name,
    nameEn: t.nameEn,
    description: t.description,
    active: t.active,
    sort: t.sort,
    version: t.version,
  };
}

export async function listPostTypes(opts: { db: Db; actor: Actor; query: PostTypeListQuery }): Promise<PostTypeView[]> {
  assertMayReadTypes(opts.actor);
  const { communityId, active } = opts.query;
  const [org] = await opts.db
    .select({ kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.id, communityId));
  if (org?.kind !== 'community') return [];
  await ensureDefaultTypes(opts.db, [communityId]);
  const rows = await opts.db
    .select()
    .from(postTypes)
    .where(and(eq(postTypes.communityId, communityId), active ? eq(postTypes.active, active === 'true') : undefined))
    .orderBy(asc(postTypes.sort), asc(postTypes.key));
  return rows.map(presentType);
}

/** The community's active type with this id (400 POST_TYPE_UNKNOWN otherwise). */
export async function activeTypeOf(db: Db, communityId: string, typeId: string): Promise<TypeRow> {
  const [row] = await db.select().from(postTypes).where(eq(postTypes.id, typeId));
  if (!row || row.communityId !== communityId || !row.active) throw new AppError('POST_TYPE_UNKNOWN');
  return row;
}

export async function createPostType(opts: { db: Db; actor: Actor; input: CreatePostType }): Promise<PostTypeView> {
  const { input } = opts;
  await assertIsCommunity(opts.db, input.communityId);
  await assertMayManagePosts(opts.db, opts.actor, input.communityId);
  return opts.db.transaction(async (tx) => {
    await ensureDefaultTypes(tx, [input.communityId]);
    const key = input.key ?? `custom_${randomBytes(4).toString('hex')}`;
    const [row] = await tx
      .insert(postTypes)
      .values({ ...input, key, description: input.description ?? null, sort: input.sort ?? 1000 })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('DUPLICATE', { field: 'key', value: key });
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'post_type.create',
      entityType: 'post_type',
      entityId: row.id,
      after: row,
    });
    return presentType(row);
  });
}

export async function updatePostType(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: UpdatePostType;
}): Promise<PostTypeView> {
  const [before] = await opts.db.select().from(postTypes).where(eq(postTypes.id, opts.id));
  if (!before) throw new AppError('NOT_FOUND', { entity: 'post_type' });
  await assertMayManagePosts(opts.db, opts.actor, before.communityId);
  return opts.db.transaction(async (tx) => {
    const { version, ...values } = opts.input;
    const row = await updateVersioned({ db: tx, table: postTypes, id: opts.id, version, values, entity: 'post_type' });
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'post_type.update',
      entityType: 'post_type',
      entityId: row.id,
      before,
      after: row,
    });
    return presentType(row);
  });
}
