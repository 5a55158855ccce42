import { and, desc, eq, gte, inArray, lt, notInArray, type SQL, sql } from 'drizzle-orm';
import { formatLocalIso } from '../../core/calendar.js';
import type { Db } from '../../core/db.js';
import { maskIdNumber, maskPhone } from '../../core/pii.js';
import { OPEN_CASE_STATUSES } from '../cases/cases.enums.js';
import { caseCategories, caseDispatches, cases } from '../cases/cases.schema.js';
import { grids } from '../grid/grid.schema.js';
import { organisations } from '../org/org.schema.js';
import { type GatewayLocale, STATUS_NOTES, SUPERVISED_NOTICE } from './open311.i18n.js';

/** At most this many requests in one answer, newest first (GeoReport v2 lets a server cap its lists). */
export const REQUESTS_CAP = 1000;

export interface RequestFilter {
  /** Case numbers (service_request_id); when given, the other filters are ignored, as the specification says. */
  ids?: string[];
  serviceCodes?: string[];
  from: Date;
  to: Date;
  status?: 'open' | 'closed';
}

/** A service request as GeoReport v2 shows it. Nothing names or reaches the reporter. */
export interface ServiceRequest {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string;
  service_name: string;
  service_code: string;
  description: string;
  agency_responsible: string;
  service_notice: string;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string;
  address: string;
  lat?: number;
  long?: number;
}

/** The unit the case is with now (the latest dispatch it has not sent back or declined). */
const activeUnit = sql<string | null>`(
  select ${organisations.name} from ${caseDispatches}
  join ${organisations} on ${organisations.id} = ${caseDispatches.unitId}
  where ${caseDispatches.caseId} = ${cases.id} and ${caseDispatches.status} not in ('returned', 'declined')
  order by ${caseDispatches.dispatchedAt} desc limit 1)`;

function whereOf(f: RequestFilter): SQL | undefined {
  if (f.ids) return inArray(cases.number, f.ids);
  const parts: SQL[] = [gte(cases.reportedAt, f.from), lt(cases.reportedAt, f.to)];
  if (f.serviceCodes) parts.push(inArray(cases.categoryCode, f.serviceCodes));
  if (f.status === 'open') parts.push(inArray(cases.status, [...OPEN_CASE_STATUSES]));
  if (f.status === 'closed') parts.push(notInArray(cases.status, [...OPEN_CASE_STATUSES]));
  return and(...parts);
}

/** Seconds are enough for GeoReport's W3C datetimes. */
const w3c = (d: Date) => formatLocalIso(new Date(Math.floor(d.getTime() / 1000) * 1000));

/** Phone and ID numbers a reporter typed into the text are masked, as everywhere else a case leaves the server. */
export function maskedText(text: string): string {
  return text
    .replace(/(?<!\d)1[3-9]\d{9}(?!\d)/g, (m) => maskPhone(m) ?? m)
    .replace(/(?<![\dXx])\d{17}[\dXx](?![\dXx])/g, (m) => maskIdNumber(m) ?? m);
}

export async function findRequests(db: Db, filter: RequestFilter, locale: GatewayLocale): Promise<ServiceRequest[]> {
  const rows = await db
    .select({
      number: cases.number,
      status: cases.status,
      categoryCode: cases.categoryCode,
      categoryName: locale === 'en' ? caseCategories.nameEn : caseCategories.name,
      description: cases.description,
      gridName: grids.name,
      unitName: activeUnit,
      supervisedAt: cases.supervisedAt,
      reportedAt: cases.reportedAt,
      updatedAt: cases.updatedAt,
      resolutionDueAt: cases.resolutionDueAt,
      address: cases.address,
      lat: cases.lat,
      lng: cases.lng,
    })
    .from(cases)
    .innerJoin(caseCategories, eq(caseCategories.code, cases.categoryCode))
    .innerJoin(grids, eq(grids.id, cases.gridId))
    .where(whereOf(filter))
    .orderBy(desc(cases.reportedAt))
    .limit(REQUESTS_CAP);
  return rows.map((r) => {
    const open = (OPEN_CASE_STATUSES as readonly string[]).includes(r.status);
    return {
      service_request_id: r.number,
      status: open ? 'open' : 'closed',
      status_notes: STATUS_NOTES[r.status][locale],
      service_name: r.categoryName,
      service_code: r.categoryCode,
      description: maskedText(r.description),
      agency_responsible: r.unitName ?? r.gridName,
      service_notice: open && r.supervisedAt ? SUPERVISED_NOTICE[locale] : '',
      requested_datetime: w3c(r.reportedAt),
      updated_datetime: w3c(r.updatedAt),
      expected_datetime: w3c(r.resolutionDueAt),
      address: r.address ?? '',
      ...(r.lat !== null && r.lng !== null ? { lat: r.lat, long: r.lng } : {}),
    };
  });
}
