import type { ComponentType } from 'react';
import { MCheckinAction } from '../activities/mobile/MCheckinAction';
import type { ScanView } from './api';

/**
 * What staff can do with a scanned 报到证, shown under the member on the scan page (/m/scan/:token): each entry is a
 * component given the member and the raw token (e.g. "check in to the activity at hand", from the post activities).
 * A part adds its action here; the scan page knows none of them.
 */
export interface ScanActionProps {
  scan: ScanView;
  token: string;
}

export const SCAN_ACTIONS: ComponentType<ScanActionProps>[] = [MCheckinAction];
