import { insertRows } from '../core/bulk.js';
import type { Db } from '../core/db.js';
import { assignmentProblem } from '../modules/members/posts/assignment/assignment.service.js';
import { greedyAssignment } from '../modules/members/posts/assignment/assignment.model.js';
import { DEFAULT_POST_TYPE_KEYS } from '../modules/members/posts/posts.enums.js';
import { postAssignments, postOpenings, postTypes } from '../modules/members/posts/posts.schema.js';
import { defaultTypeRows } from '../modules/members/posts/posts.types.js';
import type { DemoData } from './demo.js';
import type { DemoTime } from './demo-types.js';
import { createRng } from './rng.js';

/**
 * 设岗定责 in the demo: the eight post types in each of the 11 communities, ~400 openings this year over their
 * grids (in proportion to the members living there, every type in every community, 3–6 seats: seats enough for
 * most members), and a plan over the members who reported (the reports seed runs first), made by the greedy pass
 * (a cold HiGHS costs seconds; the staff's 生成岗位安排建议 runs the optimiser). Nine in ten of the plan are
 * confirmed by the community three weeks into the year; the rest are left as suggestions for the staff to decide.
 * member01 always holds a confirmed post (when they reported).
 */
const OPENINGS = 400;
const DUTIES: Record<(typeof DEFAULT_POST_TYPE_KEYS)[number], string> = {
  dispute_mediation: '参与邻里纠纷排查调解，每月至少走访一次责任楼栋',
  public_security: '参加平安巡逻，协助做好反诈宣传和安全隐患排查',
  opinion_collection: '收集居民意见建议，参加每月20日居民说事',
  social_work_counsel: '参与社区事务议事协商，提出工作建议',
  legal_service: '提供法律咨询，协助开展普法宣传',
  elderly_disabled_help: '结对帮扶独居老人和残疾人，定期上门探访',
  environment: '参与环境卫生整治和垃圾分类督导',
  youth_care: '参与四点半课堂和青少年关爱活动',
};

function openingRows(data: DemoData, time: DemoTime, typeIds: Map<string, string>) {
  const rng = createRng(13_0307);
  const communities = data.organisations.filter((o) => o.kind === 'community');
  const living = communities.map(
    (c) => data.partyMembers.filter((m) => m.kind === 'in_service' && m.residenceCommunityId === c.id).length,
  );
  const total = living.reduce((a, b) => a + b, 0) || 1;
  return communities.flatMap((c, ci) => {
    const n = Math.max(DEFAULT_POST_TYPE_KEYS.length, Math.round((OPENINGS * living[ci]) / total));
    const places = data.grids.filter((g) => g.communityId === c.id && (g.level === 2 || g.level === 3));
    return Array.from({ length: n }, (_, i) => {
      const key = DEFAULT_POST_TYPE_KEYS[i % DEFAULT_POST_TYPE_KEYS.length];
      const grid = places.length && rng.chance(0.85) ? rng.pick(places) : null;
      const typeName = defaultTypeRows(c.id).find((t) => t.key === key)?.name ?? key;
      return {
        id: rng.uuid(),
        communityId: c.id,
        gridId: grid?.id ?? null,
        postTypeId: typeIds.get(`${c.id}:${key}`) as string,
        year: time.year,
        seats: rng.int(3, 6),
        title: `${grid?.name ?? c.name}${typeName}岗`,
        duties: DUTIES[key],
        createdAt: time.createdAt,
        updatedAt: time.createdAt,
      };
    });
  });
}

/** Writes the plan: most pairs confirmed by the community's admin, the rest left suggested; member01 confirmed. */
async function writePlan(db: Db, data: DemoData, time: DemoTime): Promise<void> {
  const { problem } = await assignmentProblem(db, undefined, time.year);
  const chosen = greedyAssignment(problem);
  const rng = createRng(13_0308);
  const adminOf = new Map(
    data.roleBindings.filter((b) => b.role === 'community_admin').map((b) => [b.scopeOrgId, b.userId]),
  );
  const member01 = data.partyMembers.find(
    (m) => m.personId === data.users.find((u) => u.username === 'member01')?.personId,
  )?.id;
  const confirmedAt = new Date(Math.min(time.now.getTime(), time.createdAt.getTime() + 21 * 86_400_000));
  const rows = chosen.map((p) => {
    const opening = problem.openings[p.opening];
    const memberId = problem.members[p.member].id;
    const confirm = memberId === member01 || rng.chance(0.9);
    return {
      id: rng.uuid(),
      openingId: opening.id,
      memberId,
      year: time.year,
      state: confirm ? ('confirmed' as const) : ('suggested' as const),
      score: Math.round(p.score * 1e4) / 1e4,
      distanceKm: Math.round(p.distanceKm * 1e3) / 1e3,
      confirmedAt: confirm ? confirmedAt : null,
      confirmedByUserId: confirm ? (adminOf.get(opening.communityId) ?? null) : null,
      createdAt: confirmedAt,
      updatedAt: confirmedAt,
    };
  });
  await insertRows(db, postAssignments, rows);
}

export async function seedDemoPosts(db: Db, data: DemoData, time: DemoTime): Promise<void> {
  const rng = createRng(13_0306);
  const communities = data.organisations.filter((o) => o.kind === 'community');
  const types = communities.flatMap((c) =>
    defaultTypeRows(c.id).map((t) => ({ ...t, id: rng.uuid(), createdAt: time.createdAt, updatedAt: time.createdAt })),
  );
  await db.insert(postTypes).values(types);
  const typeIds = new Map(types.map((t) => [`${t.communityId}:${t.key}`, t.id]));
  const openings = openingRows(data, time, typeIds);
  await insertRows(db, postOpenings, openings);
  await writePlan(db, data, time);
}
