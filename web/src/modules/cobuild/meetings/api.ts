import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '../../../api/client';
import type { Page } from '../../../api/contracts';
import type {
  MeetingDetail,
  MeetingView,
  ProposeResult,
  SolvedSummary,
  TaskStatus,
  TaskView,
} from '../../../../../src/modules/cobuild/meetings/meetings.contracts';

export type {
  AgendaItemView,
  InvitationView,
  MeetingDetail,
  MeetingStatus,
  MeetingView,
  SolvedSummary,
  TaskStatus,
  TaskView,
} from '../../../../../src/modules/cobuild/meetings/meetings.contracts';

export const meetingKeys = {
  all: ['joint-meetings'] as const,
  list: (q: Query) => ['joint-meetings', 'list', q] as const,
  detail: (id: string) => ['joint-meetings', 'detail', id] as const,
  tasks: (q: Query) => ['joint-meetings', 'tasks', q] as const,
  solved: (q: Query) => ['joint-meetings', 'solved', q] as const,
};

export function useMeetings(query: Query) {
  return useQuery({
    queryKey: meetingKeys.list(query),
    queryFn: ({ signal }) => api.get<Page<MeetingView>>('/joint-meetings', query, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useMeeting(id: string | undefined) {
  return useQuery({
    queryKey: meetingKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<MeetingDetail>(`/joint-meetings/${id}`, undefined, signal),
    enabled: !!id,
    retry: false,
  });
}

export function useTasks(query: Query) {
  return useQuery({
    queryKey: meetingKeys.tasks(query),
    queryFn: ({ signal }) => api.get<Page<TaskView>>('/meeting-tasks', query, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useSolved(query: Query) {
  return useQuery({
    queryKey: meetingKeys.solved(query),
    queryFn: ({ signal }) => api.get<SolvedSummary>('/meeting-tasks/solved', query, signal),
    retry: false,
  });
}

export interface TaskUpdate {
  status?: TaskStatus;
  completionNote?: string | null;
  version: number;
}

function useMeetingPost<T>(url: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: object) => api.post<T>(url, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: meetingKeys.all }),
  });
}

/** Every write refreshes all meeting queries: lists, details, tasks and the solved figure move together. */
export function useMeetingWrites(meetingId?: string) {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: meetingKeys.all });
  const base = `/joint-meetings/${meetingId}`;
  return {
    propose: useMutation({
      mutationFn: (body: { year: number; quarter: number }) => api.post<ProposeResult>('/joint-meetings/propose', body),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: (body: { minutes?: string | null; version: number }) => api.patch<MeetingDetail>(base, body),
      onSuccess,
    }),
    schedule: useMeetingPost<MeetingDetail>(`${base}/schedule`),
    hold: useMeetingPost<MeetingDetail>(`${base}/hold`),
    cancel: useMeetingPost<MeetingDetail>(`${base}/cancel`),
    refreshAgenda: useMeetingPost<MeetingDetail>(`${base}/agenda/refresh`),
    addItem: useMeetingPost<MeetingDetail>(`${base}/agenda`),
    removeItem: useMutation({
      mutationFn: (itemId: string) => api.del<MeetingDetail>(`${base}/agenda/${itemId}`),
      onSuccess,
    }),
    progress: useMutation({
      mutationFn: ({ itemId, progressNote }: { itemId: string; progressNote: string | null }) =>
        api.put<MeetingDetail>(`${base}/agenda/${itemId}/progress`, { progressNote }),
      onSuccess,
    }),
    invite: useMeetingPost<MeetingDetail>(`${base}/invitations`),
    respond: useMutation({
      mutationFn: ({ unitId, ...body }: { unitId: string; response: 'accepted' | 'declined'; note: string | null }) =>
        api.put<MeetingDetail>(`${base}/invitations/${unitId}/response`, body),
      onSuccess,
    }),
    attendance: useMutation({
      mutationFn: ({ unitId, ...body }: { unitId: string; attended: boolean; attendees?: string[] }) =>
        api.put<MeetingDetail>(`${base}/invitations/${unitId}/attendance`, body),
      onSuccess,
    }),
    confirm: useMutation({
      mutationFn: (unitId: string) => api.post<MeetingDetail>(`${base}/invitations/${unitId}/confirm`),
      onSuccess,
    }),
    resolve: useMutation({
      mutationFn: (body: { ownerUnitId: string; deadline: string; content: string }) =>
        api.post<TaskView>(`${base}/resolutions`, body),
      onSuccess,
    }),
  };
}

export function useTaskUpdate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: TaskUpdate & { id: string }) => api.patch<TaskView>(`/meeting-tasks/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: meetingKeys.all }),
  });
}
