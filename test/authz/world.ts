import { and, eq } from 'drizzle-orm';
import { addDays } from '../../src/core/calendar.js';
import { clock } from '../../src/core/clock.js';
import type { CaseDetail, CaseSummary } from '../../src/modules/cases/cases.contracts.js';
import { serviceDays } from '../../src/modules/cobuild/servicedays/servicedays.schema.js';
import { needs as needsTable } from '../../src/modules/cobuild/needs/needs.schema.js';
import { serviceRecords } from '../../src/modules/ledger/ledger.schema.js';
import { evaluationFollowUps } from '../../src/modules/evaluations/evaluations.schema.js';
import { rulesInForce } from '../../src/modules/members/ratings/ratings.ruleset.js';
import { memberRatings } from '../../src/modules/members/ratings/ratings.schema.js';
import { people } from '../../src/modules/people/people.schema.js';
import { matrixPostActivityRows } from '../post-activities.js';
import type { TestContext } from '../app.js';
import { seedAlleyRegions } from '../api-setup/alleys.js';
import { matrixAlleyRows } from './alleys.js';
import { matrixVolunteerRows, type VolunteerSideRows } from './volunteers.js';
import { adoptTestPairing } from '../cobuild.js';
import { matrixReportRows } from '../member-reports.js';
import { matrixPostRows } from '../posts.js';
import { api, expectOk, type Page, validIdNumber } from '../http.js';
import { photoForm, samplePhoto } from '../photos.js';

/**
 * The rows the authorisation matrix points its path ids at: the same set once on side A (杭东 community, unit1,
 * resident01's and member01's side) and once on side B (三凤, unit2, member02). An actor's own scope is their side.
 */
export type Side = 'A' | 'B';

export interface SideRows extends VolunteerSideRows {
  community: string;
  unit: string;
  grid: string;
  duty: string;
  person: string;
  /** A person registered with a valid ID number (registering the number again is refused: nothing is written). */
  idPerson: string;
  idNumber: string;
  member: string;
  memberPerson: string;
  case: string;
  /** A second open case on the side, to merge into. */
  case2: string;
  dispatch: string;
  casePhoto: string;
  session: string;
  sessionItem: string;
  /** A follow-up task of an unsatisfied verdict on the side's session (written directly: holding waits for its day). */
  followUp: string;
  committeeKey: string;
  day: string;
  dayToken: string;
  signup: string;
  checkin: string;
  dayPhoto: string;
  meeting: string;
  agendaItem: string;
  task: string;
  plan: string;
  project: string;
  milestone: string;
  evidence: string;
  need: string;
  resource: string;
  run: string;
  /** A match already rejected (deciding it again is refused, so probing it changes nothing). */
  match: string;
  needTask: string;
  /** A post activity a week ahead, and its sign-up of the side's member (test/post-activities.ts). */
  postActivity: string;
  postSignup: string;
  /** 设岗定责 (test/posts.ts): the side's environment type, an opening of it, the side member's confirmed post. */
  postType: string;
  opening: string;
  postAssignment: string;
  /** The ledger record of the side member's check-in at the side's service day. */
  serviceRecord: string;
  /** The side member's open claim (微心愿认领) of the side's second need. */
  needClaim: string;
  /** The side member's approved 双报到 application and its certificate, revoked (test/member-reports.ts). */
  memberReport: string;
  certificate: string;
  /** Last year's Q4 rating of the side's member: confirmed, not reported, an appeal pending (members-ratings.ts). */
  rating: string;
  /** The side's alley region (背街小巷, test/api-setup/alleys.ts). */
  alleyRegion: string;
  /** A photo of the guideline of the side's alley region, uploaded by the county. */
  alleyPhoto: string;
  /** A PDF of the guideline of the side's alley region and an open task of it, both the county's (authz/alleys.ts). */
  alleyDocument: string;
  alleyTask: string;
}

