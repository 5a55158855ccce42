import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '../../api/client';
import type {
  CaseCategory,
  CaseDetail,
  CaseDispatch,
  CaseStats,
  CaseSummary,
  ClassifyResponse,
  CreateCase,
  DispatchInboxRow,
  DispatchStep,
  OrganisationView,
  Page,
  ReassignRequest,
  SimilarCase,
  StatsGroupBy,
  TransitionRequest,
} from '../../api/contracts';
import { useI18n } from '../../i18n';

export const caseKeys = {
  all: ['cases'] as const,
  list: (q: Query) => ['cases', 'list', q] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  categories: (lang: string) => ['cases', 'categories', lang] as const,
  classify: (text: string, lang: string) => ['cases', 'classify', lang, text] as const,
  similar: (q: Query) => ['cases', 'similar', q] as const,
  stats: (q: Query) => ['cases', 'stats', q] as const,
  dispatches: (q: Query) => ['cases', 'dispatches', q] as const,
  units: (q: string) => ['cases', 'units', q] as const,
  pairedUnits: (caseId: string) => ['cases', 'paired-units', caseId] as const,
};

export function useCaseList(query: Query, enabled = true) {
  return useQuery({
    queryKey: caseKeys.list(query),
    queryFn: ({ signal }) => api.get<Page<CaseSummary>>('/cases', query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCase(id: string | null | undefined) {
  return useQuery({
    queryKey: caseKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<CaseDetail>(`/cases/${id}`, undefined, signal),
    enabled: !!id,
  });
}

/** The two-level category tree (names in both languages come with it). */
export function useCategories(enabled = true) {
  return useQuery({
    queryKey: ['cases', 'categories'],
    queryFn: ({ signal }) => api.get<CaseCategory[]>('/case-categories', undefined, signal),
    staleTime: 10 * 60_000,
    enabled,
  });
}

export function categoryName(c: Pick<CaseCategory, 'name' | 'nameEn'>, language: string): string {
  return language === 'en' ? c.nameEn : c.name;
}

/** Categories as a TreeSelect tree: top levels are groups, only sub-categories can be chosen when `leavesOnly`. */
export function useCategoryTree(leavesOnly: boolean, enabled = true) {
  const { language } = useI18n();
  const q = useCategories(enabled);
  const rows = q.data ?? [];
  const tree = rows
    .filter((c) => !c.parentCode)
    .map((top) => ({
      value: top.code,
      title: categoryName(top, language),
      selectable: !leavesOnly,
      children: rows
        .filter((c) => c.parentCode === top.code)
        .map((c) => ({ value: c.code, title: categoryName(c, language) })),
    }));
  return { ...q, tree };
}

/** The suggested category for a description, debounced by the caller (the text is the key). */
export function useClassify(text: string, enabled = true) {
  const { language } = useI18n();
  const trimmed = text.trim();
  return useQuery({
    // The category names come back in the request's language.
    queryKey: caseKeys.classify(trimmed, language),
    queryFn: () => api.post<ClassifyResponse>('/cases/classify', { text: trimmed }),
    enabled: enabled && trimmed.length >= 4,
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
}

export function useSimilar(point: { lng: number; lat: number } | null, category: string | undefined) {
  const q: Query = point ? { lng: point.lng.toFixed(6), lat: point.lat.toFixed(6), category } : {};
  return useQuery({
    queryKey: caseKeys.similar(q),
    queryFn: ({ signal }) => api.get<{ items: SimilarCase[] }>('/cases/similar', q, signal),
    select: (d) => d.items,
    enabled: !!point && !!category,
    retry: false,
  });
}

/** The 201 carries the new case's summary; its page loads the detail. */
export function createCase(input: CreateCase, idempotencyKey?: string): Promise<CaseSummary> {
  return api.post<CaseSummary>(
    '/cases',
    input,
    undefined,
    idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : undefined,
  );
}

export function transitionCase(id: string, input: TransitionRequest): Promise<CaseDetail> {
  return api.post<CaseDetail>(`/cases/${id}/transitions`, input);
}

export function reassignCase(id: string, input: ReassignRequest): Promise<CaseDetail> {
  return api.post<CaseDetail>(`/cases/${id}/reassign`, input);
}

/** After a write on a case: the server's answer becomes the cached detail; lists and counts refetch. */
export function useCaseWrites() {
  const qc = useQueryClient();
  return {
    settle: async (detail?: CaseDetail) => {
      if (detail) qc.setQueryData(caseKeys.detail(detail.id), detail);
      await qc.invalidateQueries({
        queryKey: caseKeys.all,
        predicate: (q) => !detail || q.queryKey[1] !== 'detail' || q.queryKey[2] !== detail.id,
      });
    },
    create: useMutation({
      mutationFn: ({ input, key }: { input: CreateCase; key?: string }) => createCase(input, key),
    }),
  };
}

/** Units (organisations of kind unit), searched on the server by name. */
export function useUnitSearch(q: string, enabled = true) {
  return useQuery({
    queryKey: caseKeys.units(q),
    queryFn: ({ signal }) =>
      api.get<Page<OrganisationView>>(
        '/organisations',
        { kind: 'unit', q: q || undefined, pageSize: 200, sort: 'code' },
        signal,
      ),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useStats(query: { from?: string; to?: string; groupBy: StatsGroupBy }, enabled = true) {
  const q: Query = { ...query };
  return useQuery({
    queryKey: caseKeys.stats(q),
    queryFn: ({ signal }) => api.get<CaseStats>('/cases/stats', q, signal),
    enabled,
    retry: false,
  });
}

export function useDispatchInbox(query: Query) {
  return useQuery({
    queryKey: caseKeys.dispatches(query),
    queryFn: ({ signal }) => api.get<Page<DispatchInboxRow>>('/case-dispatches', query, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** Steps that let go of the case: the text is the unit's reason. */
export const RELEASING_STEPS: readonly DispatchStep[] = ['return', 'decline'];

/**
 * A unit's step (报到 / 到场 / 办结 / 退回 / 拒绝) on its own dispatch row. The server moves the case along with its
 * units (first report acknowledges it, first arrival starts it, the last unit finishing resolves it, the last to let
 * go sends it back to the community).
 */
export async function dispatchStep(row: DispatchInboxRow, step: DispatchStep, text?: string): Promise<unknown> {
  return api.post(`/case-dispatches/${row.id}/${step}`, {
    version: row.version,
    ...(RELEASING_STEPS.includes(step) ? { reason: text } : text ? { note: text } : {}),
  });
}

/** The units paired (结对) with the case's community this year: listed first when whistling (staff only). */
export function usePairedUnits(caseId: string, enabled = true) {
  return useQuery({
    queryKey: caseKeys.pairedUnits(caseId),
    queryFn: ({ signal }) =>
      api.get<{ items: { id: string; name: string }[] }>(`/cases/${caseId}/paired-units`, undefined, signal),
    select: (d) => d.items,
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** 代报到: the community records a unit's 报到 on its behalf, with the reason. */
export function proxyAcknowledge(d: Pick<CaseDispatch, 'id' | 'version'>, reason: string): Promise<unknown> {
  return api.post(`/case-dispatches/${d.id}/proxy-acknowledge`, { version: d.version, reason });
}
