/**
 * 志愿服务: the requests shared by the staff pages and the phone pages (web/src/modules/volunteers/mobile/ may add its
 * own mobile/api.ts), as TanStack Query hooks over the server's contracts (types only). Every query key starts with
 * `volunteers`, so a write refreshes what it may have changed with one invalidation.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '../../api/client';
import type { Page } from '../../api/contracts';
import type {
  CreateVolunteerActivity,
  UpdateVolunteerActivity,
  VolunteerActivityDetail,
  VolunteerActivityView,
  VolunteerSignupView,
} from '../../../../src/modules/volunteers/activities/activities.contracts';
import type {
  CreateVolunteerTeam,
  RegisterVolunteer,
  TeamMemberView,
  UpdateVolunteer,
  VolunteerRulesInput,
  VolunteerRulesViewResponse,
  VolunteerSeriesView,
  VolunteerTeamDetail,
  VolunteerTeamView,
  VolunteerView,
} from '../../../../src/modules/volunteers/catalogue/catalogue.contracts';
import type { ActivityCode, PresenceSignupView } from '../../../../src/modules/volunteers/presence/presence.contracts';

export type {
  CreateVolunteerActivity,
  UpdateVolunteerActivity,
  VolunteerActivityDetail,
  VolunteerActivityView,
  VolunteerSignupView,
  ActivityCode,
  PresenceSignupView,
  TeamMemberView,
  VolunteerRulesInput,
  VolunteerRulesViewResponse,
  VolunteerSeriesView,
  VolunteerTeamDetail,
  VolunteerTeamView,
  VolunteerView,
};
export type { VolunteerTypeView } from '../../../../src/modules/volunteers/catalogue/catalogue.contracts';
export {
  CERTIFICATE_STATES,
  DEFAULT_VOLUNTEER_RULES,
  TEAM_ROLES,
  VOLUNTEER_ACTIVITY_STATES,
  VOLUNTEER_SIGNUP_STATES,
  VOLUNTEER_STATES,
  type CertificateState,
  type VolunteerSignupState,
} from '../../../../src/modules/volunteers/volunteers.enums';

export const volunteerKeys = {
  all: ['volunteers'] as const,
  series: ['volunteers', 'series'] as const,
  rules: ['volunteers', 'rules'] as const,
  teams: (q: Query) => ['volunteers', 'teams', q] as const,
  team: (id: string) => ['volunteers', 'team', id] as const,
  registry: (q: Query) => ['volunteers', 'registry', q] as const,
  activities: (q: Query) => ['volunteers', 'activities', q] as const,
  activity: (id: string) => ['volunteers', 'activity', id] as const,
  signups: (id: string) => ['volunteers', 'activity', id, 'signups'] as const,
  presence: (id: string) => ['volunteers', 'activity', id, 'presence'] as const,
  code: (id: string) => ['volunteers', 'activity', id, 'code'] as const,
};

/** Refreshes every volunteer query (after any write). */
export function useRefreshVolunteers() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: volunteerKeys.all });
}

// ── catalogue ──

/** The catalogue (series with their types); `all` includes retired ones (the settings page). */
export function useSeries(all = false) {
  return useQuery({
    queryKey: [...volunteerKeys.series, all],
    queryFn: ({ signal }) =>
      api.get<{ items: VolunteerSeriesView[] }>('/volunteer-series', all ? {} : { active: 'true' }, signal),
    staleTime: 5 * 60_000,
  });
}

export function useRules() {
  return useQuery({
    queryKey: volunteerKeys.rules,
    queryFn: ({ signal }) => api.get<VolunteerRulesViewResponse>('/volunteer-rules', undefined, signal),
  });
}

export function useTeams(query: Query) {
  return useQuery({
    queryKey: volunteerKeys.teams(query),
    queryFn: ({ signal }) => api.get<Page<VolunteerTeamView>>('/volunteer-teams', query, signal),
    placeholderData: keepPreviousData,
  });
}

/** The teams to choose from in a filter or a form (the first 200 by name). */
export function useTeamOptions(communityId?: string) {
  return useTeams({ pageSize: 200, communityId, active: 'true' });
}

export function useTeam(id: string | undefined) {
  return useQuery({
    queryKey: volunteerKeys.team(id ?? ''),
    queryFn: ({ signal }) => api.get<VolunteerTeamDetail>(`/volunteer-teams/${id}`, undefined, signal),
    enabled: !!id,
  });
}

