import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '../../../api/client';
import type { Page } from '../../../api/contracts';
import type {
  MatchView,
  NeedTaskView,
  RunMatching,
  RunView,
  TaskToProject,
} from '../../../../../src/modules/cobuild/needs/matching/matching.contracts';
import type {
  CreateNeed,
  CreateResource,
  NeedPoint,
  NeedView,
  ResourceView,
  UpdateNeed,
  UpdateResource,
} from '../../../../../src/modules/cobuild/needs/needs.contracts';

export type {
  MatchView,
  NeedTaskView,
  RunView,
} from '../../../../../src/modules/cobuild/needs/matching/matching.contracts';
export type {
  CreateNeed,
  CreateResource,
  MeasureUnit,
  NeedPoint,
  NeedView,
  ResourceKind,
  ResourceView,
} from '../../../../../src/modules/cobuild/needs/needs.contracts';

export {
  KIND_UNITS,
  MATCH_STATUSES,
  MEASURE_UNITS as UNITS,
  NEED_SOURCES,
  NEED_STATUSES,
  NEED_TASK_STATUSES as TASK_STATUSES,
  RESOURCE_KINDS as KINDS,
} from '../../../../../src/modules/cobuild/needs/needs.enums';

export const needKeys = {
  all: ['needs'] as const,
  needs: (q: Query) => ['needs', 'needs', q] as const,
  points: (q: Query) => ['needs', 'points', q] as const,
  resources: (q: Query) => ['needs', 'resources', q] as const,
  runs: ['needs', 'runs'] as const,
  matches: (q: Query) => ['needs', 'matches', q] as const,
  tasks: (q: Query) => ['needs', 'tasks', q] as const,
};

const list = <T>(key: readonly unknown[], path: string, query: Query, enabled = true) => ({
  queryKey: key,
  enabled,
  retry: false,
  placeholderData: keepPreviousData,
  queryFn: ({ signal }: { signal: AbortSignal }) => api.get<Page<T>>(path, query, signal),
});

export const useNeeds = (q: Query) => useQuery(list<NeedView>(needKeys.needs(q), '/needs', q));
export const useResources = (q: Query, enabled = true) =>
  useQuery(list<ResourceView>(needKeys.resources(q), '/resources', q, enabled));
export const useRuns = (enabled: boolean) =>
  useQuery(list<RunView>(needKeys.runs, '/matching-runs', { pageSize: 20 }, enabled));
export const useMatches = (q: Query, enabled = true) =>
  useQuery(list<MatchView>(needKeys.matches(q), '/need-matches', q, enabled));
export const useNeedTasks = (q: Query) => useQuery(list<NeedTaskView>(needKeys.tasks(q), '/need-tasks', q));

export function useNeedPoints(q: Query) {
  const { page: _p, pageSize: _s, ...filters } = q;
  return useQuery({
    queryKey: needKeys.points(filters),
    retry: false,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get<{ items: NeedPoint[]; truncated: boolean }>('/needs/map', filters, signal),
  });
}

/** Every write refreshes the three lists: a need, a resource and a match all change each other's figures. */
export function useNeedWrites() {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: needKeys.all });
  return {
    createNeed: useMutation({ mutationFn: (b: CreateNeed) => api.post<NeedView>('/needs', b), onSuccess }),
    updateNeed: useMutation({
      mutationFn: ({ id, ...b }: UpdateNeed & { id: string }) => api.patch<NeedView>(`/needs/${id}`, b),
      onSuccess,
    }),
    deleteNeed: useMutation({ mutationFn: (id: string) => api.del(`/needs/${id}`), onSuccess }),
    createResource: useMutation({
      mutationFn: (b: CreateResource) => api.post<ResourceView>('/resources', b),
      onSuccess,
    }),
    updateResource: useMutation({
      mutationFn: ({ id, ...b }: UpdateResource & { id: string }) => api.patch<ResourceView>(`/resources/${id}`, b),
      onSuccess,
    }),
    deleteResource: useMutation({ mutationFn: (id: string) => api.del(`/resources/${id}`), onSuccess }),
    run: useMutation({ mutationFn: (b: Partial<RunMatching>) => api.post<RunView>('/matching-runs', b), onSuccess }),
    accept: useMutation({
      mutationFn: ({ id, amount }: { id: string; amount?: number }) =>
        api.post<MatchView>(`/need-matches/${id}/accept`, amount ? { amount } : {}),
      onSuccess,
    }),
    reject: useMutation({
      mutationFn: (id: string) => api.post<MatchView>(`/need-matches/${id}/reject`, {}),
      onSuccess,
    }),
    updateTask: useMutation({
      mutationFn: ({ id, ...b }: { id: string; status: string; version: number }) =>
        api.patch<NeedTaskView>(`/need-tasks/${id}`, b),
      onSuccess,
    }),
    toProject: useMutation({
      mutationFn: ({ id, ...b }: TaskToProject & { id: string }) =>
        api.post<{ projectId: string }>(`/need-tasks/${id}/project`, b),
      onSuccess,
    }),
  };
}
