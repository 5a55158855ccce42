import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl, type Query } from '../../../api/client';
import type { Page } from '../../../api/contracts';
import type {
  ApplyReport,
  ApproveResult,
  CertificateView,
  MyReports,
  ReportView,
  ScanView,
  UnreportedView,
} from '../../../../../src/modules/members/reports/reports.contracts';

export { DEFAULT_POST_TYPE_KEYS as SKILLS } from '../../../../../src/modules/members/posts/posts.enums';
export { MEMBER_REPORT_STATES } from '../../../../../src/modules/members/reports/reports.enums';
export type { ApplyReport, CertificateView, MyReports, ReportView, ScanView, UnreportedView };

/** 双报到 and the 报到证: the staff page's, the member's and the scan page's requests. */
export const reportKeys = {
  all: ['member-reports'] as const,
  list: (q: Query) => ['member-reports', 'list', q] as const,
  unreported: (q: Query) => ['member-reports', 'unreported', q] as const,
  mine: ['member-reports', 'mine'] as const,
  scan: (token: string) => ['member-certificates', 'scan', token] as const,
};

export function useReports(query: Query) {
  return useQuery({
    queryKey: reportKeys.list(query),
    queryFn: ({ signal }) => api.get<Page<ReportView>>('/member-reports', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useUnreported(query: Query, enabled = true) {
  return useQuery({
    queryKey: reportKeys.unreported(query),
    queryFn: ({ signal }) => api.get<Page<UnreportedView>>('/member-reports/unreported', query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const unreportedExportUrl = (query: Query) => apiUrl('/member-reports/unreported/export.xlsx', query);

export function useMyReports() {
  return useQuery({
    queryKey: reportKeys.mine,
    queryFn: ({ signal }) => api.get<MyReports>('/member-reports/mine', undefined, signal),
  });
}

export function useScan(token: string) {
  return useQuery({
    queryKey: reportKeys.scan(token),
    queryFn: ({ signal }) => api.get<ScanView>('/member-certificates/scan', { token }, signal),
    retry: false,
  });
}

export const cardUrl = (certificateId: string, ext: 'pdf' | 'png') =>
  apiUrl(`/member-certificates/${certificateId}/card.${ext}`);

/** Every write refreshes the lists and the member's page (an approval changes both). */
function useReportWrite<V, R>(write: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => void qc.invalidateQueries({ queryKey: reportKeys.all }),
  });
}

export const useApply = () => useReportWrite((body: ApplyReport) => api.post<ReportView>('/member-reports', body));
export const useWithdraw = () => useReportWrite((id: string) => api.post<ReportView>(`/member-reports/${id}/withdraw`));
export const useApprove = () =>
  useReportWrite((id: string) => api.post<ApproveResult>(`/member-reports/${id}/approve`));
export const useDecline = () =>
  useReportWrite((v: { id: string; reason: string }) =>
    api.post<ReportView>(`/member-reports/${v.id}/decline`, { reason: v.reason }),
  );
export const useRevoke = () =>
  useReportWrite((v: { id: string; reason: string }) =>
    api.post<CertificateView>(`/member-certificates/${v.id}/revoke`, { reason: v.reason }),
  );

/** The grids a member may name inside their community (buildings and alleys first, then the larger ones). */
export function useCommunityGrids(communityId: string | null) {
  return useQuery({
    queryKey: ['grids', 'of-community', communityId],
    queryFn: ({ signal }) =>
      api.get<Page<{ id: string; name: string; level: number }>>(
        '/grids',
        { communityId, pageSize: 200, sort: 'name' },
        signal,
      ),
    enabled: !!communityId,
  });
}
