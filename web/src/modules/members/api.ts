import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '../../api/client';
import type { CreatePartyMember, Page, PartyMemberView, UpdatePartyMember } from '../../api/contracts';

export const memberKeys = {
  all: ['members'] as const,
  list: (q: Query) => ['members', 'list', q] as const,
  detail: (id: string) => ['members', 'detail', id] as const,
};

export function useMemberList(query: Query) {
  return useQuery({
    queryKey: memberKeys.list(query),
    queryFn: ({ signal }) => api.get<Page<PartyMemberView>>('/party-members', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMember(id: string | null) {
  return useQuery({
    queryKey: memberKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<PartyMemberView>(`/party-members/${id}`, undefined, signal),
    enabled: !!id,
  });
}

export function useMemberMutations() {
  const qc = useQueryClient();
  const invalidate = async () => {
    await qc.invalidateQueries({ queryKey: memberKeys.all });
    await qc.invalidateQueries({ queryKey: ['people'] });
    await qc.invalidateQueries({ queryKey: ['total'] });
  };
  return {
    create: useMutation({
      mutationFn: (input: CreatePartyMember) => api.post<PartyMemberView>('/party-members', input),
      onSuccess: invalidate,
    }),
    update: useMutation({
      mutationFn: ({ id, input }: { id: string; input: UpdatePartyMember }) =>
        api.patch<PartyMemberView>(`/party-members/${id}`, input),
      onSuccess: invalidate,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api.del<{ ok: true }>(`/party-members/${id}`),
      onSuccess: invalidate,
    }),
  };
}