export interface MatrixWorld {
  sides: Record<Side, SideRows>;
  /** Rows and keys that belong to no side (county-wide). */
  year: number;
  /** The day of both sides' evaluation sessions and the quarter of their joint meetings. */
  heldOn: string;
  quarter: number;
  pairingPlan: string;
  categoryCode: string;
  serviceKind: string;
  /** The catalogue's 治安巡逻 series and its 街巷巡逻 type (the county's, in no side's scope). */
  volunteerSeries: string;
  volunteerType: string;
}

type Call = ReturnType<typeof api>;

const POINT: Record<Side, [number, number]> = { A: [117.331, 27.541], B: [117.345, 27.545] };
const STAFF: Record<Side, string> = { A: 'hangdong', B: 'sanfeng' };
const UNIT_ADMIN: Record<Side, string> = { A: 'unit01', B: 'unit02' };
/** Who reports the side's case: a resident on A, a party member on B (each may then open their own). */
const REPORTER: Record<Side, string> = { A: 'resident01', B: 'member02' };

async function upload(ctx: TestContext, as: string, url: string): Promise<{ id: string }> {
  const form = photoForm(await samplePhoto({ width: 64, height: 48 }));
  const res = await ctx.app.inject({
    method: 'POST',
    url,
    payload: form.payload,
    headers: { ...form.headers, cookie: await ctx.cookieFor(as) },
  });
  return expectOk<{ id: string }>(res, 201);
}

/** A case on the side with a photo, accepted and dispatched to the side's unit. */
async function caseRows(ctx: TestContext, call: Call, side: Side, unit: string) {
  const photo = await upload(ctx, REPORTER[side], '/api/cases/photos');
  const [lng, lat] = POINT[side];
  const created = expectOk<CaseSummary>(
    await call('POST', '/api/cases', {
      as: REPORTER[side],
      body: {
        channel: 'snap',
        description: `${side} 侧路面有个大坑`,
        categoryCode: 'facilities.road',
        lng,
        lat,
        photoIds: [photo.id],
      },
    }),
    201,
  );
  let c = expectOk<CaseDetail>(
    await call('POST', `/api/cases/${created.id}/transitions`, {
      as: STAFF[side],
      body: { action: 'accept', version: created.version },
    }),
  );
  c = expectOk<CaseDetail>(
    await call('POST', `/api/cases/${c.id}/transitions`, {
      as: STAFF[side],
      // The side's unit is not paired with its community in this world: 跨社区吹哨 needs its reason.
      body: { action: 'dispatch', unitIds: [unit], reason: '测试：跨社区吹哨', version: c.version },
    }),
  );
  const dispatches = expectOk<Page<{ id: string; caseId: string }>>(
    await call('GET', '/api/case-dispatches?pageSize=200', { as: 'admin' }),
  );
  const second = expectOk<CaseSummary>(
    await call('POST', '/api/cases', {
      as: REPORTER[side],
      body: { channel: 'snap', description: `${side} 侧路灯不亮`, categoryCode: 'facilities.road', lng, lat },
    }),
    201,
  );
  return {
    case: c.id,
    case2: second.id,
    casePhoto: photo.id,
    dispatch: dispatches.items.find((d) => d.caseId === c.id)!.id,
  };
}

/** The monthly evaluation session held next month (its agenda takes the case just reported). */
const heldOn = () => `${addDays(clock.today(), 31).slice(0, 7)}-20`;
const quarter = () => Math.floor((Number(clock.today().slice(5, 7)) - 1) / 3) + 1;

async function sessionRows(ctx: TestContext, call: Call, side: Side, community: string) {
  const body = { communityId: community, heldOn: heldOn() };
  const s = expectOk<{ id: string; items: { id: string; caseId: string }[] }>(
    await call('POST', '/api/evaluation-sessions', { as: STAFF[side], body }),
    201,
  );
  const [followUp] = await ctx.database.db
    .insert(evaluationFollowUps)
    .values({ itemId: s.items[0].id, caseId: s.items[0].caseId })
    .returning({ id: evaluationFollowUps.id });
  return { session: s.id, sessionItem: s.items[0].id, followUp: followUp.id };
}

