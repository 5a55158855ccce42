import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '../../api/client';
import type {
  CreateOrganisation,
  OrgKind,
  OrganisationView,
  OrgTreeNode,
  Page,
  UpdateOrganisation,
} from '../../api/contracts';

export const orgKeys = {
  all: ['org'] as const,
  tree: ['org', 'tree'] as const,
  list: (q: Query) => ['org', 'list', q] as const,
  detail: (id: string) => ['org', 'detail', id] as const,
  options: (kind: OrgKind) => ['org', 'options', kind] as const,
  children: (id: string) => ['org', 'children', id] as const,
};

export function useOrgTree() {
  return useQuery({
    queryKey: orgKeys.tree,
    queryFn: ({ signal }) => api.get<OrgTreeNode[]>('/organisations/tree', undefined, signal),
  });
}

export function useOrgList(query: Query) {
  return useQuery({
    queryKey: orgKeys.list(query),
    queryFn: ({ signal }) => api.get<Page<OrganisationView>>('/organisations', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useOrg(id: string | null) {
  return useQuery({
    queryKey: orgKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<OrganisationView>(`/organisations/${id}`, undefined, signal),
    enabled: !!id,
  });
}

export function useOrgChildren(id: string | null) {
  return useQuery({
    queryKey: orgKeys.children(id ?? ''),
    queryFn: ({ signal }) =>
      api.get<Page<OrganisationView>>('/organisations', { parentId: id, pageSize: 200, sort: 'code' }, signal),
    enabled: !!id,
  });
}

/** Every organisation of one kind (≤ 200: 11 communities, 83 units…), for Select options. */
export function useOrgOptions(kind: OrgKind, enabled = true) {
  return useQuery({
    queryKey: orgKeys.options(kind),
    queryFn: ({ signal }) =>
      api.get<Page<OrganisationView>>('/organisations', { kind, pageSize: 200, sort: 'code' }, signal),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useOrgMutations() {
  const qc = useQueryClient();
  const invalidate = () => qc.invalidateQueries({ queryKey: orgKeys.all });
  return {
    create: useMutation({
      mutationFn: (input: CreateOrganisation) => api.post<OrganisationView>('/organisations', input),
      onSuccess: invalidate,
    }),
    update: useMutation({
      mutationFn: ({ id, input }: { id: string; input: UpdateOrganisation }) =>
        api.patch<OrganisationView>(`/organisations/${id}`, input),
      onSuccess: invalidate,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api.del<{ ok: true }>(`/organisations/${id}`),
      onSuccess: invalidate,
    }),
  };
}
