import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '../../../api/client';
import type { Page } from '../../../api/contracts';
import type {
  CreateProject,
  MilestoneInput,
  PairedUnit,
  PlanView,
  ProjectDetail,
  ProjectSummary,
  ProjectView,
  UpdateMilestone,
  UpdateProject,
} from '../../../../../src/modules/cobuild/projects/projects.contracts';

export type {
  CreateProject,
  EvidenceView,
  MilestoneView,
  PairedUnit,
  PlanView,
  ProjectDetail,
  ProjectDomain,
  ProjectSummary,
  ProjectView,
} from '../../../../../src/modules/cobuild/projects/projects.contracts';
export type ProjectStatus = ProjectView['status'];
export type PlanStatus = PlanView['status'];

export {
  PROJECT_DOMAINS as DOMAINS,
  PROJECT_STATUSES as STATUSES,
} from '../../../../../src/modules/cobuild/projects/projects.enums';

export const projectKeys = {
  all: ['projects'] as const,
  list: (q: Query) => ['projects', 'list', q] as const,
  summary: (q: Query) => ['projects', 'summary', q] as const,
  detail: (id: string) => ['projects', 'detail', id] as const,
  plans: (q: Query) => ['projects', 'plans', q] as const,
  units: (communityId: string, year: number) => ['projects', 'units', communityId, year] as const,
};

export function useProjects(query: Query) {
  return useQuery({
    queryKey: projectKeys.list(query),
    queryFn: ({ signal }) => api.get<Page<ProjectView>>('/projects', query, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useProjectSummary(query: Query) {
  return useQuery({
    queryKey: projectKeys.summary(query),
    queryFn: ({ signal }) => api.get<ProjectSummary>('/projects/summary', query, signal),
    retry: false,
  });
}

export function useProject(id: string | undefined) {
  return useQuery({
    queryKey: projectKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<ProjectDetail>(`/projects/${id}`, undefined, signal),
    enabled: !!id,
    retry: false,
  });
}

export function usePlans(query: Query) {
  return useQuery({
    queryKey: projectKeys.plans(query),
    queryFn: ({ signal }) => api.get<Page<PlanView>>('/project-plans', query, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function usePairedUnits(communityId: string | undefined, year: number) {
  return useQuery({
    queryKey: projectKeys.units(communityId ?? '', year),
    queryFn: ({ signal }) => api.get<PairedUnit[]>('/project-plans/units', { communityId, year }, signal),
    enabled: !!communityId,
    retry: false,
  });
}

/** Every write invalidates the whole projects cache: a change moves parents, plans and summaries too. */
export function useProjectWrites() {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: projectKeys.all });
  const useWrite = <V, R>(fn: (v: V) => Promise<R>) => useMutation({ mutationFn: fn, onSuccess });
  return {
    create: useWrite((input: CreateProject) => api.post<ProjectDetail>('/projects', input)),
    update: useWrite(({ id, ...body }: UpdateProject & { id: string }) =>
      api.patch<ProjectDetail>(`/projects/${id}`, body),
    ),
    cancel: useWrite(({ id, ...body }: { id: string; version: number; reason: string }) =>
      api.post<ProjectDetail>(`/projects/${id}/cancel`, body),
    ),
    remove: useWrite((id: string) => api.del<{ ok: true }>(`/projects/${id}`)),
    addMilestone: useWrite(({ id, ...body }: MilestoneInput & { id: string }) =>
      api.post<ProjectDetail>(`/projects/${id}/milestones`, body),
    ),
    updateMilestone: useWrite(({ id, milestoneId, ...body }: UpdateMilestone & { id: string; milestoneId: string }) =>
      api.patch<ProjectDetail>(`/projects/${id}/milestones/${milestoneId}`, body),
    ),
    deleteMilestone: useWrite(({ id, milestoneId }: { id: string; milestoneId: string }) =>
      api.del<ProjectDetail>(`/projects/${id}/milestones/${milestoneId}`),
    ),
    deleteEvidence: useWrite((evidenceId: string) => api.del<{ ok: true }>(`/projects/evidence/${evidenceId}`)),
    createPlan: useWrite((body: { communityId: string; year: number }) => api.post<PlanView>('/project-plans', body)),
    planAction: useWrite(
      ({
        id,
        action,
        ...body
      }: {
        id: string;
        action: 'submit' | 'approve' | 'return';
        version: number;
        reason?: string;
      }) => api.post<PlanView>(`/project-plans/${id}/${action}`, body),
    ),
    invalidate: onSuccess,
  };
}
