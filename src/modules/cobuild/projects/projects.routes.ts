import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { authorize } from '../../../core/auth/plugin.js';
import { uploadsDir } from '../../../core/config.js';
import { ZOk } from '../../../core/contracts.js';
import { AppError } from '../../../core/errors.js';
import { sendWorkbook } from '../../../core/excel/excel.js';
import type { App } from '../../../core/http/types.js';
import {
  ZCancelProject,
  ZCreateProject,
  ZEvidenceView,
  ZMilestoneInput,
  ZMilestoneParams,
  ZProjectDetail,
  ZProjectExportQuery,
  ZProjectList,
  ZProjectListQuery,
  ZProjectParams,
  ZProjectSummary,
  ZSummaryQuery,
  ZUpdateMilestone,
  ZUpdateProject,
} from './projects.contracts.js';
import {
  deleteEvidence,
  loadEvidenceFor,
  MAX_FILE_BYTES,
  openEvidenceFile,
  removeFiles,
  storeEvidence,
} from './projects.evidence.js';
import { exportProjects } from './projects.excel.js';
import { addMilestone, deleteMilestone, updateMilestone } from './projects.milestones.js';
import { planRoutes } from './projects.plans.routes.js';
import { listProjects, projectSummary } from './projects.query.js';
import { countyToday } from './projects.rollup.js';
import { cancelProject, createProject, deleteProject, getProject, updateProject } from './projects.service.js';
import { clock } from '../../../core/clock.js';

const tags = ['projects'];
const today = () => countyToday(clock.now());
const ZEvidenceParams = z.object({ evidenceId: z.uuid() });
const ZEvidenceQuery = z.object({ milestoneId: z.uuid().optional() });

/** The file of a multipart/form-data request in the field `file`. */
async function receiveFile(req: FastifyRequest): Promise<{ buffer: Buffer; fileName: string }> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const part = await req.file({ limits: { fileSize: MAX_FILE_BYTES, files: 1 } });
  if (!part || part.fieldname !== 'file') {
    part?.file.resume();
    throw new AppError('VALIDATION_FAILED', {}, [
      { path: '/file', message: 'upload the file in the form field "file"' },
    ]);
  }
  return { buffer: await part.toBuffer(), fileName: part.filename };
}

/** 共建项目清单: projects, milestones, evidence and the lists (plans are in projects.plans.routes.ts). */
export async function projectsRoutes(app: App): Promise<void> {
  await app.register(planRoutes);
  projectListRoutes(app);
  projectRoutes(app);
  projectEditRoutes(app);
  milestoneRoutes(app);
  evidenceRoutes(app);
}

/** The project list, its summary and its Excel export. */
function projectListRoutes(app: App): void {
  app.get(
    '/projects',
    {
      schema: {
        tags,
        summary: 'List co-building projects',
        querystring: ZProjectListQuery,
        response: { 200: ZProjectList },
      },
    },
    async (req) => {
      return listProjects({ db: app.db, actor: authorize(req, 'cobuild.read'), query: req.query, today: today() });
    },
  );
  app.get(
    '/projects/summary',
    {
      schema: {
        tags,
        summary: 'Counts by status and domain',
        querystring: ZSummaryQuery,
        response: { 200: ZProjectSummary },
      },
    },
    async (req) => {
      return projectSummary({ db: app.db, actor: authorize(req, 'cobuild.read'), query: req.query, today: today() });
    },
  );
  app.get(
    '/projects/export.xlsx',
    { schema: { tags, summary: 'Export the filtered project list', querystring: ZProjectExportQuery } },
    async (req, reply) => {
      return sendWorkbook(
        req,
        reply,
        await exportProjects({ db: app.db, actor: authorize(req, 'cobuild.read'), query: req.query, today: today() }),
      );
    },
  );
}

/** A new project, and reading one. */
function projectRoutes(app: App): void {
  app.post(
    '/projects',
    {
      schema: {
        tags,
        summary: 'Create a project in its community plan',
        body: ZCreateProject,
        response: { 201: ZProjectDetail },
      },
    },
    async (req, reply) => {
      const project = await createProject({
        db: app.db,
        actor: authorize(req, 'projects.write'),
        input: req.body,
        today: today(),
      });
      return reply.status(201).send(project);
    },
  );
  app.get(
    '/projects/:id',
    {
      schema: {
        tags,
        summary: 'A project with milestones, sub-projects and evidence',
        params: ZProjectParams,
        response: { 200: ZProjectDetail },
      },
    },
    async (req) => {
      return getProject({ db: app.db, actor: authorize(req, 'cobuild.read'), id: req.params.id, today: today() });
    },
  );
}

