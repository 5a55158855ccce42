import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '../../api/client';
import { uploadFile } from '../../api/upload';
import type {
  AlleyDocumentView,
  AlleyInspectionView,
  AlleyItemView,
  AlleyPhotoView,
  AlleyRegionCases,
  AlleyRegionDetail,
  AlleyRegionSummary,
  AlleyTaskView,
  DocumentItem,
  Page,
  SixHave,
} from '../../api/contracts';
import type { inspectionBody } from './logic';

export const alleyKeys = {
  all: ['alleys'] as const,
  list: (q: Query) => ['alleys', 'list', q] as const,
  detail: (id: string) => ['alleys', 'detail', id] as const,
  cases: (id: string) => ['alleys', 'cases', id] as const,
  inspections: (q: Query) => ['alleys', 'inspections', q] as const,
  tasks: (q: Query) => ['alleys', 'tasks', q] as const,
  teams: (id: string) => ['alleys', 'teams', id] as const,
};

/** 整改任务 of the regions the user sees (filters: regionId, state, overdue, communityId). */
export function useTasks(query: Query, enabled = true) {
  return useQuery({
    queryKey: alleyKeys.tasks(query),
    queryFn: ({ signal }) => api.get<Page<AlleyTaskView>>('/alley-tasks', query, signal),
    placeholderData: keepPreviousData,
    enabled,
    retry: false,
  });
}

/** The volunteer teams the region's volunteerTeam item may link to (asked only while editing it). */
export function useTeamOptions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: alleyKeys.teams(id),
    queryFn: ({ signal }) =>
      api.get<{ id: string; name: string }[]>(`/alley-regions/${id}/volunteer-teams`, undefined, signal),
    enabled,
    retry: false,
  });
}

/** The fields of an item PATCH: a note and the item's link; left out, unchanged. */
export interface ItemChanges {
  evidenceNote?: string | null;
  companyName?: string | null;
  companyPhone?: string | null;
  contractUntil?: string | null;
  volunteerTeamId?: string | null;
}

export function useRegions(query: Query) {
  return useQuery({
    queryKey: alleyKeys.list(query),
    queryFn: ({ signal }) => api.get<Page<AlleyRegionSummary>>('/alley-regions', query, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useRegion(id: string | undefined) {
  return useQuery({
    queryKey: alleyKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<AlleyRegionDetail>(`/alley-regions/${id}`, undefined, signal),
    enabled: Boolean(id),
    retry: false,
  });
}

/** The region's cases: open and solved counts, median hours to resolve, the latest ten. */
export function useRegionCases(id: string | undefined) {
  return useQuery({
    queryKey: alleyKeys.cases(id ?? ''),
    queryFn: ({ signal }) => api.get<AlleyRegionCases>(`/alley-regions/${id}/cases`, undefined, signal),
    enabled: Boolean(id),
    retry: false,
  });
}

export function useInspections(query: Query) {
  return useQuery({
    queryKey: alleyKeys.inspections(query),
    queryFn: ({ signal }) => api.get<Page<AlleyInspectionView>>('/alley-inspections', query, signal),
    retry: false,
  });
}

type InspectionBody = NonNullable<ReturnType<typeof inspectionBody>>;

export function useAlleyWrites() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: alleyKeys.all });
  return {
    inspect: useMutation({
      mutationFn: (v: { id: string; body: InspectionBody }) =>
        api.post<AlleyInspectionView>(`/alley-regions/${v.id}/inspections`, v.body),
      onSuccess: refresh,
    }),
    addPhoto: useMutation({
      mutationFn: (v: { id: string; item: SixHave; file: File }) =>
        uploadFile<AlleyPhotoView>(`/alley-regions/${v.id}/items/${v.item}/photos`, v.file, undefined, () => undefined)
          .promise,
      onSuccess: refresh,
    }),
    updateItem: useMutation({
      mutationFn: ({ id, item, ...body }: { id: string; item: SixHave; version: number } & ItemChanges) =>
        api.patch<AlleyItemView>(`/alley-regions/${id}/items/${item}`, body),
      onSuccess: refresh,
    }),
    addDocument: useMutation({
      mutationFn: (v: { id: string; item: DocumentItem; file: File }) =>
        uploadFile<AlleyDocumentView>(
          `/alley-regions/${v.id}/items/${v.item}/documents`,
          v.file,
          undefined,
          () => undefined,
        ).promise,
      onSuccess: refresh,
    }),
    removeDocument: useMutation({
      mutationFn: (docId: string) => api.del<void>(`/alley-regions/documents/${docId}`),
      onSuccess: refresh,
    }),
    closeTask: useMutation({
      mutationFn: (v: { id: string; note: string }) =>
        api.post<AlleyTaskView>(`/alley-tasks/${v.id}/done`, { note: v.note }),
      onSuccess: refresh,
    }),
    cancelTask: useMutation({
      mutationFn: (v: { id: string; reason: string }) =>
        api.post<AlleyTaskView>(`/alley-tasks/${v.id}/cancel`, { reason: v.reason }),
      onSuccess: refresh,
    }),
  };
}
