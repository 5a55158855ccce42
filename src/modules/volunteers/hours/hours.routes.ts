import { authorize, requireActor } from '../../../core/auth/plugin.js';
import { ZIdParams } from '../../../core/contracts.js';
import { contentDisposition, sendWorkbook } from '../../../core/excel/excel.js';
import type { App } from '../../../core/http/types.js';
import { renderCertificatePdf } from './certificates.card.js';
import {
  certificateForCard,
  issueCertificate,
  listCertificates,
  myCertificates,
  publicCertificates,
  revokeCertificate,
} from './certificates.service.js';
import {
  ZCertificateQuery,
  ZHoursFilter,
  ZHoursQuery,
  ZHoursSummary,
  ZIssueCertificate,
  ZMyCertificates,
  ZMyHours,
  ZPublicCertificateList,
  ZRevokeVolunteerCertificate,
  ZVolunteerCertificate,
  ZVolunteerCertificateList,
  ZVolunteerHoursList,
} from './hours.contracts.js';
import { exportHours, hoursSummary, listHours, myHours } from './hours.service.js';

/** Hours and stars (/api/volunteer-hours) and service certificates (/api/volunteer-certificates). */
export async function hoursRoutes(app: App): Promise<void> {
  hourRoutes(app);
  certificateRoutes(app);
}

function hourRoutes(app: App): void {
  const tags = ['volunteer-hours'];
  const db = app.db;
  app.get(
    '/volunteer-hours',
    {
      schema: {
        tags,
        summary: 'Hours and star level per volunteer in my scope (sorted by hours)',
        querystring: ZHoursQuery,
        response: { 200: ZVolunteerHoursList },
      },
    },
    async (req) => listHours({ db, actor: authorize(req, 'volunteers.read'), query: req.query }),
  );
  app.get(
    '/volunteer-hours/summary',
    {
      schema: {
        tags,
        summary: 'Volunteers per star level, hours, services held and residents served',
        querystring: ZHoursFilter,
        response: { 200: ZHoursSummary },
      },
    },
    async (req) => hoursSummary({ db, actor: authorize(req, 'volunteers.read'), query: req.query }),
  );
  app.get(
    '/volunteer-hours/me',
    { schema: { tags, summary: 'My hours, star, next star and last sign-ups', response: { 200: ZMyHours } } },
    async (req) => myHours({ db, actor: authorize(req, 'volunteers.self') }),
  );
  app.get(
    '/volunteer-hours/export',
    { schema: { tags, summary: 'The hours list (Excel)', querystring: ZHoursFilter } },
    async (req, reply) =>
      sendWorkbook(req, reply, await exportHours({ db, actor: authorize(req, 'volunteers.read'), query: req.query })),
  );
}

function certificateRoutes(app: App): void {
  const tags = ['volunteer-certificates'];
  const db = app.db;
  app.post(
    '/volunteer-certificates',
    {
      schema: {
        tags,
        summary: 'Issue a service certificate over a period (hours copied in, serial, 公示)',
        body: ZIssueCertificate,
        response: { 201: ZVolunteerCertificate },
      },
    },
    async (req, reply) => {
      const made = await issueCertificate({ db, actor: authorize(req, 'volunteers.certify'), input: req.body });
      return reply.status(201).send(made);
    },
  );
  app.get(
    '/volunteer-certificates',
    {
      schema: {
        tags,
        summary: 'Certificates of the volunteers in my scope',
        querystring: ZCertificateQuery,
        response: { 200: ZVolunteerCertificateList },
      },
    },
    async (req) => listCertificates({ db, actor: authorize(req, 'volunteers.read'), query: req.query }),
  );
  // To anyone who reads volunteer service or takes part (the policy checks either permission).
  app.get(
    '/volunteer-certificates/public',
    {
      schema: { tags, summary: 'Certificates in 公示 (publicity running)', response: { 200: ZPublicCertificateList } },
    },
    async (req) => publicCertificates({ db, actor: requireActor(req) }),
  );
  app.get(
    '/volunteer-certificates/mine',
    { schema: { tags, summary: 'My certificates', response: { 200: ZMyCertificates } } },
    async (req) => myCertificates({ db, actor: authorize(req, 'volunteers.self') }),
  );
  // The volunteer themself or staff in scope: the policy decides (requireActor).
  app.get(
    '/volunteer-certificates/:id/card.pdf',
    { schema: { tags, summary: 'The certificate (PDF)', params: ZIdParams } },
    async (req, reply) => {
      const cert = await certificateForCard({ db, actor: requireActor(req), id: req.params.id });
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          contentDisposition(`志愿服务证明-${cert.serial}.pdf`, `certificate-${cert.serial}.pdf`).replace(
            /^attachment/,
            'inline',
          ),
        )
        .header('cache-control', 'private, no-cache')
        .send(await renderCertificatePdf(cert));
    },
  );
  app.post(
    '/volunteer-certificates/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke with a reason',
        params: ZIdParams,
        body: ZRevokeVolunteerCertificate,
        response: { 200: ZVolunteerCertificate },
      },
    },
    async (req) =>
      revokeCertificate({ db, actor: authorize(req, 'volunteers.certify'), id: req.params.id, input: req.body }),
  );
}
