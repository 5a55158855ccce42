import { z } from 'zod';
import { authorize, requireActor } from '../../../../core/auth/plugin.js';
import { localDayOf } from '../../../../core/calendar.js';
import type { App } from '../../../../core/http/types.js';
import {
  ZAcceptMatch,
  ZMatchList,
  ZMatchListQuery,
  ZMatchView,
  ZNeedTaskList,
  ZNeedTaskListQuery,
  ZNeedTaskView,
  ZRejectMatch,
  ZRunList,
  ZRunListQuery,
  ZRunMatching,
  ZRunMatchingBody,
  ZRunView,
  ZTaskToProject,
  ZUpdateNeedTask,
} from './matching.contracts.js';
import { acceptMatch, rejectMatch } from './matching.decide.js';
import { getMatch, getRun, listMatches, listRuns, runMatching } from './matching.service.js';
import { ZIdParams } from '../needs.contracts.js';
import { getNeedTask, listNeedTasks, taskToProject, updateNeedTask } from './matching.tasks.js';
import { clock } from '../../../../core/clock.js';

const today = () => localDayOf(clock.now());
const year = () => Number(today().slice(0, 4));
const tags = ['matching'];

/** Needs ↔ resources matching runs, their proposals (accept / reject) and the follow-up tasks. */
export async function matchingRoutes(app: App): Promise<void> {
  runRoutes(app);
  matchRoutes(app);
  taskRoutes(app);
}

/** Matching runs: start one, list them, read one. */
function runRoutes(app: App): void {
  app.post(
    '/matching-runs',
    {
      schema: {
        tags,
        summary: 'Run a matching (exact network flow, or HiGHS LP) and store its proposals',
        body: ZRunMatchingBody,
        response: { 201: ZRunView },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const id = await runMatching({ db: app.db, actor, input: req.body ?? ZRunMatching.parse({}), today: today() });
      return reply.status(201).send(await getRun({ db: app.db, actor, id }));
    },
  );
  app.get(
    '/matching-runs',
    { schema: { tags, summary: 'List matching runs', querystring: ZRunListQuery, response: { 200: ZRunList } } },
    async (req) => {
      return listRuns({ db: app.db, actor: authorize(req, 'matching.run'), query: req.query });
    },
  );
  app.get(
    '/matching-runs/:id',
    { schema: { tags, summary: 'One matching run with its figures', params: ZIdParams, response: { 200: ZRunView } } },
    async (req) => {
      return getRun({ db: app.db, actor: authorize(req, 'matching.run'), id: req.params.id });
    },
  );
}

/** The proposals of the runs: list them, accept or reject one. */
function matchRoutes(app: App): void {
  app.get(
    '/need-matches',
    {
      schema: {
        tags,
        summary: 'Proposed and decided matches (filters: run, need, resource, status)',
        querystring: ZMatchListQuery,
        response: { 200: ZMatchList },
      },
    },
    async (req) => {
      return listMatches({ db: app.db, actor: authorize(req, 'cobuild.read'), query: req.query, year: year() });
    },
  );
  app.post(
    '/need-matches/:id/accept',
    {
      schema: {
        tags,
        summary: 'Accept a match: reserve the amount, mark the need matched, create the follow-up task',
        params: ZIdParams,
        body: ZAcceptMatch,
        response: { 200: ZMatchView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await acceptMatch({ db: app.db, actor, id: req.params.id, input: req.body ?? {}, today: today(), year: year() });
      return getMatch({ db: app.db, actor, id: req.params.id, year: year() });
    },
  );
  app.post(
    '/need-matches/:id/reject',
    {
      schema: {
        tags,
        summary: 'Reject a proposal, or take back an accepted match (frees the amount)',
        params: ZIdParams,
        body: ZRejectMatch,
        response: { 200: ZMatchView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await rejectMatch({ db: app.db, actor, id: req.params.id, reason: req.body?.reason, year: year() });
      return getMatch({ db: app.db, actor, id: req.params.id, year: year() });
    },
  );
}

/** The follow-up tasks of accepted matches: list, update, turn into a project. */
function taskRoutes(app: App): void {
  app.get(
    '/need-tasks',
    {
      schema: {
        tags,
        summary: 'Follow-up tasks of accepted matches',
        querystring: ZNeedTaskListQuery,
        response: { 200: ZNeedTaskList },
      },
    },
    async (req) => {
      return listNeedTasks({ db: app.db, actor: authorize(req, 'cobuild.read'), query: req.query, today: today() });
    },
  );
  app.patch(
    '/need-tasks/:id',
    {
      schema: {
        tags,
        summary: 'Work a task (status, optimistic version)',
        params: ZIdParams,
        body: ZUpdateNeedTask,
        response: { 200: ZNeedTaskView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await updateNeedTask({ db: app.db, actor, id: req.params.id, input: req.body });
      return getNeedTask({ db: app.db, actor, id: req.params.id, today: today() });
    },
  );
  app.post(
    '/need-tasks/:id/project',
    {
      schema: {
        tags,
        summary: 'Turn a task into a co-building project led by its unit',
        params: ZIdParams,
        body: ZTaskToProject,
        response: { 200: z.object({ projectId: z.string() }) },
      },
    },
    async (req) => {
      const projectId = await taskToProject({
        db: app.db,
        actor: requireActor(req),
        id: req.params.id,
        input: req.body,
        today: today(),
      });
      return { projectId };
    },
  );
}
