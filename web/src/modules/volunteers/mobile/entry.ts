import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { MeResponse } from '../../../api/contracts';
import { can } from '../../../auth/access';

/**
 * What the phone's start-up needs of the volunteer pages, and no more (the pages and their strings load when opened):
 * the route of the page a volunteer activity's QR code opens, and whether the tab bar offers 我的志愿.
 */

/** The phone route the activity's QR code opens (/m/v/scan?a=<activity>&c=<code>, docs/VOLUNTEERS.md § Presence). */
export const VOLUNTEER_SCAN_ROUTE = 'v/scan';

/** GET /api/volunteers/me, shared by the tab bar and 我的志愿 (one request). */
export const VOLUNTEER_ME_KEY = ['volunteers', 'me'] as const;

/**
 * 我的志愿 in the tab bar: for a volunteer login (volunteers.lead beside volunteers.self is the volunteer role; staff
 * and the county do not work volunteer service as themselves), or anyone else registered as a volunteer (asked once).
 */
export function useVolunteerTab(me: MeResponse | null | undefined): boolean {
  const self = !!me && can(me, 'volunteers.self') && !can(me, 'volunteers.manage');
  const volunteerLogin = self && !!me && can(me, 'volunteers.lead');
  const registered = useQuery({
    queryKey: VOLUNTEER_ME_KEY,
    enabled: self && !volunteerLogin,
    queryFn: ({ signal }) => api.get<{ registered: boolean }>('/volunteers/me', undefined, signal),
    staleTime: 300_000,
  });
  return volunteerLogin || registered.data?.registered === true;
}
