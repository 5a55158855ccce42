import { authorize } from '../../core/auth/plugin.js';
import { contentDisposition } from '../../core/excel/excel.js';
import type { App } from '../../core/http/types.js';
import {
  ZCreateSession,
  ZEvaluationItem,
  ZFollowUp,
  ZFollowUpList,
  ZFollowUpListQuery,
  ZFollowUpParams,
  ZFollowUpUpdate,
  ZHoldRequest,
  ZItemParams,
  ZSessionDetail,
  ZSessionList,
  ZSessionListQuery,
  ZSessionParams,
  ZUpdateSession,
  ZVerdictRequest,
} from './evaluations.contracts.js';
import { renderSessionRecord } from './evaluations.pdf.js';
import { countyNameOf, getSession, listSessions } from './evaluations.query.js';
import { listFollowUps, updateFollowUp } from './evaluations.followups.js';
import { holdSession } from './evaluations.hold.js';
import { createSession, setVerdict, updateSession } from './evaluations.service.js';

const tags = ['evaluation-sessions'];

/**
 * Monthly evaluation sessions on the 20th (每月20日定期评事). Routes check the permission; the scope (which communities)
 * is the service's, through evaluations.policy.ts. Writes to an existing session are gated by `evaluations.read`
 * here: a session the actor cannot see is 404 before "may not run it" is 403 (the service checks
 * `evaluations.manage` once the session is found), as it always was.
 */
export async function evaluationsRoutes(app: App): Promise<void> {
  sessionRoutes(app);
  sessionDayRoutes(app);
  followUpRoutes(app);
  recordRoutes(app);
}

/** The sessions themselves: list, create, read, change. */
function sessionRoutes(app: App): void {
  app.get(
    '/evaluation-sessions',
    { schema: { tags, querystring: ZSessionListQuery, response: { 200: ZSessionList } } },
    async (req) => {
      return listSessions({ db: app.db, actor: authorize(req, 'evaluations.read'), query: req.query });
    },
  );

  app.post(
    '/evaluation-sessions',
    { schema: { tags, body: ZCreateSession, response: { 201: ZSessionDetail } } },
    async (req, reply) => {
      const actor = authorize(req, 'evaluations.manage');
      const session = await createSession({ db: app.db, actor, input: req.body });
      return reply.status(201).send(session);
    },
  );

  app.get(
    '/evaluation-sessions/:id',
    { schema: { tags, params: ZSessionParams, response: { 200: ZSessionDetail } } },
    async (req) => {
      return getSession({ db: app.db, actor: authorize(req, 'evaluations.read'), id: req.params.id });
    },
  );

  app.patch(
    '/evaluation-sessions/:id',
    {
      schema: { tags, params: ZSessionParams, body: ZUpdateSession, response: { 200: ZSessionDetail } },
    },
    async (req) => {
      const actor = authorize(req, 'evaluations.read');
      return updateSession({ db: app.db, actor, id: req.params.id, input: req.body });
    },
  );
}

/** The session's day: a verdict on each item, then holding the session. */
function sessionDayRoutes(app: App): void {
  app.put(
    '/evaluation-sessions/:id/items/:itemId',
    {
      schema: { tags, params: ZItemParams, body: ZVerdictRequest, response: { 200: ZEvaluationItem } },
    },
    async (req) => {
      return setVerdict({
        db: app.db,
        actor: authorize(req, 'evaluations.read'),
        id: req.params.id,
        itemId: req.params.itemId,
        input: req.body,
      });
    },
  );

  app.post(
    '/evaluation-sessions/:id/hold',
    {
      schema: { tags, params: ZSessionParams, body: ZHoldRequest, response: { 200: ZSessionDetail } },
    },
    async (req) => {
      const actor = authorize(req, 'evaluations.read');
      return holdSession({ db: app.db, actor, id: req.params.id, input: req.body });
    },
  );
}

/** The follow-ups of a 不满意 verdict: the community's and the units' own list, and marking one done. */
function followUpRoutes(app: App): void {
  app.get(
    '/evaluation-follow-ups',
    { schema: { tags, querystring: ZFollowUpListQuery, response: { 200: ZFollowUpList } } },
    async (req) => {
      return listFollowUps({ db: app.db, actor: authorize(req, 'evaluations.followups'), query: req.query });
    },
  );

  app.patch(
    '/evaluation-follow-ups/:id',
    { schema: { tags, params: ZFollowUpParams, body: ZFollowUpUpdate, response: { 200: ZFollowUp } } },
    async (req) => {
      const actor = authorize(req, 'evaluations.followups');
      return updateFollowUp({ db: app.db, actor, id: req.params.id, input: req.body });
    },
  );
}

/** The printed record of a session, shown in the browser (inline). */
function recordRoutes(app: App): void {
  app.get('/evaluation-sessions/:id/record.pdf', { schema: { tags, params: ZSessionParams } }, async (req, reply) => {
    const actor = authorize(req, 'evaluations.read');
    const session = await getSession({ db: app.db, actor, id: req.params.id });
    const pdf = await renderSessionRecord(session, await countyNameOf(app.db, session.communityId));
    const name = `${session.communityName}${session.heldOn}定期评事记录.pdf`;
    return reply
      .type('application/pdf')
      .header(
        'content-disposition',
        contentDisposition(name, `evaluation-${session.heldOn}.pdf`).replace(/^attachment/, 'inline'),
      )
      .header('cache-control', 'private, no-cache')
      .send(pdf);
  });
}
