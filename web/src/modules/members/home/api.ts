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

/** A Party member's own pages read these five: their year, registration, posts, next duties and ratings. */
export const memberHomeKeys = {
  year: ['member-home', 'year'] as const,
  reports: ['member-home', 'reports'] as const,
  posts: ['member-home', 'posts'] as const,
  activities: ['member-home', 'activities'] as const,
  ratings: ['member-home', 'ratings'] as const,
  records: ['member-home', 'records'] as const,
};

export function useMyServiceYear() {
  return useQuery({
    queryKey: memberHomeKeys.year,
    queryFn: ({ signal }) => api.get<MyServiceYear>('/member-service/me/year', undefined, signal),
  });
}

export function useMyReports() {
  return useQuery({
    queryKey: memberHomeKeys.reports,
    queryFn: ({ signal }) => api.get<MyReports>('/member-reports/mine', undefined, signal),
  });
}

export function useMyPosts() {
  return useQuery({
    queryKey: memberHomeKeys.posts,
    queryFn: ({ signal }) => api.get<{ items: PostAssignmentView[] }>('/post-assignments/mine', undefined, signal),
  });
}

export function useMyActivities() {
  return useQuery({
    queryKey: memberHomeKeys.activities,
    queryFn: ({ signal }) => api.get<{ items: MyPostActivity[] }>('/post-activities/mine', undefined, signal),
  });
}

export function useMyRatings() {
  return useQuery({
    queryKey: memberHomeKeys.ratings,
    queryFn: ({ signal }) => api.get<{ items: RatingView[] }>('/member-ratings/mine', undefined, signal),
  });
}

/** The member's latest service records (the ledger shows a member only their own). */
export function useMyRecentRecords() {
  return useQuery({
    queryKey: memberHomeKeys.records,
    queryFn: ({ signal }) =>
      api.get<Page<ServiceRecordView>>('/service-records', { pageSize: 5, sort: '-startsAt' }, signal),
  });
}
