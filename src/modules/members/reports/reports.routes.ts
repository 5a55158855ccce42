import type { FastifyReply, FastifyRequest } from 'fastify';
import { authorize, requireActor } from '../../../core/auth/plugin.js';
import { clock } from '../../../core/clock.js';
import { ZIdParams } from '../../../core/contracts.js';
import { contentDisposition, sendWorkbook } from '../../../core/excel/excel.js';
import type { App } from '../../../core/http/types.js';
import { type CardData, renderCardPdf, renderCardPng } from './reports.card.js';
import {
  certificateQrText,
  certificateToken,
  readCertificate,
  revokeCertificate,
  scanCertificate,
} from './reports.certificates.js';
import {
  ZApplyReport,
  ZApproveResult,
  ZCertificateView,
  ZDeclineReport,
  ZMyReports,
  ZReportList,
  ZReportListQuery,
  ZReportView,
  ZRevokeCertificate,
  ZScanQuery,
  ZScanView,
  ZUnreportedList,
  ZUnreportedQuery,
} from './reports.contracts.js';
import {
  applyReport,
  approveReport,
  declineReport,
  listReports,
  myReports,
  withdrawReport,
} from './reports.service.js';
import { exportUnreported, listUnreported } from './reports.unreported.js';
import { certificateStatus } from './reports.view.js';

/** The origin a certificate's QR URL points at: the address the request came to (behind TRUST_PROXY, the proxy's). */
function originOf(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}`;
}

/** 双报到 (/api/member-reports) and the 报到证 (/api/member-certificates). */
export async function reportsRoutes(app: App): Promise<void> {
  memberRoutes(app);
  staffRoutes(app);
  certificateRoutes(app);
}

/** The member's own: apply, withdraw, my applications and certificate. */
function memberRoutes(app: App): void {
  const tags = ['member-reports'];
  const db = app.db;
  app.post(
    '/member-reports',
    {
      schema: {
        tags,
        summary: 'Apply to report at my residence community',
        body: ZApplyReport,
        response: { 201: ZReportView },
      },
    },
    async (req, reply) => {
      const report = await applyReport({ db, actor: authorize(req, 'memberservice.self'), input: req.body });
      return reply.status(201).send(report);
    },
  );
  app.get(
    '/member-reports/mine',
    { schema: { tags, summary: 'My registration, applications and certificate', response: { 200: ZMyReports } } },
    async (req) =>
      myReports({
        db,
        actor: authorize(req, 'memberservice.self'),
        qr: { secret: app.config.sessionSecret, origin: originOf(req) },
      }),
  );
  app.post(
    '/member-reports/:id/withdraw',
    { schema: { tags, summary: 'Withdraw my pending application', params: ZIdParams, response: { 200: ZReportView } } },
    async (req) => withdrawReport({ db, actor: authorize(req, 'memberservice.self'), id: req.params.id }),
  );
}

/** The community's: the applications, deciding them, the unreported list. */
function staffRoutes(app: App): void {
  const tags = ['member-reports'];
  const db = app.db;
  app.get(
    '/member-reports',
    {
      schema: {
        tags,
        summary: 'Applications in my scope',
        querystring: ZReportListQuery,
        response: { 200: ZReportList },
      },
    },
    async (req) => listReports({ db, actor: authorize(req, 'memberservice.read'), query: req.query }),
  );
  app.get(
    '/member-reports/unreported',
    {
      schema: {
        tags,
        summary: 'In-service members who have not reported (never, or lapsed)',
        querystring: ZUnreportedQuery,
        response: { 200: ZUnreportedList },
      },
    },
    async (req) => listUnreported({ db, actor: authorize(req, 'memberservice.read'), query: req.query }),
  );
  app.get(
    '/member-reports/unreported/export.xlsx',
    { schema: { tags, summary: 'The unreported list (Excel)', querystring: ZUnreportedQuery } },
    async (req, reply) =>
      sendWorkbook(
        req,
        reply,
        await exportUnreported({ db, actor: authorize(req, 'memberservice.read'), query: req.query }),
      ),
  );
  app.post(
    '/member-reports/:id/approve',
    {
      schema: { tags, summary: 'Approve: issues a certificate', params: ZIdParams, response: { 200: ZApproveResult } },
    },
    async (req) => approveReport({ db, actor: authorize(req, 'memberservice.manage'), id: req.params.id }),
  );
  app.post(
    '/member-reports/:id/decline',
    {
      schema: {
        tags,
        summary: 'Decline with a reason',
        params: ZIdParams,
        body: ZDeclineReport,
        response: { 200: ZReportView },
      },
    },
    async (req) =>
      declineReport({ db, actor: authorize(req, 'memberservice.manage'), id: req.params.id, input: req.body }),
  );
}

async function cardOf(app: App, req: FastifyRequest, id: string): Promise<CardData> {
  const row = await readCertificate({ db: app.db, actor: requireActor(req), id });
  const token = certificateToken(app.config.sessionSecret, row.c);
  return {
    memberName: row.memberName,
    communityName: row.communityName ?? '',
    unitName: row.unitName,
    serial: row.c.serial,
    expiresAt: row.c.expiresAt,
    status: certificateStatus(row.c, clock.now()),
    qrText: certificateQrText(originOf(req), token),
  };
}

function sendCard(reply: FastifyReply, card: CardData, body: Buffer, ext: 'pdf' | 'png'): FastifyReply {
  return reply
    .type(ext === 'pdf' ? 'application/pdf' : 'image/png')
    .header(
      'content-disposition',
      contentDisposition(`报到证-${card.serial}.${ext}`, `certificate.${ext}`).replace(/^attachment/, 'inline'),
    )
    .header('cache-control', 'private, no-cache')
    .send(body);
}

/** Certificates: the card (PDF, PNG) for its member or staff in scope, revoking, and the staff scan page. */
function certificateRoutes(app: App): void {
  const tags = ['member-certificates'];
  const db = app.db;
  app.get(
    '/member-certificates/scan',
    {
      schema: {
        tags,
        summary: 'The member behind a scanned certificate',
        querystring: ZScanQuery,
        response: { 200: ZScanView },
      },
    },
    async (req) =>
      scanCertificate({
        db,
        actor: authorize(req, 'memberservice.checkin'),
        secret: app.config.sessionSecret,
        token: req.query.token,
      }),
  );
  // Readable by the member themself or by staff in scope: the policy asks the permission table (requireActor).
  app.get(
    '/member-certificates/:id/card.pdf',
    { schema: { tags, summary: 'The certificate as a printable card (PDF)', params: ZIdParams } },
    async (req, reply) => {
      const card = await cardOf(app, req, req.params.id);
      return sendCard(reply, card, await renderCardPdf(card), 'pdf');
    },
  );
  app.get(
    '/member-certificates/:id/card.png',
    { schema: { tags, summary: 'The certificate as an image for the phone (PNG)', params: ZIdParams } },
    async (req, reply) => {
      const card = await cardOf(app, req, req.params.id);
      return sendCard(reply, card, await renderCardPng(card), 'png');
    },
  );
  app.post(
    '/member-certificates/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke with a reason',
        params: ZIdParams,
        body: ZRevokeCertificate,
        response: { 200: ZCertificateView },
      },
    },
    async (req) =>
      revokeCertificate({ db, actor: authorize(req, 'memberservice.manage'), id: req.params.id, input: req.body }),
  );
}