/** A service day a week ahead with a sign-up of the side's unit, a staff check-in of its member and an outcome photo. */
async function dayRows(ctx: TestContext, call: Call, side: Side, community: string, member: string) {
  const date = addDays(clock.today(), 7);
  const day = expectOk<{ id: string; checkinToken: string | null }>(
    await call('POST', '/api/service-days', {
      as: STAFF[side],
      body: {
        communityId: community,
        date,
        startTime: '08:30',
        endTime: '11:30',
        place: '党群服务中心',
        theme: '集中报到服务日',
        kindCodes: ['free_clinic'],
      },
    }),
    201,
  );
  const signup = expectOk<{ id: string }>(
    await call('POST', `/api/service-days/${day.id}/signups`, {
      as: UNIT_ADMIN[side],
      body: { items: [{ kindCode: 'free_clinic', description: '义诊' }], headcount: 3 },
    }),
    201,
  );
  // Check-ins are taken while the day is on: move it around now for the staff check-in, then back a week ahead.
  const now = clock.nowMs();
  const [row] = await ctx.database.db.select().from(serviceDays).where(eq(serviceDays.id, day.id));
  await ctx.database.db
    .update(serviceDays)
    .set({ startsAt: new Date(now - 3_600_000), endsAt: new Date(now + 3_600_000) })
    .where(eq(serviceDays.id, day.id));
  const checked = expectOk<{ created: { id: string }[] }>(
    await call('POST', `/api/service-days/${day.id}/checkins`, { as: STAFF[side], body: { memberIds: [member] } }),
  );
  await ctx.database.db
    .update(serviceDays)
    .set({ startsAt: row.startsAt, endsAt: row.endsAt })
    .where(eq(serviceDays.id, day.id));
  const photo = await upload(ctx, STAFF[side], `/api/service-days/${day.id}/photos`);
  // The check-in wrote the member's ledger record for the day's hours (as they were when checked in).
  const [record] = await ctx.database.db
    .select({ id: serviceRecords.id })
    .from(serviceRecords)
    .where(eq(serviceRecords.sourceId, checked.created[0].id));
  return {
    day: day.id,
    dayToken: day.checkinToken ?? '',
    signup: signup.id,
    checkin: checked.created[0].id,
    dayPhoto: photo.id,
    serviceRecord: record.id,
  };
}

/** This quarter's joint meeting, scheduled, with an agenda item and a resolution owned by the side's unit. */
async function meetingRows(call: Call, side: Side, community: string, unit: string, year: number) {
  const body = { communityId: community, year, quarter: quarter() };
  const m = expectOk<{ id: string; version: number }>(
    await call('POST', '/api/joint-meetings', { as: STAFF[side], body }),
    201,
  );
  const meetingDate = addDays(clock.today(), 10);
  expectOk(
    await call('POST', `/api/joint-meetings/${m.id}/schedule`, {
      as: STAFF[side],
      body: { meetingDate, place: '会议室', version: m.version },
    }),
  );
  const withItem = expectOk<{ agenda: { id: string }[] }>(
    await call('POST', `/api/joint-meetings/${m.id}/agenda`, { as: STAFF[side], body: { title: '议题' } }),
  );
  const task = expectOk<{ id: string }>(
    await call('POST', `/api/joint-meetings/${m.id}/resolutions`, {
      as: STAFF[side],
      body: { ownerUnitId: unit, deadline: addDays(clock.today(), 60), content: '决议事项' },
    }),
    201,
  );
  return { meeting: m.id, agendaItem: withItem.agenda[withItem.agenda.length - 1].id, task: task.id };
}

/** A project of the side's community led by its unit, with a milestone and a photo as evidence. */
async function projectRows(ctx: TestContext, call: Call, side: Side, community: string, unit: string, year: number) {
  const p = expectOk<{ id: string; planId: string }>(
    await call('POST', '/api/projects', {
      as: STAFF[side],
      body: {
        communityId: community,
        year,
        name: `${side} 侧老旧小区改造`,
        domain: 'old_estate_renovation',
        units: [{ unitId: unit, role: 'lead' }],
        budget: 100_000,
        startOn: `${year}-01-01`,
        endOn: `${year}-12-31`,
      },
    }),
    201,
  );
  const withMilestone = expectOk<{ milestones: { id: string }[] }>(
    await call('POST', `/api/projects/${p.id}/milestones`, {
      as: STAFF[side],
      body: { title: '施工', dueOn: `${year}-12-31` },
    }),
    201,
  );
  const evidence = await upload(ctx, STAFF[side], `/api/projects/${p.id}/evidence`);
  return { plan: p.planId, project: p.id, milestone: withMilestone.milestones[0].id, evidence: evidence.id };
}

