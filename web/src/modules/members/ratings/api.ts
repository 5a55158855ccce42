import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '../../../api/client';
import type { Page } from '../../../api/contracts';
import type {
  AnswerBody,
  ConfirmRatings,
  Coverage,
  RatingView,
  ServiceRulesInput,
  ServiceRulesResponse,
  UnitSheet,
} from '../../../../../src/modules/members/ratings/ratings.contracts';
import type { RatingGrade } from '../../../../../src/modules/members/ratings/ratings.enums';

export { RATING_GRADES } from '../../../../../src/modules/members/ratings/ratings.enums';
export type { AnswerBody, Coverage, RatingGrade, RatingView, ServiceRulesInput, ServiceRulesResponse, UnitSheet };

/** Points, quarterly ratings, appeals and the feedback to units: the staff pages' and the member's requests. */
export const ratingKeys = {
  all: ['member-ratings'] as const,
  list: (q: Query) => ['member-ratings', 'list', q] as const,
  mine: ['member-ratings', 'mine'] as const,
  sheet: (q: Query) => ['member-ratings', 'sheet', q] as const,
  coverage: (q: Query) => ['member-ratings', 'coverage', q] as const,
  rules: ['member-service-rules'] as const,
};

export interface QuarterChoice {
  year: number;
  quarter: number;
}

export function useRatings(query: Query) {
  return useQuery({
    queryKey: ratingKeys.list(query),
    queryFn: ({ signal }) => api.get<Page<RatingView>>('/member-ratings', query, signal),
    placeholderData: keepPreviousData,
  });
}

/** The member's own confirmed ratings (我的评定), for the phone page and the member's home. */
export function useMyRatings(enabled = true) {
  return useQuery({
    queryKey: ratingKeys.mine,
    queryFn: ({ signal }) => api.get<{ items: RatingView[] }>('/member-ratings/mine', undefined, signal),
    enabled,
  });
}

export function useUnitSheet(q: QuarterChoice & { unitId?: string }) {
  return useQuery({
    queryKey: ratingKeys.sheet({ ...q }),
    queryFn: ({ signal }) => api.get<UnitSheet>('/member-ratings/unit-sheet', { ...q }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCoverage(q: QuarterChoice) {
  return useQuery({
    queryKey: ratingKeys.coverage({ ...q }),
    queryFn: ({ signal }) => api.get<Coverage>('/member-ratings/coverage', { ...q }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useServiceRules() {
  return useQuery({
    queryKey: ratingKeys.rules,
    queryFn: ({ signal }) => api.get<ServiceRulesResponse>('/member-service-rules', undefined, signal),
  });
}

/** Every rating write invalidates the ratings (lists, sheets, coverage, the member's own). */
function useRatingWrite<B, R>(fn: (body: B) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ratingKeys.all }) });
}

export const useGenerate = () =>
  useRatingWrite((q: QuarterChoice) => api.post<{ suggested: number }>('/member-ratings/generate', q));
export const useConfirm = () =>
  useRatingWrite((body: ConfirmRatings) => api.post<{ confirmed: number }>('/member-ratings/confirm', body));
export const useAnswer = () =>
  useRatingWrite(({ id, ...body }: AnswerBody & { id: string }) =>
    api.post<RatingView>(`/member-ratings/${id}/answer`, body),
  );
export const useAppeal = () =>
  useRatingWrite(({ id, reason }: { id: string; reason: string }) =>
    api.post<RatingView>(`/member-ratings/${id}/appeal`, { reason }),
  );

export function useSaveRules() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ServiceRulesInput) => api.put<ServiceRulesResponse>('/member-service-rules', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ratingKeys.rules }),
  });
}
