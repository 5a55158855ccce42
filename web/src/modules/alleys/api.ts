import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '../../api/client';
import { uploadFile } from '../../api/upload';
import type {
  AlleyInspectionView,
  AlleyItemView,
  AlleyPhotoView,
  AlleyRegionCases,
  AlleyRegionDetail,
  AlleyRegionSummary,
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
};

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
      mutationFn: (v: { id: string; item: SixHave; evidenceNote: string | null; version: number }) =>
        api.patch<AlleyItemView>(`/alley-regions/${v.id}/items/${v.item}`, {
          evidenceNote: v.evidenceNote,
          version: v.version,
        }),
      onSuccess: refresh,
    }),
  };
}
