import type { CreateCase } from '../../api/contracts';

export interface ReportDraft {
  description: string;
  chosenCategory: string | null;
  point: { lng: number; lat: number } | null;
  address: string;
  /** The uploaded photos' ids, in the order they were added. */
  photoIds: string[];
  sameAsCaseId: string | null;
}

/** What the resident has filled in, as the body of POST /api/cases (channel 随手拍); empty parts are left out. */
export function reportInput(d: ReportDraft): CreateCase {
  return {
    channel: 'snap',
    description: d.description.trim(),
    ...(d.chosenCategory ? { categoryCode: d.chosenCategory } : {}),
    ...(d.point ? { lng: d.point.lng, lat: d.point.lat } : {}),
    ...(d.address.trim() ? { address: d.address.trim() } : {}),
    ...(d.photoIds.length ? { photoIds: d.photoIds } : {}),
    ...(d.sameAsCaseId ? { sameAsCaseId: d.sameAsCaseId } : {}),
  };
}
