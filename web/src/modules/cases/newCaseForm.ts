import type { CreateCase } from '../../api/contracts';
import type { PickedPoint } from './LocationPicker';

/** What the new-case form holds, before it is turned into a request. */
export interface NewCaseValues {
  channel: CreateCase['channel'];
  description: string;
  categoryCode?: string;
  address?: string;
  reporterPersonId?: string;
  reporterName?: string;
  reporterPhone?: string;
}

/** The reporter is a person picked from the register or a name and phone typed in. */
export type ReporterMode = 'person' | 'typed';

const blank = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);

/** The request: trimmed texts, the point rounded to six decimals, only the reporter fields of the chosen mode. */
export function toCreateCase(
  v: NewCaseValues,
  point: PickedPoint | null,
  reporterMode: ReporterMode,
  photoIds: string[],
): CreateCase {
  return {
    channel: v.channel,
    description: v.description.trim(),
    categoryCode: v.categoryCode,
    address: blank(v.address),
    ...(point ? { lng: Number(point.lng.toFixed(6)), lat: Number(point.lat.toFixed(6)) } : {}),
    ...(reporterMode === 'person' && v.reporterPersonId ? { reporterPersonId: v.reporterPersonId } : {}),
    ...(reporterMode === 'typed' ? { reporterName: blank(v.reporterName), reporterPhone: blank(v.reporterPhone) } : {}),
    ...(photoIds.length ? { photoIds } : {}),
  };
}
