import { z } from 'zod';
import { listResponse, ZListQuery } from '../../../core/list.js';
import { DEFAULT_POST_TYPE_KEYS } from '../posts/posts.enums.js';
import { MEMBER_REPORT_STATES } from './reports.enums.js';

/** 双报到 and the 报到证: request and response contracts (the web imports the types). */
export { MEMBER_REPORT_STATES } from './reports.enums.js';
export const ZMemberReportState = z.enum(MEMBER_REPORT_STATES);
export type MemberReportState = z.infer<typeof ZMemberReportState>;
/** A skill is a post type key (设岗定责's eight types). */
export const ZSkill = z.enum(DEFAULT_POST_TYPE_KEYS);

// ── applications ──
export const ZApplyReport = z.strictObject({
  /** A building, alley or other grid inside the member's residence community. */
  gridId: z.uuid().nullable().optional(),
  skills: z
    .array(ZSkill)
    .max(DEFAULT_POST_TYPE_KEYS.length)
    .refine((s) => new Set(s).size === s.length, 'duplicate skill'),
  note: z.string().trim().max(500).nullable().optional(),
});
export type ApplyReport = z.infer<typeof ZApplyReport>;

export const ZDeclineReport = z.strictObject({ reason: z.string().trim().min(1).max(500) });
export type DeclineReport = z.infer<typeof ZDeclineReport>;
export const ZRevokeCertificate = ZDeclineReport;
export type RevokeCertificate = DeclineReport;

export const ZReportView = z.object({
  id: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  communityId: z.string(),
  communityName: z.string(),
  gridId: z.string().nullable(),
  gridName: z.string().nullable(),
  skills: z.array(z.string()),
  note: z.string().nullable(),
  state: ZMemberReportState,
  appliedAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  declineReason: z.string().nullable(),
  /** The certificate issued on approval (null before, or for a declined one). */
  certificateId: z.string().nullable(),
  certificateSerial: z.string().nullable(),
});
export type ReportView = z.infer<typeof ZReportView>;
export const ZReportList = listResponse(ZReportView);

export const ZReportListQuery = ZListQuery.extend({
  state: ZMemberReportState.optional(),
  communityId: z.uuid().optional(),
  gridId: z.uuid().optional(),
  memberId: z.uuid().optional(),
});
export type ReportListQuery = z.infer<typeof ZReportListQuery>;

// ── certificates ──
export const ZCertificateView = z.object({
  id: z.string(),
  reportId: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  serial: z.string(),
  issuedAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  /** live: usable; expired or revoked (a replaced one is revoked by the newer approval). */
  status: z.enum(['live', 'expired', 'revoked']),
});
export type CertificateView = z.infer<typeof ZCertificateView>;

/** The member's own certificate, with what the phone needs to draw its QR code. */
export const ZMyCertificate = ZCertificateView.extend({
  token: z.string(),
  qrText: z.string(),
  gridName: z.string().nullable(),
  unitName: z.string().nullable(),
});
export type MyCertificate = z.infer<typeof ZMyCertificate>;

/** Where the member stands: their residence community, whether they count as reported now, and their applications. */
export const ZMyReports = z.object({
  memberId: z.string(),
  memberName: z.string(),
  inService: z.boolean(),
  communityId: z.string().nullable(),
  communityName: z.string().nullable(),
  reported: z.boolean(),
  lastReportedAt: z.string().nullable(),
  /** When the current registration lapses (lastReportedAt + reportEveryMonths). */
  renewBy: z.string().nullable(),
  items: z.array(ZReportView),
  certificate: ZMyCertificate.nullable(),
});
export type MyReports = z.infer<typeof ZMyReports>;

export const ZApproveResult = z.object({ report: ZReportView, certificate: ZCertificateView });
export type ApproveResult = z.infer<typeof ZApproveResult>;

// ── the unreported list ──
export const ZUnreportedQuery = ZListQuery.extend({
  communityId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  /** never: no approved report ever; lapsed: the last one is older than the rules' interval. */
  reason: z.enum(['never', 'lapsed']).optional(),
});
export type UnreportedQuery = z.infer<typeof ZUnreportedQuery>;
export const ZUnreportedView = z.object({
  memberId: z.string(),
  memberName: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  communityId: z.string().nullable(),
  communityName: z.string().nullable(),
  lastReportedAt: z.string().nullable(),
  /** When the last registration lapsed; null when the member never reported. */
  lapsedAt: z.string().nullable(),
  /** An application waiting for the community. */
  pendingReportId: z.string().nullable(),
});
export type UnreportedView = z.infer<typeof ZUnreportedView>;
export const ZUnreportedList = listResponse(ZUnreportedView);

// ── the staff scan page ──
export const ZScanQuery = z.object({ token: z.string().trim().min(1).max(2000) });
export const ZScanView = z.object({
  certificateId: z.string(),
  serial: z.string(),
  expiresAt: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  /** Masked (138****1111). */
  phone: z.string().nullable(),
  unitName: z.string().nullable(),
  communityId: z.string(),
  communityName: z.string(),
  gridName: z.string().nullable(),
  reported: z.boolean(),
  /** Hours in the service ledger this county year. */
  hoursThisYear: z.number(),
  year: z.number().int(),
});
export type ScanView = z.infer<typeof ZScanView>;
