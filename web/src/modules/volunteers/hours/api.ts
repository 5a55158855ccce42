import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, type Query } from '../../../api/client';
import type { Page } from '../../../api/contracts';
import type {
  HoursSummary,
  IssueCertificate,
  PublicCertificate,
  VolunteerCertificateView,
  VolunteerHours,
} from '../../../../../src/modules/volunteers/hours/hours.contracts';
import { useRefreshVolunteers } from '../api';

export type { HoursSummary, PublicCertificate, VolunteerCertificateView, VolunteerHours };

/** Hours, stars and certificates: the staff pages' requests (the keys under `volunteers`, refreshed by any write). */
/** A row of the hours list, keyed by its volunteer (the tables want an `id`). */
export type HoursRow = VolunteerHours & { id: string };

export function useHours(query: Query) {
  return useQuery({
    queryKey: ['volunteers', 'hours', query],
    queryFn: ({ signal }) => api.get<Page<VolunteerHours>>('/volunteer-hours', query, signal),
    select: (page): Page<HoursRow> => ({ ...page, items: page.items.map((v) => ({ ...v, id: v.volunteerId })) }),
    placeholderData: keepPreviousData,
  });
}

export function useHoursSummary(filter: Query) {
  return useQuery({
    queryKey: ['volunteers', 'hours-summary', filter],
    queryFn: ({ signal }) => api.get<HoursSummary>('/volunteer-hours/summary', filter, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCertificates(query: Query) {
  return useQuery({
    queryKey: ['volunteers', 'certificates', query],
    queryFn: ({ signal }) => api.get<Page<VolunteerCertificateView>>('/volunteer-certificates', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePublicCertificates() {
  return useQuery({
    queryKey: ['volunteers', 'certificates', 'public'],
    queryFn: ({ signal }) =>
      api.get<{ items: PublicCertificate[] }>('/volunteer-certificates/public', undefined, signal),
  });
}

export function useCertificateWrites() {
  const onSuccess = useRefreshVolunteers();
  return {
    issue: useMutation({
      mutationFn: (input: IssueCertificate) => api.post<VolunteerCertificateView>('/volunteer-certificates', input),
      onSuccess,
    }),
    revoke: useMutation({
      mutationFn: ({ id, reason }: { id: string; reason: string }) =>
        api.post<VolunteerCertificateView>(`/volunteer-certificates/${id}/revoke`, { reason }),
      onSuccess,
    }),
  };
}

/** The certificate's PDF (the browser opens it with the session cookie). */
export const certificatePdfUrl = (id: string) => `/api/volunteer-certificates/${id}/card.pdf`;
