import { and, eq, like } from 'drizzle-orm';
import { serviceDayCheckins, serviceDayPhotos } from '../../src/modules/cobuild/servicedays/servicedays.schema.js';
import { partyMembers } from '../../src/modules/people/members/members.schema.js';
import { people } from '../../src/modules/people/people.schema.js';
import type { TestContext } from '../app.js';
import { matrixSignup } from '../post-activities.js';
import { api, expectOk } from '../http.js';
import { photoForm, samplePhoto } from '../photos.js';
import { freshAlleyTask, uploadAlleyDocument } from './alleys.js';
import {
  freshVolunteerActivity,
  matrixTeamMember,
  matrixVolunteerCertificate,
  matrixVolunteerSignup,
} from './volunteers.js';
import type { MatrixWorld, Side, SideRows } from './world.js';

/**
 * Routes that really remove something when allowed: each cell gets its own row to remove (made here, as the side's
 * staff or straight in the database), so that whoever is allowed first does not leave 404s for the rest.
 */
type Fresh = (ctx: TestContext, side: Side, rows: SideRows, world: MatrixWorld) => Promise<Partial<SideRows>>;

const STAFF: Record<Side, string> = { A: 'hangdong', B: 'sanfeng' };

async function upload(ctx: TestContext, as: string, url: string): Promise<string> {
  const form = photoForm(await samplePhoto({ width: 32, height: 24 }));
  const res = await ctx.app.inject({
    method: 'POST',
    url,
    payload: form.payload,
    headers: { ...form.headers, cookie: await ctx.cookieFor(as) },
  });
  return expectOk<{ id: string }>(res, 201).id;
}

let serial = 0;

