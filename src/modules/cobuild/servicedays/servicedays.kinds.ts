import { asc, count, eq } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit.js';
import type { Actor } from '../../../core/auth/actor.js';
import { updateVersioned } from '../../../core/crud.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import type { CreateServiceKind, ServiceKindView, UpdateServiceKind } from './servicedays.contracts.js';
import { assertMayEditKinds } from './servicedays.policy.js';
import { serviceKinds } from './servicedays.schema.js';

/**
 * The catalogue of service kinds (集中报到服务日的服务内容). The first six are the ones the article names; the rest
 * are what agency Party organisations commonly bring to a community. Codes are stable; names are editable.
 */
export const DEFAULT_SERVICE_KINDS: readonly { code: string; name: string; nameEn: string }[] = [
  { code: 'waste_sorting', name: '垃圾分类', nameEn: 'Waste sorting guidance' },
  { code: 'census_training', name: '人口普查业务培训', nameEn: 'Population census training' },
  { code: 'red_canteen', name: '红色共享餐厅志愿服务', nameEn: 'Red shared canteen volunteering' },
  { code: 'safety_rates', name: '“平安三率”宣传', nameEn: '"Three safety rates" publicity' },
  { code: 'left_behind_children', name: '“六一”慰问留守儿童', nameEn: "Children's Day visits to left-behind children" },
  { code: 'free_clinic', name: '爱心义诊', nameEn: 'Free medical clinic' },
  { code: 'legal_advice', name: '法律咨询', nameEn: 'Legal advice' },
  { code: 'anti_fraud', name: '反诈宣传', nameEn: 'Anti-fraud publicity' },
  { code: 'fire_safety', name: '消防安全宣传', nameEn: 'Fire safety publicity' },
  { code: 'cleanup', name: '环境卫生整治', nameEn: 'Neighbourhood clean-up' },
  { code: 'elderly_help', name: '敬老助老上门服务', nameEn: 'Home help for the elderly' },
  { code: 'policy_briefing', name: '政策宣讲', nameEn: 'Policy briefings' },
  { code: 'civilised_city', name: '文明创城劝导', nameEn: 'Civilised-city campaign' },
  { code: 'flood_awareness', name: '防汛知识宣传', nameEn: 'Flood-prevention awareness' },
  { code: 'job_fair', name: '就业招聘服务', nameEn: 'Job fair and employment advice' },
  { code: 'free_haircut', name: '义务理发', nameEn: 'Free haircuts' },
  { code: 'appliance_repair', name: '家电义修', nameEn: 'Free appliance repair' },
  { code: 'tax_advice', name: '税务咨询', nameEn: 'Tax advice' },
  { code: 'traffic_safety', name: '交通安全宣传', nameEn: 'Traffic safety publicity' },
  { code: 'food_safety', name: '食品安全宣传', nameEn: 'Food safety publicity' },
  { code: 'tutoring', name: '四点半课堂辅导', nameEn: 'After-school tutoring' },
  { code: 'performance', name: '文艺汇演', nameEn: 'Cultural performance' },
  { code: 'mediation', name: '矛盾纠纷调解', nameEn: 'Dispute mediation' },
  { code: 'anti_gang', name: '扫黑除恶宣传', nameEn: 'Anti-gang publicity' },
  { code: 'insurance_advice', name: '医保社保咨询', nameEn: 'Medical and social insurance advice' },
];

/** Reference data every database needs: inserted once into an empty table. */
export async function seedServiceKinds(opts: { db: Db }): Promise<number> {
  const [{ n }] = await opts.db.select({ n: count() }).from(serviceKinds);
  if (n > 0) return 0;
  await opts.db
    .insert(serviceKinds)
    .values(DEFAULT_SERVICE_KINDS.map((k, i) => ({ ...k, sort: (i + 1) * 10 })))
    .onConflictDoNothing();
  return DEFAULT_SERVICE_KINDS.length;
}

type KindRow = typeof serviceKinds.$inferSelect;

function presentKind(k: KindRow): ServiceKindView {
  return { code: k.code, name: k.name, nameEn: k.nameEn, sort: k.sort, active: k.active, version: k.version };
}

export async function listServiceKinds(opts: { db: Db }): Promise<ServiceKindView[]> {
  const rows = await opts.db.select().from(serviceKinds).orderBy(asc(serviceKinds.sort), asc(serviceKinds.code));
  return rows.map(presentKind);
}

/** Every code must name an active kind of the catalogue (400 SERVICE_KIND_UNKNOWN otherwise). */
export async function assertKnownKinds(db: Db, codes: string[]): Promise<void> {
  if (!codes.length) return;
  const active = new Set(
    (await db.select({ code: serviceKinds.code }).from(serviceKinds).where(eq(serviceKinds.active, true))).map(
      (r) => r.code,
    ),
  );
  const unknown = codes.find((c) => !active.has(c));
  if (unknown) throw new AppError('SERVICE_KIND_UNKNOWN', { code: unknown });
}

export async function createServiceKind(opts: {
  db: Db;
  actor: Actor;
  input: CreateServiceKind;
}): Promise<ServiceKindView> {
  assertMayEditKinds(opts.actor);
  return opts.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(serviceKinds)
      .values({ ...opts.input, sort: opts.input.sort ?? 1000 })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('DUPLICATE', { field: 'code', value: opts.input.code });
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'service_kind.create',
      entityType: 'service_kind',
      entityId: row.code,
      after: row,
    });
    return presentKind(row);
  });
}

/** Renames, re-sorts or retires a kind (a retired kind stays on past days but cannot be chosen again). */
export async function updateServiceKind(opts: {
  db: Db;
  actor: Actor;
  code: string;
  input: UpdateServiceKind;
}): Promise<ServiceKindView> {
  assertMayEditKinds(opts.actor);
  return opts.db.transaction(async (tx) => {
    const [before] = await tx.select().from(serviceKinds).where(eq(serviceKinds.code, opts.code));
    if (!before) throw new AppError('NOT_FOUND', { entity: 'service_kind' });
    const { version, ...values } = opts.input;
    const row = await updateVersioned({
      db: tx,
      table: serviceKinds,
      key: serviceKinds.code,
      id: opts.code,
      version,
      values,
      entity: 'service_kind',
    });
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'service_kind.update',
      entityType: 'service_kind',
      entityId: opts.code,
      before,
      after: row,
    });
    return presentKind(row);
  });
}
