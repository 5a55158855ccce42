import { authorize, requireActor } from '../../../core/auth/plugin.js';
import { ZIdParams, ZOk } from '../../../core/contracts.js';
import type { App } from '../../../core/http/types.js';
import {
  ZAddTeamMember,
  ZCreateVolunteerSeries,
  ZCreateVolunteerTeam,
  ZCreateVolunteerType,
  ZMyVolunteer,
  ZRegisterSelf,
  ZRegisterVolunteer,
  ZTeamMemberParams,
  ZTeamMemberView,
  ZUpdateTeamMember,
  ZUpdateVolunteer,
  ZUpdateVolunteerSeries,
  ZUpdateVolunteerTeam,
  ZUpdateVolunteerType,
  ZVolunteerList,
  ZVolunteerQuery,
  ZVolunteerRulesInput,
  ZVolunteerRulesView,
  ZVolunteerSeriesList,
  ZVolunteerSeriesQuery,
  ZVolunteerSeriesView,
  ZVolunteerTeamDetail,
  ZVolunteerTeamList,
  ZVolunteerTeamQuery,
  ZVolunteerTypeView,
  ZVolunteerView,
} from './catalogue.contracts.js';
import { addMember, removeMember, updateMember } from './catalogue.members.js';
import { getRules, saveRules } from './catalogue.ruleset.js';
import { createSeries, createType, listSeries, updateSeries, updateType } from './catalogue.series.js';
import { createTeam, getTeam, listTeams, updateTeam } from './catalogue.teams.js';
import {
  getVolunteer,
  listVolunteers,
  myVolunteer,
  registerSelf,
  registerVolunteer,
  updateSelf,
  updateVolunteer,
} from './catalogue.volunteers.js';

const tags = ['volunteers'];

/**
 * 志愿服务 catalogue: series and types, teams and their rosters, registration, the rules (docs/VOLUNTEERS.md).
 * Reading the catalogue, teams and rules needs volunteers.read or volunteers.self: those routes take the actor and
 * the service's policy asks for either.
 */
export async function catalogueRoutes(app: App): Promise<void> {
  seriesRoutes(app);
  typeRoutes(app);
  teamRoutes(app);
  memberRoutes(app);
  volunteerRoutes(app);
  selfRoutes(app);
  rulesRoutes(app);
}

function seriesRoutes(app: App): void {
  const db = app.db;
  app.get(
    '/volunteer-series',
    {
      schema: {
        tags,
        summary: 'The catalogue: series with their types',
        querystring: ZVolunteerSeriesQuery,
        response: { 200: ZVolunteerSeriesList },
      },
    },
    async (req) => ({ items: await listSeries({ db, actor: requireActor(req), query: req.query }) }),
  );
  app.post(
    '/volunteer-series',
    {
      schema: { tags, summary: 'Add a series', body: ZCreateVolunteerSeries, response: { 201: ZVolunteerSeriesView } },
    },
    async (req, reply) =>
      reply.status(201).send(await createSeries({ db, actor: authorize(req, 'volunteers.rules'), input: req.body })),
  );
  app.patch(
    '/volunteer-series/:id',
    {
      schema: {
        tags,
        summary: 'Rename, reorder or retire a series',
        params: ZIdParams,
        body: ZUpdateVolunteerSeries,
        response: { 200: ZVolunteerSeriesView },
      },
    },
    async (req) => updateSeries({ db, actor: authorize(req, 'volunteers.rules'), id: req.params.id, input: req.body }),
  );
}

