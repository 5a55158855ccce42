import type { Db } from '../../core/db.js';
import { allCategories } from '../cases/cases.service.js';
import { attributeDefinitions, hasAttributes } from './open311.attributes.js';
import { type GatewayLocale, serviceNotice } from './open311.i18n.js';

/** The county's identifier in GeoReport v2 (jurisdiction_id): accepted when given, never required. */
export const JURISDICTION_ID = 'guangze';

/** Working minutes → whole working hours, as a notice states them. */
const hours = (minutes: number | null) => Math.round((minutes ?? 0) / 60);

export interface Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
}

/**
 * The case sub-categories as GeoReport v2 services: code, name, the parent category as the group, the service's
 * promise (its clocks) as the description; `metadata` says whether it asks for attributes. Every service is
 * `realtime`: a request gets its id at once (intake is synchronous).
 */
export async function listServices(db: Db, locale: GatewayLocale): Promise<Service[]> {
  const rows = await allCategories(db);
  const parents = new Map(rows.filter((r) => r.parentCode === null).map((r) => [r.code, r]));
  return rows
    .filter((r) => r.parentCode !== null)
    .map((r) => {
      const parent = parents.get(r.parentCode as string);
      const name = locale === 'en' ? r.nameEn : r.name;
      const group = parent ? (locale === 'en' ? parent.nameEn : parent.name) : '';
      return {
        service_code: r.code,
        service_name: name,
        description: serviceNotice(locale, hours(r.responseMinutes), hours(r.resolutionMinutes)),
        metadata: hasAttributes(r.code),
        type: 'realtime' as const,
        keywords: [name, group, r.code.split('.')[0]].filter(Boolean).join(','),
        group,
      };
    });
}

/** One service's definition, or null when no such service exists. */
export async function serviceDefinition(db: Db, code: string, locale: GatewayLocale) {
  const service = (await listServices(db, locale)).find((s) => s.service_code === code);
  if (!service) return null;
  return { service_code: code, attributes: attributeDefinitions(code, locale) };
}

/** A service's notice by code (its promise), for request answers. */
export async function noticesByService(db: Db, locale: GatewayLocale): Promise<Map<string, Service>> {
  return new Map((await listServices(db, locale)).map((s) => [s.service_code, s]));
}
