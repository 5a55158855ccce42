import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { MyServiceYear } from '../../../../../src/modules/members/me/me.contracts';
import type { MyPostActivity } from '../../../../../src/modules/members/activities/activities.contracts';
import type { PostAssignmentView } from '../../../../../src/modules/members/posts/posts.openings.contracts';
import type { RatingView } from '../../../../../src/modules/members/ratings/ratings.contracts';
import type { MyReports } from '../../../../../src/modules/members/reports/reports.contracts';
import type { ServiceRecordView } from '../../../../../src/modules/ledger/ledger.contracts';
import type { Page } from '../../../api/contracts';

export type { MyServiceYear, MyPostActivity, PostAssignmentView, RatingView, MyReports, ServiceRecordView };
// The member's duties, ratings and registration: the hooks (and caches) of their own pages, so that signing up,
// appealing or applying there shows on the home at once.
export { useMyActivities } from '../activities/api';
export { useMyRatings } from '../ratings/api';
export { useMyReports } from '../reports/api';

/** What only the member home reads: the year's figures, the posts held, the latest service records. */
export const memberHomeKeys = {
  year: ['member-home', 'year'] as const,
  posts: ['member-home', 'posts'] as const,
  records: ['member-home', 'records'] as const,
};

export function useMyServiceYear() {
  return useQuery({
    queryKey: memberHomeKeys.year,
    queryFn: ({ signal }) => api.get<MyServiceYear>('/member-service/me/year', undefined, signal),
  });
}

export function useMyPosts() {
  return useQuery({
    queryKey: memberHomeKeys.posts,
    queryFn: ({ signal }) => api.get<{ items: PostAssignmentView[] }>('/post-assignments/mine', undefined, signal),
  });
}

/** The member's latest service records (the ledger shows a member only their own). */
export function useMyRecentRecords(pageSize = 5) {
  return useQuery({
    queryKey: [...memberHomeKeys.records, pageSize],
    queryFn: ({ signal }) =>
      api.get<Page<ServiceRecordView>>('/service-records', { pageSize, sort: '-startsAt' }, signal),
  });
}