/** Two needs of the side's community, a resource of its unit, a matching run: one match accepted (its task), one rejected. */
async function needRows(call: Call, side: Side, community: string) {
  const [lng, lat] = POINT[side];
  const needs: string[] = [];
  for (const title of ['楼道清理', '绿地补植']) {
    needs.push(
      expectOk<{ id: string }>(
        await call('POST', '/api/needs', {
          as: STAFF[side],
          body: {
            communityId: community,
            title,
            domain: 'old_estate_renovation',
            priority: 4,
            lng,
            lat,
            quantity: 40,
            unit: 'person_hours',
          },
        }),
        201,
      ).id,
    );
  }
  const resource = expectOk<{ id: string }>(
    await call('POST', '/api/resources', {
      as: UNIT_ADMIN[side],
      body: {
        kind: 'people_hours',
        title: '志愿服务工时',
        capacity: 100,
        unit: 'person_hours',
        availableFrom: '2020-01-01',
        availableTo: '2099-12-31',
        lng,
        lat,
      },
    }),
    201,
  );
  const run = expectOk<{ id: string }>(await call('POST', '/api/matching-runs', { as: STAFF[side], body: {} }), 201);
  const matches = expectOk<Page<{ id: string; needId: string }>>(
    await call('GET', `/api/need-matches?runId=${run.id}&pageSize=200`, { as: 'admin' }),
  );
  const [accepted, rejected] = needs.map((n) => matches.items.find((m) => m.needId === n)!);
  expectOk(await call('POST', `/api/need-matches/${accepted.id}/accept`, { as: STAFF[side], body: {} }));
  expectOk(await call('POST', `/api/need-matches/${rejected.id}/reject`, { as: STAFF[side], body: {} }));
  const tasks = expectOk<Page<{ id: string; needId: string }>>(
    await call('GET', '/api/need-tasks?pageSize=200', { as: 'admin' }),
  );
  return {
    need: needs[0],
    resource: resource.id,
    run: run.id,
    match: rejected.id,
    needTask: tasks.items.find((t) => t.needId === needs[0])!.id,
  };
}

/** Written directly: confirming needs a quarter's figures, and the appeal the member's own request. */
async function ratingRow(ctx: TestContext, member: string, community: string, unit: string, year: number) {
  const { db } = ctx.database;
  const rules = await rulesInForce(db);
  const [r] = await db
    .insert(memberRatings)
    .values({
      memberId: member,
      communityId: community,
      unitId: unit,
      year: year - 1,
      quarter: 4,
      rulesId: rules.id,
      points: 40,
      minutes: 300,
      yearMinutes: 1200,
      noShows: 0,
      reported: false,
      suggestedGrade: 'basic',
      grade: 'basic',
      state: 'confirmed',
      confirmedAt: clock.now(),
      appealState: 'pending',
      appealReason: '矩阵探针申诉',
      appealedAt: clock.now(),
    })
    .returning({ id: memberRatings.id });
  return r.id;
}

async function postRows(ctx: TestContext, side: Side, community: string, member: string) {
  const rows = await matrixPostRows(ctx, { staff: STAFF[side], community, member });
  return { postType: rows.postType, opening: rows.opening, postAssignment: rows.assignment };
}

/** The side member claims the side's second need (the first is matched; deleting it is refused either way). */
async function needClaimRow(ctx: TestContext, side: Side, community: string): Promise<string> {
  const [need] = await ctx.database.db
    .select({ id: needsTable.id })
    .from(needsTable)
    .where(and(eq(needsTable.communityId, community), eq(needsTable.title, '绿地补植')));
  const member = side === 'A' ? 'member01' : 'member02';
  return expectOk<{ id: string }>(await api(ctx)('POST', `/api/needs/${need.id}/claim`, { as: member }), 201).id;
}

