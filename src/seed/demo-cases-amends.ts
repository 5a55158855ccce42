/**
 * What the demo's case lifecycles leave out of issue 11's rules, added to the built year before it is written: a few
 * units decline a dispatch with a reason (another unit of the same whistle does the work), a few units' 报到 is
 * recorded by the community as 代报到 with a reason, and a few cases are accepted in another category than the
 * classifier suggested at the report (分类理事), each a stored correction (case_category_corrections) as the accept
 * would write it (classifier/corrections.ts). The rows and events are those the services write (dispatch/unit-inbox.ts
 * recordStep, dispatch/proxy.ts, cases.transition.ts acceptCategory). Its own generator: the cases' draws, and so the
 * demo's figures, stay as they were apart from the declined dispatches (no longer done).
 */
import type { categoryCorrections } from '../modules/cases/classifier/classifier.schema.js';
import type { CaseInsert, DispatchInsert, EventInsert } from './cases-lifecycle.js';
import type { CaseActor } from './cases-world.js';
import type { DemoCases } from './demo-cases-types.js';
import type { Rng } from './rng.js';

export type CorrectionInsert = typeof categoryCorrections.$inferInsert;

export const DEMO_DECLINES = 6;
export const DEMO_PROXY_ACKS = 6;
export const DEMO_CORRECTIONS = 14;

const DECLINE_REASONS = [
  '该事项不属于本单位职责范围，建议由住建部门牵头处理',
  '本单位无相关执法权限，请社区协调城管执法部门到场',
  '经核实该路段归属公路部门管养，非本单位管辖范围',
] as const;

const PROXY_REASONS = [
  '单位负责人电话报到，因外出无法登录平台，由社区代为登记',
  '单位已派人到社区对接，平台账号暂未开通，社区代报到',
  '单位值班人员电话确认报到，社区代为录入',
] as const;

/** The classifier's usual confusions on residents' wording: what it suggested for a case that was in fact this. */
const CONFUSED_WITH: Record<string, string> = {
  'facilities.drainage': 'environment.sanitation',
  'environment.sanitation': 'facilities.drainage',
  'property.service': 'security.disorder',
  'neighbour.noise': 'environment.noise',
  'neighbour.leak': 'facilities.drainage',
  'neighbour.occupation': 'traffic.parking',
  'traffic.parking': 'neighbour.occupation',
  'livelihood.assistance': 'livelihood.elderly',
};

export interface AmendContext {
  rng: Rng;
  out: DemoCases;
  /** A unit's administrator as the actor of its steps. */
  unitActor: (unitId: string) => CaseActor;
  /** The community's administrator (代报到 is theirs). */
  communityAdmin: (communityId: string) => CaseActor;
}

/** The case's dispatch rows whose times decide the case's own steps: first 报到, first arrival, last completion. */
function leadingRows(rows: DispatchInsert[]): Set<DispatchInsert> {
  const by = (pick: (d: DispatchInsert) => Date | null | undefined, latest: boolean) =>
    rows.reduce((a, b) => {
      const [ta, tb] = [pick(a)?.getTime() ?? Number.NaN, pick(b)?.getTime() ?? Number.NaN];
      return (latest ? tb > ta : tb < ta) ? b : a;
    });
  return new Set([by((d) => d.acknowledgedAt, false), by((d) => d.arrivedAt, false), by((d) => d.doneAt, true)]);
}

function dispatchesByCase(out: DemoCases): Map<string, DispatchInsert[]> {
  const byCase = new Map<string, DispatchInsert[]>();
  for (const d of out.dispatches) byCase.set(d.caseId, [...(byCase.get(d.caseId) ?? []), d]);
  return byCase;
}

/** A unit's own step on its dispatch row, as recordStep writes it (no case transition of its own). */
function unitEvent(
  d: DispatchInsert,
  at: Date,
  actor: CaseActor,
  step: { action: string; to: string; note: string | null; from?: string },
) {
  const proxy = step.action === 'unit_proxy_acknowledge';
  return {
    caseId: d.caseId,
    at,
    actorUserId: actor.userId,
    actorName: actor.name,
    action: step.action,
    fromStatus: null,
    toStatus: null,
    note: step.note,
    data: {
      dispatchId: d.id,
      unitId: d.unitId,
      from: step.from ?? 'pending',
      to: step.to,
      ...(proxy ? { proxy: true } : {}),
    },
  } satisfies EventInsert;
}

/**
 * Units that declined: on resolved whistles with several units, a unit whose times moved none of the case's steps
 * declines before it would have reported; the others did the work. Its row is released (declined, its reason the
 * report note), as unit-inbox.ts leaves it.
 */
function addDeclines(ctx: AmendContext, resolved: Set<string>): void {
  const { rng, out } = ctx;
  const candidates: DispatchInsert[] = [];
  for (const [caseId, rows] of dispatchesByCase(out)) {
    if (rows.length < 2 || !resolved.has(caseId) || rows.some((d) => !d.doneAt)) continue;
    const leading = leadingRows(rows);
    candidates.push(...rows.filter((d) => !leading.has(d)));
  }
  for (const d of rng.shuffle(candidates).slice(0, DEMO_DECLINES)) {
    const ack = d.acknowledgedAt as Date;
    const at = new Date(d.dispatchedAt.getTime() + Math.round((ack.getTime() - d.dispatchedAt.getTime()) / 2));
    const reason = rng.pick(DECLINE_REASONS);
    Object.assign(d, {
      status: 'declined',
      declinedAt: at,
      acknowledgedAt: null,
      arrivedAt: null,
      doneAt: null,
      reportNote: reason,
      updatedAt: at,
      version: 2,
    });
    out.events.push(
      unitEvent(d, at, ctx.unitActor(d.unitId), { action: 'unit_decline', to: 'declined', note: reason }),
    );
  }
}

