import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '../../../../api/client';
import type { Page } from '../../../../api/contracts';
import type {
  ClaimableNeeds,
  FulfilClaim,
  NeedClaimView,
} from '../../../../../../src/modules/cobuild/needs/needs.claims.contracts';

export type { ClaimableNeeds, NeedClaimView };
export type ClaimableNeed = ClaimableNeeds['items'][number];
export { NEED_CLAIM_STATUSES } from '../../../../../../src/modules/cobuild/needs/needs.enums';

/**
 * 微心愿认领: a Party member's claims (the phone) and staff fulfilling them (the needs page's 认领 tab). Every write
 * refreshes the claims and the needs lists (a fulfilled claim is the member's service record, and their year).
 */
export const claimKeys = {
  all: ['need-claims'] as const,
  claimable: ['need-claims', 'claimable'] as const,
  list: (q: Query) => ['need-claims', 'list', q] as const,
};

export function useClaimable() {
  return useQuery({
    queryKey: claimKeys.claimable,
    queryFn: ({ signal }) => api.get<ClaimableNeeds>('/need-claims/claimable', undefined, signal),
  });
}

/** Claims: staff those of the needs they see, a member their own (the server narrows it). */
export function useClaims(q: Query) {
  return useQuery({
    queryKey: claimKeys.list(q),
    queryFn: ({ signal }) => api.get<Page<NeedClaimView>>('/need-claims', q, signal),
    placeholderData: keepPreviousData,
  });
}

export function useClaimWrites() {
  const qc = useQueryClient();
  const onSuccess = async () => {
    await Promise.all([
      qc.invalidateQueries({ queryKey: claimKeys.all }),
      qc.invalidateQueries({ queryKey: ['needs'] }),
      qc.invalidateQueries({ queryKey: ['member-home'] }),
    ]);
  };
  return {
    claim: useMutation({
      mutationFn: ({ needId, note }: { needId: string; note?: string }) =>
        api.post<NeedClaimView>(`/needs/${needId}/claim`, note ? { note } : {}),
      onSuccess,
    }),
    withdraw: useMutation({
      mutationFn: (c: Pick<NeedClaimView, 'id' | 'version'>) =>
        api.post<NeedClaimView>(`/need-claims/${c.id}/withdraw`, { version: c.version }),
      onSuccess,
    }),
    fulfil: useMutation({
      mutationFn: ({ id, ...body }: FulfilClaim & { id: string }) =>
        api.post<NeedClaimView>(`/need-claims/${id}/fulfil`, body),
      onSuccess,
    }),
  };
}
