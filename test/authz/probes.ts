import { addDays } from '../../src/core/calendar.js';
import { clock } from '../../src/core/clock.js';
import { SIX_HAVES } from '../../src/modules/alleys/alleys.enums.js';
import { DEFAULT_SERVICE_RULES } from '../../src/modules/members/rules.js';
import { DEFAULT_VOLUNTEER_RULES } from '../../src/modules/volunteers/volunteers.enums.js';
import { TEST_PASSWORD } from '../world.js';
import { type NamedValue, type RouteDoc, sample, sampleQuery } from './openapi.js';
import { matrixActivityBody } from './volunteers.js';
import type { MatrixWorld, Side, SideRows } from './world.js';

/**
 * How the matrix fills a request: path ids from the rows of one side of the world, bodies and queries valid for the
 * route's schema with ids of that side, and a stale `version`, so that whoever may change a row is refused with 409
 * and nothing changes. A create that is allowed does add a row (a case, a duty, a need …) that no other cell looks
 * at; a removal gets a row of its own (fresh.ts). Routes that need more say so in OVERRIDES.
 */
export const STALE_VERSION = 2_000_000_000;

/** Which row a path parameter names: by parameter name, or for `id` by the route's path. */
const ID_BY_PATH: [RegExp, keyof SideRows][] = [
  [/^\/api\/organisations\//, 'community'],
  [/^\/api\/grids\//, 'grid'],
  [/^\/api\/grid-duties\//, 'duty'],
  [/^\/api\/people\//, 'person'],
  [/^\/api\/party-members\//, 'member'],
  [/^\/api\/cases\/photos\//, 'casePhoto'],
  [/^\/api\/cases\//, 'case'],
  [/^\/api\/case-dispatches\//, 'dispatch'],
  [/^\/api\/evaluation-sessions\//, 'session'],
  [/^\/api\/evaluation-follow-ups\//, 'followUp'],
  [/^\/api\/service-days\/photos\//, 'dayPhoto'],
  [/^\/api\/service-days\//, 'day'],
  [/^\/api\/joint-meetings\//, 'meeting'],
  [/^\/api\/meeting-tasks\//, 'task'],
  [/^\/api\/project-plans\//, 'plan'],
  [/^\/api\/projects\//, 'project'],
  [/^\/api\/needs\//, 'need'],
  [/^\/api\/resources\//, 'resource'],
  [/^\/api\/matching-runs\//, 'run'],
  [/^\/api\/need-matches\//, 'match'],
  [/^\/api\/need-tasks\//, 'needTask'],
  [/^\/api\/post-activities\//, 'postActivity'],
  [/^\/api\/post-types\//, 'postType'],
  [/^\/api\/post-openings\//, 'opening'],
  [/^\/api\/post-assignments\//, 'postAssignment'],
  [/^\/api\/service-records\//, 'serviceRecord'],
  [/^\/api\/need-claims\//, 'needClaim'],
  [/^\/api\/member-ratings\//, 'rating'],
  [/^\/api\/member-reports\//, 'memberReport'],
  [/^\/api\/member-certificates\//, 'certificate'],
  [/^\/api\/alley-regions\//, 'alleyRegion'],
  [/^\/api\/alley-tasks\//, 'alleyTask'],
  [/^\/api\/volunteer-teams\//, 'volunteerTeam'],
  [/^\/api\/volunteers\//, 'volunteer'],
  [/^\/api\/volunteer-activities\//, 'volunteerActivity'],
  [/^\/api\/volunteer-signups\//, 'volunteerSignup'],
  [/^\/api\/volunteer-certificates\//, 'volunteerCertificate'],
];

const PARAM_ROWS: Record<string, keyof SideRows> = {
  signupId: 'signup',
  checkinId: 'checkin',
  photoId: 'dayPhoto',
  milestoneId: 'milestone',
  evidenceId: 'evidence',
  communityId: 'community',
  key: 'committeeKey',
  unitId: 'unit',
  caseId: 'case',
  token: 'dayToken',
  docId: 'alleyDocument',
};

/** A path parameter that names no side's row (the county's calendar, a category): the same in both scopes. */
function unscopedParam(route: RouteDoc, name: string, world: MatrixWorld): string | undefined {
  if (name === 'year') return String(world.year);
  // One of the six 六有 items: the same in both scopes (the region is the path's scoped part).
  if (name === 'item') return 'guideline';
  // The volunteer catalogue is the county's: the same series and type in both scopes.
  if (name === 'id' && route.path.startsWith('/api/volunteer-series/')) return world.volunteerSeries;
  if (name === 'id' && route.path.startsWith('/api/volunteer-types/')) return world.volunteerType;
  if (name === 'code') return route.path.startsWith('/api/service-kinds') ? world.serviceKind : world.categoryCode;
  if (name === 'id' && route.path.startsWith('/api/pairing-plans/')) return world.pairingPlan;
  // Open311 clients are the county's, in no side's scope; no such client: the county admin's probe is a 404, the others' 403.
  if (name === 'id' && route.path.startsWith('/api/open311-clients/')) return '00000000-0000-4000-8000-000000000311';
  return undefined;
}

function sideParam(route: RouteDoc, name: string, rows: SideRows): string {
  if (name === 'itemId') return route.path.startsWith('/api/evaluation-sessions') ? rows.sessionItem : rows.agendaItem;
  if (name === 'signupId' && route.path.startsWith('/api/post-activities')) return rows.postSignup;
  if (name === 'photoId' && route.path.startsWith('/api/alley-regions')) return rows.alleyPhoto;
  if (name === 'memberId' && route.path.startsWith('/api/volunteer-teams')) return rows.teamMember;
  const key = name === 'id' ? ID_BY_PATH.find(([re]) => re.test(route.path))?.[1] : PARAM_ROWS[name];
  if (!key) throw new Error(`authz matrix: no row for {${name}} in ${route.key}; add it to probes.ts`);
  return rows[key];
}

/**
 * Whether the request names a row or a place of one side — in its path, or in its body or query (a create in a
 * community) — so that it is probed in the actor's own scope and in another.
 */
export function isScoped(route: RouteDoc, world: MatrixWorld): boolean {
  if (route.pathParams.some((p) => unscopedParam(route, p, world) === undefined)) return true;
  const [a, b] = (['A', 'B'] as const).map((side) =>
    JSON.stringify(probeRequest(route, world.sides[side], world, side)),
  );
  return a !== b;
}

export function pathFor(route: RouteDoc, rows: SideRows, world: MatrixWorld): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(unscopedParam(route, name, world) ?? sideParam(route, name, rows)),
  );
}

/** Values chosen by property name: the side's ids, a stale version, a place on the side, this year. */
const POINTS: Record<Side, { lng: number; lat: number }> = {
  A: { lng: 117.331, lat: 27.541 },
  B: { lng: 117.345, lat: 27.545 },
};

export function namedValues(rows: SideRows, world: MatrixWorld, side: Side): NamedValue {
  const point = POINTS[side];
  const soon = addDays(clock.today(), 30);
  const byName: Record<string, unknown> = {
    version: STALE_VERSION,
    year: world.year,
    communityId: rows.community,
    unitId: rows.unit,
    ownerUnitId: rows.unit,
    gridId: rows.grid,
    homeGridId: rows.grid,
    personId: rows.person,
    caseId: rows.case,
    runId: rows.run,
    ...point,
    memberIds: [rows.member],
    unitIds: [rows.unit],
    communityIds: [rows.community],
    categoryCode: world.categoryCode,
    category: world.categoryCode,
    kindCode: world.serviceKind,
    kindCodes: [world.serviceKind],
    idNumber: rows.idNumber,
    startTime: '08:30',
    endTime: '11:30',
    date: soon,
    deadline: soon,
    dueOn: soon,
    meetingDate: soon,
    startOn: `${world.year}-01-01`,
    endOn: `${world.year}-12-31`,
    availableFrom: '2020-01-01',
    availableTo: '2099-12-31',
    residenceCommunityId: rows.community,
    teamId: rows.volunteerTeam,
    volunteerId: rows.volunteer,
    roleId: rows.volunteerRole,
    typeId: world.volunteerType,
    seriesId: world.volunteerSeries,
    pageSize: 1,
  };
  return (name) => byName[name];
}

export interface ProbeRequest {
  method: RouteDoc['method'];
  url: string;
  payload?: unknown;
  upload?: Override['upload'];
}

/** Per-route changes to the generated request, keyed like the expected table. */
export interface Override {
  body?: (rows: SideRows, world: MatrixWorld, side: Side) => unknown;
  query?: (rows: SideRows, world: MatrixWorld) => string;
  /** The whole path, when a path parameter must differ from the world's (e.g. a year nobody uses). */
  path?: (rows: SideRows, world: MatrixWorld) => string;
  /** Log in afresh for this request (logging out must not end the session the other requests use). */
  ownSession?: true;
  /** Send a multipart upload: a small photo, or a file that is no workbook (an import refuses it after authorising). */
  upload?: 'photo' | 'not-a-workbook' | 'pdf';
}

const { id: _rulesId, ...MATRIX_RULES } = DEFAULT_SERVICE_RULES;

const REPORT = { channel: 'snap', description: '矩阵探针：路灯不亮', categoryCode: 'facilities.road' };

/**
 * Requests the generated ones would get wrong: a rule the schema cannot show (a refinement), or a write that
 * would change the world for the cells after it. Each is the most an allowed actor could legitimately try, made
 * harmless: an existing key (409), a stale version (409), a year nobody uses.
 */
export const OVERRIDES: Partial<Record<string, Override>> = {
  // Logging in is public: the matrix logs in as a resident (a wrong password would lock the account after a few).
  'POST /api/auth/login': { body: () => ({ username: 'resident01', password: TEST_PASSWORD }) },
  'POST /api/auth/logout': { ownSession: true },
  // A strong new password and a wrong current one: refused without changing anything.
  'POST /api/auth/change-password': {
    body: () => ({ currentPassword: 'not-the-password', newPassword: 'Matrix-probe-Pw-2026' }),
  },
  'POST /api/people/import': { upload: 'not-a-workbook' },
  'POST /api/party-members/import': { upload: 'not-a-workbook' },
  'POST /api/project-plans/import': { upload: 'not-a-workbook' },
  'POST /api/cases/photos': { upload: 'photo' },
  'POST /api/service-days/{id}/photos': { upload: 'photo' },
  'POST /api/projects/{id}/evidence': { upload: 'photo' },
  'POST /api/alley-regions/{id}/items/{item}/photos': { upload: 'photo' },
  'POST /api/alley-regions/{id}/items/{item}/documents': { upload: 'pdf' },
  // A note and a stale version (the generated body could name another community's team or a malformed phone).
  'PATCH /api/alley-regions/{id}/items/{item}': { body: () => ({ evidenceNote: '矩阵探针', version: STALE_VERSION }) },
  'POST /api/alley-tasks/{id}/done': { body: () => ({ note: '矩阵探针：已整改' }) },
  'POST /api/alley-tasks/{id}/cancel': { body: () => ({ reason: '矩阵探针：不再需要' }) },
  'POST /api/projects/{id}/milestones': { body: (_r, w) => ({ title: '矩阵节点', dueOn: `${w.year}-12-31` }) },
  // A person who is a member already: allowed actors are refused DUPLICATE (409).
  'POST /api/party-members': {
    body: (r) => ({ personId: r.memberPerson, kind: 'in_service', unitId: r.unit, residenceCommunityId: r.community }),
  },
  // Volunteer service: an existing key, name, registration or membership (409); rules that do not hold (400); an
  // activity two days ahead of the side's team (a new row nobody else looks at).
  'POST /api/volunteer-series': { body: () => ({ key: 'security_patrol', name: '治安巡逻', nameEn: 'Patrol' }) },
  'POST /api/volunteer-types': {
    body: (_r, w) => ({ seriesId: w.volunteerSeries, key: 'street_patrol', name: '街巷巡逻', nameEn: 'Patrol' }),
  },
  'POST /api/volunteer-teams': {
    body: (r, w) => ({ name: '杭川老大妈义务巡逻队', seriesId: w.volunteerSeries, communityId: r.community }),
  },
  'POST /api/volunteer-teams/{id}/members': { body: (r) => ({ volunteerId: r.plainMember, role: 'member' }) },
  'PATCH /api/volunteer-teams/{id}/members/{memberId}': { body: () => ({ role: 'member' }) },
  'POST /api/volunteers': { body: (r) => ({ personId: r.memberPerson, skills: ['巡逻'] }) },
  'POST /api/volunteers/me': { body: () => ({ skills: ['巡逻'] }) },
  'PUT /api/volunteer-rules': {
    body: () => ({ ...DEFAULT_VOLUNTEER_RULES, starHours: [300, 100, 600, 1000, 1500] }),
  },
  'POST /api/volunteer-activities': { body: (r, w) => matrixActivityBody(r, w) },
  'GET /api/calendar/working-time': { query: () => '?start=2026-06-01T09:00:00%2B08:00&hours=8' },
  // A year nobody uses: replacing this year's holidays would move every deadline computed after it.
  'PUT /api/calendar/{year}': { path: () => '/api/calendar/2100', body: () => ({ days: [] }) },
  'POST /api/cases': { body: (_r, _w, side) => ({ ...REPORT, ...POINTS[side] }) },
  // An inspection needs each of the six items once (the generated array repeats one); the county's creates a row.
  'POST /api/alley-regions/{id}/inspections': {
    body: () => ({ items: SIX_HAVES.map((item) => ({ item, status: 'present' })) }),
  },
  'POST /api/cases/{id}/merge': { body: (r) => ({ intoCaseId: r.case2, version: STALE_VERSION }) },
  // The session day and the meeting quarter the world holds already: allowed actors get 409, nothing is added.
  'POST /api/evaluation-sessions': { body: (r, w) => ({ communityId: r.community, heldOn: w.heldOn }) },
  'POST /api/joint-meetings': { body: (r, w) => ({ communityId: r.community, year: w.year, quarter: w.quarter }) },
  // 设岗定责: an existing key (409); an opening of the side's type; the assignment of a year nobody uses (nothing to
  // replace); a stale version on an opening (the generated body would name no type of the side).
  'POST /api/post-types': {
    body: (r) => ({ communityId: r.community, key: 'environment', name: '环境', nameEn: 'Env' }),
  },
  'POST /api/post-openings': {
    body: (r, w) => ({ communityId: r.community, year: w.year, seats: 1, title: '矩阵岗位', postTypeId: r.postType }),
  },
  'PATCH /api/post-openings/{id}': { body: () => ({ version: STALE_VERSION }) },
  'POST /api/post-openings/assignment': { body: (r) => ({ communityId: r.community, year: 2100 }) },
  'POST /api/post-assignments': { body: (r) => ({ openingId: r.opening, memberId: r.member }) },
  'POST /api/post-assignments/confirm': { body: (r) => ({ ids: [r.postAssignment] }) },
  // Ratings: rules with a negative cap (refused, nothing saved); a commendation of the side's member; last year's Q4
  // (always ended: whatever the clock, confirming is allowed); an appeal revised to 优秀 for a member who has not
  // reported (refused by the reporting rule, nothing changes).
  'PUT /api/member-service-rules': {
    body: () => ({ ...MATRIX_RULES, points: { ...MATRIX_RULES.points, capPerDay: -1 } }),
  },
  'POST /api/member-commendations': { body: (r) => ({ memberId: r.member, reason: '矩阵探针表扬', points: 1 }) },
  'POST /api/member-ratings/confirm': { body: (r, w) => ({ year: w.year - 1, quarter: 4, communityId: r.community }) },
  'POST /api/member-ratings/{id}/answer': {
    body: () => ({ outcome: 'revised', grade: 'excellent', answer: '矩阵探针' }),
  },
};

export function probeRequest(route: RouteDoc, rows: SideRows, world: MatrixWorld, side: Side): ProbeRequest {
  const override = OVERRIDES[route.key];
  const named = namedValues(rows, world, side);
  const query = override?.query ? override.query(rows, world) : sampleQuery(route, named);
  const url = (override?.path ? override.path(rows, world) : pathFor(route, rows, world)) + query;
  if (override?.upload) return { method: route.method, url, upload: override.upload };
  if (override?.body) return { method: route.method, url, payload: override.body(rows, world, side) };
  return { method: route.method, url, ...(route.body ? { payload: sample(route.body, named) } : {}) };
}
