import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl, type Query } from '../../api/client';
import type {
  EvaluationFollowUpView,
  EvaluationItemView,
  EvaluationSessionDetail,
  EvaluationSessionView,
  Page,
  ItemDecision,
} from '../../api/contracts';

export const evaluationKeys = {
  all: ['evaluations'] as const,
  list: (q: Query) => ['evaluations', 'list', q] as const,
  detail: (id: string) => ['evaluations', 'detail', id] as const,
  followUps: (q: Query) => ['evaluations', 'follow-ups', q] as const,
};

/** The follow-up tasks the user may work on (the county all, a community its own, a unit those given to it). */
export function useFollowUps(query: Query) {
  return useQuery({
    queryKey: evaluationKeys.followUps(query),
    queryFn: ({ signal }) => api.get<Page<EvaluationFollowUpView>>('/evaluation-follow-ups', query, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useSessions(query: Query) {
  return useQuery({
    queryKey: evaluationKeys.list(query),
    queryFn: ({ signal }) => api.get<Page<EvaluationSessionView>>('/evaluation-sessions', query, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useSession(id: string | undefined) {
  return useQuery({
    queryKey: evaluationKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<EvaluationSessionDetail>(`/evaluation-sessions/${id}`, undefined, signal),
    enabled: !!id,
    retry: false,
  });
}

export function recordPdfUrl(id: string): string {
  return apiUrl(`/evaluation-sessions/${id}/record.pdf`);
}

export function useEvaluationWrites(sessionId?: string) {
  const qc = useQueryClient();
  const invalidate = () => qc.invalidateQueries({ queryKey: evaluationKeys.all });
  return {
    create: useMutation({
      mutationFn: (input: { communityId: string; heldOn: string }) =>
        api.post<EvaluationSessionDetail>('/evaluation-sessions', input),
      onSuccess: invalidate,
    }),
    verdict: useMutation({
      mutationFn: ({ itemId, verdict, comment }: { itemId: string; verdict: ItemDecision; comment: string | null }) =>
        api.put<EvaluationItemView>(`/evaluation-sessions/${sessionId}/items/${itemId}`, { verdict, comment }),
      onSuccess: invalidate,
    }),
    update: useMutation({
      mutationFn: (body: { representatives: string[]; minutes: string | null; version: number }) =>
        api.patch<EvaluationSessionDetail>(`/evaluation-sessions/${sessionId}`, body),
      onSuccess: invalidate,
    }),
    followUp: useMutation({
      mutationFn: ({ id, ...body }: { id: string; status: 'open' | 'done'; version: number }) =>
        api.patch<EvaluationFollowUpView>(`/evaluation-follow-ups/${id}`, body),
      onSuccess: invalidate,
    }),
    hold: useMutation({
      mutationFn: (body: { representatives: string[]; minutes: string | null; version: number }) =>
        api.post<EvaluationSessionDetail>(`/evaluation-sessions/${sessionId}/hold`, body),
      onSuccess: invalidate,
    }),
  };
}
