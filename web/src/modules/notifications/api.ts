import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { NotificationPage } from '../../api/contracts';

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
  recent: ['notifications', 'recent'] as const,
};

/** Unread count (and the newest unread), polled every 30 s while the app is open. */
export function useUnreadNotifications() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: ({ signal }) => api.get<NotificationPage>('/notifications', { unread: 'true', pageSize: 1 }, signal),
    refetchInterval: 30_000,
    refetchIntervalInBackground: false,
    staleTime: 10_000,
  });
}

/** The latest notifications, read or not, for the dropdown. */
export function useRecentNotifications(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.recent,
    queryFn: ({ signal }) => api.get<NotificationPage>('/notifications', { pageSize: 20 }, signal),
    enabled,
    staleTime: 5_000,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    /** ids: these; undefined: all. */
    mutationFn: (ids?: string[]) => api.post<{ marked: number }>('/notifications/read', ids ? { ids } : {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