/**
 * 代报到: the community records the 报到 of the unit that answered first, so the case's own 报到 step is the
 * community admin's too (one step on the timeline, dispatch/timeline.ts folds the two by instant and actor).
 */
function addProxyAcknowledgements(ctx: AmendContext, byId: Map<string, CaseInsert>): void {
  const { rng, out } = ctx;
  const acks = new Map<string, EventInsert>();
  for (const e of out.events) if (e.action === 'acknowledge') acks.set(e.caseId, e);
  const candidates: DispatchInsert[] = [];
  for (const [caseId, rows] of dispatchesByCase(out)) {
    const ack = acks.get(caseId);
    if (byId.get(caseId)?.mergedIntoId) continue;
    const first = rows.find(
      (d) => d.acknowledgedAt && ack && d.acknowledgedAt.getTime() === (ack.at as Date).getTime(),
    );
    if (first && first.status !== 'declined') candidates.push(first);
  }
  for (const d of rng.shuffle(candidates).slice(0, DEMO_PROXY_ACKS)) {
    const c = byId.get(d.caseId) as CaseInsert;
    const admin = ctx.communityAdmin(c.communityId);
    const reason = rng.pick(PROXY_REASONS);
    const ack = acks.get(d.caseId) as EventInsert;
    Object.assign(ack, { actorUserId: admin.userId, actorName: admin.name, note: reason });
    Object.assign(d, { proxyAcknowledgedByUserId: admin.userId, proxyReason: reason });
    out.events.push(
      unitEvent(d, d.acknowledgedAt as Date, admin, {
        action: 'unit_proxy_acknowledge',
        to: 'acknowledged',
        note: reason,
      }),
    );
  }
}

/**
 * 分类理事 corrections: residents' reports the classifier put in a neighbouring category, accepted in their own; the
 * report event and the case keep the suggestion, the accept its category, and the correction is the labelled example.
 */
function addCorrections(ctx: AmendContext, byId: Map<string, CaseInsert>): CorrectionInsert[] {
  const { rng, out } = ctx;
  const reports = new Map<string, EventInsert>();
  for (const e of out.events) if (e.action === 'report') reports.set(e.caseId, e);
  const accepts = out.events.filter((e) => {
    const c = byId.get(e.caseId);
    return (
      e.action === 'accept' &&
      c &&
      !c.mergedIntoId &&
      c.channel !== 'community_whistle' &&
      CONFUSED_WITH[c.categoryCode]
    );
  });
  return rng
    .shuffle(accepts)
    .slice(0, DEMO_CORRECTIONS)
    .map((accept) => {
      const c = byId.get(accept.caseId) as CaseInsert;
      const suggested = CONFUSED_WITH[c.categoryCode];
      const confidence = Math.round(rng.float(0.34, 0.58) * 100) / 100;
      Object.assign(c, { suggestedCategoryCode: suggested, suggestedConfidence: confidence });
      const report = reports.get(c.id) as EventInsert;
      report.data = { ...(report.data as Record<string, unknown>), suggested, confidence };
      return {
        caseId: c.id,
        text: c.description,
        suggestedCode: suggested,
        correctedCode: c.categoryCode,
        correctedByUserId: accept.actorUserId ?? null,
        correctedAt: accept.at as Date,
      };
    });
}

/**
 * Each unit's own steps as the unit inbox records them (unit-inbox.ts recordStep): its 报到 (unless the community
 * recorded it as 代报到), its arrival and its completion, each an event by the unit's admin at the row's stamp. The
 * case's own transitions they caused stay as they are (the timeline folds the two). The Party members' hours for the
 * cases they handled are read from these (cases/handling/spans.ts).
 */
function addUnitSteps(ctx: AmendContext): void {
  for (const d of ctx.out.dispatches) {
    const actor = ctx.unitActor(d.unitId);
    const steps = [
      {
        action: 'unit_acknowledge',
        at: d.proxyAcknowledgedByUserId ? null : d.acknowledgedAt,
        from: 'pending',
        to: 'acknowledged',
      },
      { action: 'unit_arrive', at: d.arrivedAt, from: 'acknowledged', to: 'on_site' },
      { action: 'unit_done', at: d.doneAt, from: 'on_site', to: 'done', note: d.reportNote },
    ];
    for (const { at, ...step } of steps)
      if (at) ctx.out.events.push(unitEvent(d, at, actor, { ...step, note: step.note ?? null }));
  }
}

/** Declines, 代报到, the units' own steps and corrections, in that order; returns the corrections to store. */
export function amendDemoCases(ctx: AmendContext): CorrectionInsert[] {
  const byId = new Map(ctx.out.cases.map((c) => [c.id, c]));
  const resolved = new Set(ctx.out.cases.filter((c) => c.resolvedAt && !c.mergedIntoId).map((c) => c.id));
  addDeclines(ctx, resolved);
  addProxyAcknowledgements(ctx, byId);
  addUnitSteps(ctx);
  return addCorrections(ctx, byId);
}
