import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '../../../api/client';
import type { Page } from '../../../api/contracts';
import type {
  AssignmentRunResult,
  BulkConfirmResult,
  OpeningCandidate,
  PostAssignmentView,
  PostOpeningView,
  PostTypeView,
} from '../../../../../src/modules/members/posts/posts.openings.contracts';

export { DEFAULT_POST_TYPE_KEYS, POST_ASSIGNMENT_STATES } from '../../../../../src/modules/members/posts/posts.enums';
export type {
  AssignmentRunResult,
  BulkConfirmResult,
  OpeningCandidate,
  PostAssignmentView,
  PostOpeningView,
  PostTypeView,
};

/** 设岗定责: the posts page's requests, and the member's own posts (for the member's home and phone pages). */
export const postKeys = {
  all: ['posts'] as const,
  types: (communityId: string) => ['posts', 'types', communityId] as const,
  openings: (q: Query) => ['posts', 'openings', q] as const,
  assignments: (q: Query) => ['posts', 'assignments', q] as const,
  candidates: (openingId: string, q: string) => ['posts', 'candidates', openingId, q] as const,
  mine: ['posts', 'mine'] as const,
};

export function usePostTypes(communityId: string | undefined) {
  return useQuery({
    queryKey: postKeys.types(communityId ?? ''),
    queryFn: ({ signal }) => api.get<{ items: PostTypeView[] }>('/post-types', { communityId }, signal),
    enabled: !!communityId,
  });
}

export function useOpenings(query: Query, enabled = true) {
  return useQuery({
    queryKey: postKeys.openings(query),
    queryFn: ({ signal }) => api.get<Page<PostOpeningView>>('/post-openings', query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useAssignments(query: Query, enabled = true) {
  return useQuery({
    queryKey: postKeys.assignments(query),
    queryFn: ({ signal }) => api.get<Page<PostAssignmentView>>('/post-assignments', query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCandidates(openingId: string | undefined, q: string) {
  return useQuery({
    queryKey: postKeys.candidates(openingId ?? '', q),
    queryFn: ({ signal }) =>
      api.get<{ items: OpeningCandidate[] }>(`/post-openings/${openingId}/candidates`, { q: q || undefined }, signal),
    enabled: !!openingId,
  });
}

/** The signed-in member's posts (confirmed and ended), newest year first: the "我的岗位" card reads this. */
export function useMyPosts(enabled = true) {
  return useQuery({
    queryKey: postKeys.mine,
    queryFn: ({ signal }) => api.get<{ items: PostAssignmentView[] }>('/post-assignments/mine', undefined, signal),
    enabled,
  });
}

/** Every write refreshes all of the posts' queries (counts on openings follow assignments). */
function usePostMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: postKeys.all }) });
}

export interface TypeInput {
  communityId?: string;
  name?: string;
  nameEn?: string;
  description?: string | null;
  active?: boolean;
  version?: number;
}
export const useCreateType = () => usePostMutation((v: TypeInput) => api.post<PostTypeView>('/post-types', v));
export const useUpdateType = () =>
  usePostMutation(({ id, ...v }: TypeInput & { id: string }) => api.patch<PostTypeView>(`/post-types/${id}`, v));

export interface OpeningInput {
  communityId?: string;
  year?: number;
  gridId?: string | null;
  postTypeId?: string;
  seats?: number;
  title?: string;
  duties?: string | null;
  state?: 'open' | 'closed';
  version?: number;
}
export const useCreateOpening = () =>
  usePostMutation((v: OpeningInput) => api.post<PostOpeningView>('/post-openings', v));
export const useUpdateOpening = () =>
  usePostMutation(({ id, ...v }: OpeningInput & { id: string }) =>
    api.patch<PostOpeningView>(`/post-openings/${id}`, v),
  );

export const useRunAssignment = () =>
  usePostMutation((v: { communityId?: string; year: number }) =>
    api.post<AssignmentRunResult>('/post-openings/assignment', v),
  );
export const useDecide = () =>
  usePostMutation(({ id, action, version }: { id: string; action: 'confirm' | 'decline' | 'end'; version: number }) =>
    api.post<PostAssignmentView>(`/post-assignments/${id}/${action}`, { version }),
  );
export const useConfirmMany = () =>
  usePostMutation((ids: string[]) => api.post<BulkConfirmResult>('/post-assignments/confirm', { ids }));
export const useHandAssign = () =>
  usePostMutation((v: { openingId: string; memberId: string }) => api.post<PostAssignmentView>('/post-assignments', v));

/** The ids of every suggestion of a scope (page by page), for "confirm all". */
export async function allSuggestionIds(query: Query): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const res = await api.get<Page<PostAssignmentView>>('/post-assignments', {
      ...query,
      state: 'suggested',
      page,
      pageSize: 200,
    });
    ids.push(...res.items.map((a) => a.id));
    if (ids.length >= res.total || !res.items.length) return ids;
  }
}