/** Editing, cancelling and deleting a project. */
function projectEditRoutes(app: App): void {
  app.patch(
    '/projects/:id',
    {
      schema: {
        tags,
        summary: 'Edit a project',
        params: ZProjectParams,
        body: ZUpdateProject,
        response: { 200: ZProjectDetail },
      },
    },
    async (req) => {
      return updateProject({
        db: app.db,
        actor: authorize(req, 'projects.write'),
        id: req.params.id,
        input: req.body,
        today: today(),
      });
    },
  );
  app.post(
    '/projects/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a project',
        params: ZProjectParams,
        body: ZCancelProject,
        response: { 200: ZProjectDetail },
      },
    },
    async (req) => {
      return cancelProject({
        db: app.db,
        actor: authorize(req, 'projects.write'),
        id: req.params.id,
        ...req.body,
        today: today(),
      });
    },
  );
  app.delete(
    '/projects/:id',
    { schema: { tags, summary: 'Delete a project of a draft plan', params: ZProjectParams, response: { 200: ZOk } } },
    async (req) => {
      const files = await deleteProject({
        db: app.db,
        actor: authorize(req, 'projects.write'),
        id: req.params.id,
        today: today(),
      });
      await removeFiles(uploadsDir(app.config), files);
      return { ok: true as const };
    },
  );
}

function milestoneRoutes(app: App): void {
  app.post(
    '/projects/:id/milestones',
    {
      schema: {
        tags,
        summary: 'Add a milestone',
        params: ZProjectParams,
        body: ZMilestoneInput,
        response: { 201: ZProjectDetail },
      },
    },
    async (req, reply) => {
      const project = await addMilestone({
        db: app.db,
        actor: authorize(req, 'projects.write'),
        projectId: req.params.id,
        input: req.body,
        today: today(),
      });
      return reply.status(201).send(project);
    },
  );

  app.patch(
    '/projects/:id/milestones/:milestoneId',
    {
      schema: {
        tags,
        summary: 'Edit a milestone or mark it done',
        params: ZMilestoneParams,
        body: ZUpdateMilestone,
        response: { 200: ZProjectDetail },
      },
    },
    async (req) => {
      return updateMilestone({
        db: app.db,
        actor: authorize(req, 'projects.write'),
        projectId: req.params.id,
        milestoneId: req.params.milestoneId,
        input: req.body,
        today: today(),
      });
    },
  );

  app.delete(
    '/projects/:id/milestones/:milestoneId',
    { schema: { tags, summary: 'Remove a milestone', params: ZMilestoneParams, response: { 200: ZProjectDetail } } },
    async (req) => {
      return deleteMilestone({
        db: app.db,
        actor: authorize(req, 'projects.write'),
        projectId: req.params.id,
        milestoneId: req.params.milestoneId,
        today: today(),
      });
    },
  );
}

function evidenceRoutes(app: App): void {
  app.post(
    '/projects/:id/evidence',
    {
      schema: {
        tags,
        summary: 'Upload a photo or document as evidence',
        consumes: ['multipart/form-data'],
        params: ZProjectParams,
        querystring: ZEvidenceQuery,
        response: { 201: ZEvidenceView },
      },
    },
    async (req, reply) => {
      const actor = authorize(req, 'projects.write');
      const file = await receiveFile(req);
      const view = await storeEvidence({
        db: app.db,
        actor,
        uploadsRoot: uploadsDir(app.config),
        projectId: req.params.id,
        milestoneId: req.query.milestoneId,
        input: file.buffer,
        fileName: file.fileName,
        locale: req.locale,
      });
      return reply.status(201).send(view);
    },
  );

  app.delete(
    '/projects/evidence/:evidenceId',
    { schema: { tags, summary: 'Remove a piece of evidence', params: ZEvidenceParams, response: { 200: ZOk } } },
    async (req) => {
      const files = await deleteEvidence({
        db: app.db,
        actor: authorize(req, 'projects.write'),
        id: req.params.evidenceId,
      });
      await removeFiles(uploadsDir(app.config), files);
      return { ok: true as const };
    },
  );

  app.get(
    '/projects/evidence/:evidenceId',
    { schema: { tags, summary: 'Download a piece of evidence', params: ZEvidenceParams } },
    serveEvidence(app, 'full'),
  );
  app.get(
    '/projects/evidence/:evidenceId/thumb',
    { schema: { tags, summary: 'Thumbnail of a photo', params: ZEvidenceParams } },
    serveEvidence(app, 'thumb'),
  );
}

/** The handler that sends a piece of evidence (or a photo's thumbnail) to someone who may read its project. */
function serveEvidence(app: App, variant: 'full' | 'thumb') {
  return async (req: FastifyRequest<{ Params: z.infer<typeof ZEvidenceParams> }>, reply: FastifyReply) => {
    const row = await loadEvidenceFor(app.db, authorize(req, 'cobuild.read'), req.params.evidenceId);
    const rel = variant === 'thumb' ? row.thumbPath : row.path;
    if (!rel) throw new AppError('NOT_FOUND', { entity: 'project_evidence' });
    const file = await openEvidenceFile(uploadsDir(app.config), rel);
    const disposition =
      row.kind === 'photo' ? 'inline' : `attachment; filename*=UTF-8''${encodeURIComponent(row.fileName)}`;
    reply
      .header('cache-control', 'private, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      .header('vary', 'Cookie');
    return reply
      .type(variant === 'thumb' ? 'image/jpeg' : row.mime)
      .header('content-length', file.size)
      .header('content-disposition', disposition)
      .send(file.stream);
  };
}