async function sideRows(
  ctx: TestContext,
  side: Side,
  year: number,
): Promise<Omit<SideRows, 'alleyRegion' | 'alleyPhoto' | 'alleyDocument' | 'alleyTask' | keyof VolunteerSideRows>> {
  const call = api(ctx);
  const w = ctx.world;
  const community = side === 'A' ? w.communityA.id : w.communityB.id;
  const unit = side === 'A' ? w.unit1.id : w.unit2.id;
  const grid = side === 'A' ? w.grids.gA1.id : w.grids.gB1.id;
  const person = side === 'A' ? w.people.residentA.id : w.people.residentB.id;
  const member = side === 'A' ? w.members.member1.id : w.members.member2.id;
  const idNumber = validIdNumber(side === 'A' ? '35072319950505123' : '35072319960606123');
  const [idPerson] = await ctx.database.db
    .insert(people)
    .values({ name: `${side} 侧登记居民`, idNumber, communityId: community, roles: ['resident'] })
    .returning();
  const duty = expectOk<{ id: string }>(
    await call('POST', '/api/grid-duties', {
      as: 'admin',
      body: {
        gridId: grid,
        personId: side === 'A' ? w.people.gridWorkerPerson.id : w.people.memberPerson2.id,
        role: 'grid_worker',
        since: '2024-01-01',
      },
    }),
    201,
  );
  return {
    community,
    unit,
    grid,
    duty: duty.id,
    person,
    idPerson: idPerson.id,
    idNumber,
    member,
    committeeKey: `unit:${unit}`,
    memberPerson: side === 'A' ? w.people.memberPerson1.id : w.people.memberPerson2.id,
    ...(await caseRows(ctx, call, side, unit)),
    ...(await sessionRows(ctx, call, side, community)),
    ...(await dayRows(ctx, call, side, community, member)),
    ...(await meetingRows(call, side, community, unit, year)),
    ...(await projectRows(ctx, call, side, community, unit, year)),
    ...(await needRows(call, side, community)),
    ...(await matrixPostActivityRows(ctx, { staff: STAFF[side], community, member })),
    needClaim: await needClaimRow(ctx, side, community),
    ...(await matrixReportRows(ctx, { member, community, serial: `矩阵-${side}-0001` })),
    ...(await postRows(ctx, side, community, member)),
    rating: await ratingRow(ctx, member, community, unit, year),
  };
}

export async function buildMatrixWorld(ctx: TestContext): Promise<MatrixWorld> {
  const year = clock.year();
  const w = ctx.world;
  const pairingPlan = await adoptTestPairing(ctx.database.db, {
    year,
    pairs: [
      { communityId: w.communityA.id, unitId: w.unit1.id },
      { communityId: w.communityB.id, unitId: w.unit2.id },
    ],
  });
  const alleys = await seedAlleyRegions(ctx);
  const alleyPhoto = async (region: string) =>
    (await upload(ctx, 'admin', `/api/alley-regions/${region}/items/guideline/photos`)).id;
  const alleyRows = async (region: string) => ({
    alleyRegion: region,
    alleyPhoto: await alleyPhoto(region),
    ...(await matrixAlleyRows(ctx, region)),
  });
  const vol = await matrixVolunteerRows(ctx, { A: w.communityA.id, B: w.communityB.id });
  const A = { ...(await sideRows(ctx, 'A', year)), ...(await alleyRows(alleys.A)), ...vol.sides.A };
  const B = { ...(await sideRows(ctx, 'B', year)), ...(await alleyRows(alleys.B)), ...vol.sides.B };
  return {
    sides: { A, B },
    volunteerSeries: vol.volunteerSeries,
    volunteerType: vol.volunteerType,
    year,
    heldOn: heldOn(),
    quarter: quarter(),
    pairingPlan,
    categoryCode: 'facilities.road',
    serviceKind: 'free_clinic',
  };
}