export function useVolunteers(query: Query, enabled = true) {
  return useQuery({
    queryKey: volunteerKeys.registry(query),
    queryFn: ({ signal }) => api.get<Page<VolunteerView>>('/volunteers', query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCatalogueWrites() {
  const onSuccess = useRefreshVolunteers();
  return {
    createTeam: useMutation({
      mutationFn: (input: CreateVolunteerTeam) => api.post<VolunteerTeamDetail>('/volunteer-teams', input),
      onSuccess,
    }),
    updateTeam: useMutation({
      mutationFn: ({
        id,
        ...input
      }: { id: string; version: number } & Partial<CreateVolunteerTeam> & {
          active?: boolean;
        }) => api.patch<VolunteerTeamDetail>(`/volunteer-teams/${id}`, input),
      onSuccess,
    }),
    addMember: useMutation({
      mutationFn: ({ teamId, ...input }: { teamId: string; volunteerId: string; role: 'leader' | 'member' }) =>
        api.post<TeamMemberView>(`/volunteer-teams/${teamId}/members`, input),
      onSuccess,
    }),
    setMemberRole: useMutation({
      mutationFn: ({ teamId, memberId, role }: { teamId: string; memberId: string; role: 'leader' | 'member' }) =>
        api.patch<TeamMemberView>(`/volunteer-teams/${teamId}/members/${memberId}`, { role }),
      onSuccess,
    }),
    removeMember: useMutation({
      mutationFn: ({ teamId, memberId }: { teamId: string; memberId: string }) =>
        api.del<{ ok: true }>(`/volunteer-teams/${teamId}/members/${memberId}`),
      onSuccess,
    }),
    register: useMutation({
      mutationFn: (input: RegisterVolunteer) => api.post<VolunteerView>('/volunteers', input),
      onSuccess,
    }),
    updateVolunteer: useMutation({
      mutationFn: ({ id, ...input }: { id: string } & UpdateVolunteer) =>
        api.patch<VolunteerView>(`/volunteers/${id}`, input),
      onSuccess,
    }),
    saveRules: useMutation({
      mutationFn: (input: VolunteerRulesInput) => api.put<VolunteerRulesViewResponse>('/volunteer-rules', input),
      onSuccess,
    }),
  };
}

// ── activities ──

export function useVolunteerActivities(query: Query) {
  return useQuery({
    queryKey: volunteerKeys.activities(query),
    queryFn: ({ signal }) => api.get<Page<VolunteerActivityView>>('/volunteer-activities', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useVolunteerActivity(id: string | undefined) {
  return useQuery({
    queryKey: volunteerKeys.activity(id ?? ''),
    queryFn: ({ signal }) => api.get<VolunteerActivityDetail>(`/volunteer-activities/${id}`, undefined, signal),
    enabled: !!id,
  });
}

/** The roster (organisers): sign-ups by role, the waitlist in queue order. */
export function useRoster(id: string, enabled: boolean) {
  return useQuery({
    queryKey: volunteerKeys.signups(id),
    queryFn: ({ signal }) =>
      api.get<{ items: VolunteerSignupView[] }>(`/volunteer-activities/${id}/signups`, undefined, signal),
    enabled,
    refetchInterval: 30_000,
  });
}

/** Presence as the organiser sees it (day cap and correction of each sign-up); the roster stands without it. */
export function usePresence(id: string, enabled: boolean) {
  return useQuery({
    queryKey: volunteerKeys.presence(id),
    queryFn: ({ signal }) =>
      api.get<{ items: PresenceSignupView[] }>(`/volunteer-activities/${id}/presence`, undefined, signal),
    enabled,
    retry: false,
    refetchInterval: 30_000,
  });
}

/** The door screen's QR code: fetched again `refreshMs` before it stops being accepted. */
export function useActivityCode(id: string, refetchMs: number | false) {
  return useQuery({
    queryKey: volunteerKeys.code(id),
    queryFn: ({ signal }) => api.get<ActivityCode>(`/volunteer-activities/${id}/code`, undefined, signal),
    refetchInterval: refetchMs,
    refetchIntervalInBackground: true,
    retry: false,
  });
}

export function useActivityWrites(id?: string) {
  const onSuccess = useRefreshVolunteers();
  return {
    create: useMutation({
      mutationFn: (input: CreateVolunteerActivity) => api.post<VolunteerActivityDetail>('/volunteer-activities', input),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: (input: UpdateVolunteerActivity) =>
        api.patch<VolunteerActivityDetail>(`/volunteer-activities/${id}`, input),
      onSuccess,
    }),
    cancel: useMutation({
      mutationFn: (reason: string) =>
        api.post<VolunteerActivityDetail>(`/volunteer-activities/${id}/cancel`, { reason }),
      onSuccess,
    }),
    outcome: useMutation({
      mutationFn: (residentsServed: number) =>
        api.patch<VolunteerActivityDetail>(`/volunteer-activities/${id}/outcome`, { residentsServed }),
      onSuccess,
    }),
    signUp: useMutation({
      mutationFn: (input: { roleId: string; volunteerId: string }) =>
        api.post<VolunteerSignupView>(`/volunteer-activities/${id}/signups`, input),
      onSuccess,
    }),
    cancelSignup: useMutation({
      mutationFn: ({ signupId, reason }: { signupId: string; reason?: string }) =>
        api.post<VolunteerSignupView>(`/volunteer-signups/${signupId}/cancel`, reason ? { reason } : {}),
      onSuccess,
    }),
    presence: useMutation({
      mutationFn: (input: { volunteerId: string; action: 'checkin' | 'checkout' }) =>
        api.post<{ created: boolean; signup: PresenceSignupView }>(`/volunteer-activities/${id}/presence`, input),
      onSuccess,
    }),
    correct: useMutation({
      mutationFn: ({
        signupId,
        ...input
      }: {
        signupId: string;
        checkedInAt: string;
        checkedOutAt: string;
        reason: string;
      }) => api.post<PresenceSignupView>(`/volunteer-signups/${signupId}/correct`, input),
      onSuccess,
    }),
  };
}
