import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '../../../api/client';
import type { Page } from '../../../api/contracts';
import type {
  AddCommitteeMember,
  AdoptRequest,
  Committee,
  CommitteeList,
  Comparison,
  CreatePlan,
  Defaults,
  EditPairs,
  PairView,
  PlanDetail,
  PlanSettings,
  PlanView,
  RunRequest,
  UpdateCommitteeMember,
} from '../../../../../src/modules/cobuild/pairing/pairing.contracts';

export type {
  Committee,
  CommitteeMember,
  Comparison,
  Defaults,
  Explanation,
  MapCommunity,
  MapUnit,
  Objective,
  PairChange,
  PairRef,
  PairView,
  PlanDetail,
  PlanSettings,
  PlanView,
  ResolvedSettings,
  Violation,
} from '../../../../../src/modules/cobuild/pairing/pairing.contracts';

export { STRENGTHS as STRENGTH_TAGS } from '../../../../../src/modules/org/org.enums';

export const pairingKeys = {
  all: ['pairing'] as const,
  pairs: (q: Query) => ['pairing', 'pairs', q] as const,
  plans: (year: number) => ['pairing', 'plans', year] as const,
  plan: (id: string) => ['pairing', 'plan', id] as const,
  defaults: (year: number) => ['pairing', 'defaults', year] as const,
  compare: (id: string) => ['pairing', 'compare', id] as const,
  committees: (year: number) => ['pairing', 'committees', year] as const,
  committee: (id: string, year: number) => ['pairing', 'committee', id, year] as const,
};

export const usePairs = (q: Query, enabled = true) =>
  useQuery({
    queryKey: pairingKeys.pairs(q),
    enabled,
    retry: false,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get<Page<PairView>>('/pairings', q, signal),
  });
export const usePlans = (year: number, enabled = true) =>
  useQuery({
    queryKey: pairingKeys.plans(year),
    enabled,
    retry: false,
    queryFn: ({ signal }) => api.get<Page<PlanView>>('/pairing-plans', { year, pageSize: 100 }, signal),
  });
export const usePlan = (id: string | undefined) =>
  useQuery({
    queryKey: pairingKeys.plan(id ?? ''),
    enabled: !!id,
    retry: false,
    queryFn: ({ signal }) => api.get<PlanDetail>(`/pairing-plans/${id}`, undefined, signal),
  });
export const useDefaults = (year: number, enabled: boolean) =>
  useQuery({
    queryKey: pairingKeys.defaults(year),
    enabled,
    retry: false,
    staleTime: 60_000,
    queryFn: ({ signal }) => api.get<Defaults>('/pairing-plans/defaults', { year }, signal),
  });
export const useCompare = (id: string | undefined, enabled: boolean) =>
  useQuery({
    queryKey: pairingKeys.compare(id ?? ''),
    enabled: enabled && !!id,
    retry: false,
    queryFn: ({ signal }) => api.get<Comparison>(`/pairing-plans/${id}/compare`, undefined, signal),
  });
export const useCommittees = (year: number) =>
  useQuery({
    queryKey: pairingKeys.committees(year),
    retry: false,
    queryFn: ({ signal }) => api.get<CommitteeList>('/party-committees', { year }, signal),
  });
export const useCommittee = (communityId: string | undefined, year: number) =>
  useQuery({
    queryKey: pairingKeys.committee(communityId ?? '', year),
    enabled: !!communityId,
    retry: false,
    queryFn: ({ signal }) => api.get<Committee>(`/party-committees/${communityId}`, { year }, signal),
  });

/** Every write refreshes everything pairing-related: a plan, the adopted pairs and the 大党委 depend on each other. */
export function usePairingWrites() {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: pairingKeys.all });
  return {
    run: useMutation({ mutationFn: (b: RunRequest) => api.post<PlanDetail>('/pairing-plans/run', b), onSuccess }),
    rerun: useMutation({
      mutationFn: ({ id, ...b }: { id: string; settings?: PlanSettings; version: number }) =>
        api.post<PlanDetail>(`/pairing-plans/${id}/run`, b),
      onSuccess,
    }),
    create: useMutation({ mutationFn: (b: CreatePlan) => api.post<PlanDetail>('/pairing-plans', b), onSuccess }),
    edit: useMutation({
      mutationFn: ({ id, ...b }: EditPairs & { id: string }) => api.patch<PlanDetail>(`/pairing-plans/${id}/pairs`, b),
      onSuccess,
    }),
    adopt: useMutation({
      mutationFn: ({ id, ...b }: AdoptRequest & { id: string }) =>
        api.post<PlanDetail>(`/pairing-plans/${id}/adopt`, b),
      onSuccess,
    }),
    remove: useMutation({ mutationFn: (id: string) => api.del(`/pairing-plans/${id}`), onSuccess }),
    addMember: useMutation({
      mutationFn: ({ communityId, ...b }: AddCommitteeMember & { communityId: string }) =>
        api.post<Committee>(`/party-committees/${communityId}/members`, b),
      onSuccess,
    }),
    updateMember: useMutation({
      mutationFn: ({
        communityId,
        memberKey,
        ...b
      }: UpdateCommitteeMember & { communityId: string; memberKey: string }) =>
        api.patch<Committee>(`/party-committees/${communityId}/members/${memberKey}`, b),
      onSuccess,
    }),
  };
}
