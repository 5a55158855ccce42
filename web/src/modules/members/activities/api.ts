import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '../../../api/client';
import type { Page } from '../../../api/contracts';
import type {
  CheckinOpen,
  FormOptions,
  MyPostActivity,
  PostActivityDetail,
  PostActivityView,
  PostSignupStateValue,
  PostSignupView,
} from '../../../../../src/modules/members/activities/activities.contracts';

export {
  CHECKIN_OPENS_MINUTES_BEFORE,
  POST_SIGNUP_STATES,
} from '../../../../../src/modules/members/activities/activities.enums';
export { POST_ACTIVITY_STATES } from '../../../../../src/modules/members/posts/posts.enums';
export type { CheckinOpen, FormOptions, MyPostActivity, PostActivityDetail, PostActivityView, PostSignupView };
export type PostSignupState = PostSignupStateValue;

/** 岗位活动: the staff pages' and the phone pages' requests. */
export const activityKeys = {
  all: ['post-activities'] as const,
  list: (q: Query) => ['post-activities', 'list', q] as const,
  detail: (id: string) => ['post-activities', 'detail', id] as const,
  signups: (id: string) => ['post-activities', 'detail', id, 'signups'] as const,
  mine: ['post-activities', 'mine'] as const,
  open: (token: string | undefined) => ['post-activities', 'open', token ?? ''] as const,
};

export function useActivities(query: Query) {
  return useQuery({
    queryKey: activityKeys.list(query),
    queryFn: ({ signal }) => api.get<Page<PostActivityView>>('/post-activities', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useActivity(id: string | undefined) {
  return useQuery({
    queryKey: activityKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<PostActivityDetail>(`/post-activities/${id}`, undefined, signal),
    enabled: !!id,
  });
}

export function useSignups(id: string, refetchMs?: number) {
  return useQuery({
    queryKey: activityKeys.signups(id),
    queryFn: ({ signal }) => api.get<{ items: PostSignupView[] }>(`/post-activities/${id}/signups`, undefined, signal),
    refetchInterval: refetchMs,
  });
}

export function useFormOptions(communityId: string | undefined) {
  return useQuery({
    queryKey: ['post-activities', 'form-options', communityId ?? ''],
    queryFn: ({ signal }) => api.get<FormOptions>('/post-activities/form-options', { communityId }, signal),
    enabled: !!communityId,
    staleTime: 5 * 60_000,
  });
}

export function useMyActivities() {
  return useQuery({
    queryKey: activityKeys.mine,
    queryFn: ({ signal }) => api.get<{ items: MyPostActivity[] }>('/post-activities/mine', undefined, signal),
  });
}

export function useOpenForCheckin(token?: string) {
  return useQuery({
    queryKey: activityKeys.open(token),
    queryFn: ({ signal }) => api.get<CheckinOpen>('/post-activities/checkin-open', { token }, signal),
    retry: false,
  });
}

export interface ActivityInput {
  communityId?: string;
  postTypeId: string;
  openingId: string | null;
  gridId: string | null;
  title: string;
  place: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
}

/** Every write, each refreshing every post-activity query when it succeeds. */
export function useActivityWrites(id?: string) {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: activityKeys.all });
  return {
    create: useMutation({
      mutationFn: (input: ActivityInput) => api.post<PostActivityDetail>('/post-activities', input),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: (input: Partial<ActivityInput> & { version: number }) =>
        api.patch<PostActivityDetail>(`/post-activities/${id}`, input),
      onSuccess,
    }),
    cancel: useMutation({
      mutationFn: (input: { reason: string; version: number }) =>
        api.post<PostActivityDetail>(`/post-activities/${id}/cancel`, input),
      onSuccess,
    }),
    addSignup: useMutation({
      mutationFn: (memberId: string) => api.post<PostSignupView>(`/post-activities/${id}/signups`, { memberId }),
      onSuccess,
    }),
    removeSignup: useMutation({
      mutationFn: (signupId: string) => api.del<{ ok: true }>(`/post-activities/${id}/signups/${signupId}`),
      onSuccess,
    }),
    ...useCheckinWrites(),
  };
}

/** Check-in and check-out at any activity (the phone's scanner names the activity with each call). */
export function useCheckinWrites() {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: activityKeys.all });
  return {
    checkin: useMutation({
      mutationFn: ({ activityId, ...body }: { activityId: string } & ({ token: string } | { memberId: string })) =>
        api.post<PostSignupView>(`/post-activities/${activityId}/checkins`, body),
      onSuccess,
    }),
    checkout: useMutation({
      mutationFn: ({ activityId, memberId }: { activityId: string; memberId: string }) =>
        api.post<PostSignupView>(`/post-activities/${activityId}/checkouts`, { memberId }),
      onSuccess,
    }),
  };
}

/** A member's own sign-up and withdrawal. */
export function useSelfSignup() {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: activityKeys.mine });
  return {
    signup: useMutation({
      mutationFn: (id: string) => api.post<PostSignupView>(`/post-activities/${id}/signup`),
      onSuccess,
    }),
    withdraw: useMutation({
      mutationFn: (id: string) => api.del<{ ok: true }>(`/post-activities/${id}/signup`),
      onSuccess,
    }),
  };
}

export const SIGNUP_COLOURS: Record<PostSignupState, string> = {
  signed_up: 'blue',
  checked_in: 'gold',
  checked_out: 'green',
  no_show: 'red',
};

/** "09:00–11:00" of an activity on the county's clock. */
export function timeRange(a: { startsAt: string; endsAt: string }): string {
  const clock = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(11, 16);
  return `${clock(a.startsAt)}–${clock(a.endsAt)}`;
}

/** "MM-DD HH:mm" of an instant on the county's clock, whatever the device's zone. */
export function countyShort(iso: string | null): string {
  if (!iso) return '—';
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(5, 16).replace('T', ' ');
}

/** The county day (YYYY-MM-DD) of an instant. */
export function countyDay(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
}
