import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { Page } from '../../../api/contracts';
import type {
  MyVolunteer,
  RegisterSelf,
  VolunteerTeamView,
} from '../../../../../src/modules/volunteers/catalogue/catalogue.contracts';
import type {
  MyVolunteerActivities,
  MyVolunteerActivity,
  OpenActivities,
  OpenActivity,
  VolunteerActivityDetail,
  VolunteerSignupView,
} from '../../../../../src/modules/volunteers/activities/activities.contracts';
import type {
  CheckoutResult,
  PresenceScan,
  PresenceSignupView,
  ScanView,
} from '../../../../../src/modules/volunteers/presence/presence.contracts';
import type { MyHours, VolunteerCertificateView } from '../../../../../src/modules/volunteers/hours/hours.contracts';

export { countyMinute, spanOf } from './figures';
export type {
  CheckoutResult,
  MyHours,
  MyVolunteer,
  MyVolunteerActivity,
  OpenActivity,
  PresenceSignupView,
  ScanView,
  VolunteerActivityDetail,
  VolunteerCertificateView,
  VolunteerTeamView,
};

/**
 * GET /api/volunteers/me: the key of entry.ts's VOLUNTEER_ME_KEY (one cache with the tab bar), written out again so
 * that entry.ts stays in the phone's start-up chunk instead of becoming a chunk of its own that both load.
 */
const VOLUNTEER_ME_KEY = ['volunteers', 'me'] as const;

/** The volunteer's own queries; a write refreshes them all (sign-up, cancel, check-in, check-out move every figure). */
const keys = {
  open: ['volunteer-phone', 'open'] as const,
  mine: ['volunteer-phone', 'mine'] as const,
  hours: ['volunteer-phone', 'hours'] as const,
  certificates: ['volunteer-phone', 'certificates'] as const,
  teams: ['volunteer-phone', 'teams'] as const,
  activity: (id: string) => ['volunteer-phone', 'activity', id] as const,
  scan: (a: string, c: string) => ['volunteer-phone', 'scan', a, c] as const,
};

function useRefresh() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['volunteer-phone'] });
    void qc.invalidateQueries({ queryKey: VOLUNTEER_ME_KEY });
  };
}

export function useMyVolunteer() {
  return useQuery({
    queryKey: VOLUNTEER_ME_KEY,
    queryFn: ({ signal }) => api.get<MyVolunteer>('/volunteers/me', undefined, signal),
  });
}

/** Teams a newcomer may join at registration (active ones; the server refuses a team they may not join). */
export function useTeams(enabled: boolean) {
  return useQuery({
    queryKey: keys.teams,
    enabled,
    queryFn: ({ signal }) =>
      api.get<Page<VolunteerTeamView>>('/volunteer-teams', { active: 'true', pageSize: 100 }, signal),
  });
}

export function useRegister() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: RegisterSelf) => api.post('/volunteers/me', input),
    onSuccess: refresh,
  });
}

export function useMyHours(enabled = true) {
  return useQuery({
    queryKey: keys.hours,
    enabled,
    queryFn: ({ signal }) => api.get<MyHours>('/volunteer-hours/me', undefined, signal),
  });
}

export function useOpenActivities() {
  return useQuery({
    queryKey: keys.open,
    queryFn: ({ signal }) => api.get<OpenActivities>('/volunteer-activities/open', undefined, signal),
  });
}

export function useMySignups(enabled = true) {
  return useQuery({
    queryKey: keys.mine,
    enabled,
    queryFn: ({ signal }) => api.get<MyVolunteerActivities>('/volunteer-activities/mine', undefined, signal),
  });
}

export function useActivity(id: string) {
  return useQuery({
    queryKey: keys.activity(id),
    queryFn: ({ signal }) => api.get<VolunteerActivityDetail>(`/volunteer-activities/${id}`, undefined, signal),
  });
}

export function useSignup() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (v: { activityId: string; roleId: string }) =>
      api.post<VolunteerSignupView>(`/volunteer-activities/${v.activityId}/signups`, { roleId: v.roleId }),
    onSuccess: refresh,
  });
}

export function useCancelSignup() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (signupId: string) => api.post<VolunteerSignupView>(`/volunteer-signups/${signupId}/cancel`, {}),
    onSuccess: refresh,
  });
}

export function useMyCertificates() {
  return useQuery({
    queryKey: keys.certificates,
    queryFn: ({ signal }) =>
      api.get<{ items: VolunteerCertificateView[] }>('/volunteer-certificates/mine', undefined, signal),
  });
}

/** What the scanned code leads to for me (activity, my sign-up, check in / out / nothing and why). */
export function useScan(activityId: string, code: string) {
  return useQuery({
    queryKey: keys.scan(activityId, code),
    enabled: activityId !== '' && code !== '',
    queryFn: ({ signal }) => api.get<ScanView>(`/volunteer-activities/${activityId}/scan`, { c: code }, signal),
  });
}

export function usePresence(activityId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (v: { action: 'checkin' | 'checkout'; body: PresenceScan }) =>
      api.post<PresenceSignupView | CheckoutResult>(`/volunteer-activities/${activityId}/${v.action}`, v.body),
    onSuccess: refresh,
  });
}

/** The certificate's PDF (inline, with the session cookie). */
export const certificatePdfUrl = (id: string) => `/api/volunteer-certificates/${id}/card.pdf`;
