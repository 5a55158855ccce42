import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '../../../api/client';
import type { Page } from '../../../api/contracts';
import type {
  CorrectServiceRecord,
  ServiceRecordView,
  ServiceSummary,
  VoidServiceRecord,
} from '../../../../../src/modules/ledger/ledger.contracts';
import type { AtRiskList, RemindBody, RemindResult } from '../../../../../src/modules/members/pace/pace.contracts';

export { SERVICE_RECORD_KINDS } from '../../../../../src/modules/ledger/ledger.enums';
export type { AtRiskList, ServiceRecordView, ServiceSummary };

/**
 * The service ledger (服务台账) and the 20-hour pace (20小时进度/预警): the staff pages' requests, and the hooks a
 * member's own pages use (their records and their year: `useServiceRecords({})`, `useServiceSummary()`).
 */
export const ledgerKeys = {
  all: ['service-records'] as const,
  list: (q: Query) => ['service-records', 'list', q] as const,
  summary: (q: Query) => ['service-records', 'summary', q] as const,
  pace: (q: Query) => ['member-service', 'at-risk', q] as const,
};

/** Export paths (ExportButton): the ledger with the list's filters; the pace list with its own. */
export const LEDGER_EXPORT_PATH = '/service-records/export.xlsx';
export const PACE_EXPORT_PATH = '/member-service/at-risk/export.xlsx';

export function useServiceRecords(query: Query) {
  return useQuery({
    queryKey: ledgerKeys.list(query),
    queryFn: ({ signal }) => api.get<Page<ServiceRecordView>>('/service-records', query, signal),
    placeholderData: keepPreviousData,
  });
}

/** One member's year (without memberId: the caller's own). */
export function useServiceSummary(q: { memberId?: string; year?: number } = {}, enabled = true) {
  return useQuery({
    queryKey: ledgerKeys.summary(q),
    queryFn: ({ signal }) => api.get<ServiceSummary>('/service-records/summary', q, signal),
    enabled,
  });
}

function useLedgerWrite<B>(action: 'correct' | 'void') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: B }) =>
      api.post<ServiceRecordView>(`/service-records/${id}/${action}`, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ledgerKeys.all });
      void qc.invalidateQueries({ queryKey: ['member-service'] });
    },
  });
}

export const useCorrectRecord = () => useLedgerWrite<CorrectServiceRecord>('correct');
export const useVoidRecord = () => useLedgerWrite<VoidServiceRecord>('void');

export function useAtRisk(query: Query) {
  return useQuery({
    queryKey: ledgerKeys.pace(query),
    queryFn: ({ signal }) => api.get<AtRiskList>('/member-service/at-risk', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRemind() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RemindBody) => api.post<RemindResult>('/member-service/at-risk/remind', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['member-service'] }),
  });
}

/** Minutes as hours with one decimal (the ledger counts minutes; people read hours). */
export const hoursOf = (minutes: number) => (Math.round((minutes / 60) * 10) / 10).toFixed(1);