function typeRoutes(app: App): void {
  const db = app.db;
  app.post(
    '/volunteer-types',
    {
      schema: {
        tags,
        summary: 'Add a service type',
        body: ZCreateVolunteerType,
        response: { 201: ZVolunteerTypeView },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createType({ db, actor: authorize(req, 'volunteers.rules'), input: req.body })),
  );
  app.patch(
    '/volunteer-types/:id',
    {
      schema: {
        tags,
        summary: 'Rename, move, reorder or retire a service type',
        params: ZIdParams,
        body: ZUpdateVolunteerType,
        response: { 200: ZVolunteerTypeView },
      },
    },
    async (req) => updateType({ db, actor: authorize(req, 'volunteers.rules'), id: req.params.id, input: req.body }),
  );
}

function teamRoutes(app: App): void {
  const db = app.db;
  app.get(
    '/volunteer-teams',
    {
      schema: { tags, summary: 'Teams', querystring: ZVolunteerTeamQuery, response: { 200: ZVolunteerTeamList } },
    },
    async (req) => listTeams({ db, actor: requireActor(req), query: req.query }),
  );
  app.get(
    '/volunteer-teams/:id',
    {
      schema: { tags, summary: 'A team with its members', params: ZIdParams, response: { 200: ZVolunteerTeamDetail } },
    },
    async (req) => getTeam({ db, actor: requireActor(req), id: req.params.id }),
  );
  app.post(
    '/volunteer-teams',
    { schema: { tags, summary: 'Create a team', body: ZCreateVolunteerTeam, response: { 201: ZVolunteerTeamDetail } } },
    async (req, reply) =>
      reply.status(201).send(await createTeam({ db, actor: authorize(req, 'volunteers.manage'), input: req.body })),
  );
  app.patch(
    '/volunteer-teams/:id',
    {
      schema: {
        tags,
        summary: 'Change a team',
        params: ZIdParams,
        body: ZUpdateVolunteerTeam,
        response: { 200: ZVolunteerTeamDetail },
      },
    },
    async (req) => updateTeam({ db, actor: authorize(req, 'volunteers.manage'), id: req.params.id, input: req.body }),
  );
}

function memberRoutes(app: App): void {
  const db = app.db;
  app.post(
    '/volunteer-teams/:id/members',
    {
      schema: {
        tags,
        summary: 'Add a volunteer to a team',
        params: ZIdParams,
        body: ZAddTeamMember,
        response: { 201: ZTeamMemberView },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await addMember({ db, actor: authorize(req, 'volunteers.lead'), teamId: req.params.id, input: req.body }),
        ),
  );
  app.patch(
    '/volunteer-teams/:id/members/:memberId',
    {
      schema: {
        tags,
        summary: "Change a member's role",
        params: ZTeamMemberParams,
        body: ZUpdateTeamMember,
        response: { 200: ZTeamMemberView },
      },
    },
    async (req) =>
      updateMember({
        db,
        actor: authorize(req, 'volunteers.lead'),
        teamId: req.params.id,
        memberId: req.params.memberId,
        role: req.body.role,
      }),
  );
  app.delete(
    '/volunteer-teams/:id/members/:memberId',
    { schema: { tags, summary: 'Take a member off a team', params: ZTeamMemberParams, response: { 200: ZOk } } },
    async (req) => {
      const actor = authorize(req, 'volunteers.lead');
      await removeMember({ db, actor, teamId: req.params.id, memberId: req.params.memberId });
      return { ok: true as const };
    },
  );
}

function volunteerRoutes(app: App): void {
  const db = app.db;
  app.get(
    '/volunteers',
    {
      schema: {
        tags,
        summary: 'Registered volunteers',
        querystring: ZVolunteerQuery,
        response: { 200: ZVolunteerList },
      },
    },
    async (req) => listVolunteers({ db, actor: authorize(req, 'volunteers.read'), query: req.query }),
  );
  app.post(
    '/volunteers',
    {
      schema: {
        tags,
        summary: 'Register a person as a volunteer',
        body: ZRegisterVolunteer,
        response: { 201: ZVolunteerView },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await registerVolunteer({ db, actor: authorize(req, 'volunteers.manage'), input: req.body })),
  );
  app.get(
    '/volunteers/:id',
    { schema: { tags, summary: 'A volunteer', params: ZIdParams, response: { 200: ZVolunteerView } } },
    async (req) => getVolunteer({ db, actor: authorize(req, 'volunteers.read'), id: req.params.id }),
  );
  app.patch(
    '/volunteers/:id',
    {
      schema: {
        tags,
        summary: "Change a volunteer's skills, availability or state",
        params: ZIdParams,
        body: ZUpdateVolunteer,
        response: { 200: ZVolunteerView },
      },
    },
    async (req) =>
      updateVolunteer({ db, actor: authorize(req, 'volunteers.manage'), id: req.params.id, input: req.body }),
  );
}

function selfRoutes(app: App): void {
  const db = app.db;
  app.get(
    '/volunteers/me',
    { schema: { tags, summary: 'My registration and teams', response: { 200: ZMyVolunteer } } },
    async (req) => myVolunteer({ db, actor: authorize(req, 'volunteers.self') }),
  );
  app.post(
    '/volunteers/me',
    {
      schema: {
        tags,
        summary: 'Register myself as a volunteer',
        body: ZRegisterSelf,
        response: { 201: ZVolunteerView },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await registerSelf({ db, actor: authorize(req, 'volunteers.self'), input: req.body })),
  );
  app.patch(
    '/volunteers/me',
    {
      schema: {
        tags,
        summary: 'Change my skills, availability or state',
        body: ZUpdateVolunteer,
        response: { 200: ZVolunteerView },
      },
    },
    async (req) => updateSelf({ db, actor: authorize(req, 'volunteers.self'), input: req.body }),
  );
}

function rulesRoutes(app: App): void {
  const db = app.db;
  app.get(
    '/volunteer-rules',
    { schema: { tags, summary: 'The volunteer rules in force', response: { 200: ZVolunteerRulesView } } },
    async (req) => getRules({ db, actor: requireActor(req) }),
  );
  app.put(
    '/volunteer-rules',
    {
      schema: {
        tags,
        summary: 'Save new volunteer rules (county)',
        body: ZVolunteerRulesInput,
        response: { 200: ZVolunteerRulesView },
      },
    },
    async (req) => saveRules({ db, actor: authorize(req, 'volunteers.rules'), input: req.body }),
  );
}
