import { authorize } from '../../../core/auth/plugin.js';
import { localDayOf } from '../../../core/calendar.js';
import { sendWorkbook } from '../../../core/excel/excel.js';
import type { App } from '../../../core/http/types.js';
import { AppError } from '../../../core/errors.js';
import {
  ZCreateResolution,
  ZMeetingParams,
  ZSolvedQuery,
  ZSolvedSummary,
  ZTaskList,
  ZTaskListQuery,
  ZTaskParams,
  ZTaskView,
  ZUpdateTask,
} from './meetings.contracts.js';
import { createResolution, exportTasks, updateTask } from './meetings.tasks.js';
import { getTask, listTasks, solvedSummary, taskById } from './meetings.tasks.query.js';
import { clock } from '../../../core/clock.js';

const tags = ['joint-meetings'];
const today = () => localDayOf(clock.now());

/** Resolution tasks of the joint meetings: the list, export, the 急事难事 solved figures, adding and working a task. */
export async function meetingTasksRoutes(app: App): Promise<void> {
  taskReadRoutes(app);
  taskWriteRoutes(app);
}

/** The list, its export, the solved figures and one task. */
function taskReadRoutes(app: App): void {
  app.get(
    '/meeting-tasks',
    { schema: { tags, summary: 'List resolution tasks', querystring: ZTaskListQuery, response: { 200: ZTaskList } } },
    async (req) => {
      return listTasks({ db: app.db, actor: authorize(req, 'cobuild.read'), query: req.query, today: today() });
    },
  );

  app.get(
    '/meeting-tasks/export.xlsx',
    { schema: { tags, summary: 'Export resolution tasks (Excel)', querystring: ZTaskListQuery } },
    async (req, reply) => {
      const download = await exportTasks({
        db: app.db,
        actor: authorize(req, 'cobuild.read'),
        query: req.query,
        today: today(),
      });
      return sendWorkbook(req, reply, download);
    },
  );

  app.get(
    '/meeting-tasks/solved',
    {
      schema: {
        tags,
        summary: '急事难事 solved: tasks closed, county-wide, per community and per quarter',
        querystring: ZSolvedQuery,
        response: { 200: ZSolvedSummary },
      },
    },
    async (req) => {
      return solvedSummary({ db: app.db, actor: authorize(req, 'cobuild.read'), query: req.query, today: today() });
    },
  );

  app.get(
    '/meeting-tasks/:id',
    { schema: { tags, summary: 'One resolution task', params: ZTaskParams, response: { 200: ZTaskView } } },
    async (req) => {
      return getTask({ db: app.db, actor: authorize(req, 'cobuild.read'), id: req.params.id, today: today() });
    },
  );
}

/** Adding a resolution to a meeting, and working a task. */
function taskWriteRoutes(app: App): void {
  app.post(
    '/joint-meetings/:id/resolutions',
    {
      schema: {
        tags,
        summary: 'Record a resolution: owner unit, deadline (not before the meeting) and content',
        params: ZMeetingParams,
        body: ZCreateResolution,
        response: { 201: ZTaskView },
      },
    },
    async (req, reply) => {
      const actor = authorize(req, 'meetings.write');
      const id = await createResolution({ db: app.db, actor, meetingId: req.params.id, input: req.body });
      return reply.status(201).send(found(await taskById(app.db, id, today())));
    },
  );

  app.patch(
    '/meeting-tasks/:id',
    {
      schema: {
        tags,
        summary: 'Work a task: status and completion note (owner unit); content, deadline, owner (staff)',
        params: ZTaskParams,
        body: ZUpdateTask,
        response: { 200: ZTaskView },
      },
    },
    async (req) => {
      const actor = authorize(req, 'meetings.tasks');
      await updateTask({ db: app.db, actor, id: req.params.id, input: req.body, today: today() });
      return found(await taskById(app.db, req.params.id, today()));
    },
  );
}

function found<T>(v: T | undefined): T {
  if (!v) throw new AppError('NOT_FOUND', { entity: 'meeting_task' });
  return v;
}