export const FRESH: Partial<Record<string, Fresh>> = {
  // Volunteer service: a cancelled activity or sign-up, a revoked certificate, a removed membership — each cell its own.
  'POST /api/volunteer-activities/{id}/cancel': (ctx, _side, rows, world) =>
    freshVolunteerActivity(ctx, rows, world.volunteerType),
  'POST /api/volunteer-signups/{id}/cancel': async (ctx, _side, rows) => ({
    volunteerSignup: await matrixVolunteerSignup(ctx, rows.volunteerActivity, rows.volunteerRole, rows.volunteer),
  }),
  'POST /api/volunteer-certificates/{id}/revoke': async (ctx, _side, rows) => ({
    volunteerCertificate: await matrixVolunteerCertificate(ctx, rows.volunteer, rows.community),
  }),
  'DELETE /api/volunteer-teams/{id}/members/{memberId}': async (ctx, _side, rows) => ({
    teamMember: await matrixTeamMember(ctx, rows.volunteerTeam, rows.plainMember),
  }),
  // Removing an alley document, closing or cancelling an alley task: each cell its own (authz/alleys.ts).
  'DELETE /api/alley-regions/documents/{docId}': async (ctx, _side, rows) => ({
    alleyDocument: await uploadAlleyDocument(ctx, 'admin', rows.alleyRegion),
  }),
  'POST /api/alley-tasks/{id}/done': async (ctx, _side, rows) => ({
    alleyTask: await freshAlleyTask(ctx, rows.alleyRegion),
  }),
  'POST /api/alley-tasks/{id}/cancel': async (ctx, _side, rows) => ({
    alleyTask: await freshAlleyTask(ctx, rows.alleyRegion),
  }),
  // A member's own withdrawal and staff's removal take the side's sign-up away: it is written again for each cell.
  'DELETE /api/post-activities/{id}/signup': async (ctx, _side, rows) => ({
    postSignup: await matrixSignup(ctx, rows.postActivity, rows.member),
  }),
  'DELETE /api/post-activities/{id}/signups/{signupId}': async (ctx, _side, rows) => ({
    postSignup: await matrixSignup(ctx, rows.postActivity, rows.member),
  }),
  'DELETE /api/grid-duties/{id}': async (ctx, _side, rows) => ({
    duty: expectOk<{ id: string }>(
      await api(ctx)('POST', '/api/grid-duties', {
        as: 'admin',
        body: { gridId: rows.grid, personId: rows.person, role: 'building_head', since: '2024-01-01' },
      }),
      201,
    ).id,
  }),
  'DELETE /api/party-members/{id}': async (ctx, _side, rows) => {
    const db = ctx.database.db;
    const [person] = await db
      .insert(people)
      .values({ name: `矩阵党员${++serial}`, communityId: rows.community, roles: ['resident'] })
      .returning();
    const [member] = await db
      .insert(partyMembers)
      .values({ personId: person.id, kind: 'in_service', unitId: rows.unit, residenceCommunityId: rows.community })
      .returning();
    return { member: member.id };
  },
  'DELETE /api/service-days/{id}/checkins/{checkinId}': async (ctx, _side, rows) => {
    const db = ctx.database.db;
    await db
      .insert(serviceDayCheckins)
      .values({ dayId: rows.day, memberId: rows.member, unitId: rows.unit, method: 'staff' })
      .onConflictDoNothing();
    const [row] = await db
      .select({ id: serviceDayCheckins.id })
      .from(serviceDayCheckins)
      .where(and(eq(serviceDayCheckins.dayId, rows.day), eq(serviceDayCheckins.memberId, rows.member)));
    return { checkin: row.id };
  },
  'DELETE /api/service-days/{id}/photos/{photoId}': async (ctx, _side, rows) => {
    // A row without files (removing it unlinks nothing); the ones refused to others are cleared first, so the
    // day stays under its photo limit.
    const db = ctx.database.db;
    await db
      .delete(serviceDayPhotos)
      .where(and(eq(serviceDayPhotos.dayId, rows.day), like(serviceDayPhotos.path, 'matrix/%')));
    const [row] = await db
      .insert(serviceDayPhotos)
      .values({
        dayId: rows.day,
        path: 'matrix/none.jpg',
        thumbPath: 'matrix/none_thumb.jpg',
        width: 1,
        height: 1,
        bytes: 1,
      })
      .returning();
    return { dayPhoto: row.id };
  },
  'DELETE /api/joint-meetings/{id}/agenda/{itemId}': async (ctx, side, rows) => {
    const m = expectOk<{ agenda: { id: string }[] }>(
      await api(ctx)('POST', `/api/joint-meetings/${rows.meeting}/agenda`, {
        as: STAFF[side],
        body: { title: '待删议题' },
      }),
    );
    return { agendaItem: m.agenda[m.agenda.length - 1].id };
  },
  'DELETE /api/projects/{id}': async (ctx, side, rows, world) => ({
    project: expectOk<{ id: string }>(
      await api(ctx)('POST', '/api/projects', {
        as: STAFF[side],
        body: {
          communityId: rows.community,
          year: world.year,
          name: `待删项目${++serial}`,
          domain: 'old_estate_renovation',
          units: [{ unitId: rows.unit, role: 'lead' }],
          budget: 1000,
          startOn: `${world.year}-01-01`,
          endOn: `${world.year}-12-31`,
        },
      }),
      201,
    ).id,
  }),
  'DELETE /api/projects/{id}/milestones/{milestoneId}': async (ctx, side, rows, world) => {
    const p = expectOk<{ milestones: { id: string; title: string }[] }>(
      await api(ctx)('POST', `/api/projects/${rows.project}/milestones`, {
        as: STAFF[side],
        body: { title: `待删节点${++serial}`, dueOn: `${world.year}-12-31` },
      }),
      201,
    );
    return { milestone: p.milestones.find((m) => m.title === `待删节点${serial}`)!.id };
  },
  'DELETE /api/projects/evidence/{evidenceId}': async (ctx, side, rows) => ({
    evidence: await upload(ctx, STAFF[side], `/api/projects/${rows.project}/evidence`),
  }),
};
