import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '../../api/client';
import type { CreatePerson, Page, PersonView, RevealResponse, UpdatePerson } from '../../api/contracts';

export const peopleKeys = {
  all: ['people'] as const,
  list: (q: Query) => ['people', 'list', q] as const,
  detail: (id: string) => ['people', 'detail', id] as const,
  search: (q: string) => ['people', 'search', q] as const,
};

export function usePeopleList(query: Query) {
  return useQuery({
    queryKey: peopleKeys.list(query),
    queryFn: ({ signal }) => api.get<Page<PersonView>>('/people', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: string | null) {
  return useQuery({
    queryKey: peopleKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<PersonView>(`/people/${id}`, undefined, signal),
    enabled: !!id,
  });
}

/** People matching a name or phone, for choosing one (e.g. when registering a Party member). */
export function usePeopleSearch(q: string) {
  return useQuery({
    queryKey: peopleKeys.search(q),
    queryFn: ({ signal }) =>
      api.get<Page<PersonView>>('/people', { q: q || undefined, pageSize: 20, sort: 'name' }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Full phone / ID number; the server records who looked and when. */
export function revealPerson(id: string): Promise<RevealResponse> {
  return api.post<RevealResponse>(`/people/${id}/reveal`, { fields: ['phone', 'idNumber'] });
}

export function usePeopleMutations() {
  const qc = useQueryClient();
  const invalidate = async () => {
    await qc.invalidateQueries({ queryKey: peopleKeys.all });
    await qc.invalidateQueries({ queryKey: ['total'] });
  };
  return {
    create: useMutation({
      mutationFn: (input: CreatePerson) => api.post<PersonView>('/people', input),
      onSuccess: invalidate,
    }),
    update: useMutation({
      mutationFn: ({ id, input }: { id: string; input: UpdatePerson }) => api.patch<PersonView>(`/people/${id}`, input),
      onSuccess: invalidate,
    }),
    remove: useMutation({ mutationFn: (id: string) => api.del<{ ok: true }>(`/people/${id}`), onSuccess: invalidate }),
  };
}
