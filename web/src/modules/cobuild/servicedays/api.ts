import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request, type Query } from '../../../api/client';
import type { Page } from '../../../api/contracts';
import { useI18n } from '../../../i18n';
import type {
  Candidate,
  CheckinPage,
  CheckinView,
  DaySummary,
  MyServiceDay,
  MyServiceDays,
  ServiceDayDetail,
  ServiceDayStatus,
  ServiceDayView,
  ServiceKindView,
  SignupView,
  StaffCheckinResult,
  UnitSummary,
} from '../../../../../src/modules/cobuild/servicedays/servicedays.contracts';

export { SERVICE_DAY_STATUSES } from '../../../../../src/modules/cobuild/servicedays/servicedays.enums';
export type {
  Candidate,
  CheckinPage,
  CheckinView,
  DaySummary,
  MyServiceDay,
  ServiceDayDetail,
  ServiceDayStatus,
  ServiceDayView,
  ServiceKindView,
  SignupView,
  UnitSummary,
};

export const dayKeys = {
  all: ['servicedays'] as const,
  list: (q: Query) => ['servicedays', 'list', q] as const,
  detail: (id: string) => ['servicedays', 'detail', id] as const,
  part: (id: string, part: string, q?: Query) => ['servicedays', 'detail', id, part, q ?? {}] as const,
  mine: ['servicedays', 'mine'] as const,
};

export function useServiceKinds() {
  return useQuery({
    queryKey: ['servicedays', 'kinds'],
    queryFn: ({ signal }) => api.get<{ items: ServiceKindView[] }>('/service-kinds', undefined, signal),
    staleTime: 5 * 60_000,
  });
}

/** code → name in the current language. */
export function useKindName(): (code: string) => string {
  const kinds = useServiceKinds();
  const { language } = useI18n();
  const en = language === 'en';
  return (code) => {
    const k = kinds.data?.items.find((x) => x.code === code);
    return k ? (en ? k.nameEn : k.name) : code;
  };
}

export function useServiceDays(query: Query) {
  return useQuery({
    queryKey: dayKeys.list(query),
    queryFn: ({ signal }) => api.get<Page<ServiceDayView>>('/service-days', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useUnitSummaries(query: Query) {
  return useQuery({
    queryKey: ['servicedays', 'units', query],
    queryFn: ({ signal }) => api.get<Page<UnitSummary>>('/service-days/units', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useServiceDay(id: string | undefined) {
  return useQuery({
    queryKey: dayKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<ServiceDayDetail>(`/service-days/${id}`, undefined, signal),
    enabled: !!id,
  });
}

export function useDayPart<T>(id: string, part: 'signups' | 'checkins' | 'summary', query?: Query) {
  return useQuery({
    queryKey: dayKeys.part(id, part, query),
    queryFn: ({ signal }) => api.get<T>(`/service-days/${id}/${part}`, query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCandidates(id: string, q: string, enabled: boolean) {
  return useQuery({
    queryKey: dayKeys.part(id, 'candidates', { q }),
    queryFn: ({ signal }) => api.get<{ items: Candidate[] }>(`/service-days/${id}/checkin-candidates`, { q }, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export interface DayInput {
  communityId?: string;
  date: string;
  startTime: string;
  endTime: string;
  place: string;
  theme: string;
  kindCodes: string[];
}

export interface SignupInput {
  unitId?: string;
  items: { kindCode: string; description: string }[];
  headcount: number;
  note?: string | null;
}

/** A mutation that refreshes every service-day query when it succeeds. */
function useWrite<A, R>(fn: (a: A) => Promise<R>, invalidate: () => Promise<void>) {
  return useMutation({ mutationFn: fn, onSuccess: invalidate });
}

export function useDayWrites(id?: string) {
  const qc = useQueryClient();
  const invalidate = () => qc.invalidateQueries({ queryKey: dayKeys.all });
  const m = <A, R>(fn: (a: A) => Promise<R>) => useWrite(fn, invalidate);
  return {
    create: m((input: DayInput) => api.post<ServiceDayDetail>('/service-days', input)),
    update: m((input: Partial<DayInput> & { version: number }) =>
      api.patch<ServiceDayDetail>(`/service-days/${id}`, input),
    ),
    cancel: m((input: { reason: string; version: number }) =>
      api.post<ServiceDayDetail>(`/service-days/${id}/cancel`, input),
    ),
    outcome: m((input: { peopleServed: number; summary: string | null; version: number }) =>
      api.put<ServiceDayDetail>(`/service-days/${id}/outcome`, input),
    ),
    rotate: m((input: { version: number }) => api.post<ServiceDayDetail>(`/service-days/${id}/rotate-token`, input)),
    signup: m((input: SignupInput) => api.post<SignupView>(`/service-days/${id}/signups`, input)),
    updateSignup: m(({ signupId, ...input }: Partial<SignupInput> & { signupId: string; version: number }) =>
      api.patch<SignupView>(`/service-days/${id}/signups/${signupId}`, input),
    ),
    withdraw: m(({ signupId, version }: { signupId: string; version: number }) =>
      request<{ ok: true }>('DELETE', `/service-days/${id}/signups/${signupId}`, { body: { version } }),
    ),
    checkin: m((memberIds: string[]) => api.post<StaffCheckinResult>(`/service-days/${id}/checkins`, { memberIds })),
    removeCheckin: m((checkinId: string) => api.del<{ ok: true }>(`/service-days/${id}/checkins/${checkinId}`)),
    removePhoto: m((photoId: string) => api.del<{ ok: true }>(`/service-days/${id}/photos/${photoId}`)),
    invalidate,
  };
}

export function useCheckinPage(token: string) {
  return useQuery({
    queryKey: ['servicedays', 'checkin', token],
    queryFn: ({ signal }) => api.get<CheckinPage>(`/service-days/checkin/${token}`, undefined, signal),
    retry: false,
  });
}

export function useSelfCheckin(token: string) {
  const qc = useQueryClient();
  // The answer itself is what the page shows next; refetching would turn "checked in" into "already checked in".
  // The member's own lists change (the day, the year's hours), so those are refreshed.
  return useMutation({
    mutationFn: () => api.post<CheckinView>(`/service-days/checkin/${token}`),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: dayKeys.mine }),
        qc.invalidateQueries({ queryKey: ['member-home'] }),
      ]),
  });
}

/** A Party member's own days: where they live and their unit's, and those they checked in at. */
export function useMyServiceDays() {
  return useQuery({
    queryKey: dayKeys.mine,
    queryFn: ({ signal }) => api.get<MyServiceDays>('/service-days/mine', undefined, signal),
  });
}

export const STATUS_COLOURS: Record<ServiceDayStatus, string> = {
  scheduled: 'blue',
  held: 'green',
  cancelled: 'default',
};
export const statusKey = (s: ServiceDayStatus) =>
  s === 'scheduled'
    ? 'servicedays.statusScheduled'
    : s === 'held'
      ? 'servicedays.statusHeld'
      : 'servicedays.statusCancelled';
